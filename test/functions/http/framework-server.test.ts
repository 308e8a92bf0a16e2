// The built functions (`npm run build`) under the Functions Framework's own main, in a child process, as Cloud Run runs
// them: with the deployed heap, `--target=<entry point>` and `--source=<built folder>`. Outsiders' requests are sent
// over HTTP; the signed request after them runs a real ingest against the local Sheets and SendGrid servers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, request } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Cell } from '../../../functions/core/cells.ts';
import { signPayload, TIMESTAMP_HEADER, SIGNATURE_HEADER } from '../../../functions/http/index.ts';
import { benchCampaign, toSnapshot } from '../../../scripts/bench/campaign.ts';
import { DEPLOY_NODE_MAJOR } from '../../../scripts/deploy/index.ts';
import { INGEST_SECRET, startCampaignStack, type CampaignStack } from '../../faults/campaign-stack.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const FRAMEWORK_MAIN = path.join(ROOT, 'node_modules/@google-cloud/functions-framework/build/src/main.js');
/** The heap Node gives itself in the deployed 256/512 MiB functions (measured; see DEPLOYED_HEAP in scripts/bench/main.ts). */
const DEPLOYED_HEAP = ['--max-old-space-size=256', '--max-semi-space-size=1'];
const SCHEDULER = 'thidua-scheduler@thidua-demo.iam.gserviceaccount.com';
/** 20 MB of `[{},{},…]`: parsed, about 6.7 million objects; 15.7 MB of it killed the deployed ingest before this fix. */
const HUGE = Buffer.from(`[${'{},'.repeat(6_666_666)}{}]`);
const MARKER = 'MARKER-7c1e';

interface Running {
  readonly child: ChildProcess;
  readonly port: number;
  output(): string;
}

let built: string;
let stack: CampaignStack;
const running: Running[] = [];

beforeAll(async () => {
  await mkdir(path.join(ROOT, 'test-results'), { recursive: true });
  // Inside the repository, so the built code resolves its dependencies from node_modules as it does in dist/.
  built = await mkdtemp(path.join(ROOT, 'test-results', 'built-'));
  await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/build.ts', '--out', built], { cwd: ROOT });
  stack = await startCampaignStack(toSnapshot(benchCampaign(2, 2026)).tabs as Map<string, Cell[][]>);
}, 120_000);

afterAll(async () => {
  for (const r of running) r.child.kill('SIGKILL');
  await stack?.close();
  if (built) await rm(built, { recursive: true, force: true });
});

/** A port the OS has just handed out and released: the framework takes its port from PORT and has no way to report it. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Starts one built function as Cloud Run does; resolves once it accepts connections. */
async function start(target: string, nodeEnv: 'production' | undefined): Promise<Running> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...stack.env,
    OIDC_AUDIENCE: `https://asia-southeast1-thidua-demo.cloudfunctions.net/${target}`,
    SCHEDULER_SERVICE_ACCOUNT: SCHEDULER,
    PORT: String(port),
  };
  delete env.NODE_ENV;
  if (nodeEnv) env.NODE_ENV = nodeEnv;
  const child = spawn(process.execPath, [...DEPLOYED_HEAP, FRAMEWORK_MAIN, `--target=${target}`, `--source=${built}`], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (c: string) => (out += c));
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (out += c));
  const r = { child, port, output: () => out };
  running.push(r);
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${target} exited (${child.exitCode}):\n${out}`);
    if (Date.now() > deadline) throw new Error(`${target} did not start:\n${out}`);
    const up = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => resolve(true)).on('error', () => resolve(false));
      socket.unref();
      socket.once('connect', () => socket.destroy());
    });
    if (up) return r;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

interface Answer {
  readonly status: number;
  readonly body: string;
  /** Bytes the client had written when the answer's headers arrived. */
  readonly sentBeforeAnswer: number;
}

/** Sends `body` in pieces of `pieceBytes`, `gapMs` apart; resolves with the answer, which may come before the end. */
function send(
  port: number,
  body: Buffer,
  options: { headers?: Record<string, string | number>; path?: string; pieceBytes?: number; gapMs?: number } = {},
): Promise<Answer> {
  const piece = options.pieceBytes ?? 1 << 20;
  return new Promise((resolve, reject) => {
    let sent = 0;
    let sentBeforeAnswer = -1;
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: options.path ?? '/', headers: options.headers }, (res) => {
      sentBeforeAnswer = sent;
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode!, body: text, sentBeforeAnswer }));
    });
    // After a refusal the server may close while we still write; the answer already read is what counts.
    req.on('error', (error) => (sentBeforeAnswer >= 0 ? undefined : reject(error)));
    const next = (): void => {
      if (req.destroyed || sentBeforeAnswer >= 0) return void req.end();
      if (sent >= body.length) return void req.end();
      const chunk = body.subarray(sent, sent + piece);
      sent += chunk.length;
      if (options.gapMs) {
        req.write(chunk);
        setTimeout(next, options.gapMs);
      } else if (req.write(chunk)) next();
      else req.once('drain', next);
    };
    next();
  });
}

function signedIngest(port: number): Promise<Answer> {
  const body = JSON.stringify({ tab: 'Đăng ký thi đua', row: 2 });
  const ts = Math.floor(Date.now() / 1000);
  return send(port, Buffer.from(body), {
    headers: { 'content-type': 'application/json', [TIMESTAMP_HEADER]: ts, [SIGNATURE_HEADER]: signPayload(body, INGEST_SECRET, ts) },
  });
}

describe('the built functions under the Functions Framework', () => {
  it(`are built for the deployed runtime: the built package.json asks for Node ${DEPLOY_NODE_MAJOR}`, async () => {
    const pkg = JSON.parse(await readFile(path.join(built, 'package.json'), 'utf8')) as { engines: { node: string }; main: string };
    expect(pkg.engines.node).toBe(String(DEPLOY_NODE_MAJOR));
    expect(pkg.main).toBe('functions/index.js');
  });

  it('issue 15 defect 1: an unsigned 20 MB JSON body to ingest, with the deployed heap, gets 413 and the process lives on to answer a signed request', async () => {
    const ingest = await start('ingest', 'production');
    const declared = await send(ingest.port, HUGE, { headers: { 'content-type': 'application/json', 'content-length': HUGE.length } });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body)).toEqual({ error: 'Nội dung yêu cầu quá lớn.', reason: 'too-large' });
    // The same body with no declared length is counted as it arrives.
    const chunked = await send(ingest.port, HUGE, { headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } });
    expect(chunked.status).toBe(413);
    expect(ingest.child.exitCode).toBeNull();

    const answer = await signedIngest(ingest.port);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ job: 'ingest', dryRun: false });
    expect(ingest.child.exitCode).toBeNull();
    expect(ingest.output()).not.toMatch(/heap out of memory/i);
  }, 60_000);

  it('issue 15 defect 1: a body trickled at 2 bytes a second to remind is refused with 408 long before it has all arrived', async () => {
    const remind = await start('remind', 'production');
    const body = Buffer.from(`{"pad":"${'x'.repeat(30)}"}`);
    const answer = await send(remind.port, body, { headers: { 'content-type': 'application/json', 'content-length': body.length }, pieceBytes: 1, gapMs: 500 });
    expect(answer.status).toBe(408);
    expect(JSON.parse(answer.body).reason).toBe('slow');
    // Refused while the client still had most of its 20 seconds of body to send.
    expect(answer.sentBeforeAnswer).toBeLessThan(body.length / 2);
    // remind needs next to nothing: 2 KiB is already too much. And it still answers the next caller.
    expect((await send(remind.port, Buffer.alloc(2048, 'x'), { headers: { 'content-length': 2048 } })).status).toBe(413);
    const unsigned = await send(remind.port, Buffer.alloc(0));
    expect(unsigned.status).toBe(401);
    expect(remind.child.exitCode).toBeNull();
  }, 30_000);

  it('issue 15 defect 1: with NODE_ENV unset, no answer shows a stack trace and no log line holds a byte of the body', async () => {
    const ingest = await start('ingest', undefined);
    const malformed = Buffer.from(`{"tab":"${MARKER}`);
    const answers = [
      // Malformed JSON: the framework used to parse it first and answer with its 400 page.
      await send(ingest.port, malformed, { headers: { 'content-type': 'application/json', 'content-length': malformed.length } }),
      await send(ingest.port, Buffer.from(MARKER.repeat(1000)), { headers: { 'content-type': 'application/json' } }),
      await send(ingest.port, Buffer.alloc(0), { path: '/%E0%A4%A' }),
    ];
    expect(answers.map((a) => a.status)).toEqual([401, 413, 400]);
    for (const a of answers) {
      expect(() => JSON.parse(a.body)).not.toThrow();
      expect(a.body).not.toMatch(/\bat [^\n]*\(|node_modules|Error:/);
      expect(a.body).not.toContain(MARKER);
    }
    await new Promise((r) => setTimeout(r, 100));
    expect(ingest.output()).not.toContain(MARKER);
    expect(ingest.output()).not.toMatch(/\n\s+at /);
  }, 30_000);
});
