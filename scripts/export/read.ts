// Reading the whole spreadsheet for the archive: tab titles, then ONE values.batchGet of every tab.
import type { SheetsApi } from '../../functions/gateways/sheets-client.ts';
import type { Cell } from '../../functions/core/cells.ts';
import type { Snapshot } from '../../functions/core/snapshot.ts';
import { quoteSheet } from '../../functions/core/a1.ts';

export interface TabValues {
  readonly tab: string;
  readonly values: readonly (readonly Cell[])[];
}

export async function readAllTabs(api: SheetsApi, spreadsheetId: string): Promise<TabValues[]> {
  const meta = await api.spreadsheets.get({ spreadsheetId, fields: 'sheets.properties.title' });
  const titles = (meta.data.sheets ?? []).map((s) => s.properties?.title ?? '').filter((t) => t !== '');
  if (titles.length === 0) return [];
  const res = await api.spreadsheets.values.batchGet({
    spreadsheetId,
    ranges: titles.map(quoteSheet),
    valueRenderOption: 'UNFORMATTED_VALUE',
    dateTimeRenderOption: 'SERIAL_NUMBER',
  });
  const ranges = res.data.valueRanges ?? [];
  return titles.map((tab, i) => ({ tab, values: (ranges[i]?.values ?? []) as Cell[][] }));
}

export function snapshotOf(spreadsheetId: string, tabs: readonly TabValues[]): Snapshot {
  return { spreadsheetId, tabs: new Map(tabs.map((t) => [t.tab, t.values])) };
}
