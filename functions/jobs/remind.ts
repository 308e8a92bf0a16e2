// The `remind` job's decision: for each unit still owing a milestone, the latest due reminder or overdue notice.
import { TAB } from '../../sheets-schema/index.ts';
import {
  computeProgress,
  formatWeekdayDate,
  isOutstanding,
  latestDueStep,
  localDay,
  readMilestones,
  type Progress,
  type ProgressEntry,
  type ReminderStep,
} from '../calendar/index.ts';
import { formLinkKey, readFormLinks, type FormLinks } from '../core/links.ts';
import type { Evaluation } from '../core/model.ts';
import type { PlannedEmail, Recipient, Snapshot } from '../core/snapshot.ts';
import { campaignKey, layoutData, numberSetting, type LayoutData } from '../core/settings.ts';
import { formatDateTime } from '../core/cells.ts';
import type { PlannerOutput } from './plan.ts';

/** Data of `templates/reminder.*` (before the deadline and on the day) and `templates/overdue.*` (after it). */
export interface ReminderData extends LayoutData {
  readonly unitCode: string;
  readonly unitName: string;
  readonly milestoneCode: string;
  readonly milestoneName: string;
  /** The response tab, which is also the form's name as units know it. */
  readonly form: string;
  /** `Thứ Ba, 31/3/2026`. */
  readonly deadline: string;
  /** `before-7`, `due-day`, `overdue-1`, … */
  readonly step: string;
  /** Days left before the deadline day (0 on the day). */
  readonly daysLeft: number;
  readonly dueToday: boolean;
  /** Days since the deadline day (overdue notices), else 0. */
  readonly daysOverdue: number;
  /** Which weekly overdue notice this is, and how many there are at most. */
  readonly overdueNumber: number;
  readonly overdueMax: number;
  /** Submitted, but every submission was invalid: `errors` says what to fix. */
  readonly invalid: boolean;
  readonly submittedAt: string;
  readonly errors: readonly string[];
  /** The unit's prefilled form link, '' when unknown. */
  readonly formLink: string;
}

/** `progress` is the job's own computeProgress of the same evaluation and `now`, passed so it is not computed twice. */
export function planRemind(snapshot: Snapshot, evaluation: Evaluation, now: Date, progress?: Progress): PlannerOutput {
  const settings = evaluation.settings;
  // Malformed milestone rows are reported once by the job runner (functions/jobs/jobs.ts), not here.
  progress ??= computeProgress(evaluation, readMilestones(snapshot, settings), now);
  const maxOverdue = Math.max(0, Math.floor(numberSetting(settings, 'Số lần nhắc quá hạn tối đa')));
  const links = readFormLinks(snapshot);
  const layout = layoutData(settings);
  const keyPrefix = `remind|${campaignKey(settings)}`;

  const emails: PlannedEmail[] = [];
  const noAddress: string[] = [];
  for (const entry of progress.entries) {
    if (!isOutstanding(entry.status)) continue;
    const step = latestDueStep(entry.milestone, now, maxOverdue, progress.timeZone);
    if (!step) continue;
    const to = recipients(entry.unit.contactEmails, entry.unit.name);
    if (to.length === 0) {
      noAddress.push(entry.unit.code);
      continue;
    }
    const data = reminderData(entry, step, now, progress.timeZone, maxOverdue, links, layout);
    const overdue = step.kind === 'overdue';
    const cc = overdue ? recipients(entry.unit.leaderEmails).filter((r) => !to.some((t) => t.email === r.email)) : [];
    emails.push({
      key: `${keyPrefix}|${entry.unit.code}|${entry.milestone.code}|${step.step}`,
      template: overdue ? 'overdue' : 'reminder',
      to,
      ...(cc.length > 0 ? { cc } : {}),
      data: { ...data },
    });
  }

  const overdueCount = emails.filter((e) => e.template === 'overdue').length;
  const summary = [
    `Nhắc hạn: ${emails.length - overdueCount} thư nhắc trước hạn, ${overdueCount} thư báo quá hạn (trước khi lọc theo ${TAB.mailLog}).`,
    ...[...new Set(noAddress)].map((code) => `Đơn vị ${code} chưa có 'Email liên hệ' trong trang '${TAB.units}': không gửi được thư nhắc.`),
  ];
  return { writes: [], emails, summary };
}

function reminderData(
  entry: ProgressEntry,
  step: ReminderStep,
  now: Date,
  timeZone: string,
  overdueMax: number,
  links: FormLinks,
  layout: LayoutData,
): ReminderData {
  const deadlineDay = localDay(entry.milestone.deadline, timeZone);
  const today = localDay(now, timeZone);
  const invalid = entry.status === 'Không hợp lệ';
  return {
    ...layout,
    unitCode: entry.unit.code,
    unitName: entry.unit.name,
    milestoneCode: entry.milestone.code,
    milestoneName: entry.milestone.name,
    form: entry.milestone.form,
    deadline: formatWeekdayDate(entry.milestone.deadline, timeZone),
    step: step.step,
    daysLeft: Math.max(0, deadlineDay - today),
    dueToday: deadlineDay === today,
    daysOverdue: Math.max(0, today - deadlineDay),
    overdueNumber: step.kind === 'overdue' ? step.n : 0,
    overdueMax,
    invalid,
    submittedAt: invalid && entry.submittedAt ? formatDateTime(entry.submittedAt, timeZone) : '',
    errors: invalid ? (entry.invalidResponse?.errors ?? []) : [],
    formLink: links.get(formLinkKey(entry.unit.code, entry.milestone.form)) ?? '',
  };
}

function recipients(emails: readonly string[], name?: string): Recipient[] {
  const seen = new Set<string>();
  const out: Recipient[] = [];
  for (const raw of emails) {
    const email = raw.trim();
    const key = email.toLowerCase();
    if (email === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(name ? { email, name } : { email });
  }
  return out;
}
