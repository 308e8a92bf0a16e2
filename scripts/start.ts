// `npm start`: the whole product on the embedded local stack. `--once`: one full cycle, a summary, exit 0.
import path from 'node:path';
import { TZDate } from '@date-fns/tz';
import { ConfigError } from '../functions/config.ts';
import type { JobName } from '../functions/jobs/jobs.ts';
import { startLocalStack } from './stack/index.ts';

const ZONE = 'Asia/Ho_Chi_Minh';
const once = process.argv.includes('--once');
const dataDir = process.env.THIDUA_DATA_DIR || path.resolve(import.meta.dirname, '..', '.data');

function say(line: string): void {
  process.stdout.write(line + '\n');
}

async function runAndReport(stack: Awaited<ReturnType<typeof startLocalStack>>, job: JobName): Promise<void> {
  const label = { ingest: 'Tiếp nhận, kiểm tra (ingest)', remind: 'Nhắc hạn (remind)', digest: 'Bản tin tuần (digest)' }[job];
  const summary = await stack.runJob(job);
  say(`${label}:`);
  for (const line of summary.lines) say(`  ${line}`);
  say(`  Lượt gọi Google Sheets API: ${summary.sheetsCalls}; yêu cầu gửi thư: ${summary.mailRequests}.`);
}

/** Local stand-in for Cloud Scheduler: sweep every minute, remind daily 08:00, digest Monday 07:30 (ICT). */
function schedule(stack: Awaited<ReturnType<typeof startLocalStack>>): NodeJS.Timeout {
  let running = false;
  return setInterval(async () => {
    if (running) return;
    running = true;
    const local = new TZDate(Date.now(), ZONE);
    const hm = local.getHours() * 60 + local.getMinutes();
    const jobs: JobName[] = ['ingest'];
    if (hm === 8 * 60) jobs.push('remind');
    if (local.getDay() === 1 && hm === 7 * 60 + 30) jobs.push('digest');
    try {
      for (const job of jobs) {
        const summary = await stack.runJob(job);
        if (job !== 'ingest') say(`[${job}] ${summary.lines.join(' ')}`);
      }
    } catch (error) {
      say(`Lỗi khi chạy công việc định kỳ: ${(error as Error).message}`);
    } finally {
      running = false;
    }
  }, 60_000);
}

async function main(): Promise<void> {
  say('Đang khởi động Thi đua trên máy cục bộ...');
  const stack = await startLocalStack({ dataDir });
  for (const line of stack.startLines) say(line);
  say(`Thư mục dữ liệu: ${dataDir}`);
  say(`Máy chủ Google Sheets cục bộ: ${stack.urls.sheets} (bảng tính "${stack.spreadsheetId}")`);
  say(`Máy chủ thư (SendGrid) cục bộ: ${stack.urls.mail}  — hộp thư đã gửi: ${stack.urls.mail}/outbox`);
  say(`Hàm ingest: ${stack.urls.ingest}`);
  say(`Trang theo dõi và biểu mẫu: ${stack.urls.web}`);

  for (const job of ['ingest', 'remind', 'digest'] as const) await runAndReport(stack, job);
  if (once) {
    await stack.close();
    return;
  }
  const timer = schedule(stack);
  say('Đang chạy. Nhấn Ctrl-C để dừng.');
  const stop = async () => {
    clearInterval(timer);
    await stack.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    say(error.message);
    process.exit(1);
  }
  console.error(error);
  process.exit(1);
});
