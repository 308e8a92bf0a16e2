// `npm run job -- <ingest|remind|digest> [--now <ISO time>] [--dry-run]` against the configured spreadsheet and mail API,
// or, with no Google configuration, the local stack's.
import { ConfigError } from '../functions/config.ts';
import { JOB_NAMES, type JobName } from '../functions/jobs/jobs.ts';
import { runJob } from '../functions/jobs/run.ts';
import { commandEnvironment } from './stack/command.ts';

function usage(message: string): never {
  process.stderr.write(
    `${message}\nCách dùng: npm run job -- <ingest|remind|digest> [--now <thời điểm ISO>] [--dry-run]\n`,
  );
  process.exit(2);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const name = args[0] as JobName;
  if (!JOB_NAMES.includes(name)) usage(`Không có công việc "${args[0] ?? ''}".`);
  let now: Date | undefined;
  const at = args.indexOf('--now');
  if (at >= 0) {
    now = new Date(args[at + 1] ?? '');
    if (Number.isNaN(now.getTime()))
      usage(`Thời điểm "${args[at + 1] ?? ''}" không hợp lệ; ví dụ 2026-11-23T08:00:00+07:00.`);
  }
  const { env, close } = await commandEnvironment();
  let summary;
  try {
    summary = await runJob(name, { now, dryRun: args.includes('--dry-run'), env });
  } finally {
    await close();
  }
  for (const line of summary.lines) process.stdout.write(line + '\n');
  process.stdout.write(
    `Lượt gọi Google Sheets API: ${summary.sheetsCalls}; yêu cầu gửi thư: ${summary.mailRequests}.\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    (error instanceof ConfigError ? error.message : String((error as Error)?.message ?? error)) + '\n',
  );
  process.exit(1);
});
