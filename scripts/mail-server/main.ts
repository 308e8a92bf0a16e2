// CLI: npm run mail-server -- --port N --data DIR [--max-template-versions N]
// (defaults: a free port, $THIDUA_DATA_DIR/mail or .data/mail, SendGrid's 300 versions per account).
import { join } from 'node:path';
import { PortInUseError, listenOn } from '../stack/ports.ts';
import { DEFAULT_MAX_TEMPLATE_VERSIONS, startMailServer } from './index.ts';
import { parseCommandLine } from '../cli/args.ts';

const USAGE =
  'Cách dùng: npm run mail-server -- [--port <số>] [--data <thư mục>] [--host <địa chỉ>] [--max-template-versions <số>]';

const { values } = parseCommandLine(
  {
    options: {
      port: { type: 'string' },
      data: { type: 'string' },
      host: { type: 'string' },
      'max-template-versions': { type: 'string' },
    },
  },
  USAGE,
);
const port = values.port === undefined ? 0 : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Cổng không hợp lệ: "${values.port}". Hãy dùng một số từ 0 đến 65535.`);
  process.exit(1);
}
const maxTemplateVersions =
  values['max-template-versions'] === undefined
    ? DEFAULT_MAX_TEMPLATE_VERSIONS
    : Number(values['max-template-versions']);
if (!Number.isInteger(maxTemplateVersions) || maxTemplateVersions < 1) {
  console.error(
    `Số phiên bản mẫu thư tối đa không hợp lệ: "${values['max-template-versions']}". Hãy dùng một số nguyên dương (SendGrid mặc định ${DEFAULT_MAX_TEMPLATE_VERSIONS}).`,
  );
  process.exit(1);
}
const dataDir = values.data ?? join(process.env.THIDUA_DATA_DIR ?? '.data', 'mail');
const server = await listenOn(
  'mail',
  port,
  () => startMailServer({ port, dataDir, host: values.host ?? '127.0.0.1', maxTemplateVersions }),
  'chọn cổng khác với --port <số>',
).catch((error: unknown) => {
  if (!(error instanceof PortInUseError)) throw error;
  console.error(error.message);
  process.exit(1);
});
console.log(
  `Máy chủ thư (tương thích SendGrid) đang chạy tại ${server.url} — hộp thư đi: ${server.url}/outbox, dữ liệu lưu ở ${dataDir}`,
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void server.close().then(() => process.exit(0)));
}
