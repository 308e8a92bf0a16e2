// Wires a job end to end: configuration, gateways, one snapshot, the pure plan, then apply.
import { formatNumber } from '../core/format.ts';
import { TAB, TABS } from '../../sheets-schema/index.ts';
import { ConfigError, loadConfig, type Config } from '../config.ts';
import { isEmailAddress } from '../core/address.ts';
import { secretsRequired } from '../rules/evaluate.ts';
import { setting, type Settings } from '../core/settings.ts';
import type { Recipient } from '../core/snapshot.ts';
import { campaignTimeZone } from '../core/zone.ts';
import { createSheetsClient, type SheetsApi } from '../gateways/sheets-client.ts';
import type { RetryPolicy } from '../gateways/retry.ts';
import type { MailGateway } from '../gateways/mail.ts';
import {
  createSheetsGateway,
  type FoldedSnapshot,
  type RowFold,
  type SheetsGateway,
  type WriteStats,
} from '../gateways/sheets.ts';
import {
  applyPlan,
  prepareApply,
  sendPrepared,
  writeTabs,
  type ApplyContext,
  type ApplyResult,
  type Mailing,
  type Prepared,
  type SheetLayout,
  sheetLayout,
} from './apply.ts';
import { DUE_COLUMNS } from './mail-log.ts';
import { mailLogLoss, MailLogLostError, restartDetail, stopNotice, withoutMailLog } from './log-guard.ts';
import { planJob, READS_CHILDREN, type JobName } from './jobs.ts';
import type { JobPlan } from './plan.ts';
import { openSpreadsheet, type Spreadsheet } from '../gateways/spreadsheet.ts';
import { readChildren, type ChildReadings } from '../rollup/index.ts';
import { readBodies } from '../rules/index.ts';
import type { Snapshot } from '../core/snapshot.ts';
import { tabState, tabStateFold, type TabState } from './tab-diff.ts';

export type { JobName } from './jobs.ts';

export interface JobSummary {
  readonly job: string;
  readonly lines: readonly string[];
  readonly sheetsCalls: number;
  readonly mailRequests: number;
  /** Sheets write requests, their body bytes, and how many the 2 MB split added. */
  readonly sheetsWrites: WriteStats;
}

export interface RunOptions {
  readonly now?: Date;
  readonly dryRun?: boolean;
  readonly env?: NodeJS.ProcessEnv;
  /** Per-request timeout and retry policy of both gateways (tests shorten them; production keeps the defaults). */
  readonly timeoutMs?: number;
  /** The mail gateway's own per-request timeout, instead of `timeoutMs` (a test slows SendGrid, not Sheets). */
  readonly mailTimeoutMs?: number;
  readonly retry?: RetryPolicy;
  /** Largest Sheets write body (tests make the 2 MB split visible on small data; production keeps 2 MB). */
  readonly maxRequestBytes?: number;
  /**
   * How the roll-up reads the children: requests in flight (8) and started per minute (ROLLUP_READS_PER_MINUTE, or
   * Google's 60 read requests per minute per user; Infinity: unpaced, for tests).
   */
  readonly childReads?: { readonly concurrency?: number; readonly readsPerMinute?: number };
}

/**
 * The derived tabs every job computes and no rule reads. They are read with the snapshot, so that only the rows that
 * differ are written, and reduced to a fingerprint per row (TabState) as their rows arrive: at 10,000 units they hold
 * 140,000 rows (35 MiB as cells). Held whole until the snapshot was read, they left a heap the plan then filled: a
 * sweep peaked at 291–293 MiB with the deployed heap, 270 MiB folded (1/12, load average 12). `Lịch sử` is written too,
 * and read by the digest, so it stays in the snapshot as well; so is `Tổng hợp cấp dưới`, written by the roll-up and
 * read back for each child's last good figures; so is `Sổ mô hình`, whose coordinator cells the plan carries over
 * (results/model-register.ts), so that only its new or changed rows are written. Of the mail log only the key and
 * status columns are read (DUE_COLUMNS).
 */
const DERIVED_ONLY: readonly string[] = [
  TAB.checks,
  TAB.progress,
  TAB.classification,
  TAB.awards,
  TAB.dashboard,
  TAB.sendUp,
];
const FOLDED: ReadonlyMap<string, RowFold<TabState>> = new Map(DERIVED_ONLY.map((tab) => [tab, tabStateFold]));
const KEPT_AND_WRITTEN: readonly string[] = [TAB.history, TAB.children, TAB.models, TAB.forwarded];
const SNAPSHOT_TABS = TABS.map((t) => t.name);

/** The written tabs as fingerprints, beside the snapshot. */
function previousOf(read: FoldedSnapshot<TabState>): Map<string, TabState> {
  const previous = new Map(read.folded);
  for (const tab of KEPT_AND_WRITTEN) {
    const values = read.tabs.get(tab);
    if (values) previous.set(tab, tabState(values));
  }
  return previous;
}

export async function runJob(name: JobName, options: RunOptions = {}): Promise<JobSummary> {
  const config = loadConfig(options.env);
  const now = options.now ?? new Date();
  const dryRun = options.dryRun ?? false;
  const api = createSheetsClient(config.GOOGLE_SHEETS_ROOT_URL);
  const sheets = createSheetsGateway({
    api,
    spreadsheetId: config.SPREADSHEET_ID,
    timeoutMs: options.timeoutMs,
    retry: options.retry,
    maxRequestBytes: options.maxRequestBytes,
  });
  const { createMailGateway } = await import('../gateways/mail.ts');
  const mail = createMailGateway({
    apiKey: config.SENDGRID_API_KEY,
    baseUrl: config.SENDGRID_BASE_URL,
    timeoutMs: options.mailTimeoutMs ?? options.timeoutMs,
    retry: options.retry,
  });
  const children = childReader(api, config, options);
  const run = { name, config, now, dryRun, sheets, mail, children };
  const planned = await planAndWrite(run);
  const result = await sendPrepared(planned.apply, planned.mailing);
  return {
    job: name,
    lines: await resultLines(run, planned, result),
    sheetsCalls: sheets.calls() + children.calls(),
    mailRequests: mail.requests(),
    sheetsWrites: sheets.writes(),
  };
}

interface RunContext {
  readonly name: JobName;
  readonly config: Config;
  readonly now: Date;
  readonly dryRun: boolean;
  readonly sheets: SheetsGateway;
  readonly mail: MailGateway;
  readonly children: ChildReader;
}

interface RunOutline {
  readonly apply: ApplyContext;
  /** The plan's summary, for people. */
  readonly summary: readonly string[];
  readonly replyWarning?: string;
  readonly dueCount: number;
}

interface PlannedRun extends RunOutline {
  readonly prepared: Prepared;
}

interface WrittenRun extends RunOutline {
  readonly mailing: Mailing;
}

/**
 * Plans the job and writes its system tabs: what it returns no longer holds their rows, so they are garbage before
 * the claims and the sends (at 10,000 units a first run rewrites 100,000 rows, 20 MB once encoded).
 */
async function planAndWrite(run: RunContext): Promise<WrittenRun> {
  const { prepared, ...outline } = await planRun(run);
  return { ...outline, mailing: await writeTabs(outline.apply, prepared) };
}

/** Plans the job and prepares its writes and sends from the plan and the sheets' layout, without the snapshot. */
async function planRun(run: RunContext): Promise<PlannedRun> {
  const { plan, layout, previous, ...outline } = await readAndPlan(run);
  return { ...outline, prepared: prepareApply(outline.apply, layout, plan, previous) };
}

interface ReadPlan extends RunOutline {
  readonly plan: JobPlan;
  readonly layout: SheetLayout;
  /** The written tabs as the sheet holds them, one fingerprint per row. */
  readonly previous: ReadonlyMap<string, TabState>;
}

/**
 * Reads the snapshot and plans the job. The snapshot lives only in this scope: what is left of it once the plan is
 * made is what the plan's emails hold (a sweep's, none), so the writes are prepared without its tabs (at 10,000 units
 * the snapshot holds 45 MiB and the evaluation made from it more).
 */
async function readAndPlan(run: RunContext): Promise<ReadPlan> {
  const { config, now, dryRun } = run;
  const read = await run.sheets.readSnapshot(SNAPSHOT_TABS, new Map([[TAB.mailLog, DUE_COLUMNS]]), FOLDED);
  const previous = previousOf(read);
  // Checked before planning: a log without its key column cannot be read, and the plan is still wanted for `Tổng hợp`.
  const loss = mailLogLoss(read.tabs, (tab) => previous.get(tab)?.rows.length ?? 0);
  const snapshot = loss?.kind === 'no-key' ? withoutMailLog(read) : read;
  const children = READS_CHILDREN.has(run.name) ? await run.children.read(snapshot) : undefined;
  const { plan, settings } = planJob(run.name, snapshot, now, config.UNIT_SECRET_KEY, children?.readings);
  if (secretsRequired(settings) && !config.UNIT_SECRET_KEY) {
    // Without the key no response can prove its unit: judging on would count nothing and remind every unit.
    throw new ConfigError(
      "Cấu hình 'Xác thực đơn vị' đang là 'Có' nhưng hàm chưa có biến môi trường UNIT_SECRET_KEY (khóa sinh mã xác thực " +
        'của đơn vị). Hãy đặt UNIT_SECRET_KEY đúng bằng thuộc tính UNIT_SECRET_KEY của dự án Apps Script, hoặc đặt ' +
        "'Xác thực đơn vị' là 'Không' nếu phong trào chạy trên mạng nội bộ khép kín. Lượt chạy này không ghi và không gửi gì.",
    );
  }
  const timeZone = campaignTimeZone(settings);
  // The mail log is the only record of what was sent: lost, the run sends nothing unless the coordinator started it
  // afresh today, and says so at the top of `Tổng hợp`.
  const recordOnly = loss?.kind === 'missing' ? restartDetail(settings, now, timeZone) : undefined;
  const replyTo = replyToSetting(settings);
  const apply: ApplyContext = {
    sheets: run.sheets,
    mail: run.mail,
    envelope: {
      from: { email: config.MAIL_FROM, name: setting(settings, 'Tên người gửi') },
      replyTo: replyTo.address,
      categories: ['thidua', run.name],
    },
    now,
    timeZone,
    dryRun,
    ...(recordOnly !== undefined ? { recordOnly } : {}),
  };
  if (loss && recordOnly === undefined) {
    if (!dryRun) {
      const notice = stopNotice(
        loss,
        plan.writes.find((w) => w.tab === TAB.dashboard),
      );
      const stop = { writes: [notice], emails: [], alreadySent: 0, inDoubt: 0, summary: [] };
      await applyPlan(apply, snapshot, stop, previous);
    }
    throw new MailLogLostError(loss);
  }
  return {
    apply,
    plan,
    layout: sheetLayout(snapshot),
    previous,
    summary: children
      ? [...plan.summary, `Đọc bảng tính cấp dưới: ${children.requests} yêu cầu values.batchGet.`]
      : plan.summary,
    ...(replyTo.warning ? { replyWarning: replyTo.warning } : {}),
    dueCount: plan.emails.length,
  };
}

interface ChildReader {
  read(snapshot: Snapshot): Promise<ChildReadings>;
  /** Sheets API calls made on the children, retries included. */
  calls(): number;
}

/**
 * The child campaigns of `Đơn vị`, each read once through the Sheets access layer (retry, normalised errors), a few at
 * a time and paced under Google's per-minute read quota (docs/design/rollup.md).
 */
function childReader(api: SheetsApi, config: Config, options: RunOptions): ChildReader {
  const opened: Spreadsheet[] = [];
  return {
    read: (snapshot) =>
      readChildren(readBodies(snapshot), {
        open: (spreadsheetId) => {
          const child = openSpreadsheet({ api, spreadsheetId, timeoutMs: options.timeoutMs, retry: options.retry });
          opened.push(child);
          return child;
        },
        concurrency: options.childReads?.concurrency ?? 8,
        readsPerMinute: options.childReads?.readsPerMinute ?? Number(config.ROLLUP_READS_PER_MINUTE ?? 60),
      }),
    calls: () => opened.reduce((n, c) => n + c.stats().calls, 0),
  };
}

/** What the sends and the writes did, for people. */
async function resultLines(run: RunContext, planned: RunOutline, result: ApplyResult): Promise<string[]> {
  const lines = [...planned.summary, ...result.notes];
  if (planned.replyWarning) lines.push(planned.replyWarning);
  if (result.stopped) {
    lines.push(result.stopped);
  } else if (run.dryRun) {
    // A dry run still renders every due email, so a template error shows before anything is sent.
    const { loadTemplates } = await import('../mail/templates.ts');
    const templates = loadTemplates();
    for (const email of result.due) templates.render(email.template, email.data);
    lines.push(`Chạy thử: đã soạn ${result.due.length} thư, không gửi thư nào và không ghi gì vào bảng tính.`);
  } else {
    const written = run.sheets.writes();
    lines.push(
      written.requests === 0
        ? 'Bảng tính: không có gì thay đổi, không ghi gì.'
        : `Bảng tính: ghi ${result.tabsWritten} trang, ${written.requests} yêu cầu, ${formatNumber(written.bytes / 1024, 1)} KB.`,
    );
    lines.push(
      `Thư: đã gửi ${result.sent}, lỗi ${result.failed}, đã gửi từ trước ${result.alreadySent}` +
        (result.inDoubt ? `, chưa rõ kết quả ${result.inDoubt} (xem trang Nhật ký thư)` : '') +
        (result.lostClaims ? `, do lượt chạy khác gửi ${result.lostClaims}` : '') +
        (result.unclaimed ? `, để lượt sau ${result.unclaimed}` : '') +
        '.',
    );
  }
  if (planned.apply.recordOnly !== undefined && !run.dryRun) {
    lines.push(
      `${TAB.mailLog} được bắt đầu lại hôm nay: đã ghi ${planned.dueCount} thư đến hạn là 'Không gửi lại', không gửi thư nào trong số đó.`,
    );
  }
  return lines;
}

/**
 * `Email trả lời` as SendGrid's reply_to: SendGrid refuses a whole request whose reply_to is not a valid address, so
 * a malformed value is left out (replies then go to the sender) and the job says so in one line.
 */
export function replyToSetting(settings: Settings): { address?: Recipient; warning?: string } {
  const value = setting(settings, 'Email trả lời').trim();
  if (value === '') return {};
  if (isEmailAddress(value)) return { address: { email: value } };
  return {
    warning: `Cảnh báo: "Email trả lời" trong trang Cấu hình ("${value}") không phải là địa chỉ email hợp lệ, nên thư được gửi không kèm địa chỉ trả lời (thư trả lời sẽ về địa chỉ gửi). Hãy sửa ô này.`,
  };
}
