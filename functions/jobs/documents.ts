// The documents job: one snapshot, the documents generated from it (pure), then the apply step puts them on Drive and
// writes `Văn bản` with what became of each. Uploads are an apply-side effect like sending mail: the plan holds the
// files and the folder as data; only their links, known once Drive has answered, go into the one Sheets write.
import { MILESTONE_KIND_ORGANISER, TAB, TABS } from '../../sheets-schema/index.ts';
import { organiserDeadlinesDue } from '../calendar/index.ts';
import { formatDate } from '../core/cells.ts';
import { loadConfig } from '../config.ts';
import { setting } from '../core/settings.ts';
import type { PlannedEmail } from '../core/snapshot.ts';
import { campaignTimeZone } from '../core/zone.ts';
import { DocumentTemplateError, generateDocuments, type DocumentTemplates } from '../documents/index.ts';
import { loadDocumentTemplates } from '../documents/load.ts';
import { createDriveClient } from '../gateways/drive-client.ts';
import { createDriveGateway } from '../gateways/drive.ts';
import { createSheetsClient } from '../gateways/sheets-client.ts';
import { createSheetsGateway } from '../gateways/sheets.ts';
import { documentsTab, previousDocuments } from '../publish/documents-tab.ts';
import { FOLDER_SETTING, parseFolderSetting, type FolderSetting } from '../publish/folder.ts';
import { publishDocuments, type DocumentFile } from '../publish/publish.ts';
import type { MailSender } from '../gateways/mail.ts';
import { applyPlan } from './apply.ts';
import { jobContext } from './jobs.ts';
import type { JobContext, JobOutput } from './plan.ts';
import type { JobSummary, RunOptions } from './run.ts';
import { tabState, type TabState } from './tab-diff.ts';

/**
 * What the documents job decides, in the planner contract's shape (`JobOutput`: no tab of its own yet, no email, a
 * summary) plus the publication the apply step carries out: the files and the folder they go to. `Văn bản` is not
 * among the writes because its links exist only once Drive has answered; the apply step adds it to the run's one
 * Sheets write.
 */
export interface DocumentsPlan extends JobOutput {
  /** False when the run has nothing to put on Drive (not due, a broken template): `summary` says why. */
  readonly publish: boolean;
  readonly files: readonly DocumentFile[];
  readonly folder: FolderSetting;
  /** The campaign's zone, for the times written in `Văn bản`. */
  readonly timeZone: string;
}

/** Pure: the documents of the campaign at `context.now`, or why there are none to put on Drive this run. */
export function planDocuments(
  context: JobContext,
  templates: DocumentTemplates,
  options: { readonly whenDue?: boolean } = {},
): DocumentsPlan {
  const { evaluation, snapshot, now, settings } = context;
  const folder = parseFolderSetting(setting(settings, FOLDER_SETTING));
  const timeZone = campaignTimeZone(settings);
  const base = { writes: [], emails: [], folder, timeZone };
  // As every job's, the summary ends with the problems of `Cấu hình` and `Mốc thời gian` the context found.
  const nothing = (lines: string[]): DocumentsPlan => ({
    ...base,
    publish: false,
    files: [],
    summary: [...lines, ...context.warnings],
  });
  const lines: string[] = [];
  if (options.whenDue) {
    // The scheduler's daily call makes the documents only while an organiser's report (`Báo cáo cấp trên` in `Mốc thời
    // gian`) is being prepared: from its largest `Nhắc trước (ngày)` to its deadline day. Each run of that window
    // updates the same files in place with the day's figures; outside it nothing is made.
    const deadlines = context.dashboard.reportDeadlines.map((c) => c.deadline);
    const due = organiserDeadlinesDue(deadlines, now, timeZone);
    if (due.length === 0) {
      return nothing([
        `Lịch hằng ngày: hôm nay không trong thời gian chuẩn bị báo cáo cấp trên nào ('Nhắc trước (ngày)' của các mốc '${MILESTONE_KIND_ORGANISER}' ở trang ${TAB.milestones}); không tạo văn bản nào.`,
      ]);
    }
    for (const { deadline, daysLeft } of due) {
      const when = daysLeft === 0 ? 'hạn là hôm nay' : `còn ${daysLeft} ngày`;
      lines.push(`Chuẩn bị "${deadline.name}" (hạn ${formatDate(deadline.deadline, timeZone)}, ${when}).`);
    }
  }
  try {
    const files = generateDocuments({ evaluation, snapshot }, templates, now);
    return {
      ...base,
      publish: true,
      files,
      summary: [...lines, `Đã tạo ${files.length} văn bản từ bảng tính.`, ...context.warnings],
    };
  } catch (error) {
    // A template a coordinator broke: its Vietnamese message names it; nothing is put on Drive or written.
    if (!(error instanceof DocumentTemplateError)) throw error;
    return nothing([...lines, error.message, 'Chưa tạo văn bản nào; Google Drive và trang Văn bản giữ nguyên.']);
  }
}

/** The tabs the documents need: every tab but the derived ones no document reads (`Văn bản` itself is read). */
const SNAPSHOT_TABS = TABS.map((t) => t.name).filter(
  (t) =>
    !([TAB.checks, TAB.progress, TAB.classification, TAB.awards, TAB.dashboard, TAB.mailLog] as string[]).includes(t),
);

/** The documents job writes a tab and sends nothing: the mail step is never reached with an email. */
const NO_MAIL: MailSender = {
  send: async (emails: Iterable<PlannedEmail>) => {
    for (const _ of emails) throw new Error('The documents job sends no email.');
    return new Map();
  },
};

export async function runDocuments(options: RunOptions & { readonly whenDue?: boolean } = {}): Promise<JobSummary> {
  const config = loadConfig(options.env);
  const now = options.now ?? new Date();
  const dryRun = options.dryRun ?? false;
  const sheets = createSheetsGateway({
    api: createSheetsClient(config.GOOGLE_SHEETS_ROOT_URL),
    spreadsheetId: config.SPREADSHEET_ID,
    timeoutMs: options.timeoutMs,
    retry: options.retry,
  });
  const snapshot = await sheets.readSnapshot(SNAPSHOT_TABS);
  const context = jobContext(snapshot, now, { unitKey: config.UNIT_SECRET_KEY });
  const plan = planDocuments(context, loadDocumentTemplates(), { whenDue: options.whenDue });
  const lines = [...plan.summary];
  const summary = (): JobSummary => ({
    job: 'documents',
    lines,
    sheetsCalls: sheets.calls(),
    mailRequests: 0,
    sheetsWrites: sheets.writes(),
  });
  if (!plan.publish) return summary();
  if (dryRun) {
    lines.push('Chạy thử: không đưa văn bản nào lên Google Drive và không ghi gì vào bảng tính.');
    return summary();
  }
  const { timeZone } = plan;

  const drive = createDriveGateway({
    client: createDriveClient(config.GOOGLE_DRIVE_ROOT_URL),
    timeoutMs: options.timeoutMs,
    retry: options.retry,
  });
  const outcome = await publishDocuments({
    drive,
    folder: plan.folder,
    files: plan.files,
    previous: previousDocuments(snapshot),
    now,
    timeZone,
  });
  lines.push(...outcome.lines);

  const previous = new Map<string, TabState>();
  const current = snapshot.tabs.get(TAB.documents);
  if (current) previous.set(TAB.documents, tabState(current));
  const write = { writes: [documentsTab(outcome.rows)], emails: [], alreadySent: 0, inDoubt: 0, summary: [] };
  const result = await applyPlan(
    { sheets, mail: NO_MAIL, envelope: { from: { email: config.MAIL_FROM }, categories: [] }, now, timeZone, dryRun },
    snapshot,
    write,
    previous,
  );
  if (result.stopped) lines.push(result.stopped);
  lines.push(...result.notes);
  lines.push(`Lượt gọi Google Drive API: ${drive.calls()}.`);
  return summary();
}
