// `npm run record-decisions [-- --now <ISO time>]`: appends the year's eligible nominees of every award whose decision
// is typed in `Quyết định khen thưởng` to `Sổ theo dõi khen thưởng`, and the units' classifications and ANTT verdicts
// to `Xếp loại các năm` once `Xếp loại thi đua` is typed there (docs/design/awards.md §2). Running it again adds
// nothing. With no Google configuration it works on the local stack's spreadsheet.
import { loadConfig } from '../functions/config.ts';
import { numberSetting } from '../functions/core/settings.ts';
import { campaignTimeZone } from '../functions/core/zone.ts';
import { planRecordDecisions } from '../functions/awards/record.ts';
import { registryKey } from '../functions/awards/registry.ts';
import { createSheetsClient } from '../functions/gateways/sheets-client.ts';
import { evaluateCampaign } from '../functions/rules/index.ts';
import { TAB } from '../sheets-schema/index.ts';
import { readAllTabs, snapshotOf } from './export/index.ts';
import { nowOption, parseCommandLine } from './cli/args.ts';
import { runCommand } from './cli/run.ts';
import { setupSpreadsheet } from './setup/index.ts';
import { commandEnvironment } from './stack/command.ts';
import { quoteSheet } from '../functions/core/a1.ts';
import { openSpreadsheet } from '../functions/gateways/spreadsheet.ts';

const USAGE = 'Cách dùng: npm run record-decisions [-- --now <thời điểm ISO>]';

async function main(): Promise<void> {
  const { values } = parseCommandLine({ options: { now: { type: 'string' } } }, USAGE);
  const now = nowOption(values.now, USAGE) ?? new Date();

  const { env, close } = await commandEnvironment();
  try {
    const config = loadConfig(env);
    const book = openSpreadsheet({
      api: createSheetsClient(config.GOOGLE_SHEETS_ROOT_URL),
      spreadsheetId: config.SPREADSHEET_ID,
    });
    // A spreadsheet set up before the registry existed gains its tabs (headers only; nothing else changes).
    await setupSpreadsheet(book);
    const snapshot = snapshotOf(config.SPREADSHEET_ID, await readAllTabs(book));
    const evaluation = evaluateCampaign(snapshot, now, config.UNIT_SECRET_KEY);
    const year = numberSetting(evaluation.settings, 'Năm');
    const timeZone = campaignTimeZone(evaluation.settings);
    const plan = planRecordDecisions(snapshot, evaluation, registryKey(config.UNIT_SECRET_KEY), year, timeZone);
    if (plan.rows.length > 0) await book.append(quoteSheet(TAB.registry), plan.rows);
    console.log(`Đã ghi ${plan.rows.length} dòng vào "${TAB.registry}" (năm ${year}).`);
    if (plan.alreadyRecorded > 0) console.log(`${plan.alreadyRecorded} người, tập thể đã có trong sổ: không ghi lại.`);
    if (plan.yearRows.length > 0) await book.append(quoteSheet(TAB.yearResults), plan.yearRows);
    console.log(`Đã ghi ${plan.yearRows.length} dòng vào "${TAB.yearResults}" (năm ${year}).`);
    if (plan.yearsAlreadyRecorded > 0)
      console.log(`${plan.yearsAlreadyRecorded} đơn vị đã có xếp loại năm ${year} trong sổ: không ghi lại.`);
    for (const award of plan.awaitingDecision)
      console.log(`Chưa ghi "${award}": chưa có số quyết định trong "${TAB.decisions}".`);
  } finally {
    await close();
  }
}

runCommand(main, { sheetsFailure: `Không ghi được "${TAB.registry}"` });
