// Every command works on the embedded default when no Google configuration is given: on a running `npm start`'s
// servers when there is one for the data folder, else on local servers it starts itself. The real CLIs run as child
// processes with the environment a new user has (no configuration at all); ports are always chosen by the system.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterAll, describe, expect, it } from 'vitest';
import { GOOGLE_VARIABLES } from '../../../scripts/stack/command.ts';
import { startLocalStack } from '../../../scripts/stack/index.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const LOCAL_LINE = /^Không có cấu hình Google: dùng hệ thống cục bộ/;
const dirs: string[] = [];

afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

/** The environment of a new user: none of the Google variables, no port or data settings of ours. */
function bareEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) =>
        !(GOOGLE_VARIABLES as readonly string[]).includes(k) &&
        !k.startsWith('THIDUA_') &&
        k !== 'INGEST_SECRET' &&
        k !== 'UNIT_SECRET_KEY',
    ),
  );
  return { ...env, ...extra };
}

interface Result {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function launch(script: string, args: string[], env: NodeJS.ProcessEnv): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, env });
}

function run(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<Result> {
  const child = launch(script, args, env);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const lines = (text: string) => text.split('\n').filter((l) => l.trim() !== '');

async function sheetsCalls(sheetsUrl: string): Promise<number> {
  return ((await (await fetch(new URL('__admin/stats', sheetsUrl))).json()) as { total: number }).total;
}

describe('commands with no Google configuration', () => {
  it('export and a dry-run remind work on local servers they start themselves, on the data npm start uses', async () => {
    const data = await tempDir('thidua-cmd-');
    const env = bareEnv({ THIDUA_DATA_DIR: data });
    const out = path.join(data, 'a.xlsx');

    const exported = await run('scripts/export.ts', ['--out', out], env);
    expect(exported.stderr).toMatch(LOCAL_LINE);
    expect(lines(exported.stderr)).toHaveLength(1);
    expect(exported.code).toBe(0);
    const workbook = XLSX.read(await readFile(out));
    const units = XLSX.utils.sheet_to_json<Record<string, unknown>>(workbook.Sheets['Đơn vị']);
    expect(units.length).toBeGreaterThan(10);
    // The demo campaign was created in the data folder npm start reads, and no server is left recorded as running.
    expect(await readdir(path.join(data, 'sheets'))).toContain('demo.json');
    expect(existsSync(path.join(data, 'local-stack.json'))).toBe(false);

    const reminded = await run('scripts/job.ts', ['remind', '--dry-run'], env);
    expect(reminded.code).toBe(0);
    expect(lines(reminded.stderr)).toEqual([expect.stringMatching(LOCAL_LINE)]);
    expect(reminded.stdout).toMatch(/^Nhắc hạn: /m);
    expect(reminded.stdout).toMatch(/^Chạy thử: /m);
  }, 120_000);

  it('setup-sheets, sync-templates and apps-script work too, and say nothing changed on the local stack', async () => {
    const data = await tempDir('thidua-cmd-');
    const env = bareEnv({ THIDUA_DATA_DIR: data });
    const setup = await run('scripts/setup-sheets.ts', [], env);
    expect(setup.code).toBe(0);
    expect(setup.stderr).toMatch(LOCAL_LINE);
    expect(setup.stdout.trim()).toBe('Không có thay đổi.');
    const sync = await run('scripts/sync-templates.ts', [], env);
    expect(sync.code).toBe(0);
    expect(sync.stderr).toMatch(LOCAL_LINE);
    expect(sync.stdout).toMatch(/^Không thay đổi: thidua-/);
    const script = await run('scripts/apps-script/generate.ts', ['--out', path.join(data, 'apps-script')], env);
    expect(script.code).toBe(0);
    expect(await readdir(path.join(data, 'apps-script'))).toContain('appsscript.json');
  }, 120_000);

  it('record-decisions and new-year work on the demo: next year is a new spreadsheet beside the old one', async () => {
    const data = await tempDir('thidua-cmd-');
    const env = bareEnv({ THIDUA_DATA_DIR: data });
    const recorded = await run('scripts/record-decisions.ts', [], env);
    expect(recorded.code).toBe(0);
    expect(recorded.stderr).toMatch(LOCAL_LINE);
    expect(recorded.stdout).toMatch(/^Không có gì mới để ghi vào sổ năm \d{4}: sổ giữ nguyên\.$/m);
    expect(recorded.stdout).toMatch(/^Đã ghi 0 dòng vào "Sổ theo dõi khen thưởng" \(năm \d{4}\)\.$/m);
    expect(recorded.stdout).toMatch(/^Chưa ghi "Kỷ niệm chương "Bảo vệ an ninh Tổ quốc"": chưa có số quyết định/m);
    expect(recorded.stdout).toMatch(/^Đã ghi 0 dòng vào "Xếp loại các năm" \(năm \d{4}\)\.$/m);
    expect(recorded.stdout).toMatch(/^Chưa ghi "Xếp loại thi đua": chưa có số quyết định/m);
    const next = await run('scripts/new-year.ts', [], env);
    expect(next.code).toBe(0);
    expect(next.stdout).toMatch(
      /^Đã tạo bảng tính ".+ năm \d{4}": https:\/\/docs\.google\.com\/spreadsheets\/d\/\S+$/m,
    );
    const id = /^Dùng bảng tính mới: đặt SPREADSHEET_ID=(\S+)\.$/m.exec(next.stdout);
    expect(id, next.stdout + next.stderr).not.toBeNull();
    const files = await readdir(path.join(data, 'sheets'));
    expect(files).toEqual(expect.arrayContaining(['demo.json', `${id![1]}.json`]));
    // Issue 20: a second new year of the same year is refused in one Vietnamese line, creating nothing.
    const twice = await run('scripts/new-year.ts', [], env);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toMatch(
      /^Phong trào năm \d{4} đã được tạo: https:\/\/docs\.google\.com\S+\. Không tạo lần thứ hai/m,
    );
    expect(await readdir(path.join(data, 'sheets'))).toEqual(files);
  }, 120_000);

  it('use the servers of a running npm start on the same data folder, and npm start refuses to start twice on it', async () => {
    const data = await tempDir('thidua-cmd-');
    const env = bareEnv({ THIDUA_DATA_DIR: data });
    const start = launch('scripts/start.ts', ['--port', '0'], env);
    let startOut = '';
    start.stderr.on('data', (c: Buffer) => (startOut += c.toString('utf8')));
    try {
      const sheetsUrl = await new Promise<string>((resolve, reject) => {
        start.stdout.on('data', (c: Buffer) => {
          startOut += c.toString('utf8');
          const url = /Máy chủ Google Sheets cục bộ: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(startOut)?.[1];
          if (url && startOut.includes('Đang chạy.')) resolve(url);
        });
        start.once('close', (code) => reject(new Error(`npm start exited with ${code}: ${startOut}`)));
      });
      expect(existsSync(path.join(data, 'local-stack.json'))).toBe(true);

      const before = await sheetsCalls(sheetsUrl);
      const reminded = await run('scripts/job.ts', ['remind', '--dry-run'], env);
      expect(reminded.code).toBe(0);
      expect(lines(reminded.stderr)).toEqual([expect.stringMatching(LOCAL_LINE)]);
      expect(reminded.stderr).toContain(`đang chạy (npm start, tiến trình ${start.pid})`);
      expect(reminded.stderr).toContain(sheetsUrl);
      expect(await sheetsCalls(sheetsUrl)).toBeGreaterThan(before);

      const again = await run('scripts/start.ts', ['--port', '0'], env);
      expect(again.code).toBe(1);
      expect(lines(again.stderr)).toEqual([
        expect.stringMatching(/^Thi đua đã đang chạy trên thư mục dữ liệu này \(tiến trình \d+\)/),
      ]);
    } finally {
      const closed = new Promise((resolve) => start.once('close', resolve));
      start.kill('SIGTERM');
      await closed;
    }
    // Stopped, it no longer claims the folder: the next command starts its own servers.
    expect(existsSync(path.join(data, 'local-stack.json'))).toBe(false);
  }, 120_000);
});

describe('commands with a Google configuration', () => {
  it('use the configured services and never the local stack', async () => {
    const data = await tempDir('thidua-cmd-');
    const other = await tempDir('thidua-configured-');
    const stack = await startLocalStack({ dataDir: other, servers: 'data' });
    try {
      // A configured campaign also has the key of its units' secrets (Xác thực đơn vị is on by default).
      const configured = {
        ...Object.fromEntries(GOOGLE_VARIABLES.map((k) => [k, stack.env[k]])),
        UNIT_SECRET_KEY: stack.env.UNIT_SECRET_KEY,
      };
      const env = bareEnv({ ...configured, THIDUA_DATA_DIR: data });
      const before = await sheetsCalls(stack.urls.sheets);
      const reminded = await run('scripts/job.ts', ['remind', '--dry-run'], env);
      expect(reminded.code).toBe(0);
      expect(reminded.stderr).toBe('');
      expect(await sheetsCalls(stack.urls.sheets)).toBeGreaterThan(before);
      // The local data folder was not touched.
      expect(await readdir(data)).toEqual([]);
    } finally {
      await stack.close();
    }
  }, 120_000);

  it('stop with the one line naming what is missing when the configuration is incomplete', async () => {
    const data = await tempDir('thidua-cmd-');
    const result = await run(
      'scripts/export.ts',
      ['--out', path.join(data, 'a.xlsx')],
      bareEnv({ SPREADSHEET_ID: 'abc', THIDUA_DATA_DIR: data }),
    );
    expect(result.code).toBe(1);
    expect(lines(result.stderr)).toEqual([expect.stringMatching(/^Missing environment variable SENDGRID_API_KEY/)]);
    expect(await readdir(data)).toEqual([]);
  }, 60_000);
});

async function holdPort(): Promise<{ port: number; release(): Promise<void> }> {
  const blocker: Server = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  return {
    port: (blocker.address() as { port: number }).port,
    release: () => new Promise<void>((resolve) => blocker.close(() => resolve())),
  };
}

describe('a port that is taken', () => {
  it('stops npm start with one Vietnamese line naming the port and the server, exit code 1, no stack trace', async () => {
    const data = await tempDir('thidua-port-');
    const taken = await holdPort();
    try {
      const result = await run(
        'scripts/start.ts',
        ['--port', '0', '--mail-port', String(taken.port)],
        bareEnv({ THIDUA_DATA_DIR: data }),
      );
      expect(result.code).toBe(1);
      expect(lines(result.stderr)).toEqual([
        `Cổng ${taken.port} (máy chủ thư cục bộ) đang được một chương trình khác dùng. ` +
          'Hãy dừng chương trình đó, hoặc chọn cổng khác: npm start -- --port <số> (hoặc biến môi trường THIDUA_PORT).',
      ]);
    } finally {
      await taken.release();
    }
  }, 60_000);

  it('stops the Sheets, mail and Drive servers run alone the same way', async () => {
    const data = await tempDir('thidua-port-');
    const taken = await holdPort();
    try {
      for (const [script, label] of [
        ['scripts/sheets-server/main.ts', 'máy chủ Google Sheets cục bộ'],
        ['scripts/mail-server/main.ts', 'máy chủ thư cục bộ'],
        ['scripts/drive-server/main.ts', 'máy chủ Google Drive cục bộ'],
      ]) {
        const result = await run(script, ['--port', String(taken.port), '--data', data], bareEnv());
        expect(result.code).toBe(1);
        expect(lines(result.stderr)).toEqual([
          `Cổng ${taken.port} (${label}) đang được một chương trình khác dùng. Hãy dừng chương trình đó, hoặc chọn cổng khác với --port <số>.`,
        ]);
      }
    } finally {
      await taken.release();
    }
  }, 60_000);
});
