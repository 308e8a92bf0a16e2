// The built functions (`npm run build`) under the Functions Framework's own main, in a child process, as Cloud Run runs
// them: with the deployed heap, `--target=<entry point>` and `--source=<built folder>`. Outsiders' requests are sent
// over HTTP; the signed request after them runs a real ingest against the local Sheets and SendGrid servers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { signPayload, TIMESTAMP_HEADER, SIGNATURE_HEADER } from '../../../functions/http/index.ts';
import {
  buildFunctions,
  sendBody as send,
  startBuiltFunction,
  type Answer,
  type RunningFunction,
} from '../../../scripts/bench/built-function.ts';
import { benchCampaign, toSnapshot } from '../../../scripts/bench/campaign.ts';
import { DEPLOY_NODE_MAJOR } from '../../../scripts/deploy/index.ts';
import { INGEST_SECRET, startCampaignStack, type CampaignStack } from '../../faults/campaign-stack.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SCHEDULER = 'thidua-scheduler@thidua-demo.iam.gserviceaccount.com';
/**
 * 20 MB of `[{},{},…]`: parsed, about 6.7 million objects; 15.7 MB of it killed the deployed ingest before this fix.
 */
const HUGE = Buffer.from(`[${'{},'.repeat(6_666_666)}{}]`);
const MARKER = 'MARKER-7c1e';

let built: string;
let stack: CampaignStack;
const running: RunningFunction[] = [];

beforeAll(async () => {
  await mkdir(path.join(ROOT, 'test-results'), { recursive: true });
  // Inside the repository, so the built code resolves its dependencies from node_modules as it does in dist/.
  built = await mkdtemp(path.join(ROOT, 'test-results', 'built-'));
  await buildFunctions(built);
  stack = await startCampaignStack(toSnapshot(benchCampaign(2, 2026)).tabs);
}, 120_000);

afterAll(async () => {
  for (const r of running) r.child.kill('SIGKILL');
  await stack?.close();
  if (built) await rm(built, { recursive: true, force: true });
});

/** Starts one built function as Cloud Run does, against the local campaign. */
async function start(target: string, nodeEnv: 'production' | undefined): Promise<RunningFunction> {
  const env: NodeJS.ProcessEnv = {
    ...stack.env,
    OIDC_AUDIENCE: `https://asia-southeast1-thidua-demo.cloudfunctions.net/${target}`,
    SCHEDULER_SERVICE_ACCOUNT: SCHEDULER,
  };
  delete env.NODE_ENV;
  if (nodeEnv) env.NODE_ENV = nodeEnv;
  const r = await startBuiltFunction(built, target, env);
  running.push(r);
  return r;
}

function signedIngest(port: number): Promise<Answer> {
  const body = JSON.stringify({ tab: 'Đăng ký thi đua', row: 2 });
  const ts = Math.floor(Date.now() / 1000);
  return send(port, Buffer.from(body), {
    headers: {
      'content-type': 'application/json',
      [TIMESTAMP_HEADER]: ts,
      [SIGNATURE_HEADER]: signPayload(body, INGEST_SECRET, ts),
    },
  });
}

describe('the built functions under the Functions Framework', () => {
  it(`are built for the deployed runtime: the built package.json asks for Node ${DEPLOY_NODE_MAJOR}`, async () => {
    const pkg = JSON.parse(await readFile(path.join(built, 'package.json'), 'utf8')) as {
      engines: { node: string };
      main: string;
    };
    expect(pkg.engines.node).toBe(String(DEPLOY_NODE_MAJOR));
    expect(pkg.main).toBe('functions/index.js');
  });

  it('issue 15 defect 1: an unsigned 20 MB JSON body to ingest, with the deployed heap, gets 413 and the process lives on to answer a signed request', async () => {
    const ingest = await start('ingest', 'production');
    const declared = await send(ingest.port, HUGE, {
      headers: { 'content-type': 'application/json', 'content-length': HUGE.length },
    });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body)).toEqual({ error: 'Nội dung yêu cầu quá lớn.', reason: 'too-large' });
    // The same body with no declared length is counted as it arrives.
    const chunked = await send(ingest.port, HUGE, {
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
    });
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
    const answer = await send(remind.port, body, {
      headers: { 'content-type': 'application/json', 'content-length': body.length },
      pieceBytes: 1,
      gapMs: 500,
    });
    expect(answer.status).toBe(408);
    expect(JSON.parse(answer.body).reason).toBe('slow');
    // Refused while the client still had most of its 20 seconds of body to send.
    expect(answer.sentBeforeAnswer).toBeLessThan(body.length / 2);
    // remind needs next to nothing: 2 KiB is already too much. And it still answers the next caller.
    expect((await send(remind.port, Buffer.alloc(2048, 'x'), { headers: { 'content-length': 2048 } })).status).toBe(
      413,
    );
    const unsigned = await send(remind.port, Buffer.alloc(0));
    expect(unsigned.status).toBe(401);
    expect(remind.child.exitCode).toBeNull();
  }, 30_000);

  it('issue 15 defect 1: with NODE_ENV unset, no answer shows a stack trace and no log line holds a byte of the body', async () => {
    const ingest = await start('ingest', undefined);
    const malformed = Buffer.from(`{"tab":"${MARKER}`);
    const answers = [
      // Malformed JSON: the framework used to parse it first and answer with its 400 page.
      await send(ingest.port, malformed, {
        headers: { 'content-type': 'application/json', 'content-length': malformed.length },
      }),
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
