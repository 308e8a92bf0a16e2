// The `remind` job's decision: at most one email per unit and day, listing every milestone the unit still owes whose
// reminder or overdue notice has come, most urgent first.
import { recipients } from '../core/address.ts';
import { TAB } from '../../sheets-schema/index.ts';
import {
  formatWeekdayDate,
  isOutstanding,
  latestDueStep,
  localDay,
  type ProgressEntry,
  type ReminderStep,
} from '../calendar/index.ts';
import { isoDay } from '../calendar/days.ts';
import { formLinkKey, type FormLinks } from '../core/links.ts';
import type { Unit } from '../core/model.ts';
import { campaignKey, numberSetting } from '../core/settings.ts';
import type { LayoutData, ReminderData, ReminderItem } from '../mail/types.ts';
import { formatDateTime } from '../core/cells.ts';
import type { Bundle, Planner } from './plan.ts';
import { unitRecipients } from '../mail/recipients.ts';

/** An outstanding milestone whose reminder step has come, for one unit. */
interface Due {
  readonly entry: ProgressEntry;
  readonly step: ReminderStep;
  /**
   * The step's item in the mail log: `remind|<campaign>|<unit>|<milestone>|<step>` (the key of one-step emails before).
   */
  readonly item: string;
}

const URGENCY: Readonly<Record<ReminderStep['kind'], number>> = { overdue: 0, 'due-day': 1, before: 2 };

/**
 * Each unit's reminder of the day: only the steps the mail log does not hold are sent, and nothing at all when the unit
 * already had its email of the day.
 */
export const remind: Planner = ({ now, settings, progress, layout, links }) => {
  const maxOverdue = Math.max(0, Math.floor(numberSetting(settings, 'Số lần nhắc quá hạn tối đa')));
  const keyPrefix = `remind|${campaignKey(settings)}`;
  const today = localDay(now, progress.timeZone);
  const dayText = isoDay(today);
  const context = { now, timeZone: progress.timeZone, today, maxOverdue, links };

  const noAddress: string[] = [];
  let reminders = 0;
  let notices = 0;
  function* emails(): Generator<Bundle> {
    // Entries come unit by unit (computeProgress's order): each unit's run of entries makes its one email.
    const entries = progress.entries;
    for (let start = 0; start < entries.length;) {
      const unit = entries[start].unit;
      let end = start;
      while (end < entries.length && entries[end].unit === unit) end++;
      const dues = dueOf(entries.slice(start, end), context, `${keyPrefix}|${unit.code}`);
      start = end;
      if (dues.length === 0) continue;
      const to = unitRecipients(unit);
      if (to.length === 0) {
        noAddress.push(unit.code);
        continue;
      }
      yield {
        items: dues.map((d) => d.item),
        // One email a unit a day: the day's gate is carried by the email, so a later run that day sends nothing new.
        gate: `${keyPrefix}|${unit.code}|${dayText}`,
        build: (key, isDue) => {
          const data = reminderData(unit, dues, isDue, context, layout);
          if (data.leadersCopied) notices++;
          else reminders++;
          const cc = data.leadersCopied ? recipients(unit.leaderEmails, undefined, to) : [];
          return {
            key,
            template: data.leadersCopied ? 'overdue' : 'reminder',
            to,
            ...(cc.length > 0 ? { cc } : {}),
            data,
          };
        },
      };
    }
  }

  return {
    writes: [],
    emails: emails(),
    // Counted as the mail log takes the emails: only the ones still due are built.
    get summary() {
      return [
        `Nhắc hạn: ${reminders} thư nhắc hạn, ${notices} thư báo quá hạn (gửi cả lãnh đạo đơn vị); mỗi đơn vị nhận nhiều nhất một thư một ngày.`,
        ...[...new Set(noAddress)].map(
          (code) => `Đơn vị ${code} chưa có 'Email liên hệ' trong trang '${TAB.units}': không gửi được thư nhắc.`,
        ),
      ];
    },
  };
};

interface Context {
  readonly now: Date;
  readonly timeZone: string;
  readonly today: number;
  readonly maxOverdue: number;
  readonly links: FormLinks;
}

/**
 * The unit's outstanding milestones whose step has come, most urgent first, one per form: two milestones answered by
 * the same form (an older sheet's `DK` and `KH`, both the registration) are one thing to send, so only the more urgent
 * is listed and the other never makes an email of its own.
 */
function dueOf(entries: readonly ProgressEntry[], ctx: Context, unitPrefix: string): Due[] {
  const dues: Due[] = [];
  for (const entry of entries) {
    if (!isOutstanding(entry.status)) continue;
    const step = latestDueStep(entry.milestone, ctx.now, ctx.maxOverdue, ctx.timeZone);
    if (step) dues.push({ entry, step, item: `${unitPrefix}|${entry.milestone.code}|${step.step}` });
  }
  dues.sort(
    (a, b) =>
      URGENCY[a.step.kind] - URGENCY[b.step.kind] ||
      a.entry.milestone.deadline.getTime() - b.entry.milestone.deadline.getTime(),
  );
  const forms = new Set<string>();
  return dues.filter((d) => !forms.has(d.entry.milestone.form) && forms.add(d.entry.milestone.form));
}

function reminderData(
  unit: Unit,
  dues: readonly Due[],
  isDue: (item: string) => boolean,
  ctx: Context,
  layout: LayoutData,
): ReminderData {
  const mixed = dues.some((d) => !isDue(d.item));
  const items = dues.map((d) => reminderItem(d, isDue(d.item), mixed, ctx));
  const overdueCount = items.filter((i) => i.overdue).length;
  return {
    ...layout,
    unitCode: unit.code,
    unitName: unit.name,
    headline: headline(items, overdueCount),
    items,
    several: items.length > 1,
    itemCount: items.length,
    overdueCount,
    leadersCopied: items.some((i) => i.overdue && i.isNew),
    overdueMax: ctx.maxOverdue,
  };
}

function reminderItem({ entry, step }: Due, isNew: boolean, mixed: boolean, ctx: Context): ReminderItem {
  const deadlineDay = localDay(entry.milestone.deadline, ctx.timeZone);
  const invalid = entry.status === 'Không hợp lệ';
  const overdue = step.kind === 'overdue';
  const daysLeft = Math.max(0, deadlineDay - ctx.today);
  const daysOverdue = Math.max(0, ctx.today - deadlineDay);
  const status = overdue
    ? `Quá hạn ${daysOverdue} ngày (thông báo lần ${step.n}/${ctx.maxOverdue})`
    : deadlineDay === ctx.today
      ? 'Hôm nay là hạn cuối'
      : `Còn ${daysLeft} ngày`;
  return {
    milestoneCode: entry.milestone.code,
    milestoneName: entry.milestone.name,
    form: entry.milestone.form,
    deadline: formatWeekdayDate(entry.milestone.deadline, ctx.timeZone),
    step: step.step,
    status: invalid ? `${status}; bài đã gửi chưa hợp lệ` : status,
    overdue,
    dueToday: deadlineDay === ctx.today,
    daysLeft,
    daysOverdue,
    overdueNumber: overdue ? step.n : 0,
    isNew,
    markNew: isNew && mixed,
    optional: !entry.milestone.required,
    invalid,
    submittedAt: invalid && entry.submittedAt ? formatDateTime(entry.submittedAt, ctx.timeZone) : '',
    errors: invalid ? (entry.invalidResponse?.errors ?? []) : [],
    formLink: ctx.links.get(formLinkKey(entry.unit.code, entry.milestone.form)) ?? '',
  };
}

/** The subject's words: one item keeps the wording of a single reminder; several are counted. */
function headline(items: readonly ReminderItem[], overdueCount: number): string {
  if (items.length === 1) {
    const [item] = items;
    if (item.overdue) return `Quá hạn nộp ${item.milestoneName} (thông báo lần ${item.overdueNumber})`;
    if (item.dueToday) return `Hôm nay là hạn nộp ${item.milestoneName} (${item.deadline})`;
    return `Nhắc hạn nộp ${item.milestoneName} (${item.deadline})`;
  }
  if (overdueCount > 0) return `${items.length} nội dung cần nộp, ${overdueCount} nội dung đã quá hạn`;
  return `Nhắc hạn nộp ${items.length} nội dung, hạn gần nhất ${items[0].deadline}`;
}
