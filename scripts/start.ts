// `npm start`: the whole product on the embedded local stack. `--once`: one full cycle, a summary, exit 0.
// Ports: `--port N` (web page on N, Sheets N+1, mail N+2, ingest N+3, Drive N+4; default 8080) or one server's
// `--sheets-port`...; the same as THIDUA_PORT, THIDUA_SHEETS_PORT...
import { TZDate } from '@date-fns/tz';
import { ConfigError } from '../functions/config.ts';
import type { JobName } from '../functions/jobs/jobs.ts';
import {
  DEMO_DRIVE_FOLDER_ID,
  PORT_FLAGS,
  PortInUseError,
  PortSettingError,
  findRunning,
  forgetRunning,
  localDataDir,
  recordRunning,
  resolvePorts,
  startLocalStack,
} from './stack/index.ts';
import { parseCommandLine } from './cli/args.ts';

const USAGE =
  'Cách dùng: npm start -- [--once] [--port <số>] [--web-port <số>] [--sheets-port <số>] [--mail-port <số>] [--ingest-port <số>]';

const ZONE = 'Asia/Ho_Chi_Minh';

/** Something the person starting the stack can fix; one line, no stack trace. */
class StartError extends Error {}

function say(line: string): void {
  process.stdout.write(line + '\n');
}

async function runAndReport(stack: Awaited<ReturnType<typeof startLocalStack>>, job: JobName): Promise<void> {
  const label = {
    ingest: 'Tiếp nhận, kiểm tra (ingest)',
    remind: 'Nhắc hạn (remind)',
    digest: 'Bản tin tuần (digest)',
    rollup: 'Tổng hợp cấp dưới (rollup)',
  }[job];
  const summary = await stack.runJob(job);
  say(`${label}:`);
  for (const line of summary.lines) say(`  ${line}`);
  say(`  Lượt gọi Google Sheets API: ${summary.sheetsCalls}; yêu cầu gửi thư: ${summary.mailRequests}.`);
}

/**
 * Local stand-in for Cloud Scheduler: sweep every minute, remind daily 08:00, digest Monday 07:30 (ICT), the roll-up of
 * the demo's child campaigns hourly.
 */
function schedule(stack: Awaited<ReturnType<typeof startLocalStack>>): NodeJS.Timeout {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const local = new TZDate(Date.now(), ZONE);
      const hm = local.getHours() * 60 + local.getMinutes();
      const jobs: JobName[] = ['ingest'];
      if (hm === 8 * 60) jobs.push('remind');
      if (local.getDay() === 1 && hm === 7 * 60 + 30) jobs.push('digest');
      for (const job of jobs) {
        const summary = await stack.runJob(job);
        if (job !== 'ingest') say(`[${job}] ${summary.lines.join(' ')}`);
      }
      // Each level's roll-up, hourly here (daily in production, docs/design/rollup.md).
      if (local.getMinutes() === 5) await stack.rollUp();
    } catch (error) {
      say(`Lỗi khi chạy công việc định kỳ: ${(error as Error).message}`);
    } finally {
      running = false;
    }
  };
  // tick reports its own errors, so the promise it returns never rejects.
  return setInterval(() => void tick(), 60_000);
}

async function main(): Promise<void> {
  const flags = parseCommandLine(
    { options: { once: { type: 'boolean', default: false }, ...PORT_FLAGS } },
    USAGE,
  ).values;
  const once = flags.once;
  const ports = resolvePorts(flags);
  const dataDir = localDataDir();
  const running = await findRunning(dataDir);
  if (running) {
    throw new StartError(
      `Thi đua đã đang chạy trên thư mục dữ liệu này (tiến trình ${running.pid}): ${running.urls.web}. Hãy dùng nó, hoặc dừng nó trước (Ctrl-C).`,
    );
  }
  say('Đang khởi động Thi đua trên máy cục bộ...');
  const stack = await startLocalStack({ dataDir, ports });
  await recordRunning(dataDir, { pid: process.pid, urls: stack.urls, spreadsheetId: stack.spreadsheetId });
  for (const line of stack.startLines) say(line);
  say(`Thư mục dữ liệu: ${dataDir}`);
  say(`Máy chủ Google Sheets cục bộ: ${stack.urls.sheets} (bảng tính "${stack.spreadsheetId}")`);
  say(`Máy chủ thư (SendGrid) cục bộ: ${stack.urls.mail}  — hộp thư đã gửi: ${stack.urls.mail}/outbox`);
  say(`Hàm ingest: ${stack.urls.ingest}`);
  say(`Hàm documents (trình đơn "Tạo văn bản báo cáo"): ${stack.urls.documents}`);
  say(`Hàm yearend (trình đơn "Ghi quyết định vào sổ", "Tạo chiến dịch năm sau"): ${stack.urls.yearend}`);
  say(
    `Máy chủ Google Drive cục bộ: ${stack.urls.drive} — thư mục văn bản: ${stack.urls.drive}drive/folders/${DEMO_DRIVE_FOLDER_ID}`,
  );
  say(`Trang theo dõi và biểu mẫu: ${stack.urls.web}`);

  for (const job of ['ingest', 'remind', 'digest'] as const) await runAndReport(stack, job);
  say('Tổng hợp cấp dưới (rollup), từ cấp xã lên cấp tỉnh:');
  for (const line of await stack.rollUp()) say(`  ${line}`);
  if (once) {
    await forgetRunning(dataDir);
    await stack.close();
    return;
  }
  const timer = schedule(stack);
  say('Đang chạy. Nhấn Ctrl-C để dừng.');
  const stop = async () => {
    clearInterval(timer);
    await forgetRunning(dataDir);
    await stack.close();
    process.exit(0);
  };
  const onSignal = () =>
    void stop().catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

main().catch((error: unknown) => {
  if (
    error instanceof ConfigError ||
    error instanceof StartError ||
    error instanceof PortInUseError ||
    error instanceof PortSettingError
  ) {
    process.stderr.write(error.message + '\n');
    process.exit(1);
  }
  console.error(error);
  process.exit(1);
});
