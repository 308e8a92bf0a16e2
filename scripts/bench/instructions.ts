// `npm run bench:instructions`: the machine instructions one `planJob('ingest')` executes at 10,000 units, counted by
// valgrind, to compare two commits' pure core. Its CPU time cannot: on this shared VM the same build took 1,039 ms
// and then 1,627 ms of CPU (median of 7 plans) half an hour apart (2/12/2026), because the plan is bound by memory,
// which the host's other tenants share. Under V8's --predictable (one thread; collections and compilations in a fixed
// order) runs on an idle machine agreed to 0.01 % in an earlier session. Any other work on the machine changes the
// count, since Node's own timers still follow the clock: one build counted up to a fifth more while something else
// ran (2/12/2026). So the two counts below run one after the other, and two builds compare only on an idle machine.
// The collector's share moves with what a change keeps: one more full collection in three plans is hundreds of
// millions of instructions. So the count is also given outside the collector's pauses (`Heap::CollectGarbage`,
// inclusive), which is what a change of the plan's own work moves. The budget stays CPU time (the guard of
// `npm run bench`); this says which change moves it. Needs valgrind (Debian: `apt install valgrind`, which brings
// callgrind_annotate), so it is not part of npm test.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { formatNumber } from '../../functions/core/format.ts';
import { parseCommandLine } from '../cli/args.ts';
import { buildFunctions } from './built-function.ts';
import { benchCampaign, pureChildArgs, toSnapshot, withSnapshotFile } from './campaign.ts';
import { DEPLOYED_HEAP, deployedRuntime, type Runtime } from './runtime.ts';

const run = promisify(execFile);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BUILT = path.join(ROOT, 'bench-results', 'instructions');
const UNITS = 10_000;

const USAGE =
  'Cách dùng: npm run bench:instructions\n' +
  '  đếm số lệnh máy của một lần lập kế hoạch ingest ở 10.000 đơn vị (cần valgrind), để so sánh hai phiên bản mã';

interface Count {
  readonly total: number;
  /** Inside the collector's pauses: `Heap::CollectGarbage` and all it calls. */
  readonly collector: number;
}

/** The collector's entry point as callgrind_annotate names it, inclusive cost first on its line. */
const COLLECTOR = /^\s*([\d,]+) .*v8::internal::Heap::CollectGarbage\(/m;

/**
 * Instructions of start-up, the snapshot's parse and `plans` plans: one valgrind run of pure-child.mjs, on the runtime
 * and heap the guard measures.
 */
async function count(runtime: Runtime, snapshotFile: string, plans: number): Promise<Count> {
  const dir = await mkdtemp(path.join(tmpdir(), 'thidua-callgrind-'));
  const out = path.join(dir, 'callgrind.out');
  try {
    return await countInto(out, runtime, snapshotFile, plans);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function countInto(out: string, runtime: Runtime, snapshotFile: string, plans: number): Promise<Count> {
  const { stderr } = await run(
    'valgrind',
    [
      '--tool=callgrind',
      `--callgrind-out-file=${out}`,
      // V8 writes the code it compiles: valgrind must see that code change.
      '--smc-check=all-non-file',
      runtime.node,
      '--predictable',
      ...DEPLOYED_HEAP,
      ...pureChildArgs(BUILT, snapshotFile, plans),
    ],
    { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
  );
  const collected = /Collected : (\d+)/.exec(stderr);
  if (!collected) throw new Error(`valgrind không báo số lệnh:\n${stderr}`);
  const { stdout } = await run('callgrind_annotate', ['--inclusive=yes', out], { maxBuffer: 256 * 1024 * 1024 });
  const collector = COLLECTOR.exec(stdout);
  if (!collector) throw new Error('callgrind_annotate không cho thấy dòng v8::internal::Heap::CollectGarbage.');
  return { total: Number(collected[1]), collector: Number(collector[1].replaceAll(',', '')) };
}

async function main(): Promise<void> {
  parseCommandLine({ options: {} }, USAGE);
  try {
    await run('valgrind', ['--version']);
  } catch {
    process.stderr.write('Cần valgrind để đếm lệnh máy (Debian: apt install valgrind).\n');
    process.exit(1);
  }
  const runtime = await deployedRuntime();
  if (runtime.warning) process.stderr.write(`${runtime.warning}\n`);
  await buildFunctions(BUILT);
  try {
    // The first plan also pays for compiling the code: the second and third, as a scheduled instance runs its job.
    // One valgrind at a time: two at once load each other.
    const [one, three] = await withSnapshotFile(toSnapshot(benchCampaign(UNITS, 2026)), async (file) => [
      await count(runtime, file, 1),
      await count(runtime, file, 3),
    ]);
    // The second and third plans, in millions each.
    const millionsPerPlan = (n: number) => formatNumber(Math.round(n / 2 / 1e6));
    const outside = (c: Count) => c.total - c.collector;
    process.stdout.write(
      `Lõi thuần ở ${formatNumber(UNITS)} đơn vị: ${millionsPerPlan(three.total - one.total)} triệu lệnh máy ` +
        `mỗi lần lập kế hoạch ingest, trong đó ${millionsPerPlan(outside(three) - outside(one))} triệu ngoài các lần ` +
        `dọn rác (lần thứ hai và thứ ba; valgrind, Node ${runtime.version} --predictable, heap như khi triển khai).\n`,
    );
  } finally {
    await rm(BUILT, { recursive: true, force: true });
  }
}

await main();
