// The variables only the deployed HTTP functions need, validated like functions/config.ts does.
import { z } from 'zod';
import { ConfigError } from '../config.ts';

export interface HttpEnv {
  /** The audience Cloud Scheduler's OIDC tokens carry (the function URL, or one shared value set at deploy). */
  readonly oidcAudience: string;
  /** The service account Cloud Scheduler runs as. */
  readonly schedulerServiceAccount: string;
}

export function loadHttpEnv(env: NodeJS.ProcessEnv = process.env): HttpEnv {
  const audience = env.OIDC_AUDIENCE;
  const account = env.SCHEDULER_SERVICE_ACCOUNT;
  if (!audience) throw new ConfigError('Missing environment variable OIDC_AUDIENCE: the audience of Cloud Scheduler OIDC tokens.');
  if (!account) {
    throw new ConfigError('Missing environment variable SCHEDULER_SERVICE_ACCOUNT: the service account email Cloud Scheduler runs as.');
  }
  if (!z.email().safeParse(account).success) {
    throw new ConfigError('Malformed environment variable SCHEDULER_SERVICE_ACCOUNT: expected a service account email.');
  }
  return { oidcAudience: audience, schedulerServiceAccount: account };
}
