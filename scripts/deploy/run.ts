// Runs a deploy plan with child_process: no shell, secrets piped on stdin, stop at the first failure.
import { spawn } from 'node:child_process';
import type { Step } from './plan.ts';
import { shellQuote } from './plan.ts';

export interface RunOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly log?: (line: string) => void;
  /** The program to run instead of argv[0] (tests use a stand-in for gcloud). */
  readonly program?: string;
}

/** Resolves when every step succeeded; rejects with the failing command (secrets never appear in it). */
export async function runPlan(steps: readonly Step[], options: RunOptions = {}): Promise<void> {
  const env = options.env ?? process.env;
  const log = options.log ?? ((line: string) => console.log(line));
  for (const name of new Set(steps.flatMap((s) => (s.stdinFrom ? [s.stdinFrom] : [])))) {
    if (!env[name]) throw new Error(`Thiếu biến môi trường ${name}: đặt nó trước khi chạy --apply.`);
  }
  for (const step of steps) {
    log(`# ${step.comment}`);
    log(step.argv.map(shellQuote).join(' '));
    const { code, stderr } = await exec(
      options.program ?? step.argv[0],
      step.argv.slice(1),
      step.stdinFrom ? env[step.stdinFrom]! : undefined,
      env,
    );
    if (code === 0) continue;
    if (step.okIfExists && /already exists|ALREADY_EXISTS/i.test(stderr)) {
      if (!step.orUpdate) {
        log('  (đã có sẵn, bỏ qua)');
        continue;
      }
      log('  (đã có sẵn, cập nhật theo kế hoạch)');
      log(step.orUpdate.map(shellQuote).join(' '));
      const update = await exec(options.program ?? step.orUpdate[0], step.orUpdate.slice(1), undefined, env);
      if (update.code === 0) continue;
      throw new Error(
        `Lệnh thất bại (mã ${update.code}): ${step.orUpdate.slice(0, 5).join(' ')} …\n${update.stderr.trim()}`,
      );
    }
    throw new Error(`Lệnh thất bại (mã ${code}): ${step.argv.slice(0, 4).join(' ')} …\n${stderr.trim()}`);
  }
}

function exec(
  program: string,
  args: readonly string[],
  stdin: string | undefined,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { env, stdio: ['pipe', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      process.stderr.write(chunk);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stderr }));
    child.stdin.end(stdin ?? '');
  });
}
