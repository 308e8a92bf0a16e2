// The organiser's own deadlines (issue 18 §5): rows of `Mốc thời gian` whose `Loại` is `Báo cáo cấp trên`, the reports
// the organising body owes the level above (seed 003: Bộ Công an and Bộ Nội vụ before 30/11; seed 004: UBND tỉnh by
// 15/11). The digest counts down to them, the documents job runs on them, and a unit deadline that falls after one is
// flagged. Units are never reminded of them.
import {
  FINAL_FORM,
  FORMS,
  INTERIM_FORM,
  MILESTONE_KIND_HEADER,
  MILESTONE_KIND_ORGANISER,
  MILESTONE_KIND_UNIT,
  MILESTONE_RECIPIENT_HEADER,
  NOMINATION_FORM,
  TAB,
} from '../../sheets-schema/index.ts';
import { cellDate, cellText, formatDate, nameKey } from '../core/cells.ts';
import type { Milestone } from '../core/model.ts';
import type { Settings } from '../core/settings.ts';
import type { Snapshot } from '../core/snapshot.ts';
import { readDeclaredTable, type TableRow } from '../core/table.ts';
import { campaignTimeZone } from '../core/zone.ts';
import { endOfLocalDay, localDay } from './days.ts';

export interface OrganiserDeadline {
  readonly code: string;
  /** E.g. `Báo cáo tổng kết phong trào gửi Bộ Công an, Bộ Nội vụ`. */
  readonly name: string;
  /**
   * The report form whose figures it carries: `Báo cáo sơ kết` or `Báo cáo tổng kết`; '' for a report on the whole
   * movement (the documents job then makes the tổng kết).
   */
  readonly form: string;
  /** `Nơi nhận`: Bộ Công an, UBND tỉnh…; '' when not given. */
  readonly recipient: string;
  /**
   * The last moment of the deadline day in the campaign's zone. Never moved for days off: the level above set it, and
   * a unit deadline moved past it must be flagged, not hidden.
   */
  readonly deadline: Date;
  /** `Nhắc trước (ngày)`: days before the deadline at which the documents are prepared, largest first. */
  readonly prepareBefore: readonly number[];
}

/** `Loại` of a row: 'unit', 'organiser', or null for anything else (read as 'unit', with a warning). */
export function milestoneKind(row: TableRow): 'unit' | 'organiser' | null {
  const kind = nameKey(row.get(MILESTONE_KIND_HEADER));
  if (kind === '' || kind === nameKey(MILESTONE_KIND_UNIT)) return 'unit';
  if (kind === nameKey(MILESTONE_KIND_ORGANISER)) return 'organiser';
  return null;
}

export const isOrganiserRow = (row: TableRow): boolean => milestoneKind(row) === 'organiser';

/** The report forms an organiser's report may name in `Biểu mẫu`. */
const REPORT_FORMS: readonly string[] = [INTERIM_FORM.tab, FINAL_FORM.tab];

/**
 * The `Báo cáo cấp trên` rows of `Mốc thời gian`. A malformed row is skipped and explained in Vietnamese in `errors`;
 * a missing tab or header throws HeaderError like every required tab.
 */
export function readOrganiserDeadlines(
  snapshot: Snapshot,
  settings: Settings,
  errors: string[] = [],
): OrganiserDeadline[] {
  const timeZone = campaignTimeZone(settings);
  const table = readDeclaredTable(snapshot, TAB.milestones);
  const out: OrganiserDeadline[] = [];
  const seen = new Set<string>();
  for (const row of table.rows) {
    const code = cellText(row.get('Mã mốc')).toUpperCase();
    const before = seen.has(code);
    if (code !== '') seen.add(code);
    if (!isOrganiserRow(row)) continue;
    const problems: string[] = [];
    if (code === '') problems.push('thiếu mã mốc');
    else if (before) problems.push(`mã mốc '${code}' bị trùng với một dòng phía trên`);
    const form = cellText(row.get('Biểu mẫu'));
    if (form !== '' && !REPORT_FORMS.includes(form))
      problems.push(`biểu mẫu của báo cáo cấp trên phải để trống hoặc là một trong: ${REPORT_FORMS.join(', ')}`);
    const raw = row.get('Hạn nộp');
    const date = cellDate(raw, timeZone);
    if (!date) problems.push(`hạn nộp '${cellText(raw)}' không phải ngày hợp lệ dạng dd/MM/yyyy`);
    const prepareBefore = parseDays(cellText(row.get('Nhắc trước (ngày)')));
    if (!prepareBefore)
      problems.push(`'Nhắc trước (ngày)' phải là các số ngày nguyên dương cách nhau bởi dấu phẩy, ví dụ 7,3`);
    if (problems.length > 0 || !date || !prepareBefore) {
      errors.push(
        `Mốc thời gian, dòng ${row.rowNumber} (${MILESTONE_KIND_ORGANISER}): ${problems.join('; ')}. Mốc này bị bỏ qua cho đến khi được sửa.`,
      );
      continue;
    }
    out.push({
      code,
      name: cellText(row.get('Tên mốc')) || code,
      form,
      recipient: cellText(row.get(MILESTONE_RECIPIENT_HEADER)),
      deadline: endOfLocalDay(localDay(date, timeZone), timeZone),
      prepareBefore,
    });
  }
  return out;
}

/** `7,3` → [7, 3]; blank → []; anything but positive whole numbers → null. */
function parseDays(text: string): number[] | null {
  if (text === '') return [];
  const numbers = text
    .split(/[,;\s]+/)
    .filter((p) => p !== '')
    .map((p) => (/^\d+$/.test(p) ? Number(p) : NaN));
  if (numbers.some((n) => !Number.isInteger(n) || n <= 0)) return null;
  return [...new Set(numbers)].sort((a, b) => b - a);
}

/** An organiser deadline as the digest and `Tổng hợp` count down to it. */
export interface Countdown {
  readonly deadline: OrganiserDeadline;
  /** Calendar days from today to the deadline day in the campaign's zone: 0 on the day, negative once past. */
  readonly daysLeft: number;
}

/** Every organiser deadline with its days left, soonest first. */
export function countdowns(deadlines: readonly OrganiserDeadline[], now: Date, timeZone: string): Countdown[] {
  const today = localDay(now, timeZone);
  return deadlines
    .map((deadline) => ({ deadline, daysLeft: localDay(deadline.deadline, timeZone) - today }))
    .sort((a, b) => a.deadline.deadline.getTime() - b.deadline.deadline.getTime());
}

/** A step of preparing an organiser's report: `before-7`, …, `due-day`. */
export interface OrganiserDeadlineDue {
  readonly deadline: OrganiserDeadline;
  /** Stable, for a caller that acts once per step (e.g. a document set keyed `<code>|<step>`): never renamed. */
  readonly step: string;
  readonly daysLeft: number;
}

/**
 * The organiser deadlines whose documents are due at `now`: for each deadline not yet past, the latest step whose day
 * has come — one of `before-N` for each `Nhắc trước (ngày)` N, then `due-day` on the deadline day. A daily run that
 * missed a day still finds the step; after the deadline day nothing is due.
 * @example
 * // BC-TK due 30/11 with `Nhắc trước (ngày)` 7,3: nothing on 22/11, before-7 on 23–26/11, before-3 on 27–29/11,
 * // due-day on 30/11, nothing from 01/12.
 */
export function organiserDeadlinesDue(
  deadlines: readonly OrganiserDeadline[],
  now: Date,
  timeZone: string,
): OrganiserDeadlineDue[] {
  const due: OrganiserDeadlineDue[] = [];
  for (const { deadline, daysLeft } of countdowns(deadlines, now, timeZone)) {
    if (daysLeft < 0) continue;
    if (daysLeft === 0) {
      due.push({ deadline, step: 'due-day', daysLeft });
      continue;
    }
    // The smallest offset that has been reached: the latest step whose day has come.
    const reached = deadline.prepareBefore.filter((n) => n >= daysLeft);
    if (reached.length > 0) due.push({ deadline, step: `before-${Math.min(...reached)}`, daysLeft });
  }
  return due;
}

/** A unit deadline after an organiser's report that needs the unit's submission. */
export interface LateUnitDeadline {
  readonly milestone: Milestone;
  readonly report: OrganiserDeadline;
  /** Days the unit deadline falls after the report's. */
  readonly daysAfter: number;
  /** The flag in plain Vietnamese, for `Tổng hợp` and the digest. */
  readonly message: string;
}

/**
 * Whether a unit's `form` feeds an organiser report on `reportForm`: a sơ kết report needs what is due up to the sơ
 * kết; a tổng kết report, or one on the whole movement, needs everything, nominations included (they go up with it).
 */
function feeds(form: string, reportForm: string): boolean {
  if (reportForm === '' || reportForm === FINAL_FORM.tab || reportForm === NOMINATION_FORM.tab) return true;
  const at = (tab: string) => FORMS.findIndex((f) => f.tab === tab);
  return at(form) <= at(reportForm);
}

/**
 * Unit deadlines that fall after an organiser report they feed (seed 000 asks its units for the tổng kết by 31/12
 * while seed 003 wants the ministry's report by 30/11): the units' figures cannot reach the report in time.
 * In `Mốc thời gian` order, then by report deadline.
 */
export function lateUnitDeadlines(
  milestones: readonly Milestone[],
  deadlines: readonly OrganiserDeadline[],
  timeZone: string,
): LateUnitDeadline[] {
  const out: LateUnitDeadline[] = [];
  const sorted = [...deadlines].sort((a, b) => a.deadline.getTime() - b.deadline.getTime());
  for (const milestone of milestones) {
    for (const report of sorted) {
      const daysAfter = localDay(milestone.deadline, timeZone) - localDay(report.deadline, timeZone);
      if (daysAfter <= 0 || !feeds(milestone.form, report.form)) continue;
      const reportText = `"${report.name}" (${formatDate(report.deadline, timeZone)})`;
      out.push({
        milestone,
        report,
        daysAfter,
        message:
          `Hạn nộp "${milestone.name}" của đơn vị (${formatDate(milestone.deadline, timeZone)}) muộn ${daysAfter} ngày ` +
          `so với hạn ${reportText}: số liệu của đơn vị không kịp đưa vào báo cáo cấp trên. ` +
          `Nên đặt hạn của đơn vị sớm hơn ở trang ${TAB.milestones}.`,
      });
    }
  }
  return out;
}
