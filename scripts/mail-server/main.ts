// CLI: npm run mail-server -- --port N --data DIR [--max-template-versions N]
// (defaults: a free port, $THIDUA_DATA_DIR/mail or .data/mail, SendGrid's 300 versions per account).
import { join } from 'node:path';
import { parseCommandLine, portOption, refuseCommandLine } from '../cli/args.ts';
import { serveUntilStopped } from '../cli/serve.ts';
import { DEFAULT_MAX_TEMPLATE_VERSIONS, startMailServer } from './index.ts';

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
const port = portOption(values.port, USAGE);
const maxTemplateVersions =
  values['max-template-versions'] === undefined
    ? DEFAULT_MAX_TEMPLATE_VERSIONS
    : Number(values['max-template-versions']);
if (!Number.isInteger(maxTemplateVersions) || maxTemplateVersions < 1) {
  refuseCommandLine(
    `Số phiên bản mẫu thư tối đa không hợp lệ: "${values['max-template-versions']}". Hãy dùng một số nguyên dương (SendGrid mặc định ${DEFAULT_MAX_TEMPLATE_VERSIONS}).`,
    USAGE,
  );
}
const dataDir = values.data ?? join(process.env.THIDUA_DATA_DIR ?? '.data', 'mail');
await serveUntilStopped(
  'mail',
  port,
  () => startMailServer({ port, dataDir, host: values.host ?? '127.0.0.1', maxTemplateVersions }),
  (server) =>
    `Máy chủ thư (tương thích SendGrid) đang chạy tại ${server.url} — hộp thư đi: ${server.url}/outbox, dữ liệu lưu ở ${dataDir}`,
);
