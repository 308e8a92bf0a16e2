// `npm run documents -- --out DIR` as a new user runs it: no Google configuration, so the embedded local stack's demo
// campaign; every document lands in DIR and opens in an independent reader. A broken template stops it with the
// Vietnamese message and writes nothing.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { GOOGLE_VARIABLES } from '../../../scripts/stack/command.ts';
import { DEFAULT_DOCUMENT_TEMPLATES_DIR } from '../../../functions/documents/load.ts';
import { TEMPLATE_FILES } from '../../../functions/documents/index.ts';
import { readDocx } from '../../functions/documents/reader.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

function bareEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
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

function documents(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/documents.ts', ...args], { cwd: ROOT, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run documents -- --out DIR', () => {
  it('writes every document of the demo campaign on the embedded local stack', async () => {
    const data = await mkdtemp(path.join(tmpdir(), 'thidua-docs-cmd-'));
    dirs.push(data);
    const out = path.join(data, 'van-ban');
    const run = await documents(
      ['--out', out, '--now', '2026-12-01T09:00:00+07:00'],
      bareEnv({ THIDUA_DATA_DIR: data }),
    );
    expect(run.stderr).toMatch(/^Không có cấu hình Google: dùng hệ thống cục bộ/);
    expect(run.code).toBe(0);
    const written = (await readdir(out)).sort();
    const listed = run.stdout
      .split('\n')
      .filter((l) => l.startsWith('- '))
      .map((l) => l.slice(2))
      .sort();
    expect(run.stdout).toContain(`Đã ghi ${written.length} văn bản vào ${out}:`);
    expect(listed).toEqual(written);
    expect(written).toEqual(expect.arrayContaining(['Báo cáo sơ kết 2026.docx', 'Báo cáo tổng kết 2026.docx']));
    for (const kind of ['Tờ trình đề nghị', 'Danh sách đề nghị', 'Báo cáo thành tích'])
      expect(
        written.some((n) => n.startsWith(kind)),
        kind,
      ).toBe(true);
    for (const name of written) {
      const { text } = await readDocx(await readFile(path.join(out, name)));
      expect(text, name).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    }
  }, 120_000);

  it('stops on a broken template with the message naming it, and writes nothing', async () => {
    const data = await mkdtemp(path.join(tmpdir(), 'thidua-docs-cmd-'));
    dirs.push(data);
    const own = path.join(data, 'mau');
    const zip = await JSZip.loadAsync(
      await readFile(path.join(DEFAULT_DOCUMENT_TEMPLATES_DIR, TEMPLATE_FILES.finalReport)),
    );
    const xml = await zip.file('word/document.xml')!.async('string');
    zip.file('word/document.xml', xml.replace('{so_don_vi}', '{so_don_vi'));
    await mkdir(own);
    await writeFile(path.join(own, TEMPLATE_FILES.finalReport), await zip.generateAsync({ type: 'uint8array' }));
    const out = path.join(data, 'van-ban');
    const run = await documents(['--out', out, '--templates', own], bareEnv({ THIDUA_DATA_DIR: data }));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Mẫu văn bản "bao-cao-tong-ket.docx" có thẻ hỏng: thẻ "{so_don_vi');
    expect(existsSync(out)).toBe(false);
  }, 120_000);

  it('without --out says how to call it', async () => {
    const run = await documents([], bareEnv({ THIDUA_DATA_DIR: path.join(tmpdir(), 'thidua-never-created') }));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^Thiếu --out <thư mục>\. Ví dụ: npm run documents -- --out van-ban\nCách dùng: npm run documents /,
    );
  });
});
