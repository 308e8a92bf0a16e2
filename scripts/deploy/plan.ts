// The deploy plan as data: every gcloud command with a Vietnamese comment, pure so a test pins the whole text.
import { isEmailAddress } from '../../functions/core/address.ts';
import type { FunctionName } from '../../functions/http/index.ts';

export interface DeployInput {
  readonly project: string;
  readonly region: string;
  readonly spreadsheetId: string;
  /** MAIL_FROM: the sender verified at SendGrid. */
  readonly sender: string;
  /** The built functions folder uploaded by gcloud (package.json + functions/*.js). */
  readonly source: string;
}

export interface Step {
  /** Vietnamese, printed as `# …` above the command. */
  readonly comment: string;
  readonly argv: readonly string[];
  /** Environment variable whose value is piped to the command's stdin; printed by name, never by value. */
  readonly stdinFrom?: string;
  /** A create command that may find its resource already there; --apply then carries on. */
  readonly okIfExists?: boolean;
  /** Run instead when the create finds its resource already there, so a redeploy brings it up to this plan. */
  readonly orUpdate?: readonly string[];
}

export class DeployInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeployInputError';
  }
}

/**
 * The Node.js major the functions run on: Cloud Run functions' runtime schedule decommissions nodejs20 on 2026-10-30
 * and supports nodejs22 until 2027-10-31 (docs/limits.md, "Cloud Run functions").
 */
export const DEPLOY_NODE_MAJOR = 22;

// Everything the later steps call, enabled first: IAM before the service accounts, Sheets before setup-sheets, Drive
// for the documents function (its client asks for the `drive` scope, functions/gateways/drive-client.ts).
const APIS = [
  'iam.googleapis.com',
  'sheets.googleapis.com',
  'drive.googleapis.com',
  'cloudfunctions.googleapis.com',
  'run.googleapis.com',
  'cloudbuild.googleapis.com',
  'artifactregistry.googleapis.com',
  'cloudscheduler.googleapis.com',
  'secretmanager.googleapis.com',
  'logging.googleapis.com',
];

export const SECRETS = {
  sendgrid: 'thidua-sendgrid-key',
  ingest: 'thidua-ingest-secret',
  unitKey: 'thidua-unit-secret-key',
} as const;

interface Retry {
  /**
   * Cloud Scheduler allows 0–5 retries; each waits min-backoff, doubled up to max-doublings times, at most max-backoff.
   */
  readonly attempts: number;
  readonly minBackoff: string;
  readonly maxBackoff: string;
  readonly doublings: number;
}

interface Schedule {
  readonly cron: string;
  readonly job: string;
  readonly what: string;
  readonly retry: Retry;
}

interface FunctionSpec {
  readonly name: FunctionName;
  /** Public: reachable without a Google identity (each request is then checked in code). */
  readonly isPublic: boolean;
  /** Who calls it without a Google identity, in the deploy comment. */
  readonly publicCaller?: string;
  readonly memory: string;
  readonly timeout: string;
  readonly maxInstances: number;
  /** Its Cloud Scheduler job; absent for a function only the spreadsheet's menu calls. */
  readonly schedule?: Schedule;
}

// Concurrency 1 everywhere (Cloud Run functions' default, stated so it cannot drift): one job run holds up to ~250 MiB
// of heap at 10,000 units, so two runs in one instance would not fit its memory. A request refused at the edge holds
// an instance for at most the body deadline (5 s), and the scheduler retries a run that found every instance busy.
const FUNCTIONS: readonly FunctionSpec[] = [
  // Public: the form trigger (Apps Script) cannot present a Google identity. A few instances absorb bursts of
  // submissions; runs are idempotent, so overlap costs only time. A failed sweep is retried twice (30 s, then 60 s
  // later); the next sweep would do the same work anyway.
  {
    name: 'ingest',
    isPublic: true,
    publicCaller: 'trình kích hoạt biểu mẫu',
    memory: '512Mi',
    timeout: '300s',
    maxInstances: 3,
    schedule: {
      cron: '*/10 * * * *',
      job: 'thidua-ingest-sweep',
      what: 'quét câu trả lời mỗi 10 phút',
      retry: { attempts: 2, minBackoff: '30s', maxBackoff: '120s', doublings: 2 },
    },
  },
  // Private: only the scheduler's account may invoke them (roles/run.invoker), so no outsider's request reaches the
  // instance. One instance: two overlapping reminder or digest runs would only duplicate work (the mail log's claims
  // keep each email single, so a retried run never sends twice). A failed run is retried five times, 1, 2, 4, 8 and
  // 10 minutes apart, so a bad minute at 08:00 still gets the day's reminders out before 08:30.
  {
    name: 'remind',
    isPublic: false,
    memory: '256Mi',
    timeout: '300s',
    maxInstances: 1,
    schedule: {
      cron: '0 8 * * *',
      job: 'thidua-remind',
      what: 'nhắc hạn lúc 08:00 hằng ngày',
      retry: { attempts: 5, minBackoff: '60s', maxBackoff: '600s', doublings: 3 },
    },
  },
  {
    name: 'digest',
    isPublic: false,
    memory: '256Mi',
    timeout: '300s',
    maxInstances: 1,
    schedule: {
      cron: '30 7 * * 1',
      job: 'thidua-digest',
      what: 'bản tin lúc 07:30 thứ Hai hằng tuần',
      retry: { attempts: 5, minBackoff: '60s', maxBackoff: '600s', doublings: 3 },
    },
  },
  // Public, like documents: the spreadsheet's menu ("Tổng hợp cấp dưới") signs its request and cannot present a
  // Google identity; the scheduler calls it with OIDC. It reads each child spreadsheet once, at most 60 a minute
  // (Google's read quota per user), so its timeout is longer: 25 minutes hold 1,500 children; 300 children peaked at
  // 152 MiB in the bench (18,000 forwarded nominations judged, 2/12/2026). At 06:00, before the documents (07:00) and
  // the reminders (08:00) use the children's figures. A failed run is retried twice, 5 and 10 minutes later; a child
  // it could not read keeps its last good figures meanwhile. One instance: a menu run and a scheduled one never
  // overlap (the second waits or is retried).
  {
    name: 'rollup',
    isPublic: true,
    publicCaller: 'trình đơn "Tổng hợp cấp dưới" của bảng tính',
    memory: '256Mi',
    timeout: '1500s',
    maxInstances: 1,
    schedule: {
      cron: '0 6 * * *',
      job: 'thidua-rollup',
      what: 'tổng hợp cấp dưới lúc 06:00 hằng ngày',
      retry: { attempts: 2, minBackoff: '300s', maxBackoff: '600s', doublings: 1 },
    },
  },
  // Public: the spreadsheet's menu ("Tạo văn bản báo cáo", Apps Script) signs its request as the form trigger does and
  // cannot present a Google identity. The scheduler calls it daily; the function makes the documents only in the days
  // before an organiser's report deadline (`Báo cáo cấp trên` in `Mốc thời gian`). One instance: two overlapping runs
  // would update the same Drive files twice. A failed run is retried three times, 2, 4 and 8 minutes apart.
  {
    name: 'documents',
    isPublic: true,
    publicCaller: 'trình đơn "Tạo văn bản báo cáo" của bảng tính',
    memory: '512Mi',
    timeout: '300s',
    maxInstances: 1,
    schedule: {
      cron: '0 7 * * *',
      job: 'thidua-documents',
      what: 'tạo văn bản báo cáo lúc 07:00 hằng ngày, chỉ trong những ngày trước hạn báo cáo cấp trên',
      retry: { attempts: 3, minBackoff: '120s', maxBackoff: '600s', doublings: 2 },
    },
  },
  // Public: the spreadsheet's menu ("Ghi quyết định vào sổ", "Tạo chiến dịch năm sau") signs its request and cannot
  // present a Google identity. No schedule: both are the coordinator's decision, once or twice a year. One instance,
  // so two new-year requests never run at once (the second finds the first's `Bảng tính năm sau` and is refused).
  // The new year reads the whole campaign and writes a new one: the documents' memory and timeout suffice.
  {
    name: 'yearend',
    isPublic: true,
    publicCaller: 'trình đơn "Ghi quyết định vào sổ" và "Tạo chiến dịch năm sau" của bảng tính',
    memory: '512Mi',
    timeout: '300s',
    maxInstances: 1,
  },
];

/** Checks the input; `scope: 'project'` checks only what the preparation uses (the spreadsheet may not exist yet). */
export function validateInput(input: DeployInput, scope: 'project' | 'all' = 'all'): DeployInput {
  if (!/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/.test(input.project)) {
    throw new DeployInputError(
      `Mã dự án Google Cloud không hợp lệ: "${input.project}". Dùng --project hoặc biến GOOGLE_CLOUD_PROJECT.`,
    );
  }
  if (!/^[a-z]+-[a-z]+\d$/.test(input.region))
    throw new DeployInputError(`Vùng không hợp lệ: "${input.region}" (ví dụ asia-southeast1).`);
  if (scope === 'project') return input;
  if (!/^[\w-]{10,}$/.test(input.spreadsheetId)) {
    throw new DeployInputError(
      'Thiếu hoặc sai mã bảng tính: dùng --spreadsheet hoặc biến SPREADSHEET_ID (phần giữa /d/ và /edit trong địa chỉ).',
    );
  }
  if (!isEmailAddress(input.sender))
    throw new DeployInputError('Thiếu hoặc sai địa chỉ gửi thư: dùng --sender hoặc biến MAIL_FROM.');
  return input;
}

export function functionUrl(input: DeployInput, name: string): string {
  return `https://${input.region}-${input.project}.cloudfunctions.net/${name}`;
}

export function serviceAccounts(project: string): { runtime: string; scheduler: string; build: string } {
  return {
    runtime: `thidua-functions@${project}.iam.gserviceaccount.com`,
    scheduler: `thidua-scheduler@${project}.iam.gserviceaccount.com`,
    build: `thidua-build@${project}.iam.gserviceaccount.com`,
  };
}

/**
 * What must exist before anything else (setup-sheets included): the APIs, the service accounts and their roles, the
 * secrets. Each step is safe to run again.
 */
export function planPrepare(raw: DeployInput): Step[] {
  const input = validateInput(raw, 'project');
  const p = `--project=${input.project}`;
  const sa = serviceAccounts(input.project);
  const projectRole = (member: string, role: string): readonly string[] => [
    'gcloud',
    'projects',
    'add-iam-policy-binding',
    input.project,
    `--member=serviceAccount:${member}`,
    `--role=${role}`,
    '--condition=None',
  ];
  const steps: Step[] = [
    {
      comment: 'Bật các API cần dùng (không cần Forms API: biểu mẫu do Apps Script tạo).',
      argv: ['gcloud', 'services', 'enable', ...APIS, p],
    },
    {
      comment: 'Tài khoản dịch vụ chạy các hàm; chia sẻ bảng tính cho tài khoản này với quyền Người chỉnh sửa.',
      argv: ['gcloud', 'iam', 'service-accounts', 'create', 'thidua-functions', '--display-name=Thi đua functions', p],
      okIfExists: true,
    },
    {
      comment: 'Tài khoản dịch vụ của Cloud Scheduler: chỉ dùng để gọi các hàm (mã OIDC), không có quyền nào khác.',
      argv: ['gcloud', 'iam', 'service-accounts', 'create', 'thidua-scheduler', '--display-name=Thi đua scheduler', p],
      okIfExists: true,
    },
    {
      // Technical: since July 2024 a new project's default Cloud Build account may lack the rights to build a function.
      comment: 'Tài khoản dịch vụ đóng gói các hàm (Cloud Build), để dự án mới cũng triển khai được.',
      argv: ['gcloud', 'iam', 'service-accounts', 'create', 'thidua-build', '--display-name=Thi đua build', p],
      okIfExists: true,
    },
    {
      comment: 'Quyền tối thiểu của tài khoản chạy hàm: ghi nhật ký.',
      argv: projectRole(sa.runtime, 'roles/logging.logWriter'),
    },
  ];
  for (const role of ['roles/logging.logWriter', 'roles/artifactregistry.writer', 'roles/storage.objectAdmin']) {
    steps.push({ comment: `Quyền của tài khoản đóng gói: ${role}.`, argv: projectRole(sa.build, role) });
  }
  for (const [secret, env] of [
    [SECRETS.sendgrid, 'SENDGRID_API_KEY'],
    [SECRETS.ingest, 'INGEST_SECRET'],
    [SECRETS.unitKey, 'UNIT_SECRET_KEY'],
  ] as const) {
    steps.push(
      {
        comment: `Lưu ${env} vào Secret Manager (giá trị đọc từ biến môi trường, không in ra).`,
        argv: ['gcloud', 'secrets', 'create', secret, '--replication-policy=automatic', '--data-file=-', p],
        stdinFrom: env,
        okIfExists: true,
      },
      {
        comment: `Chỉ tài khoản chạy hàm được đọc bí mật ${secret}.`,
        argv: [
          'gcloud',
          'secrets',
          'add-iam-policy-binding',
          secret,
          `--member=serviceAccount:${sa.runtime}`,
          '--role=roles/secretmanager.secretAccessor',
          p,
        ],
      },
    );
  }
  return steps;
}

/**
 * The whole deployment: the preparation, then the build, the functions, who may call them, and their schedules.
 */
export function planDeploy(raw: DeployInput): Step[] {
  const input = validateInput(raw);
  const p = `--project=${input.project}`;
  const sa = serviceAccounts(input.project);
  const steps: Step[] = [
    ...planPrepare(input),
    {
      comment: `Đóng gói các hàm vào ${input.source}/: biên dịch TypeScript sang JavaScript, kèm các mẫu thư.`,
      argv: ['npm', 'run', 'build'],
    },
  ];
  for (const fn of FUNCTIONS) {
    const env = [
      // The framework's own error pages show stack traces unless NODE_ENV is production.
      'NODE_ENV=production',
      `SPREADSHEET_ID=${input.spreadsheetId}`,
      `MAIL_FROM=${input.sender}`,
      `OIDC_AUDIENCE=${functionUrl(input, fn.name)}`,
      `SCHEDULER_SERVICE_ACCOUNT=${sa.scheduler}`,
    ];
    // Only ingest, documents, rollup and yearend verify the spreadsheet's signatures, so only they can read the ingest
    // secret.
    // Every job judges responses and builds form links, so every function reads the units' key.
    const secrets = [
      `SENDGRID_API_KEY=${SECRETS.sendgrid}:latest`,
      `UNIT_SECRET_KEY=${SECRETS.unitKey}:latest`,
      ...(fn.publicCaller ? [`INGEST_SECRET=${SECRETS.ingest}:latest`] : []),
    ];
    steps.push({
      comment: fn.isPublic
        ? `Triển khai hàm ${fn.name} (gen2, Node.js ${DEPLOY_NODE_MAJOR}, tối đa ${fn.maxInstances} phiên bản, mỗi phiên bản 1 yêu cầu một lúc); địa chỉ công khai vì ${fn.publicCaller} gọi nó, mỗi yêu cầu được kiểm tra ${fn.schedule ? 'chữ ký hoặc mã OIDC' : 'chữ ký'}.`
        : `Triển khai hàm ${fn.name} (gen2, Node.js ${DEPLOY_NODE_MAJOR}, tối đa ${fn.maxInstances} phiên bản, 1 yêu cầu một lúc); không công khai: chỉ tài khoản được cấp quyền mới gọi được.`,
      argv: [
        'gcloud',
        'functions',
        'deploy',
        fn.name,
        '--gen2',
        `--runtime=nodejs${DEPLOY_NODE_MAJOR}`,
        `--region=${input.region}`,
        `--source=${input.source}`,
        `--entry-point=${fn.name}`,
        '--trigger-http',
        fn.isPublic ? '--allow-unauthenticated' : '--no-allow-unauthenticated',
        `--service-account=${sa.runtime}`,
        `--build-service-account=projects/${input.project}/serviceAccounts/${sa.build}`,
        `--memory=${fn.memory}`,
        `--timeout=${fn.timeout}`,
        `--max-instances=${fn.maxInstances}`,
        '--concurrency=1',
        `--set-env-vars=${env.join(',')}`,
        `--set-secrets=${secrets.join(',')}`,
        p,
      ],
    });
    if (!fn.isPublic) {
      steps.push({
        // Technical: for a gen2 function this grants roles/run.invoker on its Cloud Run service, to this account alone.
        comment: `Chỉ tài khoản thidua-scheduler được gọi hàm ${fn.name} (vai trò roles/run.invoker); hàm vẫn kiểm tra mã OIDC của nó.`,
        argv: [
          'gcloud',
          'functions',
          'add-invoker-policy-binding',
          fn.name,
          `--region=${input.region}`,
          `--member=serviceAccount:${sa.scheduler}`,
          p,
        ],
      });
    }
  }
  for (const fn of FUNCTIONS) {
    const schedule = fn.schedule;
    if (!schedule) continue;
    const flags = [
      `--location=${input.region}`,
      `--schedule=${schedule.cron}`,
      '--time-zone=Asia/Ho_Chi_Minh',
      `--uri=${functionUrl(input, fn.name)}`,
      '--http-method=POST',
      `--oidc-service-account-email=${sa.scheduler}`,
      `--oidc-token-audience=${functionUrl(input, fn.name)}`,
      // An attempt outlives the run it waits for (its timeout and 20 s), within Scheduler's 30 minutes.
      `--attempt-deadline=${Number(fn.timeout.replace(/s$/, '')) + 20}s`,
      `--max-retry-attempts=${schedule.retry.attempts}`,
      `--min-backoff=${schedule.retry.minBackoff}`,
      `--max-backoff=${schedule.retry.maxBackoff}`,
      `--max-doublings=${schedule.retry.doublings}`,
      p,
    ];
    steps.push({
      comment: `Lịch ${schedule.job}: ${schedule.what} (giờ Việt Nam), xác thực bằng OIDC; lỗi thì thử lại tối đa ${schedule.retry.attempts} lần.`,
      argv: ['gcloud', 'scheduler', 'jobs', 'create', 'http', schedule.job, ...flags],
      okIfExists: true,
      orUpdate: ['gcloud', 'scheduler', 'jobs', 'update', 'http', schedule.job, ...flags],
    });
  }
  return steps;
}

/** POSIX shell quoting for display: bare when safe, else single quotes. */
export function shellQuote(arg: string): string {
  if (/^[\w@%+=:,./-]+$/.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** The plan as a shell script a person can read or paste, one command per line. */
export function renderPlan(
  steps: readonly Step[],
  input: DeployInput,
  options: { prepareOnly?: boolean } = {},
): string {
  const lines = [
    options.prepareOnly
      ? `# Chuẩn bị dự án ${input.project} cho Thi đua (API, tài khoản dịch vụ, bí mật); chạy được nhiều lần.`
      : `# Kế hoạch triển khai Thi đua cho dự án ${input.project}, vùng ${input.region}.`,
    '# Cần đặt trước các biến SENDGRID_API_KEY, INGEST_SECRET và UNIT_SECRET_KEY; giá trị của chúng không bao giờ được in ra.',
  ];
  for (const step of steps) {
    lines.push('', `# ${step.comment}`);
    const command = step.argv.map(shellQuote).join(' ');
    const line = step.stdinFrom ? `printf '%s' "$${step.stdinFrom}" | ${command}` : command;
    lines.push(step.orUpdate ? `${line} \\\n  || ${step.orUpdate.map(shellQuote).join(' ')}` : line);
  }
  lines.push(
    '',
    options.prepareOnly
      ? `# Tiếp theo: chia sẻ bảng tính cho ${serviceAccounts(input.project).runtime} rồi chạy npm run setup-sheets.`
      : `# Sau cùng: đặt INGEST_URL=${functionUrl(input, 'ingest')}, DOCUMENTS_URL=${functionUrl(input, 'documents')}, ROLLUP_URL=${functionUrl(input, 'rollup')}, YEAREND_URL=${functionUrl(input, 'yearend')}, FUNCTIONS_SERVICE_ACCOUNT=${serviceAccounts(input.project).runtime}, INGEST_SECRET và UNIT_SECRET_KEY trong Thuộc tính tập lệnh của Apps Script; chia sẻ thư mục Drive nhận văn bản cho ${serviceAccounts(input.project).runtime} (Người chỉnh sửa).`,
  );
  return `${lines.join('\n')}\n`;
}
