// One built function (`npm run build`) run as Cloud Run runs it: the Functions Framework's own main with `--target`,
// `--source` and the deployed heap, in a child process; and a client that sends a body in pieces and notes when the
// answer came. Used by the edge bench (scripts/bench/edge.ts) and the edge tests.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DEPLOYED_HEAP } from './runtime.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FRAMEWORK_MAIN = path.join(ROOT, 'node_modules/@google-cloud/functions-framework/build/src/main.js');

/** `npm run build -- --out <dir>`; `dir` must be inside the repository so the built code finds node_modules. */
export async function buildFunctions(dir: string): Promise<void> {
  await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/build.ts', '--out', dir], { cwd: ROOT });
}

export interface RunningFunction {
  readonly child: ChildProcess;
  readonly port: number;
  /** Everything it printed on stdout and stderr. */
  output(): string;
  /** Peak resident set so far, from the kernel (Linux /proc), in MiB. */
  peakRssMiB(): number;
}

/**
 * The TCP ports process `pid` listens on, from Linux's /proc: its socket inodes, matched in /proc/net/tcp{,6} with
 * state LISTEN. The framework listens on PORT and never says which port `PORT=0` gave it; asking the kernel keeps the
 * child on a port nobody else can take meanwhile.
 */
function listeningPorts(pid: number): number[] {
  const inodes = new Set<string>();
  let fds: string[];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return []; // the process is gone
  }
  for (const fd of fds) {
    try {
      const inode = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1];
      if (inode) inodes.add(inode);
    } catch {
      // closed meanwhile
    }
  }
  const ports: number[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols[3] === '0A' && inodes.has(cols[9])) ports.push(parseInt(cols[1].split(':').pop()!, 16));
    }
  }
  return ports;
}

/**
 * Starts `target` from the built folder on a port the OS picks, on `node` with the deployed heap; resolves once it
 * listens. `env` replaces the process's own.
 */
export async function startBuiltFunction(
  built: string,
  target: string,
  env: NodeJS.ProcessEnv,
  node = process.execPath,
): Promise<RunningFunction> {
  const child = spawn(node, [...DEPLOYED_HEAP, FRAMEWORK_MAIN, `--target=${target}`, `--source=${built}`], {
    cwd: ROOT,
    env: { ...env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (out += c));
  const peakRssMiB = (): number => {
    try {
      return Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
    } catch {
      return NaN; // the process is gone
    }
  };
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${target} exited (${child.exitCode}):\n${out}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${target} did not start:\n${out}`);
    }
    const [port] = listeningPorts(child.pid!);
    if (port !== undefined) return { child, port, output: () => out, peakRssMiB };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface Answer {
  readonly status: number;
  readonly body: string;
  /** Bytes the client had written when the answer's headers arrived. */
  readonly sentBeforeAnswer: number;
  /** From the first byte sent to the answer's headers. */
  readonly ms: number;
}

export interface SendOptions {
  readonly headers?: Record<string, string | number>;
  readonly path?: string;
  readonly pieceBytes?: number;
  readonly gapMs?: number;
}

/** POSTs `body` in pieces of `pieceBytes`, `gapMs` apart; resolves with the answer, which may come before the end. */
export function sendBody(port: number, body: Buffer, options: SendOptions = {}): Promise<Answer> {
  const piece = options.pieceBytes ?? 1 << 20;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let sent = 0;
    let sentBeforeAnswer = -1;
    let ms = 0;
    const req = request(
      { host: '127.0.0.1', port, method: 'POST', path: options.path ?? '/', headers: options.headers },
      (res) => {
        sentBeforeAnswer = sent;
        ms = performance.now() - started;
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode!, body: text, sentBeforeAnswer, ms }));
      },
    );
    // After a refusal the server may close while we still write; the answer already read is what counts.
    req.on('error', (error) => (sentBeforeAnswer >= 0 ? undefined : reject(error)));
    const next = (): void => {
      if (req.destroyed || sentBeforeAnswer >= 0 || sent >= body.length) return void req.end();
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
