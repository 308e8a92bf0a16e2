// `npx tsx scripts/bench/edge.ts`: the attacks of issue 15 (defect 1) re-run on the built functions as Cloud Run runs
// them (Node 22, framework main, deployed heap), with what each got back, how soon, and the process's peak memory
// after it.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildFunctions, sendBody, startBuiltFunction, type Answer, type RunningFunction } from './built-function.ts';
import { deployedRuntime } from './runtime.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const JSON_TYPE = { 'content-type': 'application/json' };

interface Attack {
  readonly target: 'ingest' | 'remind';
  readonly nodeEnv?: 'production';
  readonly what: string;
  send(port: number): Promise<Answer>;
}

const array = (bytes: number) => Buffer.from(`[${'{},'.repeat(Math.floor(bytes / 3) - 1)}{}]`);

const ATTACKS: readonly Attack[] = [
  {
    target: 'ingest',
    nodeEnv: 'production',
    what: 'unsigned 15.7 MB `[{},{},…]`, declared length',
    send: (port) => {
      const b = array(15_700_000);
      return sendBody(port, b, { headers: { ...JSON_TYPE, 'content-length': b.length } });
    },
  },
  {
    target: 'ingest',
    nodeEnv: 'production',
    what: 'unsigned 20 MB `[{},{},…]`, chunked (no length)',
    send: (port) => sendBody(port, array(20_000_000), { headers: { ...JSON_TYPE, 'transfer-encoding': 'chunked' } }),
  },
  {
    target: 'ingest',
    nodeEnv: 'production',
    what: '10 KB gzip that inflates to 10 MB',
    send: (port) => {
      const b = gzipSync(Buffer.alloc(10_000_000, ' '));
      return sendBody(port, b, { headers: { ...JSON_TYPE, 'content-encoding': 'gzip', 'content-length': b.length } });
    },
  },
  {
    target: 'remind',
    nodeEnv: 'production',
    what: '40-byte JSON body trickled at 2 bytes/s',
    send: (port) => {
      const b = Buffer.from(`{"pad":"${'x'.repeat(30)}"}`);
      return sendBody(port, b, { headers: { ...JSON_TYPE, 'content-length': b.length }, pieceBytes: 1, gapMs: 500 });
    },
  },
  {
    target: 'ingest',
    what: 'malformed JSON, NODE_ENV unset',
    send: (port) => {
      const b = Buffer.from('{"tab":"x');
      return sendBody(port, b, { headers: { ...JSON_TYPE, 'content-length': b.length } });
    },
  },
  {
    target: 'ingest',
    what: 'malformed percent-escape in the path, NODE_ENV unset',
    send: (port) => sendBody(port, Buffer.alloc(0), { path: '/%E0%A4%A' }),
  },
];

const ENV: NodeJS.ProcessEnv = {
  PATH: process.env.PATH,
  SPREADSHEET_ID: 'edge-bench',
  SENDGRID_API_KEY: 'SG.edge-bench-placeholder',
  MAIL_FROM: 'thuongtruc@example.vn',
  INGEST_SECRET: 'edge-bench-secret-0123456789abcdef',
  OIDC_AUDIENCE: 'https://asia-southeast1-thidua-demo.cloudfunctions.net/fn',
  SCHEDULER_SERVICE_ACCOUNT: 'thidua-scheduler@thidua-demo.iam.gserviceaccount.com',
};

async function main(): Promise<void> {
  await mkdir(path.join(ROOT, 'bench-results'), { recursive: true });
  const built = await mkdtemp(path.join(ROOT, 'bench-results', 'edge-build-'));
  const lines = [
    '| attack | function | answer | answered after | body sent before the answer | alive, answers the next request | peak RSS |',
    '| --- | --- | --- | ---: | ---: | --- | ---: |',
  ];
  // The attacks meet the functions on the Node they are deployed to.
  const runtime = await deployedRuntime();
  if (runtime.warning) process.stderr.write(`${runtime.warning}\n`);
  try {
    await buildFunctions(built);
    for (const attack of ATTACKS) {
      let fn: RunningFunction | undefined;
      try {
        fn = await startBuiltFunction(
          built,
          attack.target,
          { ...ENV, ...(attack.nodeEnv ? { NODE_ENV: attack.nodeEnv } : {}) },
          runtime.node,
        );
        const answer = await attack
          .send(fn.port)
          .catch((error: Error) => ({ status: 0, body: error.message, sentBeforeAnswer: -1, ms: NaN }));
        const next = await sendBody(fn.port, Buffer.alloc(0)).catch(() => undefined);
        const alive = fn.child.exitCode === null && next?.status === 401;
        const reason = /"reason":"([\w-]+)"/.exec(answer.body)?.[1] ?? answer.body.split('\n')[0].slice(0, 40);
        lines.push(
          `| ${attack.what} | ${attack.target} | ${answer.status} ${reason} | ${answer.ms.toFixed(0)} ms | ${answer.sentBeforeAnswer.toLocaleString('en')} B | ${alive ? 'yes' : 'NO'} | ${fn.peakRssMiB().toFixed(0)} MiB |`,
        );
      } finally {
        fn?.child.kill('SIGKILL');
      }
    }
  } finally {
    await rm(built, { recursive: true, force: true });
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

await main();
