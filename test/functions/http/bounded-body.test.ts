// The body bounds on their own, in front of a plain listener: what passes, what is refused and with what answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BODY_LIMITS, bodyLimitFor, boundBodies, frameworkTarget } from '../../../functions/http/index.ts';
import { createLogger } from '../../../functions/logging.ts';

const LIMIT = 64;
const DEADLINE_MS = 300;
let server: Server;
let port: number;
const reached: Buffer[] = [];
const logLines: string[] = [];

beforeAll(async () => {
  const listener = (req: IncomingMessage & { rawBody?: Buffer }, res: import('node:http').ServerResponse) => {
    reached.push(req.rawBody!);
    res.end('ok');
  };
  const logger = createLogger({ write: (line) => logLines.push(line) });
  server = createServer(
    boundBodies(listener as import('node:http').RequestListener, {
      job: 'test',
      limitBytes: LIMIT,
      deadlineMs: DEADLINE_MS,
      logger,
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

interface Answer {
  status: number;
  body: string;
}

/** Sends `chunks` (one write each, `gapMs` apart); resolves with the answer, whenever it comes. */
function send(
  chunks: readonly (string | Buffer)[],
  headers: Record<string, string | number> = {},
  path = '/',
  gapMs = 0,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    let i = 0;
    const next = (): void => {
      if (req.destroyed) return;
      if (i === chunks.length) return void req.end();
      req.write(chunks[i++]);
      setTimeout(next, gapMs);
    };
    next();
  });
}

describe('bounded bodies', () => {
  it('hands a body within the limit to the function byte for byte, as rawBody', async () => {
    const body = JSON.stringify({ tab: 'Đăng ký thi đua', row: 7 });
    const before = reached.length;
    expect(await send([body], { 'content-type': 'application/json' })).toEqual({ status: 200, body: 'ok' });
    expect(reached.slice(before).map((b) => b.toString('utf8'))).toEqual([body]);
  });

  it('a body of exactly the limit passes; one byte more is refused', async () => {
    expect((await send(['x'.repeat(LIMIT)])).status).toBe(200);
    expect((await send(['x'.repeat(LIMIT + 1)])).status).toBe(413);
  });

  it('issue 15 defect 1: a declared Content-Length over the limit is refused with 413 before any byte reaches the function', async () => {
    const before = reached.length;
    const answer = await send(['x'.repeat(LIMIT * 4)], { 'content-length': LIMIT * 4 });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({ error: 'Nội dung yêu cầu quá lớn.', reason: 'too-large' });
    expect(reached.length).toBe(before);
  });

  it('issue 15 defect 1: a chunked body with no declared length is counted as it arrives and refused past the limit', async () => {
    const before = reached.length;
    const answer = await send(['x'.repeat(40), 'x'.repeat(40)], { 'transfer-encoding': 'chunked' }, '/', 20);
    expect(answer.status).toBe(413);
    expect(reached.length).toBe(before);
  });

  it('issue 15 defect 1: a trickled body is refused with 408 before it has all arrived', async () => {
    const before = reached.length;
    // 20 bytes, 2 per 100 ms: a second in all, so the 300 ms deadline comes first.
    const chunks = Array.from({ length: 10 }, () => 'ab');
    const answer = await send(chunks, { 'content-length': 20 }, '/', 100);
    expect(answer.status).toBe(408);
    expect(JSON.parse(answer.body).reason).toBe('slow');
    expect(reached.length).toBe(before);
  });

  it('refuses compressed bodies (a small gzip can inflate past any limit) with 415', async () => {
    const answer = await send(['abc'], { 'content-encoding': 'gzip' });
    expect(answer.status).toBe(415);
    expect(JSON.parse(answer.body).reason).toBe('encoding');
  });

  it('answers a malformed percent-escape in the path with 400 and no stack trace', async () => {
    const answer = await send([''], {}, '/%E0%A4%A');
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toEqual({ error: 'Địa chỉ yêu cầu không hợp lệ.', reason: 'url' });
  });

  it('logs each refusal with sizes only, never a byte of the body', async () => {
    logLines.length = 0;
    await send(['MARKER-'.repeat(20)], { 'content-length': 140 });
    expect(logLines).toHaveLength(1);
    expect(JSON.parse(logLines[0])).toMatchObject({
      severity: 'WARNING',
      status: 413,
      reason: 'too-large',
      declaredBytes: 140,
    });
    expect(logLines[0]).not.toContain('MARKER');
  });
});

describe('the limits of the deployed functions', () => {
  it("ingest's limit holds the largest body its handler accepts: a 200-character tab name, every character JSON-escaped", () => {
    const body = JSON.stringify({ tab: '\u0001'.repeat(200), row: 2 ** 31 });
    expect(Buffer.byteLength(body)).toBeGreaterThan(1200);
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(BODY_LIMITS.ingest);
  });

  it('remind and digest need next to nothing; an unknown target gets the largest limit', () => {
    expect(BODY_LIMITS.remind).toBeLessThanOrEqual(1024);
    expect(BODY_LIMITS.digest).toBeLessThanOrEqual(1024);
    expect(bodyLimitFor('remind')).toBe(BODY_LIMITS.remind);
    expect(bodyLimitFor(undefined)).toBe(BODY_LIMITS.ingest);
    expect(bodyLimitFor('toString')).toBe(BODY_LIMITS.ingest);
  });

  it.each([
    [['node', 'main.js', '--target=remind'], {}, 'remind'],
    [['node', 'main.js', '--target', 'digest'], { FUNCTION_TARGET: 'ingest' }, 'digest'],
    [['node', 'main.js'], { FUNCTION_TARGET: 'ingest' }, 'ingest'],
    [['node', 'main.js'], {}, undefined],
  ])('reads the served function as the framework does: %j with %j → %s', (argv, env, expected) => {
    expect(frameworkTarget(argv, env)).toBe(expected);
  });
});
