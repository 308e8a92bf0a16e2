// Request bodies bounded by size and time, enforced before the Functions Framework parses anything.
//
// Why here and not in the handlers: the framework (5.x, build/src/server.js) puts body-parser with a 1024 MB limit in
// front of every function and has no option to lower it. An unsigned 15.7 MB JSON array was read and parsed into
// millions of objects, and the deployed heap ran out before the signature check could run. `boundBodies` wraps the
// framework's Express app: it reads the body itself, counting bytes as they arrive, answers 413 past the function's
// limit and 408 past the deadline, and hands over a request whose body is already read. body-parser skips a request
// that is finished (on-finished), so the app never buffers or parses it; the handlers read `req.rawBody`, which this
// sets as the framework would.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Logger } from '../logging.ts';
import type { FunctionName } from './handlers.ts';

/**
 * The most each function needs, in bytes. ingest: the trigger's `{"tab": …, "row": …}`, whose tab name is at most 200
 * characters (6 bytes each if JSON-escaped), so 4 KiB leaves room. remind and digest: Cloud Scheduler posts no body.
 * documents: the menu's `{"from":"menu","job":"documents"}`, or nothing from the scheduler. yearend: the menu's
 * `{"from":"menu","job":"new-year","spreadsheetId":…}`, whose id is at most 200 characters.
 */
export const BODY_LIMITS: Readonly<Record<FunctionName, number>> = {
  ingest: 4096,
  remind: 1024,
  digest: 1024,
  documents: 1024,
  rollup: 1024,
  yearend: 1024,
};

/** How long a body may take to arrive. The trigger and the scheduler send a few hundred bytes at once. */
export const BODY_DEADLINE_MS = 5_000;

export interface BodyBounds {
  /** Named in logs. */
  readonly job: string;
  readonly limitBytes: number;
  readonly deadlineMs: number;
  readonly logger?: Logger;
}

const REFUSALS = {
  'too-large': { status: 413, error: 'Nội dung yêu cầu quá lớn.' },
  slow: { status: 408, error: 'Nội dung yêu cầu đến quá chậm; yêu cầu bị hủy.' },
  encoding: { status: 415, error: 'Không nhận nội dung nén (Content-Encoding).' },
  url: { status: 400, error: 'Địa chỉ yêu cầu không hợp lệ.' },
} as const;

type Refusal = keyof typeof REFUSALS;

/** What the framework's own parser would have left on the request: the body exactly as sent. */
type WithRawBody = IncomingMessage & { rawBody?: Buffer };

/** The body limit of a deployed function; unknown names get the largest, so the bound holds whatever runs. */
export function bodyLimitFor(target: string | undefined): number {
  if (target !== undefined && Object.hasOwn(BODY_LIMITS, target)) return BODY_LIMITS[target as FunctionName];
  return Math.max(...Object.values(BODY_LIMITS));
}

export function boundBodies(next: RequestListener, bounds: BodyBounds): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    let settled = false;
    let timer: NodeJS.Timeout | undefined;

    const refuse = (reason: Refusal, fields: Record<string, number> = {}): void => {
      settled = true;
      clearTimeout(timer);
      const { status, error } = REFUSALS[reason];
      bounds.logger?.log('WARNING', `${bounds.job}: request refused (${reason})`, {
        job: bounds.job,
        status,
        reason,
        ...fields,
      });
      if (reason === 'slow') {
        // A trickling client gets its answer and loses the connection: nothing it sends later is read.
        res.shouldKeepAlive = false;
      } else {
        // The rest of an oversized body is read and dropped (never kept) so the client can read the 413 instead of a
        // reset; a client still sending when the deadline passes is cut off.
        req.resume();
        timer = setTimeout(() => req.socket.destroy(), bounds.deadlineMs);
        req.once('end', () => clearTimeout(timer));
        req.once('close', () => clearTimeout(timer));
      }
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ error, reason }));
    };

    // The framework's router would answer a malformed escape with its own 400 page, a stack trace unless NODE_ENV is
    // set.
    if (!decodablePath(req.url ?? '/')) return refuse('url');
    const encoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
    if (encoding !== 'identity') return refuse('encoding');
    // Node has already refused a malformed Content-Length with 400, so a present one is a number.
    const declared = req.headers['content-length'];
    if (declared !== undefined && Number(declared) > bounds.limitBytes)
      return refuse('too-large', { declaredBytes: Number(declared) });

    const chunks: Buffer[] = [];
    let size = 0;
    timer = setTimeout(() => refuse('slow', { receivedBytes: size }), bounds.deadlineMs);
    req.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > bounds.limitBytes) return refuse('too-large', { receivedBytes: size });
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      (req as WithRawBody).rawBody = Buffer.concat(chunks, size);
      next(req, res);
    });
    req.on('close', () => {
      if (!settled) clearTimeout(timer);
    });
  };
}

function decodablePath(url: string): boolean {
  const query = url.indexOf('?');
  try {
    decodeURIComponent(query === -1 ? url : url.slice(0, query));
    return true;
  } catch {
    return false;
  }
}
