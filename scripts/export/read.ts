// Reading the configured campaign's whole spreadsheet for the archive (functions/gateways/whole-spreadsheet.ts).
import type { Snapshot } from '../../functions/core/snapshot.ts';
import { loadConfig, type Config } from '../../functions/config.ts';
import { createSheetsClient } from '../../functions/gateways/sheets-client.ts';
import { openSpreadsheet } from '../../functions/gateways/spreadsheet.ts';
import { readAllTabs, snapshotOf, type TabValues } from '../../functions/gateways/whole-spreadsheet.ts';
import { commandEnvironment } from '../stack/command.ts';

export { readAllTabs, snapshotOf, type TabValues };

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
