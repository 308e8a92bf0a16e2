// CLI: `npm run sheets-server -- --port N --data DIR` runs the local Sheets server until Ctrl-C.
import { parseCommandLine, portOption } from '../cli/args.ts';
import { serveUntilStopped } from '../cli/serve.ts';
import { GOOGLE_QUOTAS, startSheetsServer } from './index.ts';

const USAGE = 'Cách dùng: npm run sheets-server -- [--port <số>] [--data <thư mục>] [--google-quotas]';

const { values } = parseCommandLine(
  {
    options: {
      port: { type: 'string' },
      data: { type: 'string', default: '.data/sheets' },
      // Google's per-minute read and write quotas (60 each per user); off by default.
      'google-quotas': { type: 'boolean', default: false },
    },
  },
  USAGE,
);
const port = portOption(values.port, USAGE);
const options = { port, dataDir: values.data, ...(values['google-quotas'] ? { quotas: GOOGLE_QUOTAS } : {}) };
await serveUntilStopped(
  'sheets',
  port,
  () => startSheetsServer(options),
  (server) =>
    `Máy chủ Google Sheets cục bộ đang chạy tại ${server.url} (dữ liệu lưu trong ${values.data}); nhấn Ctrl-C để dừng.`,
);
