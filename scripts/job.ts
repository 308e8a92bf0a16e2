// `npm run job -- <ingest|remind|digest|rollup|documents> [--now <ISO time>] [--dry-run]` against the configured
// spreadsheet, mail API and Drive, or, with no Google configuration, the local stack's.
import { ConfigError } from '../functions/config.ts';
import { JOB_NAMES, type JobName } from '../functions/jobs/jobs.ts';
import { runDocuments } from '../functions/jobs/documents.ts';
import { runJob } from '../functions/jobs/run.ts';
import { nowOption, parseCommandLine, refuseCommandLine } from './cli/args.ts';
import { commandEnvironment } from './stack/command.ts';

const USAGE = 'Cách dùng: npm run job -- <ingest|remind|digest|rollup|documents> [--now <thời điểm ISO>] [--dry-run]';

async function main(): Promise<void> {
  const { values, positionals } = parseCommandLine(
    {
      options: { now: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
      allowPositionals: true,
    },
    USAGE,
  );
  const name = positionals[0] as JobName | 'documents';
  if (name !== 'documents' && !JOB_NAMES.includes(name))
    refuseCommandLine(`Không có công việc "${positionals[0] ?? ''}".`, USAGE);
  if (positionals.length > 1) refuseCommandLine(`Tham số thừa: "${positionals[1]}".`, USAGE);
  const now = nowOption(values.now, USAGE);
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
