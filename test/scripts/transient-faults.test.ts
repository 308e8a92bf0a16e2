// setup-sheets, export and documents go through the Sheets access layer: a transient 429 or 503 from Google is
// retried and the command succeeds as if nothing happened; a refusal is one Vietnamese line and exit code 1, never a
// stack trace.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOGLE_VARIABLES } from '../../scripts/stack/command.ts';
import { startLocalStack } from '../../scripts/stack/index.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
let dir: string;
let stack: Awaited<ReturnType<typeof startLocalStack>>;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'thidua-transient-'));
  stack = await startLocalStack({ dataDir: path.join(dir, 'stack'), servers: 'data' });
  const configured = Object.fromEntries(GOOGLE_VARIABLES.map((k) => [k, stack.env[k]]));
  env = { ...process.env, ...configured, UNIT_SECRET_KEY: stack.env.UNIT_SECRET_KEY, THIDUA_DATA_DIR: dir };
}, 60_000);

afterAll(async () => {
  await stack.close();
  await rm(dir, { recursive: true, force: true });
});

function run(script: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function arm(fault: { status: number; count: number; methods?: string[] }): Promise<void> {
  const res = await fetch(new URL('__admin/faults', stack.urls.sheets), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fault),
  });
  expect(res.status).toBe(200);
}

async function calls(): Promise<Record<string, number>> {
  return (
    (await (await fetch(new URL('__admin/stats', stack.urls.sheets))).json()) as { calls: Record<string, number> }
  ).calls;
}

describe('a transient Sheets failure during a command', () => {
  it('setup-sheets retries two 503 answers and reports, as on a quiet day, that nothing changed', async () => {
    const before = (await calls())['spreadsheets.get'] ?? 0;
    await arm({ status: 503, count: 2, methods: ['spreadsheets.get'] });
    const result = await run('scripts/setup-sheets.ts', []);
    expect(result).toMatchObject({ code: 0, stderr: '', stdout: 'Không có thay đổi.\n' });
    expect((await calls())['spreadsheets.get']).toBe(before + 3);
  }, 60_000);

  it('export retries a 429 on its one read of every tab and writes the archive', async () => {
    const out = path.join(dir, 'luu-tru.xlsx');
    await arm({ status: 429, count: 1, methods: ['values.batchGet'] });
    const result = await run('scripts/export.ts', ['--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Đã ghi .*luu-tru\.xlsx: \d+ trang tính, \d+ dòng dữ liệu\.\n$/);
    expect((await stat(out)).size).toBeGreaterThan(0);
  }, 60_000);

  it('a refusal that retrying cannot mend stops export with one Vietnamese line in Google’s words', async () => {
    await arm({ status: 403, count: 1, methods: ['spreadsheets.get'] });
    const result = await run('scripts/export.ts', ['--out', path.join(dir, 'khong.xlsx')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('Không đọc được bảng tính: Google Sheets trả lỗi 403: Injected fault.\n');
  }, 60_000);

  it('documents retries a 503 on its read of every tab and writes the documents', async () => {
    const out = path.join(dir, 'van-ban');
    await arm({ status: 503, count: 1, methods: ['values.batchGet'] });
    const before = (await calls())['values.batchGet'] ?? 0;
    const result = await run('scripts/documents.ts', ['--out', out, '--now', '2026-12-01T09:00:00+07:00']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Đã ghi \d+ văn bản vào /);
    expect((await calls())['values.batchGet']).toBe(before + 2);
    expect((await readdir(out)).some((f) => f.endsWith('.docx'))).toBe(true);
  }, 60_000);

  it('a refusal that retrying cannot mend stops documents with one Vietnamese line, writing nothing', async () => {
    const out = path.join(dir, 'khong-van-ban');
    await arm({ status: 403, count: 1, methods: ['spreadsheets.get'] });
    const result = await run('scripts/documents.ts', ['--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('Không đọc được bảng tính: Google Sheets trả lỗi 403: Injected fault.\n');
    expect(existsSync(out)).toBe(false);
  }, 60_000);
});
