// CLI: `npm run sheets-server -- --port N --data DIR` runs the local Sheets server until Ctrl-C.
import { parseArgs } from 'node:util';
import { startSheetsServer } from './index.ts';

class UsageError extends Error {}

function options(argv: string[]): { port: number; dataDir: string } {
  const { values } = parseArgs({
    args: argv,
    options: { port: { type: 'string', default: '0' }, data: { type: 'string', default: '.data/sheets' } },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`Cổng không hợp lệ: "${values.port}". Dùng --port <số từ 0 đến 65535>.`);
  }
  return { port, dataDir: values.data };
}

async function main(): Promise<void> {
  let opts: { port: number; dataDir: string };
  try {
    opts = options(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(error instanceof UsageError ? error.message : `Tham số không hợp lệ: ${(error as Error).message}`);
      process.exit(1);
    }
    throw error;
  }
  const server = await startSheetsServer(opts);
  console.log(`Máy chủ Google Sheets cục bộ đang chạy tại ${server.url} (dữ liệu lưu trong ${opts.dataDir}); nhấn Ctrl-C để dừng.`);
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

await main();
