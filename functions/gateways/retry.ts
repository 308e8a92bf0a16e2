// Retry with exponential backoff and full jitter, honouring Retry-After; shared by the Sheets and mail gateways.

export interface RetryPolicy {
  /** Attempts after the first. */
  readonly retries: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 5, baseDelayMs: 200, maxDelayMs: 8_000 };

/** What the caller knows about a failure: whether trying again may help, and how long the server asked us to wait. */
export interface RetryVerdict {
  readonly retry: boolean;
  readonly retryAfterMs?: number;
}

/** 429 and 5xx are worth retrying; so are network errors without a status (reset, refused, timeout). */
export function isRetryableStatus(status: number | undefined): boolean {
  return status === undefined || status === 429 || (status >= 500 && status <= 599);
}

/** Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export async function withRetry<T>(
  attempt: () => Promise<T>,
  judge: (error: unknown) => RetryVerdict,
  policy: RetryPolicy = DEFAULT_RETRY,
): Promise<T> {
  const sleep = policy.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const random = policy.random ?? Math.random;
  for (let n = 0; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      const verdict = judge(error);
      if (!verdict.retry || n >= policy.retries) throw error;
      const backoff = random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** n);
      await sleep(Math.min(policy.maxDelayMs, Math.max(backoff, verdict.retryAfterMs ?? 0)));
    }
  }
}
