// A mistyped command line gets one Vietnamese line and the command's usage, never Node's English stack trace.
import { execFile } from 'node:child_process';
import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { explainArgsError, nowOption, portOption } from '../../../scripts/cli/args.ts';

const options = { out: { type: 'string' }, once: { type: 'boolean' } } as const;

function refusal(args: string[]): unknown {
  try {
    parseArgs({ args, options });
  } catch (error) {
    return error;
  }
  throw new Error(`parseArgs accepted ${args.join(' ')}`);
}

/** Runs a script through tsx like npm does; resolves with its exit code and output. */
function run(script: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ['--import', 'tsx', script, ...args], (_error, stdout, stderr) =>
      resolve({ code: child.exitCode, stdout, stderr }),
    );
  });
}

describe('command-line refusals in Vietnamese', () => {
  it('names the unknown flag, the missing value, the value given to a switch and the extra argument', () => {
    expect(explainArgsError(refusal(['--ouy', 'a.xlsx']))).toBe('Không có tùy chọn --ouy.');
    expect(explainArgsError(refusal(['--out']))).toBe('Tùy chọn --out cần một giá trị.');
    expect(explainArgsError(refusal(['--once=yes']))).toBe('Tùy chọn --once không nhận giá trị.');
    expect(explainArgsError(refusal(['remind']))).toBe('Tham số thừa: "remind".');
    expect(explainArgsError(new Error('disk full'))).toBeUndefined();
  });

  it('npm run job with a mistyped flag exits 2 with the explanation and the usage; --help prints the usage', async () => {
    const wrong = await run('scripts/job.ts', ['remind', '--dry-rum']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe(
      'Không có tùy chọn --dry-rum.\nCách dùng: npm run job -- <ingest|remind|digest|rollup|documents> [--now <thời điểm ISO>] [--dry-run]\n',
    );
    const help = await run('scripts/job.ts', ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Cách dùng: npm run job -- /);
  });

  it('--now: an ISO time with its offset is the moment to run as; absent, none', () => {
    expect(nowOption('2026-11-23T08:00:00+07:00', 'Cách dùng: …')?.toISOString()).toBe('2026-11-23T01:00:00.000Z');
    expect(nowOption(undefined, 'Cách dùng: …')).toBeUndefined();
  });

  it('every command that takes --now refuses an unreadable time with the same line, its usage and exit 2', async () => {
    const commands: [string, string[]][] = [
      ['scripts/job.ts', ['remind']],
      ['scripts/documents.ts', ['--out', 'van-ban']],
      ['scripts/record-decisions.ts', []],
      ['scripts/new-year.ts', []],
    ];
    const runs = await Promise.all(commands.map(([script, args]) => run(script, [...args, '--now', 'hôm qua'])));
    for (const [i, r] of runs.entries()) {
      expect(r.code, commands[i][0]).toBe(2);
      expect(r.stderr, commands[i][0]).toMatch(
        /^Thời điểm "hôm qua" không hợp lệ; ví dụ 2026-11-23T08:00:00\+07:00\.\nCách dùng: npm run [a-z-]+ .*--now <thời điểm ISO>/,
      );
    }
  });

  it('--port: a whole number from 0 to 65535, 0 (a free port) when absent', () => {
    expect(portOption('8081', 'Cách dùng: …')).toBe(8081);
    expect(portOption(undefined, 'Cách dùng: …')).toBe(0);
  });

  it('every local server run alone refuses a port it cannot use with the same line, its usage and exit 2', async () => {
    const scripts = ['scripts/sheets-server/main.ts', 'scripts/mail-server/main.ts', 'scripts/drive-server/main.ts'];
    const runs = await Promise.all(scripts.map((script) => run(script, ['--port', '70000'])));
    for (const [i, r] of runs.entries()) {
      expect(r.code, scripts[i]).toBe(2);
      expect(r.stderr, scripts[i]).toMatch(
        /^Cổng không hợp lệ: "70000"\. Dùng --port <số từ 0 đến 65535>\.\nCách dùng: npm run [a-z]+-server -- \[--port <số>\]/,
      );
    }
  });
});
