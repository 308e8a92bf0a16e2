// Each unit's secret (issue 15): proof that a response comes from the unit whose code it carries.
//
// secret = first 20 hex digits of HMAC-SHA256(key, "<unit code>|<generation>"). The key lives only in the functions'
// secret store (UNIT_SECRET_KEY, Secret Manager in production) and in the Apps Script project's script properties, so
// the spreadsheet, the logs and the units hold no secret but a unit's own, in its prefilled links. A coordinator
// rotates one unit's secret by adding the day to `Ngày cấp lại mã xác thực` in `Đơn vị`: the generation in force at
// an instant is the number of those days on or before it, so every response is judged by the secret in force when
// Google Forms stamped it, and rotating never unsettles what a unit already submitted. Rotating every unit at once is
// changing the key (then rewriting the links).
import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import type { Unit } from './model.ts';

export const UNIT_SECRET_LENGTH = 20;

/** The secret of `code` in its `generation` (0 until the first reissue). */
export function unitSecret(key: string | KeyObject, code: string, generation: number): string {
  // The slice keeps the whole 64-digit hex alive behind each cached secret (0.7 MiB for 10,000 units), yet writing
  // only 20 digits from a Buffer digest took about 0.7 µs more per secret, 7 ms of a 10,000-unit job (measured 1/12).
  return createHmac('sha256', key).update(`${code}|${generation}`, 'utf8').digest('hex').slice(0, UNIT_SECRET_LENGTH);
}

/** How many reissues are in force at `at`: a reissue dated on or before it counts. */
export function generationAt(reissued: readonly Date[] | undefined, at: Date): number {
  let n = 0;
  if (reissued) for (const d of reissued) if (d.getTime() <= at.getTime()) n++;
  return n;
}

/** Equal strings of one length, compared in a time that does not depend on where they differ (as timingSafeEqual). */
function sameText(a: string, b: string): boolean {
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** A secret as typed or pasted: case, spaces and dashes do not matter; nothing else is forgiven. */
function normalise(typed: string): string {
  return typed.replace(/[\s-]+/g, '').toLowerCase();
}

export type Verdict = 'ok' | 'missing' | 'wrong';

export interface UnitSecrets {
  /** `Xác thực đơn vị` is on: a response counts only with its unit's secret. */
  readonly required: boolean;
  /** The secret `unit` must carry now, for its form links; '' without a key. */
  current(unit: Unit): string;
  /** Whether `typed` is the secret `unit` had at `at` (the response's timestamp; now when it has none). */
  verify(unit: Unit, at: Date | null, typed: string): Verdict;
}

/**
 * `key` undefined while the check is on makes every response unverifiable ('wrong'): the check fails closed. The job
 * runner refuses to start in that state (functions/jobs/run.ts), so this only shows in a pure call.
 */
export function unitSecrets(key: string | undefined, required: boolean, now: Date): UnitSecrets {
  // Prepared once: a job derives a secret for every unit.
  const secretKey = key ? createSecretKey(key, 'utf8') : undefined;
  // Per unit code, its secrets by generation: every response asks for its unit's, and the code is the unit's own
  // string, so no key is built per response.
  const cache = new Map<string, string[]>();
  const secretOf = (code: string, generation: number): string => {
    if (!secretKey) return '';
    let secrets = cache.get(code);
    // Sized to the generation asked: an empty list grows room for 17 on its first secret, 1.3 MiB kept per job.
    if (!secrets) cache.set(code, (secrets = new Array<string>(generation + 1)));
    return (secrets[generation] ??= unitSecret(secretKey, code, generation));
  };
  return {
    required,
    current: (unit) => secretOf(unit.code, generationAt(unit.secretReissued, now)),
    verify(unit, at, typed) {
      const given = normalise(typed);
      if (given === '') return 'missing';
      const expected = secretOf(unit.code, generationAt(unit.secretReissued, at ?? now));
      if (expected === '' || given.length !== expected.length) return 'wrong';
      return sameText(given, expected) ? 'ok' : 'wrong';
    },
  };
}
