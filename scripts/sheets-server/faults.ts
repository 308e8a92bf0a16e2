// Switchable fault injection (status, latency, Retry-After) and per-method call counts for measurements.

export interface Fault {
  /** HTTP status to answer with (429, 500, 503); absent means only delay. */
  readonly status?: number;
  /** How many matching requests this fault applies to. */
  readonly count?: number;
  readonly latencyMs?: number;
  /** API method names such as `values.batchGet`; absent means every method. */
  readonly methods?: readonly string[];
  readonly retryAfterSec?: number;
}

export interface Stats {
  calls: Record<string, number>;
  total: number;
}

interface Armed {
  readonly fault: Fault;
  remaining: number;
}

/** Checks an admin request body; returns an English message for the developer when malformed. */
export function parseFault(raw: unknown): Fault | string {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return 'expected a JSON object';
  const f = raw as Record<string, unknown>;
  const known = new Set(['status', 'count', 'latencyMs', 'methods', 'retryAfterSec']);
  const unknown = Object.keys(f).find((k) => !known.has(k));
  if (unknown) return `unknown field "${unknown}"`;
  const isCount = (v: unknown) => v === undefined || (typeof v === 'number' && Number.isInteger(v) && v >= 0);
  if (f['status'] !== undefined && (typeof f['status'] !== 'number' || f['status'] < 400 || f['status'] > 599))
    return 'status must be 400..599';
  if (!isCount(f['count']) || !isCount(f['latencyMs']) || !isCount(f['retryAfterSec']))
    return 'count, latencyMs and retryAfterSec must be non-negative integers';
  if (f['methods'] !== undefined && (!Array.isArray(f['methods']) || f['methods'].some((m) => typeof m !== 'string')))
    return 'methods must be a list of method names';
  if (f['status'] === undefined && !f['latencyMs']) return 'give a status, a latencyMs, or both';
  return f;
}

export class FaultBoard {
  private armed: Armed[] = [];
  private counts: Record<string, number> = {};
  private total = 0;

  inject(fault: Fault): void {
    this.armed.push({ fault, remaining: fault.count ?? 1 });
  }

  clear(): void {
    this.armed = [];
  }

  /** Counts the call and returns the fault it should suffer, if any (consuming one use). */
  take(method: string): Fault | undefined {
    this.counts[method] = (this.counts[method] ?? 0) + 1;
    this.total++;
    const hit = this.armed.find((a) => a.remaining > 0 && (!a.fault.methods || a.fault.methods.includes(method)));
    if (!hit) return undefined;
    hit.remaining--;
    this.armed = this.armed.filter((a) => a.remaining > 0);
    return hit.fault;
  }

  stats(): Stats {
    return { calls: { ...this.counts }, total: this.total };
  }

  resetStats(): void {
    this.counts = {};
    this.total = 0;
  }

  /**
   * The admin routes every local Google server shares (inject a fault, clear them, read or reset the counters): the
   * answer's status and body, or undefined when `path` is not one of them.
   */
  async admin(
    verb: string,
    path: string,
    body: () => Promise<unknown>,
  ): Promise<{ status: number; body: unknown } | undefined> {
    const ok = { status: 200, body: { ok: true } };
    if (path === '/__admin/faults' && verb === 'POST') {
      const fault = parseFault(await body());
      if (typeof fault === 'string') return { status: 400, body: { error: fault } };
      this.inject(fault);
      return ok;
    }
    if (path === '/__admin/faults' && verb === 'DELETE') {
      this.clear();
      return ok;
    }
    if (path === '/__admin/stats' && verb === 'GET') return { status: 200, body: this.stats() };
    if (path === '/__admin/stats/reset' && verb === 'POST') {
      this.resetStats();
      return ok;
    }
    return undefined;
  }
}
