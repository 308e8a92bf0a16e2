// Reading the whole spreadsheet for the archive: tab titles, then ONE values.batchGet of every tab.
import type { Cell } from '../../functions/core/cells.ts';
import { quoteSheet } from '../../functions/core/a1.ts';
import type { Snapshot } from '../../functions/core/snapshot.ts';
import { loadConfig, type Config } from '../../functions/config.ts';
import { createSheetsClient } from '../../functions/gateways/sheets-client.ts';
import { openSpreadsheet, type Spreadsheet } from '../../functions/gateways/spreadsheet.ts';
import { commandEnvironment } from '../stack/command.ts';

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

/**
 * The configured campaign's spreadsheet, every tab read once through the access layer: Google's when the environment
 * names it, otherwise the local stack's (started for the read and stopped after). For commands that only read.
 */
export async function readCampaign(): Promise<{ config: Config; tabs: TabValues[]; snapshot: Snapshot }> {
  const { env, close } = await commandEnvironment();
  try {
    const config = loadConfig(env);
    const tabs = await readAllTabs(
      openSpreadsheet({ api: createSheetsClient(config.GOOGLE_SHEETS_ROOT_URL), spreadsheetId: config.SPREADSHEET_ID }),
    );
    return { config, tabs, snapshot: snapshotOf(config.SPREADSHEET_ID, tabs) };
  } finally {
    await close();
  }
}
