// Bulk-loads a campaign into a spreadsheet through the official client: grids grown in one batchUpdate, old rows
// cleared in one batchClear, every tab written in values.batchUpdate requests of ~2 MB (RAW, as Google Forms stores
// answers).
import type { sheets_v4 } from '@googleapis/sheets';
import type { Cell } from '../../functions/core/cells.ts';
import { quoteSheet, toLetters } from '../../functions/core/a1.ts';
import type { SheetsApi } from '../../functions/gateways/sheets-client.ts';

export type Grids = ReadonlyMap<string, readonly (readonly Cell[])[]>;

/** Writes each grid at A1 of its tab (creating missing tabs); rows below it and columns beyond it are cleared. */
/**
 * `reserveRows` sizes other tabs' grids up front (e.g. system tabs a job will fill), so a run is measured without
 * the grid-growing step.
 */
export async function loadGrids(
  api: SheetsApi,
  spreadsheetId: string,
  grids: Grids,
  reserveRows: ReadonlyMap<string, number> = new Map(),
): Promise<void> {
  const book = await api.spreadsheets.get({ spreadsheetId, fields: 'sheets.properties(title,sheetId,gridProperties)' });
  const sheets = new Map((book.data.sheets ?? []).map((s) => [s.properties?.title ?? '', s.properties!]));
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
  if (requests.length > 0) await api.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests } });
  const tabs = [...grids.keys()];
  if (tabs.length === 0) return;
  await api.spreadsheets.values.batchClear({ spreadsheetId, requestBody: { ranges: tabs.map(quoteSheet) } });
  // Written in requests of at most ~2 MB (Google's recommendation; the strict local server refuses 10 MiB like Google).
  let data: sheets_v4.Schema$ValueRange[] = [];
  let bytes = 0;
  const flush = async () => {
    if (data.length > 0)
      await api.spreadsheets.values.batchUpdate({ spreadsheetId, requestBody: { valueInputOption: 'RAW', data } });
    data = [];
    bytes = 0;
  };
  for (const tab of tabs) {
    const rows = grids.get(tab)!;
    const width = toLetters(Math.max(1, ...rows.map((r) => r.length)) - 1);
    for (let start = 0; start < rows.length;) {
      let end = start;
      let size = 0;
      while (end < rows.length && (end === start || bytes + size < LOAD_REQUEST_BYTES))
        size += Buffer.byteLength(JSON.stringify(rows[end++])) + 1;
      if (bytes > 0 && bytes + size >= LOAD_REQUEST_BYTES) await flush();
      data.push({
        range: `${quoteSheet(tab)}!A${start + 1}:${width}${end}`,
        values: rows.slice(start, end) as Cell[][],
      });
      bytes += size;
      start = end;
    }
  }
  await flush();
}

const LOAD_REQUEST_BYTES = 2_000_000;
