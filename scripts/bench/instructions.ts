// `npm run bench:instructions`: the machine instructions one `planJob('ingest')` executes at 10,000 units, counted by
// valgrind, to compare two commits' pure core. Its CPU time cannot: on this shared VM the same build took 1,039 ms
// and then 1,627 ms of CPU (median of 7 plans) half an hour apart (2/12/2026), because the plan is bound by memory,
// which the host's other tenants share. Under V8's --predictable (one thread; collections and compilations in a fixed
// order) the count is the same to 0.01 % from run to run, so a change of 0.5 % shows. The budget stays CPU time (the
// guard of `npm run bench`); this says which change moves it. Needs valgrind (Debian: `apt install valgrind`), so it
// is not part of npm test.
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
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

/**
 * Instructions of start-up, the snapshot's parse and `plans` plans: one valgrind run of pure-child.mjs, on the runtime
 * and heap the guard measures.
 */
async function count(runtime: Runtime, snapshotFile: string, plans: number): Promise<number> {
  const { stderr } = await run(
    'valgrind',
    [
      '--tool=callgrind',
      '--callgrind-out-file=/dev/null',
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
  return Number(collected[1]);
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
    const [one, three] = await withSnapshotFile(toSnapshot(benchCampaign(UNITS, 2026)), (file) =>
      Promise.all([count(runtime, file, 1), count(runtime, file, 3)]),
    );
    const perPlan = (three - one) / 2;
    process.stdout.write(
      `Lõi thuần ở ${formatNumber(UNITS)} đơn vị: ${formatNumber(Math.round(perPlan / 1e6))} triệu lệnh máy ` +
        `mỗi lần lập kế hoạch ingest (lần thứ hai và thứ ba; valgrind, Node ${runtime.version} --predictable, ` +
        `heap như khi triển khai).\n`,
    );
  } finally {
    await rm(BUILT, { recursive: true, force: true });
  }
}

await main();
