// `npm run record-decisions [-- --now <ISO time>]`: appends the year's eligible nominees of every award whose decision
// is typed in `Quyết định khen thưởng` to `Sổ theo dõi khen thưởng`, and the units' classifications and ANTT verdicts
// to `Xếp loại các năm` once `Xếp loại thi đua` is typed there (docs/design/awards.md §2), as the menu's "Ghi quyết
// định vào sổ" does. Running it again adds nothing. With no Google configuration it works on the local stack's
// spreadsheet.
import { loadConfig } from '../functions/config.ts';
import { createSheetsClient } from '../functions/gateways/sheets-client.ts';
import { openSpreadsheet } from '../functions/gateways/spreadsheet.ts';
import { recordDecisions } from '../functions/yearend/index.ts';
import { TAB } from '../sheets-schema/index.ts';
import { nowOption, parseCommandLine } from './cli/args.ts';
import { runCommand } from './cli/run.ts';
import { commandEnvironment } from './stack/command.ts';

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
    for (const line of await recordDecisions(book, now, config.UNIT_SECRET_KEY)) console.log(line);
  } finally {
    await close();
  }
}

runCommand(main, { sheetsFailure: `Không ghi được "${TAB.registry}"` });
