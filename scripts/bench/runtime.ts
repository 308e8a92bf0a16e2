// The runtime the bench measures the deployed code on: the Node.js major the functions are deployed to, with the heap
// Node gives itself in the deployed function. Cloud Run decommissioned nodejs20 on 2026-10-30, so a figure taken on
// the Node that runs `npm test` (20) describes a runtime production no longer has.
import { execFile } from 'node:child_process';
import { access, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DEPLOY_NODE_MAJOR } from '../deploy/plan.ts';

const run = promisify(execFile);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The V8 heap Node gives itself in the deployed functions. Node sizes its heap from the container's memory limit: in
 * a 256 MiB or 512 MiB memory cgroup on this machine `heap_size_limit` is 259 MiB and the young generation 2 MiB, for
 * Node 20 and 22 alike, as with these flags; a 10,000-unit sweep peaked at 246–261 MiB inside such a cgroup and at
 * 248–255 MiB with the flags. Without a limit Node sizes the heap from the machine's RAM (4 GiB here) and lets garbage
 * pile up far longer before collecting it.
 */
export const DEPLOYED_HEAP: readonly string[] = ['--max-old-space-size=256', '--max-semi-space-size=1'];

export interface Runtime {
  /** The node binary the bench starts its measured children with. */
  readonly node: string;
  /** Its version, as `process.version` prints it. */
  readonly version: string;
  /** Whether it is the deployed major; false when it could not be fetched and the bench's own Node stands in. */
  readonly deployed: boolean;
  /** Why the deployed runtime is not the one measured, in Vietnamese; '' when it is. */
  readonly warning: string;
}

const majorOf = (version: string) => Number(/^v?(\d+)/.exec(version)?.[1]);

/**
 * The deployed Node: this process's own when it is that major, else the official binary npm publishes as
 * `node-<platform>-<arch>@<major>`, unpacked once into `cache` (CI runs the functions' tests with it too). Without the
 * registry the bench's own Node stands in, and `warning` says so before and after the figures.
 */
export async function deployedRuntime({
  major = DEPLOY_NODE_MAJOR,
  cache = path.join(ROOT, 'node_modules', '.cache', 'thidua-bench'),
} = {}): Promise<Runtime> {
  if (majorOf(process.version) === major)
    return { node: process.execPath, version: process.version, deployed: true, warning: '' };
  const name = `node-${process.platform}-${process.arch}`;
  const home = path.join(cache, `${name}-${major}`);
  const node = path.join(home, 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
  try {
    await access(node);
  } catch {
    try {
      await unpack(`${name}@${major}`, home);
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      return {
        node: process.execPath,
        version: process.version,
        deployed: false,
        warning:
          `Không lấy được Node ${major} (gói npm ${name}@${major}: ${reason}); ` +
          `số đo dưới đây là của Node ${process.version}, không phải của môi trường triển khai.`,
      };
    }
  }
  const { stdout } = await run(node, ['--version']);
  return { node, version: stdout.trim(), deployed: true, warning: '' };
}

/** `npm pack`s `spec` and moves its `package` folder to `home`, whole or not at all. */
async function unpack(spec: string, home: string): Promise<void> {
  await mkdir(path.dirname(home), { recursive: true });
  const scratch = await mkdtemp(`${home}-`);
  try {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const { stdout } = await run(npm, ['pack', '--silent', spec], {
      cwd: scratch,
      shell: process.platform === 'win32',
    });
    await run('tar', ['-xzf', stdout.trim().split('\n').pop()!], { cwd: scratch });
    await rename(path.join(scratch, 'package'), home);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
