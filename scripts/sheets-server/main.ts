// CLI: `npm run sheets-server -- --port N --data DIR` runs the local Sheets server until Ctrl-C.
import { PortInUseError, listenOn } from '../stack/ports.ts';
import { GOOGLE_QUOTAS, startSheetsServer, type SheetsServerOptions } from './index.ts';
import { parseCommandLine } from '../cli/args.ts';

const USAGE = 'Cách dùng: npm run sheets-server -- [--port <số>] [--data <thư mục>] [--google-quotas]';

class UsageError extends Error {}

function options(argv: string[]): SheetsServerOptions & { port: number } {
  const { values } = parseCommandLine(
    {
      args: argv,
      options: {
        port: { type: 'string', default: '0' },
        data: { type: 'string', default: '.data/sheets' },
        // Google's per-minute read and write quotas (60 each per user); off by default.
        'google-quotas': { type: 'boolean', default: false },
      },
    },
    USAGE,
  );
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`Cổng không hợp lệ: "${values.port}". Dùng --port <số từ 0 đến 65535>.`);
  }
  return { port, dataDir: values.data, ...(values['google-quotas'] ? { quotas: GOOGLE_QUOTAS } : {}) };
}

async function main(): Promise<void> {
  let opts: SheetsServerOptions & { port: number };
  try {
    opts = options(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  let server;
  try {
    server = await listenOn('sheets', opts.port, () => startSheetsServer(opts), 'chọn cổng khác với --port <số>');
  } catch (error) {
    if (!(error instanceof PortInUseError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  console.log(
    `Máy chủ Google Sheets cục bộ đang chạy tại ${server.url} (dữ liệu lưu trong ${opts.dataDir}); nhấn Ctrl-C để dừng.`,
  );
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

await main();
