// CLI: `npm run drive-server -- --port N --data DIR` runs the local Drive server until Ctrl-C.
import { parseArgs } from 'node:util';
import { PortInUseError, listenOn } from '../stack/ports.ts';
import { startDriveServer } from './index.ts';

async function main(): Promise<void> {
  let values;
  try {
    values = parseArgs({
      options: { port: { type: 'string', default: '0' }, data: { type: 'string', default: '.data/drive' } },
      strict: true,
    }).values;
  } catch (error) {
    console.error(`Tham số không hợp lệ: ${(error as Error).message}`);
    process.exit(1);
  }
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65535) {
    console.error(`Cổng không hợp lệ: "${values.port}". Dùng --port <số từ 0 đến 65535>.`);
    process.exit(1);
  }
  let server;
  try {
    server = await listenOn(
      'drive',
      port,
      () => startDriveServer({ port, dataDir: values.data }),
      'chọn cổng khác với --port <số>',
    );
  } catch (error) {
    if (!(error instanceof PortInUseError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  console.log(
    `Máy chủ Google Drive cục bộ đang chạy tại ${server.url} (dữ liệu lưu trong ${values.data}); nhấn Ctrl-C để dừng.`,
  );
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

await main();
