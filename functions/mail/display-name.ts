// The one place display names are made fit for SendGrid's address headers (see docs/limits.md, SendGrid section).

/**
 * A recipient or reply-to name as SendGrid delivers it. `,` and `;` are removed: SendGrid reads a to/cc/bcc name with
 * either as an address list and drops the email after answering 202 ("Sở Văn hóa, Thể thao và Du lịch" becomes
 * "Sở Văn hóa Thể thao và Du lịch"). CR, LF and other control characters would break the header line. `undefined`
 * when nothing is left.
 *
 * @example displayName('Sở Văn hóa, Thể thao và Du lịch') // 'Sở Văn hóa Thể thao và Du lịch'
 */
export function displayName(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const cleaned = name
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what a display name must not carry.
    .replace(/[,;\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return cleaned === '' ? undefined : cleaned;
}

/**
 * The sender's name in ASCII: SendGrid documents that "Unicode encoding is not supported for the from field", so
 * Vietnamese letters lose their diacritics (đ → d) and anything else outside ASCII is left out.
 *
 * @example senderName('Thường trực phong trào') // 'Thuong truc phong trao'
 */
export function senderName(name: string | undefined): string | undefined {
  const clean = displayName(name);
  if (clean === undefined) return undefined;
  const ascii = clean
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^\x20-\x7e]+/g, '');
  return displayName(ascii);
}
