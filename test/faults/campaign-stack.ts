// A small campaign on fresh local Sheets and SendGrid servers, for the fault, corpus and security suites.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Cell } from '../../functions/core/cells.ts';
import { createSheetsClient, type SheetsApi } from '../../functions/gateways/sheets-client.ts';
import { openSpreadsheet } from '../../functions/gateways/spreadsheet.ts';
import { runJob, type JobSummary } from '../../functions/jobs/run.ts';
import type { JobName } from '../../functions/jobs/jobs.ts';
import { loadGrids } from '../../scripts/bench/load.ts';
import { FIXTURE_UNIT_KEY } from '../../scripts/bench/campaign.ts';
import { startMailServer, type MailServer } from '../../scripts/mail-server/index.ts';
import { startSheetsServer, type SheetsServer } from '../../scripts/sheets-server/index.ts';
import { setupSpreadsheet } from '../../functions/setup/index.ts';
import { syncTemplates } from '../../scripts/sync-templates.ts';

export const SPREADSHEET_ID = 'faults';
const API_KEY = 'SG.local-test-key.0123456789abcdef';
export const INGEST_SECRET = 'ingest-secret-for-tests-0123456789abcdef';

export interface CampaignStack {
  readonly sheets: SheetsServer;
  readonly mail: MailServer;
  readonly api: SheetsApi;
  readonly env: NodeJS.ProcessEnv;
  readonly dataDir: string;
  run(name: JobName, now: Date, dryRun?: boolean): Promise<JobSummary>;
  /** Every tab as the sheet holds it (UNFORMATTED_VALUE). */
  read(tabs: readonly string[]): Promise<Map<string, Cell[][]>>;
  close(): Promise<void>;
}

export async function startCampaignStack(
  grids: ReadonlyMap<string, readonly (readonly Cell[])[]>,
): Promise<CampaignStack> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'thidua-g-'));
  const sheets = await startSheetsServer({ port: 0, dataDir: path.join(dataDir, 'sheets') });
  const mail = await startMailServer({ port: 0, dataDir: path.join(dataDir, 'mail') });
  const created = await fetch(new URL(`__admin/spreadsheets/${SPREADSHEET_ID}`, sheets.url), { method: 'PUT' });
  if (!created.ok) throw new Error(`could not create the spreadsheet: ${created.status}`);
  const api = createSheetsClient(sheets.url);
  const book = openSpreadsheet({ api, spreadsheetId: SPREADSHEET_ID });
  await setupSpreadsheet(book, {});
  await loadGrids(book, grids);
  await syncTemplates({ apiKey: API_KEY, baseUrl: mail.url });
  sheets.resetStats();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SPREADSHEET_ID,
    GOOGLE_SHEETS_ROOT_URL: sheets.url,
    SENDGRID_API_KEY: API_KEY,
    SENDGRID_BASE_URL: mail.url,
    MAIL_FROM: 'thuongtruc@thidua.example.vn',
    INGEST_SECRET,
    UNIT_SECRET_KEY: FIXTURE_UNIT_KEY,
    THIDUA_DATA_DIR: dataDir,
  };
  return {
    sheets,
    mail,
    api,
    env,
    dataDir,
    run: (name, now, dryRun = false) => runJob(name, { now, dryRun, env }),
    async read(tabs) {
      const res = await api.spreadsheets.values.batchGet({
        spreadsheetId: SPREADSHEET_ID,
        ranges: tabs.map((t) => `'${t.replace(/'/g, "''")}'`),
        valueRenderOption: 'UNFORMATTED_VALUE',
      });
      return new Map(tabs.map((t, i) => [t, (res.data.valueRanges?.[i]?.values ?? []) as Cell[][]]));
    },
    async close() {
      await sheets.close();
      await mail.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
