// `npm run new-year [-- --now <ISO time>]`: next year's campaign spreadsheet from this year's (docs/design/awards.md
// §3), created with your own credentials (a service account has no Drive storage to own it). With no Google
// configuration it works on the local stack's data folder.
import { loadConfig } from '../functions/config.ts';
import { createSheetsClient } from '../functions/gateways/sheets-client.ts';
import { JobRefusedError } from '../functions/core/refused.ts';
import { createNextYear } from '../functions/yearend/index.ts';
import { nowOption, parseCommandLine } from './cli/args.ts';
import { runCommand } from './cli/run.ts';
import { commandEnvironment } from './stack/command.ts';

const USAGE = 'Cách dùng: npm run new-year [-- --now <thời điểm ISO>]';

async function main(): Promise<void> {
  const { values } = parseCommandLine({ options: { now: { type: 'string' } } }, USAGE);
  const now = nowOption(values.now, USAGE) ?? new Date();
  const { env, close } = await commandEnvironment();
  try {
    const config = loadConfig(env);
    const api = createSheetsClient(config.GOOGLE_SHEETS_ROOT_URL);
    const result = await createNextYear(api, config.SPREADSHEET_ID, now, { unitSecretKey: config.UNIT_SECRET_KEY });
    for (const line of result.lines) console.log(line);
    console.log(`Dùng bảng tính mới: đặt SPREADSHEET_ID=${result.spreadsheetId}.`);
  } finally {
    await close();
  }
}

runCommand(main, { sheetsFailure: 'Không tạo được bảng tính năm mới', also: [JobRefusedError] });
