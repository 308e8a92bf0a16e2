// The body of `uploadType=multipart`: `multipart/related` with the metadata (JSON) first and the media second, as
// "Upload file data" describes it (https://developers.google.com/drive/api/guides/manage-uploads#multipart).
import { badRequest } from './errors.ts';

export interface Part {
  readonly contentType: string;
  readonly body: Buffer;
}

/** The boundary of a `multipart/related` content type, or undefined for any other type. */
export function relatedBoundary(contentType: string | undefined): string | undefined {
  const [type, ...params] = (contentType ?? '').split(';');
  if (type.trim().toLowerCase() !== 'multipart/related') return undefined;
  for (const p of params) {
    const m = /^\s*boundary\s*=\s*"?([^";]+)"?\s*$/i.exec(p);
    if (m) return m[1];
  }
  return undefined;
}

function headersOf(text: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of text.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

/** The parts between `--boundary` lines; the epilogue after `--boundary--` is ignored. */
export function parseMultipart(body: Buffer, boundary: string): Part[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Part[] = [];
  let at = body.indexOf(delimiter);
  if (at < 0) throw badRequest('Malformed multipart body.');
  for (;;) {
    at += delimiter.length;
    if (body.subarray(at, at + 2).toString() === '--') return parts;
    if (body.subarray(at, at + 2).toString() !== '\r\n') throw badRequest('Malformed multipart body.');
    at += 2;
    const headEnd = body.indexOf('\r\n\r\n', at);
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), at);
    if (next < 0) throw badRequest('Malformed multipart body.');
    // A part with no headers starts with its blank line.
    const bodyStart = body.subarray(at, at + 2).toString() === '\r\n' ? at + 2 : headEnd + 4;
    if (headEnd < 0 || bodyStart > next + 2) throw badRequest('Malformed multipart body.');
    const headers = headersOf(body.subarray(at, Math.max(at, bodyStart - 4)).toString('utf8'));
    parts.push({
      contentType: headers.get('content-type') ?? 'application/octet-stream',
      body: body.subarray(bodyStart, Math.max(bodyStart, next)),
    });
    at = next + 2;
  }
}
