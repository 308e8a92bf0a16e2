// Reading a whole spreadsheet: tab titles, then ONE values.batchGet of every tab. For what needs every tab as it is
// (the archive, the registry's decisions, the new year), not only the tabs the schema knows.
import type { Cell } from '../core/cells.ts';
import { quoteSheet } from '../core/a1.ts';
import type { Snapshot } from '../core/snapshot.ts';
import type { Spreadsheet } from './spreadsheet.ts';

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
