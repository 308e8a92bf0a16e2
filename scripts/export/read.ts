// Reading the whole spreadsheet for the archive: tab titles, then ONE values.batchGet of every tab.
import type { Cell } from '../../functions/core/cells.ts';
import { quoteSheet } from '../../functions/core/a1.ts';
import type { Snapshot } from '../../functions/core/snapshot.ts';
import type { Spreadsheet } from '../../functions/gateways/spreadsheet.ts';

export interface TabValues {
  readonly tab: string;
  readonly values: readonly (readonly Cell[])[];
}

export async function readAllTabs(book: Spreadsheet): Promise<TabValues[]> {
  const meta = await book.get('sheets.properties.title');
  const titles = (meta.sheets ?? []).map((s) => s.properties?.title ?? '').filter((t) => t !== '');
  const ranges = await book.batchGet(titles.map(quoteSheet));
  return titles.map((tab, i) => ({ tab, values: (ranges[i]?.values ?? []) as Cell[][] }));
}

export function snapshotOf(spreadsheetId: string, tabs: readonly TabValues[]): Snapshot {
  return { spreadsheetId, tabs: new Map(tabs.map((t) => [t.tab, t.values])) };
}
