// Remembers the signatures `ingest` accepted, so the same signed request cannot be played twice.
//
// Why in memory is enough: a signature is only valid within the timestamp tolerance (verifySignature rejects
// older ones as stale), so an entry can be forgotten once it is older than that window, and the set stays small
// (one entry per form submission in the last few minutes). The edge: each function instance has its own set, so a
// replay routed to another instance (or sent right after a cold start) is accepted once there. That costs one extra
// ingest run and nothing else: ingest recomputes derived tabs and the mail log makes emails idempotent. Past
// `maxEntries` signatures in one window the oldest are forgotten early, which has the same bounded cost.

export interface ReplayGuard {
  /** True the first time a signature is seen within the window; false for a replay. */
  accept(signature: string, timestampSec: number, nowSec: number): boolean;
  readonly size: number;
}

export function createReplayGuard(toleranceSec: number, maxEntries = 10_000): ReplayGuard {
  // Map keeps insertion order, so the first entries are the oldest ones to evict.
  const seen = new Map<string, number>();
  return {
    accept(signature, timestampSec, nowSec) {
      for (const [key, ts] of seen) {
        if (nowSec - ts <= toleranceSec && seen.size < maxEntries) break;
        seen.delete(key);
      }
      if (seen.has(signature)) return false;
      seen.set(signature, timestampSec);
      return true;
    },
    get size() {
      return seen.size;
    },
  };
}
