// A recording hop between the product and the local Sheets server: every request's API method and body size as it
// went on the wire, and, when a test asks, a refusal of chosen requests (with Google's error body) to cut a job short.
import { createServer, request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Seen {
  /** `values.append`, `values.batchUpdate`, `spreadsheets.batchUpdate`, `values.batchGet`, `spreadsheets.get`… */
  readonly method: string;
  readonly bytes: number;
  readonly body: string;
}

export interface Wire {
  /** Root URL to give the Sheets client in place of the server's. */
  readonly url: string;
  readonly seen: Seen[];
  /** Requests that changed the spreadsheet. */
  writes(): Seen[];
  /** When set, a request it answers with a status for is refused with that status and never reaches the server. */
  refuse: ((seen: Seen) => number | undefined) | undefined;
  close: () => Promise<void>;
}

function methodOf(verb: string, path: string): string {
  if (path.includes('/values:batchUpdate')) return 'values.batchUpdate';
  if (path.includes('/values:batchGet')) return 'values.batchGet';
  if (path.endsWith(':append')) return 'values.append';
  if (path.endsWith(':batchUpdate')) return 'spreadsheets.batchUpdate';
  if (path.includes('/values/')) return verb === 'GET' ? 'values.get' : 'values.update';
  return verb === 'GET' ? 'spreadsheets.get' : 'other';
}

const WRITES = new Set(['values.append', 'values.batchUpdate', 'spreadsheets.batchUpdate', 'values.update']);

async function bodyOf(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startWire(target: string): Promise<Wire> {
  const to = new URL(target);
  const wire: Wire = {
    url: '',
    seen: [],
    writes: () => wire.seen.filter((s) => WRITES.has(s.method)),
    refuse: undefined,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = createServer((req, res) => {
    void (async () => {
      const body = await bodyOf(req);
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const seen = { method: methodOf(req.method ?? 'GET', path), bytes: body.length, body: body.toString('utf8') };
      wire.seen.push(seen);
      const status = wire.refuse?.(seen);
      if (status) {
        res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' });
        return void res.end(
          JSON.stringify({ error: { code: status, message: 'Internal error encountered.', status: 'INTERNAL' } }),
        );
      }
      const forward = request(
        {
          host: to.hostname,
          port: to.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: to.host },
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on('error', () => res.destroy());
      forward.end(body);
    })();
  });
  server.closeIdleConnections?.();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  Object.assign(wire, { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` });
  const close = wire.close;
  wire.close = () => {
    server.closeAllConnections();
    return close();
  };
  return wire;
}
