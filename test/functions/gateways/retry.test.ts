import { describe, expect, it } from 'vitest';
import { parseRetryAfter, withRetry } from '../../../functions/gateways/retry.ts';

describe('withRetry', () => {
  it('waits at least what Retry-After asks, then succeeds', async () => {
    const waits: number[] = [];
    let attempts = 0;
    const result = await withRetry(
      async () => {
        if (++attempts < 3) throw Object.assign(new Error('quota'), { status: 429 });
        return 'ok';
      },
      () => ({ retry: true, retryAfterMs: 2000 }),
      { retries: 5, baseDelayMs: 10, maxDelayMs: 8000, sleep: async (ms) => void waits.push(ms), random: () => 0 },
    );
    expect(result).toBe('ok');
    expect(waits).toEqual([2000, 2000]);
  });

  it('gives up after the configured retries and rethrows the last error', async () => {
    let attempts = 0;
    const run = withRetry(
      async () => {
        attempts++;
        throw new Error('down');
      },
      () => ({ retry: true }),
      { retries: 2, baseDelayMs: 1, maxDelayMs: 1, sleep: async () => undefined },
    );
    await expect(run).rejects.toThrow('down');
    expect(attempts).toBe(3);
  });

  it('does not retry what cannot succeed (400)', async () => {
    let attempts = 0;
    await expect(
      withRetry(
        async () => {
          attempts++;
          throw new Error('bad request');
        },
        () => ({ retry: false }),
      ),
    ).rejects.toThrow('bad request');
    expect(attempts).toBe(1);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter('Mon, 23 Nov 2026 08:00:10 GMT', Date.parse('Mon, 23 Nov 2026 08:00:00 GMT'))).toBe(10_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});
