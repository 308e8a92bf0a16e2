// HMAC-SHA256 signatures between the form trigger (Apps Script or the local forms) and `ingest`.
// The signed text is `<unix seconds>.<raw body>`, so a captured body cannot be replayed with a new timestamp.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const TIMESTAMP_HEADER = 'x-thidua-timestamp';
export const SIGNATURE_HEADER = 'x-thidua-signature';

export function signPayload(body: string, secret: string, timestampSec: number): string {
  return 'sha256=' + createHmac('sha256', secret).update(`${timestampSec}.${body}`, 'utf8').digest('hex');
}

export type SignatureVerdict = 'ok' | 'missing' | 'malformed' | 'stale' | 'mismatch';

/** Checks a signature; `toleranceSec` bounds clock skew and how old a request may be. */
export function verifySignature(
  body: string,
  secret: string,
  timestampHeader: string | undefined,
  signatureHeader: string | undefined,
  nowSec: number,
  toleranceSec = 300,
): SignatureVerdict {
  if (!timestampHeader || !signatureHeader) return 'missing';
  if (!/^\d{1,12}$/.test(timestampHeader) || !/^sha256=[0-9a-f]{64}$/.test(signatureHeader)) return 'malformed';
  const timestamp = Number(timestampHeader);
  if (Math.abs(nowSec - timestamp) > toleranceSec) return 'stale';
  const expected = Buffer.from(signPayload(body, secret, timestamp));
  const given = Buffer.from(signatureHeader);
  return expected.length === given.length && timingSafeEqual(expected, given) ? 'ok' : 'mismatch';
}
