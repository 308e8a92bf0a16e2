// The deployable functions: exactly `ingest`, `remind`, `digest`, `rollup`, `documents` and `yearend`, registered
// with the Functions Framework.
import { http } from '@google-cloud/functions-framework';
import { ConfigError, loadConfig, requireConfig } from './config.ts';
import {
  BODY_DEADLINE_MS,
  bodyLimitFor,
  createHandlers,
  createOidcVerifier,
  frameworkTarget,
  guardNextServer,
} from './http/index.ts';
import type { RunJob } from './http/index.ts';
import { createLogger } from './logging.ts';

const startupLogger = createLogger({ labels: { component: 'startup' } });

function start(): void {
  // Fail at start-up, not at the first request: a missing variable shows as one clear line in the deploy logs.
  const config = requireConfig(loadConfig(), 'OIDC_AUDIENCE', 'SCHEDULER_SERVICE_ACCOUNT');
  const logger = createLogger({
    labels: { component: 'functions' },
    secrets: [config.INGEST_SECRET ?? '', config.SENDGRID_API_KEY, config.UNIT_SECRET_KEY ?? ''],
  });
  // Each deployed function serves one target; remind and digest are deployed without the ingest secret on purpose.
  const target = frameworkTarget();
  // Before the framework builds its server: every body is bounded before anything parses it (see http/bounded-body.ts).
  guardNextServer({
    job: target ?? 'functions',
    limitBytes: bodyLimitFor(target),
    deadlineMs: BODY_DEADLINE_MS,
    logger,
  });
  if (!config.INGEST_SECRET && (target === undefined || target === 'ingest'))
    logger.log('WARNING', 'INGEST_SECRET is not set: ingest accepts only Cloud Scheduler calls.');
  // Imported on first use so each function's cold start loads only the job code it runs.
  const runJob: RunJob = async (name, options) => {
    const jobs = await import('./jobs/any-job.ts');
    return jobs.runAnyJob(name, options);
  };
  const handlers = createHandlers({
    runJob,
    verifyOidc: createOidcVerifier({
      audience: config.OIDC_AUDIENCE,
      serviceAccount: config.SCHEDULER_SERVICE_ACCOUNT,
    }),
    secret: config.INGEST_SECRET,
    logger,
  });
  http('ingest', handlers.ingest);
  http('remind', handlers.remind);
  http('digest', handlers.digest);
  http('rollup', handlers.rollup);
  http('documents', handlers.documents);
  http('yearend', handlers.yearend);
}

try {
  start();
} catch (error) {
  if (error instanceof ConfigError) startupLogger.log('CRITICAL', error.message);
  throw error;
}
