// `npm run setup-sheets`: creates or upgrades the tab structure of the configured spreadsheet (with no Google
// configuration, the local stack's); never deletes data.
import { ConfigError, loadConfig } from '../functions/config.ts';
import { createSheetsClient } from '../functions/gateways/sheets-client.ts';
import { openSpreadsheet } from '../functions/gateways/spreadsheet.ts';
import { setupSpreadsheet } from '../functions/setup/index.ts';
import { commandEnvironment } from './stack/command.ts';
import { parseCommandLine } from './cli/args.ts';

const USAGE = 'Cách dùng: npm run setup-sheets -- [--year <năm>] [--service-account <email>] [--warning-only]';

async function main(): Promise<void> {
  const { values } = parseCommandLine(
    {
      options: {
        'warning-only': { type: 'boolean', default: false },
        'service-account': { type: 'string' },
        year: { type: 'string' },
      },
    },
    USAGE,
  );
  const year = values.year ? Number(values.year) : undefined;
  if (year !== undefined && !(Number.isInteger(year) && year >= 2000 && year <= 2100)) {
    console.error('Giá trị --year không hợp lệ: cần một năm, ví dụ 2026.');
    process.exit(1);
  }
  const { env, close } = await commandEnvironment();
  let result;
  try {
    let config;
    try {
      config = loadConfig(env);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      console.error(error.message);
      process.exitCode = 1;
      return;
    }
    const book = openSpreadsheet({
      api: createSheetsClient(config.GOOGLE_SHEETS_ROOT_URL),
      spreadsheetId: config.SPREADSHEET_ID,
    });
    result = await setupSpreadsheet(book, {
      // The functions' service account stays an editor of the locked system tabs.
      serviceAccount: values['service-account'] ?? process.env.FUNCTIONS_SERVICE_ACCOUNT,
      warningOnly: values['warning-only'],
      year,
    });
  } finally {
    await close();
  }
  const { changes, warnings } = result;
  if (changes.length === 0) console.log('Không có thay đổi.');
  else {
    console.log(`Đã cập nhật bảng tính (${changes.length} thay đổi):`);
    for (const line of changes) console.log(`- ${line}`);
  }
  for (const line of warnings) console.error(`Cảnh báo: ${line}`);
}

main().catch((error: unknown) => {
  console.error(`Không thiết lập được bảng tính: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
