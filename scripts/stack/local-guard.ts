// What every local server checks before it reads a request: a URL it can parse, its own loopback Host and Origin,
// a JSON content type where JSON is expected, and a body no larger than the real service takes. Shared by the
// Sheets server, the mail server and the web page, so a page from another site open in the same browser cannot
// drive them, and a runaway body cannot fill the machine's memory.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

export type RefusalReason = 'malformed-url' | 'foreign-host' | 'foreign-origin' | 'not-json' | 'too-large';

export interface Refusal {
  readonly reason: RefusalReason;
  /** The status a plain HTTP server gives this refusal; a server imitating a real service may answer its own. */
  readonly status: 400 | 403 | 413 | 415;
  /** English, for the developer who sent it. */
  readonly detail: string;
}

export interface GuardOptions {
  /** Largest request body accepted, in bytes. */
  readonly maxBodyBytes: number;
  /** Whether a request to this method and path must carry JSON when it has a body (API and admin endpoints). */
  readonly expectsJson: (method: string, path: string) => boolean;
  /** Answers a refusal in the server's own error format. */
  readonly refuse: (res: ServerResponse, refusal: Refusal, req: IncomingMessage) => void;
  /** Extra host names the server answers to besides the loopback names (the host it was told to bind). */
  readonly hosts?: readonly string[];
}

export interface GuardedRequest {
  readonly url: URL;
  /** Reads the whole body, refusing it (and keeping nothing of it) once it passes the cap. */
  readonly body: () => Promise<Buffer>;
}

/** Thrown by `body()` when a body without a declared length turns out larger than the cap. */
export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`request body larger than ${limit} bytes`);
  }
}

/** Thrown by `decodeSegment` for a malformed percent-escape. */
export class MalformedUrl extends Error {}

const LOOPBACK = ['127.0.0.1', 'localhost', '[::1]'];

/** A path segment with its percent-escapes decoded; a malformed escape is the client's error, not the server's. */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new MalformedUrl(`malformed percent-escape in "${segment}"`);
  }
}

function hostAllowed(host: string | undefined, port: number, names: readonly string[]): boolean {
  if (!host) return false;
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(host.toLowerCase());
  if (!m) return false;
  const [, name, portText] = m;
  return names.includes(name) && Number(portText ?? 80) === port;
}

function originAllowed(origin: string, port: number, names: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  return parsed.protocol === 'http:' && parsed.origin === origin && hostAllowed(parsed.host, port, names);
}

function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && Number(length) > 0);
}

function isJson(contentType: string | undefined): boolean {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

/** Everything wrong with the request's head, or null when it may be read. */
function inspect(req: IncomingMessage, options: GuardOptions): { url: URL } | Refusal {
  const port = req.socket.localPort ?? 0;
  const names = [...LOOPBACK, ...(options.hosts ?? []).map((h) => (h.includes(':') ? `[${h}]` : h).toLowerCase())];
  const raw = req.url ?? '/';
  let url: URL;
  try {
    // Only origin-form targets ("/path?query") are served; anything else cannot name one of our paths.
    if (!raw.startsWith('/') || raw.startsWith('//')) throw new TypeError('not an origin-form target');
    url = new URL(raw, 'http://127.0.0.1');
    decodeSegment(url.pathname);
  } catch {
    return { reason: 'malformed-url', status: 400, detail: 'malformed request URL' };
  }
  if (!hostAllowed(req.headers.host, port, names)) {
    return {
      reason: 'foreign-host',
      status: 403,
      detail: `Host must be this server's own loopback address and port ${port}`,
    };
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !originAllowed(origin, port, names)) {
    return { reason: 'foreign-origin', status: 403, detail: 'requests from other origins are refused' };
  }
  // A browser that names the request cross-site is refused even where it sent no Origin (a navigation, a GET form).
  const site = req.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return { reason: 'foreign-origin', status: 403, detail: 'requests from other sites are refused' };
    }
  }
  const method = req.method ?? 'GET';
  if (hasBody(req) && options.expectsJson(method, url.pathname) && !isJson(req.headers['content-type'])) {
    return { reason: 'not-json', status: 415, detail: 'this endpoint takes application/json' };
  }
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > options.maxBodyBytes) {
    return { reason: 'too-large', status: 413, detail: `request body larger than ${options.maxBodyBytes} bytes` };
  }
  return { url };
}

/**
 * Answers a refusal and throws the rest of the body away as it arrives: the client finishes its upload and reads the
 * answer instead of a reset connection, and nothing of the body is kept (the server's request timeout still ends an
 * upload that never finishes).
 */
function refuseAndDiscard(req: IncomingMessage, res: ServerResponse, refusal: Refusal, options: GuardOptions): void {
  options.refuse(res, refusal, req);
  req.resume();
}

function bodyReader(req: IncomingMessage, limit: number): () => Promise<Buffer> {
  let read: Promise<Buffer> | undefined;
  return () =>
    (read ??= new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let over = false;
      req.on('data', (chunk: Buffer) => {
        if (over) return;
        size += chunk.length;
        if (size > limit) {
          over = true;
          chunks.length = 0;
          reject(new BodyTooLarge(limit));
          return;
        }
        chunks.push(chunk);
      });
      req.on('end', () => {
        if (!over) resolve(Buffer.concat(chunks));
      });
      req.on('error', reject);
    }));
}

/** Wraps a request handler with the checks above; the handler sees only requests that passed them. */
export function guard(
  options: GuardOptions,
  handler: (req: IncomingMessage, res: ServerResponse, request: GuardedRequest) => void,
): RequestListener {
  return (req, res) => {
    const head = inspect(req, options);
    if ('reason' in head) return refuseAndDiscard(req, res, head, options);
    handler(req, res, { url: head.url, body: bodyReader(req, options.maxBodyBytes) });
  };
}

/** The refusal a handler raises for a body that grew past the cap while it was read. */
export function tooLarge(limit: number): Refusal {
  return { reason: 'too-large', status: 413, detail: `request body larger than ${limit} bytes` };
}
