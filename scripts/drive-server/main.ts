// CLI: `npm run drive-server -- --port N --data DIR` runs the local Drive server until Ctrl-C.
import { parseCommandLine, portOption } from '../cli/args.ts';
import { serveUntilStopped } from '../cli/serve.ts';
import { startDriveServer } from './index.ts';

const USAGE = 'Cách dùng: npm run drive-server -- [--port <số>] [--data <thư mục>]';

const { values } = parseCommandLine({ options: { port: { type: 'string' }, data: { type: 'string' } } }, USAGE);
const port = portOption(values.port, USAGE);
const dataDir = values.data ?? '.data/drive';
await serveUntilStopped(
  'drive',
  port,
  () => startDriveServer({ port, dataDir }),
  (server) =>
    `Máy chủ Google Drive cục bộ đang chạy tại ${server.url} (dữ liệu lưu trong ${dataDir}); nhấn Ctrl-C để dừng.`,
);
