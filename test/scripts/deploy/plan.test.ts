import { describe, expect, it } from 'vitest';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEPLOY_NODE_MAJOR,
  planDeploy,
  planPrepare,
  renderPlan,
  runPlan,
  serviceAccounts,
  type DeployInput,
  type Step,
} from '../../../scripts/deploy/index.ts';

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

  it('deploys exactly six functions, all but ingest on one instance, the five with a schedule in Vietnam time', () => {
    const steps = planDeploy(INPUT);
    const deploys = steps.filter((s) => s.argv[2] === 'deploy');
    expect(deploys.map((s) => s.argv[3])).toEqual(['ingest', 'remind', 'digest', 'rollup', 'documents', 'yearend']);
    expect(deploys.map((s) => s.argv.find((a) => a.startsWith('--max-instances=')))).toEqual([
      '--max-instances=3',
      '--max-instances=1',
      '--max-instances=1',
      '--max-instances=1',
      '--max-instances=1',
      '--max-instances=1',
    ]);
    const jobs = steps.filter((s) => s.argv[1] === 'scheduler');
    expect(jobs.map((s) => s.argv.find((a) => a.startsWith('--schedule=')))).toEqual([
      '--schedule=*/10 * * * *',
      '--schedule=0 8 * * *',
      '--schedule=30 7 * * 1',
      '--schedule=0 6 * * *',
      '--schedule=0 7 * * *',
    ]);
    expect(jobs.every((s) => s.argv.includes('--time-zone=Asia/Ho_Chi_Minh'))).toBe(true);
  });

  const flag = (step: Step, name: string): string | undefined =>
    step.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const deployOf = (steps: Step[], name: string): Step =>
    steps.find((s) => s.argv[2] === 'deploy' && s.argv[3] === name)!;

  it('issue 15 defect 1: remind and digest are private and only the scheduler account may invoke them; ingest stays public', () => {
    const steps = planDeploy(INPUT);
    const scheduler = `serviceAccount:${serviceAccounts(INPUT.project).scheduler}`;
    expect(deployOf(steps, 'ingest').argv).toContain('--allow-unauthenticated');
    for (const name of ['remind', 'digest']) {
      const deploy = deployOf(steps, name);
      expect(deploy.argv).toContain('--no-allow-unauthenticated');
      expect(deploy.argv).not.toContain('--allow-unauthenticated');
      // The in-app OIDC check stays as a second layer: the function still knows which account and audience to expect.
      expect(flag(deploy, 'set-env-vars')).toContain(
        `SCHEDULER_SERVICE_ACCOUNT=${serviceAccounts(INPUT.project).scheduler}`,
      );
      const binding = steps[steps.indexOf(deploy) + 1];
      expect(binding.argv.slice(0, 4)).toEqual(['gcloud', 'functions', 'add-invoker-policy-binding', name]);
      expect(flag(binding, 'member')).toBe(scheduler);
    }
    const invokerGrants = steps.filter((s) => s.argv.includes('add-invoker-policy-binding'));
    expect(invokerGrants.map((s) => [s.argv[3], flag(s, 'member')])).toEqual([
      ['remind', scheduler],
      ['digest', scheduler],
    ]);
    expect(steps.flatMap((s) => s.argv).some((a) => /allUsers|allAuthenticatedUsers/.test(a))).toBe(false);
  });

  it('issue 15 defect 1: every function runs with NODE_ENV=production, one request at a time, on a supported runtime', () => {
    for (const name of ['ingest', 'remind', 'digest']) {
      const deploy = deployOf(planDeploy(INPUT), name);
      expect(flag(deploy, 'set-env-vars')!.split(',')).toContain('NODE_ENV=production');
      expect(flag(deploy, 'concurrency')).toBe('1');
      expect(flag(deploy, 'runtime')).toBe(`nodejs${DEPLOY_NODE_MAJOR}`);
      expect(flag(deploy, 'entry-point')).toBe(name);
    }
    expect(DEPLOY_NODE_MAJOR).toBe(22);
  });

  it('issue 15 defect 1: every scheduler job retries a failed run, within what Cloud Scheduler allows', () => {
    const jobs = planDeploy(INPUT).filter((s) => s.argv[1] === 'scheduler');
    expect(jobs).toHaveLength(5);
    for (const job of jobs) {
      const attempts = Number(flag(job, 'max-retry-attempts'));
      expect(attempts).toBeGreaterThanOrEqual(1);
      expect(attempts).toBeLessThanOrEqual(5);
      for (const name of ['min-backoff', 'max-backoff', 'max-doublings']) expect(flag(job, name)).toBeDefined();
      // An attempt may last longer than the function (300 s), within Scheduler's 15 s – 30 min for HTTP targets.
      const deadline = Number(flag(job, 'attempt-deadline')!.replace(/s$/, ''));
      expect(deadline).toBeGreaterThan(300);
      expect(deadline).toBeLessThanOrEqual(1800);
      // A job that already exists (an earlier deploy without retries) is updated to the same settings.
      expect(job.orUpdate?.slice(0, 5)).toEqual(['gcloud', 'scheduler', 'jobs', 'update', 'http']);
      expect(job.orUpdate?.slice(5)).toEqual(job.argv.slice(5));
    }
  });

  it('issue 18: documents is public because the menu signs like the form trigger; only ingest and documents read the ingest secret; the Drive API is on', () => {
    const steps = planDeploy(INPUT);
    expect(deployOf(steps, 'documents').argv).toContain('--allow-unauthenticated');
    const readsIngestSecret = (name: string) => flag(deployOf(steps, name), 'set-secrets')!.includes('INGEST_SECRET=');
    expect(['ingest', 'remind', 'digest', 'documents'].filter(readsIngestSecret)).toEqual(['ingest', 'documents']);
    expect(planPrepare(INPUT)[0].argv).toContain('drive.googleapis.com');
    expect(renderPlan(steps, INPUT)).toContain(
      'DOCUMENTS_URL=https://asia-southeast1-thidua-demo.cloudfunctions.net/documents',
    );
  });

  it('issue 19: rollup is public because the menu "Tổng hợp cấp dưới" signs like the form trigger; the scheduler still calls it with OIDC', () => {
    const steps = planDeploy(INPUT);
    const deploy = deployOf(steps, 'rollup');
    expect(deploy.argv).toContain('--allow-unauthenticated');
    expect(flag(deploy, 'set-secrets')).toContain('INGEST_SECRET=');
    // The in-app OIDC check of the scheduler's calls: the account and audience it expects.
    expect(flag(deploy, 'set-env-vars')).toContain(
      `SCHEDULER_SERVICE_ACCOUNT=${serviceAccounts(INPUT.project).scheduler}`,
    );
    expect(flag(deploy, 'set-env-vars')).toContain(
      'OIDC_AUDIENCE=https://asia-southeast1-thidua-demo.cloudfunctions.net/rollup',
    );
    const job = steps.find((s) => s.argv[1] === 'scheduler' && s.argv.includes('thidua-rollup'))!;
    expect(flag(job, 'oidc-service-account-email')).toBe(serviceAccounts(INPUT.project).scheduler);
    expect(flag(job, 'oidc-token-audience')).toBe('https://asia-southeast1-thidua-demo.cloudfunctions.net/rollup');
    expect(renderPlan(steps, INPUT)).toContain(
      'ROLLUP_URL=https://asia-southeast1-thidua-demo.cloudfunctions.net/rollup',
    );
  });

  it("issue 20: yearend is public for the menu's signed year-end items, reads the ingest secret, and has no schedule", () => {
    const steps = planDeploy(INPUT);
    const deploy = deployOf(steps, 'yearend');
    expect(deploy.argv).toContain('--allow-unauthenticated');
    expect(flag(deploy, 'set-secrets')).toContain('INGEST_SECRET=thidua-ingest-secret:latest');
    expect(flag(deploy, 'max-instances')).toBe('1');
    expect(steps.some((s) => s.argv[1] === 'scheduler' && s.argv.join(' ').includes('yearend'))).toBe(false);
    // The menu needs the function's address and the account it shares next year's spreadsheet with.
    const plan = renderPlan(steps, INPUT);
    expect(plan).toContain('YEAREND_URL=https://asia-southeast1-thidua-demo.cloudfunctions.net/yearend');
    expect(plan).toContain(`FUNCTIONS_SERVICE_ACCOUNT=${serviceAccounts(INPUT.project).runtime}`);
  });

  it('issue 14: on a new project the APIs are enabled first, then the service accounts exist before anything names them', () => {
    const steps = planDeploy(INPUT);
    const prepare = planPrepare(INPUT);
    expect(steps.slice(0, prepare.length)).toEqual(prepare);
    expect(prepare[0].argv.slice(0, 3)).toEqual(['gcloud', 'services', 'enable']);
    for (const api of [
      'iam',
      'sheets',
      'drive',
      'run',
      'cloudfunctions',
      'cloudbuild',
      'cloudscheduler',
      'secretmanager',
      'artifactregistry',
    ]) {
      expect(prepare[0].argv).toContain(`${api}.googleapis.com`);
    }
    const created = (name: string) =>
      prepare.findIndex((s) => s.argv.slice(1, 5).join(' ') === `iam service-accounts create ${name}`);
    const firstUse = (name: string) => steps.findIndex((s) => s.argv.some((a) => a.includes(`${name}@`)));
    for (const name of ['thidua-functions', 'thidua-scheduler', 'thidua-build']) {
      expect(created(name)).toBeGreaterThan(0);
      expect(created(name)).toBeLessThan(firstUse(name));
    }
    // The preparation needs no spreadsheet or sender yet, only the project.
    expect(planPrepare({ ...INPUT, spreadsheetId: '', sender: '' })).toEqual(prepare);
    expect(() => planPrepare({ ...INPUT, project: 'X' })).toThrow('Mã dự án Google Cloud không hợp lệ');
    // The prepared project is all setup-sheets needs; the plan says what comes next.
    expect(renderPlan(prepare, INPUT, { prepareOnly: true })).toContain(
      `# Tiếp theo: chia sẻ bảng tính cho thidua-functions@${INPUT.project}.iam.gserviceaccount.com rồi chạy npm run setup-sheets.`,
    );
  });

  it.each([
    [{ project: 'X' }, 'Mã dự án Google Cloud không hợp lệ: "X". Dùng --project hoặc biến GOOGLE_CLOUD_PROJECT.'],
    [
      { spreadsheetId: '' },
      'Thiếu hoặc sai mã bảng tính: dùng --spreadsheet hoặc biến SPREADSHEET_ID (phần giữa /d/ và /edit trong địa chỉ).',
    ],
    [{ sender: 'không-phải-email' }, 'Thiếu hoặc sai địa chỉ gửi thư: dùng --sender hoặc biến MAIL_FROM.'],
    // SendGrid's Limitations page: "Unicode encoding is not supported for the from field".
    [{ sender: 'thường.trực@example.vn' }, 'Thiếu hoặc sai địa chỉ gửi thư: dùng --sender hoặc biến MAIL_FROM.'],
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
    const env = {
      PATH: process.env.PATH,
      SENDGRID_API_KEY: 'SG.test-key-value',
      INGEST_SECRET: 'ingest-secret-value-123',
      UNIT_SECRET_KEY: 'unit-secret-key-value-0123456789abcdef',
    };
    const printed: string[] = [];
    await expect(
      runPlan(planDeploy(INPUT), { env, program: fake.program, log: (l) => printed.push(l) }),
    ).rejects.toThrow('Lệnh thất bại (mã 2): gcloud functions deploy remind …');
    const calls = await readFile(fake.log, 'utf8');
    expect(calls).toContain('STDIN SG.test-key-value');
    expect(calls).toContain('ARGS functions deploy ingest');
    expect(calls).not.toContain('ARGS functions deploy digest');
    expect(calls).not.toContain('ARGS scheduler');
    expect(printed.join('\n')).not.toMatch(/SG\.test-key-value|ingest-secret-value-123|unit-secret-key-value/);
    await rm(fake.dir, { recursive: true, force: true });
  });

  it('updates a scheduler job that already exists instead of skipping it, so a redeploy adds the retries', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'thidua-deploy-'));
    const log = join(dir, 'calls.log');
    const program = join(dir, 'gcloud');
    await writeFile(
      program,
      `#!/bin/sh\necho "ARGS $*" >> "${log}"\ncat > /dev/null\n` +
        `case "$*" in *"create"*) echo "ERROR: (gcloud) Resource already exists" >&2; exit 1;; esac\nexit 0\n`,
    );
    await chmod(program, 0o755);
    const env = {
      PATH: process.env.PATH,
      SENDGRID_API_KEY: 'SG.test-key-value',
      INGEST_SECRET: 'ingest-secret-value-123',
      UNIT_SECRET_KEY: 'unit-secret-key-value-0123456789abcdef',
    };
    await runPlan(planDeploy(INPUT), { env, program, log: () => undefined });
    const calls = (await readFile(log, 'utf8')).split('\n').filter((l) => l.startsWith('ARGS scheduler'));
    expect(calls.map((l) => l.split(' ').slice(1, 6).join(' '))).toEqual([
      'scheduler jobs create http thidua-ingest-sweep',
      'scheduler jobs update http thidua-ingest-sweep',
      'scheduler jobs create http thidua-remind',
      'scheduler jobs update http thidua-remind',
      'scheduler jobs create http thidua-digest',
      'scheduler jobs update http thidua-digest',
      'scheduler jobs create http thidua-rollup',
      'scheduler jobs update http thidua-rollup',
      'scheduler jobs create http thidua-documents',
      'scheduler jobs update http thidua-documents',
    ]);
    expect(calls[3]).toContain('--max-retry-attempts=5');
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses to start without the secrets in the environment', async () => {
    await expect(runPlan(planDeploy(INPUT), { env: {}, program: '/bin/false', log: () => undefined })).rejects.toThrow(
      'Thiếu biến môi trường SENDGRID_API_KEY: đặt nó trước khi chạy --apply.',
    );
  });
});
