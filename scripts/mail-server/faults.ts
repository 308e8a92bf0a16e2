// Injected failures for reliability tests: the next N matching requests answer with an error status and/or after a
// delay.

export interface Fault {
  /** 400, 429, 500, 502 or 503; omit for latency alone. */
  readonly status?: 400 | 429 | 500 | 502 | 503;
  /** How many requests it applies to. */
  readonly count: number;
  readonly latencyMs?: number;
  /** Sent as Retry-After (seconds) with the error. */
  readonly retryAfterSec?: number;
  /** `send` (default): POST /v3/mail/send only; `all`: every /v3 request, templates included. */
  readonly scope?: 'send' | 'all';
}

export interface FaultController {
  inject(fault: Fault): void;
  clear(): void;
}

export class Faults implements FaultController {
  private readonly queue: { fault: Fault; left: number }[] = [];

  inject(fault: Fault): void {
    const checked = parseFault(fault);
    if (typeof checked === 'string') throw new TypeError(checked);
    this.queue.push({ fault: checked, left: checked.count });
  }

  clear(): void {
    this.queue.length = 0;
  }

  /** Consumes the first pending fault that applies to this request, if any. */
  take(isSend: boolean): Fault | undefined {
    const entry = this.queue.find((e) => e.left > 0 && (isSend || e.fault.scope === 'all'));
    if (!entry) return undefined;
    entry.left -= 1;
    if (entry.left === 0) this.queue.splice(this.queue.indexOf(entry), 1);
    return entry.fault;
  }
}

const STATUSES = new Set([400, 429, 500, 502, 503]);

/** A fault from JSON, or an English message saying what is wrong with it. */
export function parseFault(input: unknown): Fault | string {
  if (typeof input !== 'object' || input === null) return 'a fault is a JSON object';
  const f = input as Record<string, unknown>;
  if (f.status !== undefined && !STATUSES.has(f.status as number))
    return 'status must be one of 400, 429, 500, 502, 503';
  if (!Number.isInteger(f.count) || (f.count as number) < 1) return 'count must be a positive integer';
  if (f.latencyMs !== undefined && !(Number.isFinite(f.latencyMs) && (f.latencyMs as number) >= 0))
    return 'latencyMs must be a number ≥ 0';
  if (f.retryAfterSec !== undefined && !(Number.isFinite(f.retryAfterSec) && (f.retryAfterSec as number) >= 0))
    return 'retryAfterSec must be a number ≥ 0';
  if (f.scope !== undefined && f.scope !== 'send' && f.scope !== 'all') return "scope must be 'send' or 'all'";
  if (f.status === undefined && f.latencyMs === undefined) return 'a fault needs a status, a latencyMs, or both';
  return f as unknown as Fault;
}
