// `npm run job -- <ingest|remind|digest|rollup|documents> [--now <ISO time>] [--dry-run]` against the configured
// spreadsheet, mail API and Drive, or, with no Google configuration, the local stack's.
import { ConfigError } from '../functions/config.ts';
import { JOB_NAMES, type JobName } from '../functions/jobs/jobs.ts';
import { runDocuments } from '../functions/jobs/documents.ts';
import { runJob } from '../functions/jobs/run.ts';
import { parseCommandLine } from './cli/args.ts';
import { commandEnvironment } from './stack/command.ts';

const USAGE = 'Cách dùng: npm run job -- <ingest|remind|digest|rollup|documents> [--now <thời điểm ISO>] [--dry-run]';

function usage(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  const { values, positionals } = parseCommandLine(
    {
      options: { now: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
      allowPositionals: true,
    },
    USAGE,
  );
  const name = positionals[0] as JobName | 'documents';
  if (name !== 'documents' && !JOB_NAMES.includes(name)) usage(`Không có công việc "${positionals[0] ?? ''}".`);
  if (positionals.length > 1) usage(`Tham số thừa: "${positionals[1]}".`);
  let now: Date | undefined;
  if (values.now !== undefined) {
    now = new Date(values.now);
    if (Number.isNaN(now.getTime())) usage(`Thời điểm "${values.now}" không hợp lệ; ví dụ 2026-11-23T08:00:00+07:00.`);
  }
  const { env, close } = await commandEnvironment();
  let summary;
  try {
    const options = { now, dryRun: values['dry-run'], env };
    summary = name === 'documents' ? await runDocuments(options) : await runJob(name, options);
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
