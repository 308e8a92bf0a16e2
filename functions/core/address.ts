// One definition of an email address, used by every check and every recipient list: the forms, the units' and the
// digest's addresses, the reply-to, the mail gateway and the local web forms. An address one place accepts and
// another refuses would fail in the mail log on every run.
import type { Recipient } from './snapshot.ts';

/**
 * The WHATWG "valid e-mail address" (what a browser's <input type=email> accepts) with a dot required in the domain,
 * since mail to a bare host name never reaches a unit; ASCII only, since SendGrid accepts a non-ASCII recipient and
 * then drops it; text such as `=HYPERLINK("mailto:x@y.vn")` is refused.
 */
const ADDRESS =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;

/** SendGrid refuses a whole request with a longer address (docs/limits.md). */
export const MAX_ADDRESS_LENGTH = 320;

export function isEmailAddress(text: string): boolean {
  return text.length <= MAX_ADDRESS_LENGTH && ADDRESS.test(text);
}

/**
 * A cell of addresses as a coordinator types them, separated by commas, semicolons, line breaks or spaces. An entry
 * between commas that is not made of addresses is invalid as a whole (`Nguyễn Văn A <a@x.vn>` is one mistake, not
 * four).
 */
export function splitAddresses(text: string): { valid: string[]; invalid: string[] } {
  // The usual cell holds one address: read for each of 10,000 units, it is not split.
  if (isEmailAddress(text)) return { valid: [text], invalid: [] };
  const valid: string[] = [];
  const invalid: string[] = [];
  for (const entry of text.split(/[,;\n]+/)) {
    const parts = entry.split(/\s+/).filter((p) => p !== '');
    if (parts.every(isEmailAddress)) valid.push(...parts);
    else invalid.push(entry.trim());
  }
  return { valid, invalid };
}

/**
 * One email's recipients: each address trimmed and kept once, compared without case as SendGrid compares them, in the
 * order given, all under `name`; blank addresses and those already in `except` (the email's `to`, for its `cc`) are
 * left out.
 */
export function recipients(addresses: Iterable<string>, name?: string, except: readonly Recipient[] = []): Recipient[] {
  const seen = new Set(except.map((r) => r.email.toLowerCase()));
  const out: Recipient[] = [];
  for (const raw of addresses) {
    const email = raw.trim();
    const key = email.toLowerCase();
    if (email === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(name ? { email, name } : { email });
  }
  return out;
}
