// `npm run bench`: API calls, mail requests, time and memory of the jobs on 100, 1,000 and 10,000 units against the
// local servers, a naive per-row baseline for comparison, and the cold import time of the function entry points.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { createMailGateway } from '../../functions/gateways/mail.ts';
import { dateToSerial } from '../../functions/core/cells.ts';
import { formatNumber } from '../../functions/core/format.ts';
import { createSheetsClient } from '../../functions/gateways/sheets-client.ts';
import { openSpreadsheet, type Spreadsheet } from '../../functions/gateways/spreadsheet.ts';
import { quoteSheet } from '../../functions/core/a1.ts';
import type { WriteStats } from '../../functions/gateways/sheets.ts';
import { TAB } from '../../sheets-schema/index.ts';
import { startMailServer } from '../mail-server/index.ts';
import { startSheetsServer } from '../sheets-server/index.ts';
import { setupSpreadsheet } from '../../functions/setup/index.ts';
import { parseCommandLine } from '../cli/args.ts';
import { syncTemplates } from '../sync-templates.ts';
import {
  BENCH_NOW as NOW,
  benchCampaign,
  FIXTURE_UNIT_KEY,
  pureChildArgs,
  toSnapshot,
  withSnapshotFile,
} from './campaign.ts';
import { loadGrids } from './load.ts';
import { benchMailLimits } from './mail-limits.ts';
import { runNaive, type NaiveResult } from './naive.ts';
import { benchReminders, type ReminderResult } from './reminders.ts';
import { benchRollup, type RollupBenchResult } from './rollup.ts';
import { DEPLOYED_HEAP, deployedRuntime, type Runtime } from './runtime.ts';

const run = promisify(execFile);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SIZES = [100, 1_000, 10_000];
const NAIVE_SIZES = new Set([100, 1_000]);
/** The naive baseline makes at most this many requests per size; beyond, its wall time is extrapolated (printed). */
const NAIVE_BUDGET = 1_500;
const ID = 'bench';
const API_KEY = 'SG.bench-placeholder-key';
/** The functions compiled as `npm run build` compiles them: the job children and the cold imports run this code. */
const BUILT = path.join(ROOT, 'bench-results', 'build');

interface SizeResult {
  units: number;
  responses: number;
  /** wallMs and cpuMs: medians of the runs after the first. */
  pure: {
    firstWallMs: number;
    wallMs: number;
    minWallMs: number;
    maxWallMs: number;
    cpuMs: number;
    minCpuMs: number;
    maxCpuMs: number;
    /** The collector's pauses of the main thread within a plan (median): the share of the plan that is V8's. */
    gcMs: number;
    emails: number;
  };
  ingest: {
    wallMs: number;
    cpuMs: number;
    peakRssMiB: number;
    sheetsCalls: number;
    sheetsCallsByMethod: Record<string, number>;
    mailRequests: number;
    emailsSent: number;
    mail: MailCheck;
    sheetsWrites: WriteStats;
  };
  /** The sweep with nothing new since the first ingest: it must send no write request. */
  ingestAgain: {
    sheetsCalls: number;
    mailRequests: number;
    wallMs: number;
    cpuMs: number;
    peakRssMiB: number;
    sheetsWrites: WriteStats;
  };
  /** The sweep after NEW_RESPONSES more responses: it must write less than 200 KB at 10,000 units. */
  newResponses: {
    sheetsCalls: number;
    mailRequests: number;
    wallMs: number;
    cpuMs: number;
    peakRssMiB: number;
    sheetsWrites: WriteStats;
  };
  remind: { sheetsCalls: number; mailRequests: number; wallMs: number; peakRssMiB: number; sheetsWrites: WriteStats };
  /**
   * The same first and later ingest with the heap Node sizes in the deployed function (DEPLOYED_HEAP): the run with the
   * median first-run peak, and every run's peaks (a first run's peak depends on when V8 collects, so it spreads).
   */
  deployedHeap: { ingest: JobRun; ingestAgain: JobRun; peaks: { first: number[]; next: number[] } };
  naive?: NaiveResult & { callsRatio: number; mailRatio: number; wallRatio: number };
}

/** What the strict local SendGrid saw of a first ingest: SendGrid's limits kept, every email delivered once. */
interface MailCheck {
  /** The largest POST /v3/mail/send body, in bytes (our cap is 2 MB; SendGrid refuses 30 MB). */
  largestRequestBytes: number;
  /** Personalizations SendGrid would accept and then silently drop (names with , or ;, non-ASCII sender...). */
  drops: number;
  /** Distinct email keys delivered, and deliveries in all (equal when no email went out twice). */
  distinctDelivered: number;
  delivered: number;
}

/** Runs of the pure core per size after the first: a scheduled function instance runs its job again and again. */
const PURE_RUNS = 7;

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * The pure core (`planJob('ingest')`) on one snapshot: the first run, then the median, fastest and slowest of PURE_RUNS
 * more (wall and CPU). This VM's speed drifts by half within minutes, so one run says little. The plans run in a
 * process of their own over the compiled functions (pure-child.mjs), as the deployed function runs them: on its Node
 * and heap, and without the tsx loader (every closure would also carry a naming call) or the bench's own heap.
 */
async function pure(n: number, runtime: Runtime): Promise<SizeResult['pure'] & { responses: number }> {
  const snapshot = toSnapshot(benchCampaign(n, 2026));
  const { walls, cpus, gcs, emails } = await withSnapshotFile(snapshot, async (file) => {
    const { stdout } = await run(runtime.node, [...DEPLOYED_HEAP, ...pureChildArgs(BUILT, file, PURE_RUNS + 1)], {
      cwd: ROOT,
      maxBuffer: 1024 * 1024,
    });
    return JSON.parse(stdout.trim().split('\n').pop()!) as {
      walls: number[];
      cpus: number[];
      gcs: number[];
      emails: number;
    };
  });
  const responses = [...snapshot.tabs]
    .filter(([t]) => ['Đăng ký thi đua', 'Báo cáo sơ kết', 'Báo cáo tổng kết', 'Đề nghị khen thưởng'].includes(t))
    .reduce((s, [, g]) => s + g.length - 1, 0);
  const warm = walls.slice(1);
  return {
    firstWallMs: walls[0],
    wallMs: median(warm),
    minWallMs: Math.min(...warm),
    maxWallMs: Math.max(...warm),
    cpuMs: median(cpus.slice(1)),
    minCpuMs: Math.min(...cpus.slice(1)),
    maxCpuMs: Math.max(...cpus.slice(1)),
    gcMs: median(gcs.slice(1)),
    emails,
    responses,
  };
}

interface JobRun {
  wallMs: number;
  cpuMs: number;
  peakRssMiB: number;
  sheetsCalls: number;
  mailRequests: number;
  /** Sheets write requests, their body bytes, and the requests the 2 MB split added. */
  sheetsWrites: WriteStats;
}

/** Responses that arrive between two sweeps, in the "10 new responses" run. */
const NEW_RESPONSES = 10;

/**
 * NEW_RESPONSES units submit their registration again an hour before NOW (a resubmission supersedes the first): new
 * rows at the end of the form tab, whose `Kiểm tra` rows go in the middle of that tab.
 */
async function appendResubmissions(book: Spreadsheet, snapshot: Stack['snapshot']): Promise<void> {
  const rows = snapshot.tabs.get(TAB.registration)!.slice(1, 1 + NEW_RESPONSES);
  const at = dateToSerial(new Date(NOW.getTime() - 3_600_000));
  await book.append(
    quoteSheet(TAB.registration),
    rows.map((row) => [at, ...row.slice(1)]),
  );
}

async function child(
  runtime: Runtime,
  env: NodeJS.ProcessEnv,
  job: string,
  nodeArgs: readonly string[],
): Promise<JobRun> {
  const { stdout, stderr } = await run(
    runtime.node,
    [...nodeArgs, path.join(ROOT, 'scripts/bench/job-child.mjs'), BUILT, job, NOW.toISOString()],
    {
      cwd: ROOT,
      env,
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  // THIDUA_BENCH_TRACE=1: the child's memory at each request it made (job-child.mjs).
  if (stderr) process.stderr.write(`${job} ${nodeArgs.join(' ')}:\n${stderr}`);
  return JSON.parse(stdout.trim().split('\n').pop()!) as JobRun;
}

interface Stack {
  env: NodeJS.ProcessEnv;
  sheets: Awaited<ReturnType<typeof startSheetsServer>>;
  mail: Awaited<ReturnType<typeof startMailServer>>;
  book: Spreadsheet;
  snapshot: ReturnType<typeof toSnapshot>;
  close: () => Promise<void>;
}

/** Fresh local servers holding a set-up campaign of `n` units, with its templates synced. */
async function campaignStack(n: number): Promise<Stack> {
  // Built before the servers start: at 10,000 units it takes seconds, past the server's keep-alive timeout, and the
  // client's next request on the idle socket was reset.
  const snapshot = toSnapshot(benchCampaign(n, 2026));
  const dir = await mkdtemp(path.join(tmpdir(), 'thidua-bench-'));
  const sheets = await startSheetsServer({ port: 0, dataDir: path.join(dir, 'sheets') });
  const mail = await startMailServer({ port: 0, dataDir: path.join(dir, 'mail') });
  const close = async () => {
    await sheets.close();
    await mail.close();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await fetch(new URL(`__admin/spreadsheets/${ID}`, sheets.url), { method: 'PUT' });
    const book = openSpreadsheet({ api: createSheetsClient(sheets.url), spreadsheetId: ID });
    await setupSpreadsheet(book, {});
    // The first run sizes the system tabs' grids itself (one spreadsheets.batchUpdate), as it does in production.
    await loadGrids(book, snapshot.tabs);
    await syncTemplates({ apiKey: API_KEY, baseUrl: mail.url });
    const env = {
      ...process.env,
      SPREADSHEET_ID: ID,
      GOOGLE_SHEETS_ROOT_URL: sheets.url,
      SENDGRID_API_KEY: API_KEY,
      SENDGRID_BASE_URL: mail.url,
      MAIL_FROM: 'thuongtruc@thidua.example.vn',
      UNIT_SECRET_KEY: FIXTURE_UNIT_KEY,
    };
    return { env, sheets, mail, book, snapshot, close };
  } catch (error) {
    await close();
    throw error;
  }
}

async function whole(
  n: number,
  runtime: Runtime,
): Promise<Omit<SizeResult, 'pure' | 'units' | 'responses' | 'deployedHeap'>> {
  const { env, sheets, mail, book, snapshot, close } = await campaignStack(n);
  try {
    sheets.resetStats();
    const sendsBefore = mail.requestCount();
    const first = await child(runtime, env, 'ingest', []);
    const stats = sheets.stats();
    const emailsSent = mail.outbox().reduce((s, m) => s + m.rendered.length, 0);
    const keys = mail.outbox().flatMap((m) => m.rendered.map((r) => r.email_key));
    const check: MailCheck = {
      largestRequestBytes: mail.largestMailSendBytes(),
      drops: mail.drops().length,
      distinctDelivered: new Set(keys).size,
      delivered: keys.length,
    };
    const ingest = {
      ...first,
      sheetsCalls: stats.total,
      sheetsCallsByMethod: stats.calls,
      mailRequests: mail.requestCount() - sendsBefore,
      emailsSent,
      mail: check,
    };

    sheets.resetStats();
    let before = mail.requestCount();
    const again = await child(runtime, env, 'ingest', []);
    const ingestAgain = {
      sheetsCalls: sheets.stats().total,
      mailRequests: mail.requestCount() - before,
      wallMs: again.wallMs,
      cpuMs: again.cpuMs,
      peakRssMiB: again.peakRssMiB,
      sheetsWrites: again.sheetsWrites,
    };

    await appendResubmissions(book, snapshot);
    sheets.resetStats();
    before = mail.requestCount();
    const fresh = await child(runtime, env, 'ingest', []);
    const newResponses = {
      sheetsCalls: sheets.stats().total,
      mailRequests: mail.requestCount() - before,
      wallMs: fresh.wallMs,
      cpuMs: fresh.cpuMs,
      peakRssMiB: fresh.peakRssMiB,
      sheetsWrites: fresh.sheetsWrites,
    };

    sheets.resetStats();
    before = mail.requestCount();
    const r = await child(runtime, env, 'remind', []);
    const remind = {
      sheetsCalls: sheets.stats().total,
      mailRequests: mail.requestCount() - before,
      wallMs: r.wallMs,
      peakRssMiB: r.peakRssMiB,
      sheetsWrites: r.sheetsWrites,
    };

    let naive: SizeResult['naive'];
    if (NAIVE_SIZES.has(n)) {
      // A fresh spreadsheet and outbox state would not change the naive I/O count; templates are already synced.
      const templateIds = new Map(
        (await createMailGateway({ apiKey: API_KEY, baseUrl: mail.url }).templates.list()).map((t) => [t.name, t.id]),
      );
      const result = await runNaive(
        book,
        snapshot,
        NOW,
        { apiKey: API_KEY, baseUrl: mail.url, templateIds },
        NAIVE_BUDGET,
      );
      naive = {
        ...result,
        callsRatio: result.sheetsCalls / ingest.sheetsCalls,
        mailRatio: result.mailRequests / Math.max(1, ingest.mailRequests),
        wallRatio: result.wallMs / ingest.wallMs,
      };
    }
    return { ingest, ingestAgain, newResponses, remind, ...(naive ? { naive } : {}) };
  } finally {
    await close();
  }
}

/**
 * Fresh campaigns per size for the deployed-heap runs: one each, and more at the size where the peak nears the limit.
 */
let DEPLOYED_REPEATS = (n: number): number => (n >= 10_000 ? 3 : 1);

/**
 * A first and a later ingest on a fresh campaign, with the heap Node gives the deployed function, DEPLOYED_REPEATS
 * times.
 */
async function deployedHeap(n: number, runtime: Runtime): Promise<SizeResult['deployedHeap']> {
  const runs: { ingest: JobRun; ingestAgain: JobRun }[] = [];
  for (let k = 0; k < DEPLOYED_REPEATS(n); k++) {
    const { env, close } = await campaignStack(n);
    try {
      const ingest = await child(runtime, env, 'ingest', DEPLOYED_HEAP);
      const ingestAgain = await child(runtime, env, 'ingest', DEPLOYED_HEAP);
      runs.push({ ingest, ingestAgain });
    } finally {
      await close();
    }
  }
  const byFirst = [...runs].sort((a, b) => a.ingest.peakRssMiB - b.ingest.peakRssMiB);
  return {
    ...byFirst[Math.floor(byFirst.length / 2)],
    peaks: { first: runs.map((r) => r.ingest.peakRssMiB), next: runs.map((r) => r.ingestAgain.peakRssMiB) },
  };
}

/** Compiles the functions into BUILT as `npm run build` does (the templates too, for the jobs' dry-run rendering). */
async function compile(): Promise<void> {
  await rm(BUILT, { recursive: true, force: true });
  await run(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/typescript/bin/tsc'),
      '-p',
      path.join(ROOT, 'tsconfig.build.json'),
      '--outDir',
      BUILT,
    ],
    { cwd: ROOT },
  );
  await cp(path.join(ROOT, 'templates'), path.join(BUILT, 'templates'), { recursive: true });
}

/**
 * Cold import: a fresh Node process times `import()` of the entry point alone, then of the job modules `ingest` loads
 * on its first request. Node's own start-up is excluded. Measured twice: as deployed (the JavaScript in BUILT) and
 * under the tsx loader `npm start` uses (its transform cache warmed first).
 */
async function coldImport(runtime: Runtime): Promise<Record<string, number>> {
  const env = {
    ...process.env,
    SPREADSHEET_ID: ID,
    SENDGRID_API_KEY: API_KEY,
    MAIL_FROM: 'a@example.vn',
    INGEST_SECRET: 'x'.repeat(32),
    OIDC_AUDIENCE: 'https://example.invalid/ingest',
    SCHEDULER_SERVICE_ACCOUNT: 'scheduler@example.iam.gserviceaccount.com',
  };
  const code = (spec: string) =>
    `const t=performance.now();await import(${JSON.stringify(spec)});process.stdout.write(String(performance.now()-t))`;
  const out: Record<string, number> = {};
  // As deployed on the deployed runtime; under tsx on the Node that runs `npm start`.
  for (const [label, spec, node, loader] of [
    [
      'functions/index.js, as deployed (entry, registers ingest/remind/digest)',
      pathToFileURL(path.join(BUILT, 'functions/index.js')).href,
      runtime.node,
      [],
    ],
    [
      'functions/jobs/run.js, as deployed (job code loaded on first request)',
      pathToFileURL(path.join(BUILT, 'functions/jobs/run.js')).href,
      runtime.node,
      [],
    ],
    ['functions/index.ts under tsx (npm start)', './functions/index.ts', process.execPath, ['--import', 'tsx']],
    ['functions/jobs/run.ts under tsx (npm start)', './functions/jobs/run.ts', process.execPath, ['--import', 'tsx']],
  ] as const) {
    const once = () => run(node, [...loader, '--input-type=module', '-e', code(spec)], { cwd: ROOT, env });
    await once();
    const samples: number[] = [];
    for (let i = 0; i < 3; i++) samples.push(Number((await once()).stdout.trim().split('\n').pop()));
    out[label] = Math.min(...samples);
  }
  return out;
}

const f = (n: number, digits = 0) => n.toFixed(digits);
/**
 * The 1-minute load average, printed with every CPU figure: on this shared 2-core VM the CPU time of the same code
 * grows with the other processes' load (V8's compiler and collector threads wait for a core, so the main thread runs
 * unoptimised code for longer), and a figure means little without it.
 */
const load = () => formatNumber(loadavg()[0], 1);
/** Calls, with the requests the 2 MB split added beside them. */
const calls = (n: number, w: WriteStats) => (w.splits ? `${n} (+${w.splits})` : String(n));
const kb = (w: WriteStats) => (w.bytes / 1024).toFixed(w.bytes < 10_240 ? 1 : 0);

/** The budget the deployed function is held to at GUARD_UNITS units: the bench fails when a run passes it. */
const GUARD_UNITS = 10_000;
const GUARD_PEAK_MIB = 256;
const GUARD_PURE_MS = 1_000;

/** A peak to a tenth of a MiB, so a peak just over the budget never reads as the budget itself. */
const mib = (n: number) => formatNumber(n, 1);

/** Vietnamese lines for each budget passed at GUARD_UNITS units (none when every run kept within it). */
function guard(results: readonly SizeResult[]): string[] {
  const r = results.find((x) => x.units === GUARD_UNITS);
  if (!r)
    return [`Không đo ${formatNumber(GUARD_UNITS)} đơn vị nên không kiểm tra được ngân sách bộ nhớ và thời gian.`];
  const failures: string[] = [];
  const peaks = [...r.deployedHeap.peaks.first, ...r.deployedHeap.peaks.next];
  const peak = Math.max(...peaks);
  if (peak > GUARD_PEAK_MIB)
    failures.push(
      `RSS đỉnh của ingest ở ${formatNumber(GUARD_UNITS)} đơn vị (heap như khi triển khai) là ${mib(peak)} MiB, vượt ${GUARD_PEAK_MIB} MiB ` +
        `(lần đầu: ${r.deployedHeap.peaks.first.map(mib).join('; ')}; lần sau: ${r.deployedHeap.peaks.next.map(mib).join('; ')}).`,
    );
  // CPU time, not wall time: on this shared 2-core machine the wall time of the same code varies tenfold with the
  // other engineers' load, its CPU time far less.
  if (r.pure.cpuMs > GUARD_PURE_MS)
    failures.push(
      `Lõi thuần ở ${formatNumber(GUARD_UNITS)} đơn vị dùng ${f(r.pure.cpuMs)} ms CPU (trung vị ${PURE_RUNS} lần, ${f(r.pure.minCpuMs)}–${f(r.pure.maxCpuMs)}; thời gian thực ${f(r.pure.wallMs)} ms, trong đó bộ thu gom rác dừng luồng chính ${f(r.pure.gcMs)} ms), vượt ${formatNumber(GUARD_PURE_MS)} ms.`,
    );
  return failures;
}

function rollupLine(r: RollupBenchResult): string {
  return (
    `Tổng hợp cấp dưới: ${formatNumber(r.children)} bảng tính cấp dưới (mỗi bảng ${r.unitsPerChild} đơn vị, đọc ${r.dashboardRows} dòng), ` +
    `${r.paced ? 'theo hạn mức đọc của Google (60 lượt/phút)' : 'không giới hạn nhịp'}: ${f(r.readsPerChild)} lượt đọc mỗi bảng, ` +
    `${f(r.wallMs / 1000, 1)} s, CPU ${f(r.cpuMs)} ms, RSS đỉnh ${f(r.peakRssMiB)} MiB; đọc được ${formatNumber(r.read)}/${formatNumber(r.children)}, ` +
    `${formatNumber(r.forwarded)} đề nghị khen thưởng của cấp dưới được xét`
  );
}

const USAGE =
  'Cách dùng: npm run bench -- [--quick] [--repeats N] [--rollup N [--paced]]\n' +
  '  --quick      chỉ đo ngân sách ở 10.000 đơn vị (RSS đỉnh, lõi thuần), thư nhắc hạn và thời gian nạp mô-đun\n' +
  '  --repeats N  số chiến dịch mới cho mỗi lần đo ingest với heap như khi triển khai (mặc định 3 ở 10.000 đơn vị)\n' +
  '  --rollup N   chỉ đo một lượt tổng hợp cấp dưới của N bảng tính cấp dưới (tỉnh 300 huyện, xã: 300)\n' +
  '  --paced      với --rollup: máy chủ áp hạn mức đọc của Google (60 lượt/phút), công việc giữ nhịp dưới hạn mức đó';

async function main(): Promise<void> {
  const { values } = parseCommandLine(
    {
      options: {
        quick: { type: 'boolean', default: false },
        repeats: { type: 'string' },
        rollup: { type: 'string' },
        paced: { type: 'boolean', default: false },
      },
    },
    USAGE,
  );
  if (values.repeats !== undefined) {
    const repeats = Number(values.repeats);
    if (!Number.isInteger(repeats) || repeats < 1) {
      process.stderr.write(`--repeats cần một số nguyên dương, không phải "${values.repeats}".\n${USAGE}\n`);
      process.exit(2);
    }
    DEPLOYED_REPEATS = () => repeats;
  }
  const started = performance.now();
  const startLoad = load();
  const runtime = await deployedRuntime();
  console.log(
    runtime.warning ||
      `Đo mã đã biên dịch trên Node ${runtime.version}, phiên bản của môi trường triển khai, với heap như khi triển khai.`,
  );
  await compile();
  if (values.rollup !== undefined) {
    const children = Number(values.rollup);
    if (!Number.isInteger(children) || children < 1) {
      process.stderr.write(`--rollup cần một số nguyên dương, không phải "${values.rollup}".\n${USAGE}\n`);
      process.exit(2);
    }
    const r = await benchRollup({ children, unitsPerChild: 30, built: BUILT, now: NOW, paced: values.paced, runtime });
    await rm(BUILT, { recursive: true, force: true });
    console.log(rollupLine(r));
    await mkdir(path.join(ROOT, 'bench-results'), { recursive: true });
    await writeFile(path.join(ROOT, 'bench-results', 'rollup.json'), JSON.stringify(r, null, 2) + '\n');
    return;
  }
  if (values.quick) {
    // What the guard checks (the pure core and the deployed-heap ingests at GUARD_UNITS units), the reminders and the
    // cold import: the figures the README quotes, in minutes rather than the whole bench.
    const p = await pure(GUARD_UNITS, runtime);
    const deployed = await deployedHeap(GUARD_UNITS, runtime);
    const dir = await mkdtemp(path.join(tmpdir(), 'thidua-bench-mail-'));
    const reminders = await benchReminders(GUARD_UNITS, dir, BUILT, runtime);
    await rm(dir, { recursive: true, force: true });
    const cold = await coldImport(runtime);
    await rm(BUILT, { recursive: true, force: true });
    const { responses, ...core } = p;
    const result = { units: GUARD_UNITS, responses, pure: core, deployedHeap: deployed } as SizeResult;
    console.log(
      `${formatNumber(GUARD_UNITS)} đơn vị: lõi thuần ${f(p.cpuMs)} ms CPU (trung vị; ${f(p.minCpuMs)}–${f(p.maxCpuMs)}), ${f(p.wallMs)} ms thực (trung vị; nhanh–chậm ${f(p.minWallMs)}–${f(p.maxWallMs)}; bộ thu gom rác dừng luồng chính ${f(p.gcMs)} ms), ` +
        `RSS đỉnh ingest lần đầu ${deployed.peaks.first.map((x) => f(x)).join(', ')} MiB, lần sau ${deployed.peaks.next.map((x) => f(x)).join(', ')} MiB`,
    );
    console.log(
      `Thư nhắc hạn: ${reminders.due} thư đến hạn, lập kế hoạch ${f(reminders.planMs)} ms, soạn nội dung ${f(reminders.renderMs)} ms`,
    );
    for (const [label, ms] of Object.entries(cold)) console.log(`Nạp mô-đun khi khởi động lạnh, ${label}: ${f(ms)} ms`);
    return finish([result], started, startLoad, runtime);
  }
  const results: SizeResult[] = [];
  for (const n of SIZES) {
    const p = await pure(n, runtime);
    process.stderr.write(`… ${n} đơn vị: lõi thuần ${f(p.wallMs)} ms (trung vị), lần đầu ${f(p.firstWallMs)} ms\n`);
    const w = await whole(n, runtime);
    const deployed = await deployedHeap(n, runtime);
    const { responses, ...core } = p;
    results.push({ units: n, responses, pure: core, ...w, deployedHeap: deployed });
    process.stderr.write(`… ${n} đơn vị: xong ingest/remind\n`);
  }
  const reminders: (ReminderResult & { units: number })[] = [];
  for (const n of [10, 1_000, 10_000]) {
    const dir = await mkdtemp(path.join(tmpdir(), 'thidua-bench-mail-'));
    reminders.push({ units: n, ...(await benchReminders(n, dir, BUILT, runtime)) });
    await rm(dir, { recursive: true, force: true });
  }
  const mailDir = await mkdtemp(path.join(tmpdir(), 'thidua-bench-mail-'));
  const mailLimits = await benchMailLimits(10_000, NOW, mailDir);
  await rm(mailDir, { recursive: true, force: true });
  // One province's roll-up of 300 children, unpaced (Google's quota paces it: npm run bench -- --rollup 300 --paced).
  const rollup = await benchRollup({ children: 300, unitsPerChild: 30, built: BUILT, now: NOW, paced: false, runtime });
  const cold = await coldImport(runtime);
  await rm(BUILT, { recursive: true, force: true });
  console.log(rollupLine(rollup));

  const table = [
    [
      'Đơn vị',
      'Câu trả lời',
      'Lõi: ms (trung vị)',
      'Lõi: nhanh–chậm',
      'Lõi: lần đầu',
      'Lõi: CPU ms',
      'Lõi: thu gom rác ms',
      'Ingest: ms',
      'Ingest: CPU ms',
      'RSS đỉnh MiB',
      'Lệnh Sheets (tách 2 MB)',
      'Ghi KB',
      'Thư gửi',
      'Yêu cầu thư',
      'Ingest lần 2: Sheets',
      'Ingest lần 2: ghi',
      'Ingest lần 2: RSS MiB',
      `${NEW_RESPONSES} câu mới: Sheets`,
      `${NEW_RESPONSES} câu mới: ghi KB`,
      'Remind: Sheets',
      'Remind: thư',
    ],
    ...results.map((r) =>
      [
        r.units,
        r.responses,
        f(r.pure.wallMs),
        `${f(r.pure.minWallMs)}–${f(r.pure.maxWallMs)}`,
        f(r.pure.firstWallMs),
        f(r.pure.cpuMs),
        f(r.pure.gcMs),
        f(r.ingest.wallMs),
        f(r.ingest.cpuMs),
        f(r.ingest.peakRssMiB),
        calls(r.ingest.sheetsCalls, r.ingest.sheetsWrites),
        kb(r.ingest.sheetsWrites),
        r.ingest.emailsSent,
        r.ingest.mailRequests,
        calls(r.ingestAgain.sheetsCalls, r.ingestAgain.sheetsWrites),
        r.ingestAgain.sheetsWrites.requests,
        f(r.ingestAgain.peakRssMiB),
        calls(r.newResponses.sheetsCalls, r.newResponses.sheetsWrites),
        kb(r.newResponses.sheetsWrites),
        calls(r.remind.sheetsCalls, r.remind.sheetsWrites),
        r.remind.mailRequests,
      ].map(String),
    ),
  ];
  const widths = table[0].map((_, c) => Math.max(...table.map((row) => row[c].length)));
  console.log('\nĐo hiệu năng (máy chủ Sheets và SendGrid cục bộ)\n');
  for (const row of table) console.log(row.map((cell, c) => cell.padStart(widths[c])).join('  '));
  console.log(
    '\nGhi vào Sheets mỗi lượt (lệnh Sheets; yêu cầu ghi, dung lượng gửi đi, yêu cầu thêm do tách để mỗi yêu cầu ≤ 2 MB):',
  );
  for (const r of results) {
    const line = (label: string, run: { sheetsCalls: number; sheetsWrites: WriteStats }) =>
      `${label} ${run.sheetsCalls} lệnh, ghi ${run.sheetsWrites.requests} yêu cầu, ${kb(run.sheetsWrites)} KB` +
      (run.sheetsWrites.splits ? ` (tách thêm ${run.sheetsWrites.splits})` : '');
    console.log(
      `  ${r.units} đơn vị: ${line('ingest lần đầu', r.ingest)}; ${line('quét lại, không có gì mới (mục tiêu: 0 yêu cầu ghi)', r.ingestAgain)}; ` +
        `${line(`quét sau ${NEW_RESPONSES} câu trả lời mới (mục tiêu ở 10.000 đơn vị: < 200 KB)`, r.newResponses)}; ${line('remind', r.remind)}`,
    );
  }
  console.log('\nThư của ingest đầu tiên, theo máy chủ SendGrid cục bộ (giới hạn thật, xem docs/limits.md):');
  for (const r of results) {
    const m = r.ingest.mail;
    console.log(
      `  ${r.units} đơn vị: ${m.delivered} thư đã nhận cho ${r.pure.emails} thư dự kiến (${m.distinctDelivered} khóa khác nhau), ` +
        `${m.drops} thư bị SendGrid bỏ, yêu cầu lớn nhất ${f(m.largestRequestBytes / 1e6, 2)} MB (giới hạn của chúng tôi 2 MB, SendGrid 30 MB)`,
    );
  }
  {
    const m = mailLimits;
    console.log(
      `  10000 đơn vị, riêng phần thư (kế hoạch của lõi thuần, gửi qua cổng thư): ${m.emails} thư, ${m.requests} yêu cầu, lỗi ${m.failed}, ` +
        `${m.delivered} thư đã nhận (${m.distinctDelivered} khóa khác nhau), ${m.drops} thư bị SendGrid bỏ, yêu cầu lớn nhất ${f(m.largestRequestBytes / 1e6, 2)} MB, gửi trong ${f(m.sendMs)} ms`,
    );
  }
  console.log('\nRSS đỉnh của ingest (MiB), mã đã biên dịch như khi triển khai:');
  for (const r of results) {
    const d = r.deployedHeap;
    const spread = (xs: readonly number[]) =>
      xs.length > 1 ? ` [${xs.length} lần: ${f(Math.min(...xs))}–${f(Math.max(...xs))}]` : '';
    console.log(
      `  ${r.units} đơn vị: heap như trong hàm đã triển khai (259 MiB): lần đầu ${f(d.ingest.peakRssMiB)}${spread(d.peaks.first)} (CPU ${f(d.ingest.cpuMs)} ms), ` +
        `lần sau ${f(d.ingestAgain.peakRssMiB)}${spread(d.peaks.next)} (CPU ${f(d.ingestAgain.cpuMs)} ms); heap theo RAM của máy đo: lần đầu ${f(r.ingest.peakRssMiB)}, lần sau ${f(r.ingestAgain.peakRssMiB)}`,
    );
  }
  console.log('\nSo với cách làm ngây thơ (mỗi dòng một lệnh Sheets, mỗi thư một yêu cầu):');
  for (const r of results) {
    if (!r.naive) continue;
    console.log(
      `  ${r.units} đơn vị: lệnh Sheets ${r.naive.sheetsCalls} so với ${r.ingest.sheetsCalls} (gấp ${f(r.naive.callsRatio)} lần), ` +
        `yêu cầu thư ${r.naive.mailRequests} so với ${r.ingest.mailRequests} (gấp ${f(r.naive.mailRatio)} lần), ` +
        `thời gian ${f(r.naive.wallMs)} ms so với ${f(r.ingest.wallMs)} ms (gấp ${f(r.naive.wallRatio, 1)} lần)` +
        (r.naive.issued < r.naive.sheetsCalls + r.naive.mailRequests
          ? ` [ngoại suy từ ${r.naive.issued} yêu cầu đầu]`
          : ''),
    );
  }
  console.log('\nThư nhắc hạn (đơn vị chưa đăng ký, một ngày trước hạn):');
  for (const r of reminders) {
    console.log(
      `  ${r.due} thư đến hạn: lập kế hoạch ${f(r.planMs)} ms, soạn nội dung ${f(r.renderMs)} ms, ${r.mailRequests} yêu cầu gửi thư`,
    );
  }
  console.log('\nThời gian nạp mô-đun khi khởi động lạnh (ms, tiến trình mới, không tính khởi động Node):');
  for (const [label, ms] of Object.entries(cold)) console.log(`  ${label}: ${f(ms)}`);
  console.log(`\nTổng thời gian đo: ${f((performance.now() - started) / 1000, 1)} s`);

  await mkdir(path.join(ROOT, 'bench-results'), { recursive: true });
  const file = path.join(ROOT, 'bench-results', 'bench.json');
  await writeFile(
    file,
    JSON.stringify(
      {
        at: new Date().toISOString(),
        node: runtime.version,
        now: NOW.toISOString(),
        sizes: results,
        reminders,
        mailLimits,
        coldImportMs: cold,
      },
      null,
      2,
    ) + '\n',
  );
  console.log(`Đã ghi ${path.relative(ROOT, file)}`);
  finish(results, started, startLoad, runtime);
}

/** Exits non-zero, saying which budget was passed, when a run at GUARD_UNITS units passed one. */
function finish(results: readonly SizeResult[], started: number, startLoad: string, runtime: Runtime): void {
  console.log(`Tải máy (trung bình 1 phút): ${startLoad} lúc bắt đầu đo, ${load()} lúc kết thúc.`);
  if (runtime.warning) console.log(runtime.warning);
  const failures = guard(results);
  if (failures.length > 0) {
    console.error(`\nĐo hiệu năng KHÔNG ĐẠT ngân sách:\n${failures.map((x) => `  - ${x}`).join('\n')}`);
    process.exitCode = 1;
  } else {
    console.log(
      `\nĐạt ngân sách ở ${formatNumber(GUARD_UNITS)} đơn vị: RSS đỉnh ≤ ${GUARD_PEAK_MIB} MiB, lõi thuần ≤ ${formatNumber(GUARD_PURE_MS)} ms CPU ` +
        `(${f((performance.now() - started) / 1000, 1)} s).`,
    );
  }
}

await main();
