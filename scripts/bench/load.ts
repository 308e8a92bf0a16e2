// Bulk-loads a campaign into a spreadsheet through the Sheets access layer: grids grown in one batchUpdate, old rows
// cleared in one batchClear, every tab written in values.batchUpdate requests the layer splits at 2 MB (RAW, as Google
// Forms stores answers).
import type { sheets_v4 } from '@googleapis/sheets';
import type { Cell } from '../../functions/core/cells.ts';
import { quoteSheet, rangeOf } from '../../functions/core/a1.ts';
import type { Spreadsheet } from '../../functions/gateways/spreadsheet.ts';

export type Grids = ReadonlyMap<string, readonly (readonly Cell[])[]>;

/**
 * Writes each grid at A1 of its tab (creating missing tabs); rows below it and columns beyond it are cleared.
 * `reserveRows` sizes other tabs' grids up front (e.g. system tabs a job will fill), so a run is measured without
 * the grid-growing step.
 */
export async function loadGrids(
  book: Spreadsheet,
  grids: Grids,
  reserveRows: ReadonlyMap<string, number> = new Map(),
): Promise<void> {
  const meta = await book.get('sheets.properties(title,sheetId,gridProperties)');
  const sheets = new Map((meta.sheets ?? []).map((s) => [s.properties?.title ?? '', s.properties!]));
  const requests: sheets_v4.Schema$Request[] = [];
  const sizes = new Map<string, readonly (readonly Cell[])[]>(grids);
  for (const tab of reserveRows.keys()) if (!sizes.has(tab)) sizes.set(tab, []);
  for (const [tab, rows] of sizes) {
    const wantRows = Math.max(1000, rows.length + 100, reserveRows.get(tab) ?? 0);
    const wantColumns = Math.max(26, ...rows.map((r) => r.length));
    const sheet = sheets.get(tab);
    if (!sheet) {
      requests.push({
        addSheet: { properties: { title: tab, gridProperties: { rowCount: wantRows, columnCount: wantColumns } } },
      });
      continue;
    }
    const grid = sheet.gridProperties ?? {};
    if ((grid.rowCount ?? 0) < wantRows || (grid.columnCount ?? 0) < wantColumns) {
      requests.push({
        updateSheetProperties: {
          properties: {
            sheetId: sheet.sheetId,
            gridProperties: {
              rowCount: Math.max(grid.rowCount ?? 0, wantRows),
              columnCount: Math.max(grid.columnCount ?? 0, wantColumns),
            },
          },
          fields: 'gridProperties.rowCount,gridProperties.columnCount',
        },
      });
    }
  }
  await book.batchUpdate(requests);
  const tabs = [...grids.keys()];
  await book.clear(tabs.map(quoteSheet));
  await book.valuesBatchUpdate(
    tabs.map((tab) => {
      const rows = grids.get(tab)!;
      const width = Math.max(1, ...rows.map((r) => r.length));
      return { range: rangeOf(tab, { startRow: 0, startCol: 0, endRow: rows.length, endCol: width }), values: rows };
    }),
  );
}
