// Google's per-minute request quotas, off unless asked for: tests drive hundreds of calls a minute on purpose.
import { ApiError } from './errors.ts';

export interface Quotas {
  /** Read requests (spreadsheets.get, values.get, values.batchGet) per minute; Google's default is 60 per user. */
  readonly readsPerMinute?: number;
  /** Every other request per minute; Google's default is 60 per user. */
  readonly writesPerMinute?: number;
}

/** "Per minute per user per project" in Google's usage limits: the quota one service account meets first. */
export const GOOGLE_QUOTAS: Required<Quotas> = { readsPerMinute: 60, writesPerMinute: 60 };

const READS = new Set(['spreadsheets.get', 'values.get', 'values.batchGet']);

/** Checks an admin request body; returns an English message for the developer when malformed. */
export function parseQuotas(raw: unknown): Quotas | string {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return 'expected a JSON object';
  const q = raw as Record<string, unknown>;
  const unknown = Object.keys(q).find((k) => k !== 'readsPerMinute' && k !== 'writesPerMinute');
  if (unknown) return `unknown field "${unknown}"`;
  for (const key of ['readsPerMinute', 'writesPerMinute']) {
    const v = q[key];
    if (v !== undefined && !(typeof v === 'number' && Number.isInteger(v) && v > 0))
      return `${key} must be a positive integer`;
  }
  return q;
}

function exceeded(kind: 'Read' | 'Write'): ApiError {
  const metric = `sheets.googleapis.com/${kind.toLowerCase()}_requests`;
  return new ApiError(
    429,
    `Quota exceeded for quota metric '${kind} requests' and limit '${kind} requests per minute per user' of service 'sheets.googleapis.com' for consumer 'project_number:0'.`,
    'RESOURCE_EXHAUSTED',
    [
      {
        '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
        reason: 'RATE_LIMIT_EXCEEDED',
        domain: 'googleapis.com',
        metadata: {
          quota_metric: metric,
          quota_limit: `${kind}RequestsPerMinutePerUser`,
          service: 'sheets.googleapis.com',
          consumer: 'projects/0',
        },
      },
    ],
  );
}

/** Counts requests in the current clock minute ("refilled every minute") and refuses those past the quota. */
export class QuotaBoard {
  private minute = -1;
  private reads = 0;
  private writes = 0;

  constructor(
    private quotas: Quotas = {},
    private readonly now: () => number = Date.now,
  ) {}

  set(quotas: Quotas): void {
    this.quotas = quotas;
  }

  /** Counts the request and returns Google's 429 when it is past its quota. */
  take(method: string): ApiError | undefined {
    const minute = Math.floor(this.now() / 60_000);
    if (minute !== this.minute) {
      this.minute = minute;
      this.reads = 0;
      this.writes = 0;
    }
    if (READS.has(method)) {
      this.reads++;
      const limit = this.quotas.readsPerMinute;
      return limit !== undefined && this.reads > limit ? exceeded('Read') : undefined;
    }
    this.writes++;
    const limit = this.quotas.writesPerMinute;
    return limit !== undefined && this.writes > limit ? exceeded('Write') : undefined;
  }
}
