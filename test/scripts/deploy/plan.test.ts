import { describe, expect, it } from 'vitest';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planDeploy, renderPlan, runPlan, type DeployInput } from '../../../scripts/deploy/index.ts';

const INPUT: DeployInput = {
  project: 'thidua-demo',
  region: 'asia-southeast1',
  spreadsheetId: '1AbCdEfGhIjKlMnOp',
  sender: 'thuongtruc@example.vn',
  source: 'dist',
};

describe('the deploy plan', () => {
  it('prints exactly the expected commands for a fixed input', async () => {
    const expected = await readFile(new URL('./plan.expected.sh', import.meta.url), 'utf8');
    expect(renderPlan(planDeploy(INPUT), INPUT)).toBe(expected);
  });

  it('deploys exactly three functions, remind and digest on one instance, all scheduled in Vietnam time', () => {
    const steps = planDeploy(INPUT);
    const deploys = steps.filter((s) => s.argv[2] === 'deploy');
    expect(deploys.map((s) => s.argv[3])).toEqual(['ingest', 'remind', 'digest']);
    expect(deploys.map((s) => s.argv.find((a) => a.startsWith('--max-instances=')))).toEqual([
      '--max-instances=3',
      '--max-instances=1',
      '--max-instances=1',
    ]);
    const jobs = steps.filter((s) => s.argv[1] === 'scheduler');
    expect(jobs.map((s) => s.argv.find((a) => a.startsWith('--schedule=')))).toEqual([
      '--schedule=*/10 * * * *',
      '--schedule=0 8 * * *',
      '--schedule=30 7 * * 1',
    ]);
    expect(jobs.every((s) => s.argv.includes('--time-zone=Asia/Ho_Chi_Minh'))).toBe(true);
  });

  it.each([
    [{ project: 'X' }, 'Mã dự án Google Cloud không hợp lệ: "X". Dùng --project hoặc biến GOOGLE_CLOUD_PROJECT.'],
    [{ spreadsheetId: '' }, 'Thiếu hoặc sai mã bảng tính: dùng --spreadsheet hoặc biến SPREADSHEET_ID (phần giữa /d/ và /edit trong địa chỉ).'],
    [{ sender: 'không-phải-email' }, 'Thiếu hoặc sai địa chỉ gửi thư: dùng --sender hoặc biến MAIL_FROM.'],
  ])('refuses %o with a Vietnamese message', (patch, message) => {
    expect(() => planDeploy({ ...INPUT, ...patch })).toThrow(message);
  });
});

describe('--apply', () => {
  async function fakeGcloud(failOn: string): Promise<{ program: string; log: string; dir: string }> {
    const dir = await mkdtemp(join(tmpdir(), 'thidua-deploy-'));
    const log = join(dir, 'calls.log');
    const program = join(dir, 'gcloud');
    await writeFile(
      program,
      `#!/bin/sh\necho "ARGS $*" >> "${log}"\necho "STDIN $(cat)" >> "${log}"\n` +
        `case "$*" in *"${failOn}"*) echo "ERROR: (gcloud) boom" >&2; exit 2;; esac\n` +
        `case "$*" in *"service-accounts create"*) echo "ERROR: already exists" >&2; exit 1;; esac\nexit 0\n`,
    );
    await chmod(program, 0o755);
    return { program, log, dir };
  }

  it('pipes secrets on stdin, carries on past existing resources and stops at the first failure', async () => {
    const fake = await fakeGcloud('functions deploy remind');
    const env = { PATH: process.env.PATH, SENDGRID_API_KEY: 'SG.test-key-value', INGEST_SECRET: 'ingest-secret-value-123' };
    const printed: string[] = [];
    await expect(runPlan(planDeploy(INPUT), { env, program: fake.program, log: (l) => printed.push(l) })).rejects.toThrow(
      'Lệnh thất bại (mã 2): gcloud functions deploy remind …',
    );
    const calls = await readFile(fake.log, 'utf8');
    expect(calls).toContain('STDIN SG.test-key-value');
    expect(calls).toContain('ARGS functions deploy ingest');
    expect(calls).not.toContain('ARGS functions deploy digest');
    expect(calls).not.toContain('ARGS scheduler');
    expect(printed.join('\n')).not.toMatch(/SG\.test-key-value|ingest-secret-value-123/);
    await rm(fake.dir, { recursive: true, force: true });
  });

  it('refuses to start without the secrets in the environment', async () => {
    await expect(runPlan(planDeploy(INPUT), { env: {}, program: '/bin/false', log: () => undefined })).rejects.toThrow(
      'Thiếu biến môi trường SENDGRID_API_KEY: đặt nó trước khi chạy --apply.',
    );
  });
});
