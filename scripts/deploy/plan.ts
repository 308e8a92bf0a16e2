// The deploy plan as data: every gcloud command with a Vietnamese comment, pure so a test pins the whole text.

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
}

export class DeployInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeployInputError';
  }
}

const APIS = [
  'sheets.googleapis.com',
  'cloudfunctions.googleapis.com',
  'run.googleapis.com',
  'cloudbuild.googleapis.com',
  'artifactregistry.googleapis.com',
  'cloudscheduler.googleapis.com',
  'secretmanager.googleapis.com',
  'logging.googleapis.com',
];

export const SECRETS = { sendgrid: 'thidua-sendgrid-key', ingest: 'thidua-ingest-secret' } as const;

interface FunctionSpec {
  readonly name: 'ingest' | 'remind' | 'digest';
  readonly memory: string;
  readonly timeout: string;
  readonly maxInstances: number;
  readonly schedule: string;
  readonly job: string;
  readonly what: string;
}

const FUNCTIONS: readonly FunctionSpec[] = [
  // A few instances absorb bursts of submissions; runs are idempotent, so overlap costs only time.
  { name: 'ingest', memory: '512Mi', timeout: '300s', maxInstances: 3, schedule: '*/10 * * * *', job: 'thidua-ingest-sweep', what: 'quét câu trả lời mỗi 10 phút' },
  // One instance: two overlapping reminder or digest runs must not race on the mail log.
  { name: 'remind', memory: '256Mi', timeout: '300s', maxInstances: 1, schedule: '0 8 * * *', job: 'thidua-remind', what: 'nhắc hạn lúc 08:00 hằng ngày' },
  { name: 'digest', memory: '256Mi', timeout: '300s', maxInstances: 1, schedule: '30 7 * * 1', job: 'thidua-digest', what: 'bản tin lúc 07:30 thứ Hai hằng tuần' },
];

export function validateInput(input: DeployInput): DeployInput {
  if (!/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/.test(input.project)) {
    throw new DeployInputError(`Mã dự án Google Cloud không hợp lệ: "${input.project}". Dùng --project hoặc biến GOOGLE_CLOUD_PROJECT.`);
  }
  if (!/^[a-z]+-[a-z]+\d$/.test(input.region)) throw new DeployInputError(`Vùng không hợp lệ: "${input.region}" (ví dụ asia-southeast1).`);
  if (!/^[\w-]{10,}$/.test(input.spreadsheetId)) {
    throw new DeployInputError('Thiếu hoặc sai mã bảng tính: dùng --spreadsheet hoặc biến SPREADSHEET_ID (phần giữa /d/ và /edit trong địa chỉ).');
  }
  if (!/^[^\s@,]+@[^\s@,]+\.[^\s@,]+$/.test(input.sender)) throw new DeployInputError('Thiếu hoặc sai địa chỉ gửi thư: dùng --sender hoặc biến MAIL_FROM.');
  return input;
}

export function functionUrl(input: DeployInput, name: string): string {
  return `https://${input.region}-${input.project}.cloudfunctions.net/${name}`;
}

export function planDeploy(raw: DeployInput): Step[] {
  const input = validateInput(raw);
  const p = `--project=${input.project}`;
  const runtimeSa = `thidua-functions@${input.project}.iam.gserviceaccount.com`;
  const schedulerSa = `thidua-scheduler@${input.project}.iam.gserviceaccount.com`;
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
      comment: 'Tài khoản dịch vụ của Cloud Scheduler: chỉ dùng để ký mã OIDC khi gọi hàm, không có quyền nào khác.',
      argv: ['gcloud', 'iam', 'service-accounts', 'create', 'thidua-scheduler', '--display-name=Thi đua scheduler', p],
      okIfExists: true,
    },
    {
      comment: 'Quyền tối thiểu của tài khoản chạy hàm: ghi nhật ký.',
      argv: ['gcloud', 'projects', 'add-iam-policy-binding', input.project, `--member=serviceAccount:${runtimeSa}`, '--role=roles/logging.logWriter', '--condition=None'],
    },
  ];
  for (const [secret, env] of [
    [SECRETS.sendgrid, 'SENDGRID_API_KEY'],
    [SECRETS.ingest, 'INGEST_SECRET'],
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
        argv: ['gcloud', 'secrets', 'add-iam-policy-binding', secret, `--member=serviceAccount:${runtimeSa}`, '--role=roles/secretmanager.secretAccessor', p],
      },
    );
  }
  steps.push({
    comment: `Đóng gói các hàm vào ${input.source}/: biên dịch TypeScript sang JavaScript, kèm các mẫu thư.`,
    argv: ['npm', 'run', 'build'],
  });
  for (const fn of FUNCTIONS) {
    const env = [
      `SPREADSHEET_ID=${input.spreadsheetId}`,
      `MAIL_FROM=${input.sender}`,
      `OIDC_AUDIENCE=${functionUrl(input, fn.name)}`,
      `SCHEDULER_SERVICE_ACCOUNT=${schedulerSa}`,
    ];
    // Only ingest verifies form signatures, so only ingest can read the ingest secret.
    const secrets = [`SENDGRID_API_KEY=${SECRETS.sendgrid}:latest`, ...(fn.name === 'ingest' ? [`INGEST_SECRET=${SECRETS.ingest}:latest`] : [])];
    steps.push({
      comment: `Triển khai hàm ${fn.name} (gen2, Node.js 20, tối đa ${fn.maxInstances} phiên bản).`,
      argv: [
        'gcloud', 'functions', 'deploy', fn.name, '--gen2', '--runtime=nodejs20', `--region=${input.region}`,
        `--source=${input.source}`, `--entry-point=${fn.name}`, '--trigger-http',
        // Public URL: the form trigger cannot send a Google identity, so each request is checked in code (HMAC or OIDC).
        '--allow-unauthenticated', `--service-account=${runtimeSa}`, `--memory=${fn.memory}`, `--timeout=${fn.timeout}`,
        `--max-instances=${fn.maxInstances}`, `--set-env-vars=${env.join(',')}`, `--set-secrets=${secrets.join(',')}`, p,
      ],
    });
  }
  for (const fn of FUNCTIONS) {
    steps.push({
      comment: `Lịch ${fn.job}: ${fn.what} (giờ Việt Nam), xác thực bằng OIDC.`,
      argv: [
        'gcloud', 'scheduler', 'jobs', 'create', 'http', fn.job, `--location=${input.region}`, `--schedule=${fn.schedule}`,
        '--time-zone=Asia/Ho_Chi_Minh', `--uri=${functionUrl(input, fn.name)}`, '--http-method=POST',
        `--oidc-service-account-email=${schedulerSa}`, `--oidc-token-audience=${functionUrl(input, fn.name)}`,
        '--attempt-deadline=320s', p,
      ],
      okIfExists: true,
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
export function renderPlan(steps: readonly Step[], input: DeployInput): string {
  const lines = [
    `# Kế hoạch triển khai Thi đua cho dự án ${input.project}, vùng ${input.region}.`,
    '# Cần đặt trước các biến SENDGRID_API_KEY và INGEST_SECRET; giá trị của chúng không bao giờ được in ra.',
  ];
  for (const step of steps) {
    lines.push('', `# ${step.comment}`);
    const command = step.argv.map(shellQuote).join(' ');
    lines.push(step.stdinFrom ? `printf '%s' "$${step.stdinFrom}" | ${command}` : command);
  }
  lines.push(
    '',
    `# Sau cùng: đặt INGEST_URL=${functionUrl(input, 'ingest')} và INGEST_SECRET trong Thuộc tính tập lệnh của Apps Script.`,
  );
  return `${lines.join('\n')}\n`;
}
