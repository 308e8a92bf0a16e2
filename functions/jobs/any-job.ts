// Any job by name, for the HTTP functions and the local stack: each job's code is loaded on first use, so a function's
// cold start loads only the job it runs.
import type { RunJobOptions } from '../http/handlers.ts';
import type { YearEndJob } from '../yearend/runner.ts';
import type { JobName } from './jobs.ts';
import type { JobSummary, RunOptions } from './run.ts';

export type AnyJobName = JobName | 'documents' | YearEndJob;

export async function runAnyJob(
  name: AnyJobName,
  options: Partial<RunJobOptions> & Pick<RunOptions, 'env'>,
): Promise<JobSummary> {
  if (name === 'documents') {
    const { runDocuments } = await import('./documents.ts');
    return runDocuments(options);
  }
  if (name === 'record-decisions' || name === 'new-year') {
    const { runYearEnd } = await import('../yearend/runner.ts');
    return runYearEnd(name, options);
  }
  const { runJob } = await import('./run.ts');
  return runJob(name, options);
}
