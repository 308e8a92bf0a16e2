// One built function (`npm run build`) run as Cloud Run runs it: the Functions Framework's own main with `--target`,
// `--source` and the deployed heap, in a child process; and a client that sends a body in pieces and notes when the
// answer came. Used by the edge bench (scripts/bench/edge.ts) and the edge tests.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FRAMEWORK_MAIN = path.join(ROOT, 'node_modules/@google-cloud/functions-framework/build/src/main.js');

/** The heap Node gives itself in the deployed 256/512 MiB functions (measured; see DEPLOYED_HEAP in main.ts). */
export const DEPLOYED_HEAP = ['--max-old-space-size=256', '--max-semi-space-size=1'];

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

/** A port the OS has just handed out and released: the framework takes its port from PORT and cannot report it. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Starts `target` from the built folder; resolves once it accepts connections. `env` replaces the process's own. */
export async function startBuiltFunction(built: string, target: string, env: NodeJS.ProcessEnv): Promise<RunningFunction> {
  const port = await freePort();
  const child = spawn(process.execPath, [...DEPLOYED_HEAP, FRAMEWORK_MAIN, `--target=${target}`, `--source=${built}`], {
    cwd: ROOT,
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (c: string) => (out += c));
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (out += c));
  const running: RunningFunction = {
    child,
    port,
    output: () => out,
    peakRssMiB: () => {
      try {
        return Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
      } catch {
        return NaN; // the process is gone
      }
    },
  };
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${target} exited (${child.exitCode}):\n${out}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${target} did not start:\n${out}`);
    }
    const up = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (up) return running;
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
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: options.path ?? '/', headers: options.headers }, (res) => {
      sentBeforeAnswer = sent;
      ms = performance.now() - started;
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode!, body: text, sentBeforeAnswer, ms }));
    });
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
