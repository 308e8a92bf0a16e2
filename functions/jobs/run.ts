// Wires a job end to end: configuration, gateways, one snapshot, the pure plan, then apply.
import { TAB, TABS } from '../../sheets-schema/index.ts';
import { loadConfig } from '../config.ts';
import { isEmail } from '../core/email.ts';
import { setting, type Settings } from '../core/settings.ts';
import type { Recipient } from '../core/snapshot.ts';
import { createSheetsClient } from '../gateways/sheets-client.ts';
import type { RetryPolicy } from '../gateways/retry.ts';
import { createSheetsGateway, type SheetsSnapshot } from '../gateways/sheets.ts';
import { applyPlan } from './apply.ts';
import { DUE_COLUMNS } from './mail-log.ts';
import { planJob, type JobName } from './jobs.ts';

export type { JobName } from './jobs.ts';

export interface JobSummary {
  readonly job: string;
  readonly lines: readonly string[];
  readonly sheetsCalls: number;
  readonly mailRequests: number;
}

export interface RunOptions {
  readonly now?: Date;
  readonly dryRun?: boolean;
  readonly env?: NodeJS.ProcessEnv;
  /** Per-request timeout and retry policy of both gateways (tests shorten them; production keeps the defaults). */
  readonly timeoutMs?: number;
  readonly retry?: RetryPolicy;
}

/**
 * The derived tabs every job rewrites whole and no rule reads: only their extent is fetched (at 10,000 units they are
 * the largest tabs of the spreadsheet; column A is always filled, so it measures them). Of the mail log only the key
 * and status columns are read (DUE_COLUMNS). Everything else, `Lịch sử` included, is read whole; so is `Tổng hợp`,
 * whose column A has gaps.
 */
const EXTENT_ONLY: readonly string[] = [TAB.checks, TAB.progress, TAB.classification, TAB.awards];
const SNAPSHOT_TABS = TABS.map((t) => t.name).filter((t) => !EXTENT_ONLY.includes(t));

export async function runJob(name: JobName, options: RunOptions = {}): Promise<JobSummary> {
  const config = loadConfig(options.env);
  const now = options.now ?? new Date();
  const dryRun = options.dryRun ?? false;
  const sheets = createSheetsGateway({
    api: createSheetsClient(config.GOOGLE_SHEETS_ROOT_URL),
    spreadsheetId: config.SPREADSHEET_ID,
    timeoutMs: options.timeoutMs,
    retry: options.retry,
  });
  // Let, and cleared once applyPlan has taken what it needs: the snapshot and the planned rows are then garbage while
  // emails are sent and the final write goes out (at 10,000 units they are most of the heap).
  let snapshot: SheetsSnapshot | undefined = await sheets.readSnapshot(SNAPSHOT_TABS, EXTENT_ONLY, new Map([[TAB.mailLog, DUE_COLUMNS]]));
  let planned: ReturnType<typeof planJob> | undefined = planJob(name, snapshot, now);
  const { settings } = planned;
  const summary = planned.plan.summary;

  const { createMailGateway } = await import('../gateways/mail.ts');
  const mail = createMailGateway({
    apiKey: config.SENDGRID_API_KEY,
    baseUrl: config.SENDGRID_BASE_URL,
    timeoutMs: options.timeoutMs,
    retry: options.retry,
  });
  const replyTo = replyToSetting(settings);
  const applying = applyPlan(
    {
      sheets,
      mail,
      envelope: {
        from: { email: config.MAIL_FROM, name: setting(settings, 'Tên người gửi') },
        replyTo: replyTo.address,
        categories: ['thidua', name],
      },
      now,
      timeZone: setting(settings, 'Múi giờ'),
      dryRun,
    },
    snapshot,
    planned.plan,
  );
  snapshot = undefined;
  planned = undefined;
  const result = await applying;

  const lines = [...summary];
  if (replyTo.warning) lines.push(replyTo.warning);
  if (dryRun) {
    // A dry run still renders every due email, so a template error shows before anything is sent.
    const { loadTemplates } = await import('../mail/templates.ts');
    const templates = loadTemplates();
    for (const email of result.due) templates.render(email.template, email.data);
    lines.push(`Chạy thử: đã soạn ${result.due.length} thư, không gửi thư nào và không ghi gì vào bảng tính.`);
  } else {
    lines.push(
      `Thư: đã gửi ${result.sent}, lỗi ${result.failed}, đã gửi từ trước ${result.alreadySent}` +
        (result.inDoubt ? `, chưa rõ kết quả ${result.inDoubt} (xem trang Nhật ký thư)` : '') +
        (result.lostClaims ? `, do lượt chạy khác gửi ${result.lostClaims}` : '') +
        '.',
    );
  }
  return { job: name, lines, sheetsCalls: sheets.calls(), mailRequests: mail.requests() };
}

/**
 * `Email trả lời` as SendGrid's reply_to: SendGrid refuses a whole request whose reply_to is not a valid address, so
 * a malformed value is left out (replies then go to the sender) and the job says so in one line.
 */
export function replyToSetting(settings: Settings): { address?: Recipient; warning?: string } {
  const value = setting(settings, 'Email trả lời').trim();
  if (value === '') return {};
  if (isEmail(value)) return { address: { email: value } };
  return {
    warning: `Cảnh báo: "Email trả lời" trong trang Cấu hình ("${value}") không phải là địa chỉ email hợp lệ, nên thư được gửi không kèm địa chỉ trả lời (thư trả lời sẽ về địa chỉ gửi). Hãy sửa ô này.`,
  };
}
