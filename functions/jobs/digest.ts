// The `digest` job's decision: one weekly email per leader list, and this week's figures appended to `Lịch sử`.
import { formatNumber } from '../core/format.ts';
import { isEmailAddress, recipients } from '../core/address.ts';
import { createHash } from 'node:crypto';
import { formatWeekdayDate, isoWeekKey, localDay } from '../calendar/index.ts';
import { formatDate } from '../core/cells.ts';
import { campaignKey, listSetting } from '../core/settings.ts';
import type { BarSegment, DigestData } from '../mail/types.ts';
import type { PlannedEmail } from '../core/snapshot.ts';
import { historyTab, previousWeek, readHistory, weeklyFigures, type DashboardModel } from '../dashboard/index.ts';
import { reportsDigestData } from './digest-reports.ts';
import type { Planner } from './plan.ts';

export const BAR_COLORS = {
  onTime: '#15803d',
  late: '#f59e0b',
  overdue: '#b91c1c',
  invalid: '#7c3aed',
  notYetDue: '#d4d4d8',
  notRequired: '#f1f5f9',
  level: '#1d4ed8',
} as const;

/** One weekly email per leader list of `Người nhận bản tin`, and this week's figures appended to `Lịch sử`. */
export const digest: Planner = ({ snapshot, now, settings, progress, dashboard }) => {
  const week = isoWeekKey(localDay(now, progress.timeZone));
  const history = readHistory(snapshot);
  const figures = weeklyFigures(dashboard);
  const data = digestData(dashboard, week, figures, previousWeek(history, week));

  const summary: string[] = [];
  const emails: PlannedEmail<'digest'>[] = [];
  for (const list of listSetting(settings, 'Người nhận bản tin', ';')) {
    const addresses = list
      .split(',')
      .map((a) => a.trim())
      .filter((a) => a !== '');
    const bad = addresses.filter((a) => !isEmailAddress(a));
    for (const a of bad) summary.push(`Cấu hình, 'Người nhận bản tin': '${a}' không phải địa chỉ email, đã bỏ qua.`);
    const to = recipients(addresses.filter(isEmailAddress));
    if (to.length === 0) continue;
    emails.push({
      key: `digest|${campaignKey(settings)}|${week}|${listHash(to.map((r) => r.email))}`,
      template: 'digest',
      to,
      data,
    });
  }
  if (emails.length === 0)
    summary.unshift(`Chưa có danh sách nhận bản tin hợp lệ ở khóa 'Người nhận bản tin' của trang 'Cấu hình'.`);
  summary.unshift(`Bản tin ${data.weekLabel}: ${emails.length} thư (trước khi lọc theo Nhật ký thư).`);
  return { writes: [historyTab(history, week, now, figures, progress.timeZone)], emails, summary };
};

/** Order-independent: reordering addresses in a list is not a new list. */
function listHash(addresses: readonly string[]): string {
  const canonical = addresses
    .map((a) => a.toLowerCase())
    .sort()
    .join(',');
  return createHash('sha256').update(canonical).digest('hex').slice(0, 12);
}

function weekLabel(week: string): string {
  const [year, w] = week.split('-W');
  return `Tuần ${Number(w)}/${year}`;
}

export function digestData(
  model: DashboardModel,
  week: string,
  figures: ReadonlyMap<string, number>,
  before: { readonly week: string; readonly figures: ReadonlyMap<string, number> } | null,
): DigestData {
  const tz = model.timeZone;
  const clusters = new Map<string, Map<string, { code: string; name: string; items: string[] }>>();
  const lateOrOverdue = [...model.overdue, ...model.late].sort(
    (a, b) =>
      model.milestones.findIndex((m) => m.code === a.milestoneCode) -
      model.milestones.findIndex((m) => m.code === b.milestoneCode),
  );
  for (const row of lateOrOverdue) {
    const units = clusters.get(row.cluster) ?? new Map<string, { code: string; name: string; items: string[] }>();
    clusters.set(row.cluster, units);
    const unit = units.get(row.unitCode) ?? { code: row.unitCode, name: row.unitName, items: [] };
    units.set(row.unitCode, unit);
    const what =
      row.status === 'Nộp muộn' ? 'nộp muộn' : row.status === 'Quá hạn' ? 'quá hạn' : 'quá hạn, bài nộp không hợp lệ';
    unit.items.push(`${row.milestoneCode}: ${what}`);
  }
  const changes: DigestData['changes'][number][] = [];
  if (before) {
    for (const [label, current] of figures) {
      const previous = before.figures.get(label);
      if (previous === undefined || previous === current) continue;
      const d = current - previous;
      changes.push({ label, previous, current, delta: d > 0 ? `+${d}` : `${d}` });
    }
  }
  return {
    campaign: model.campaign,
    organisation: model.organisation,
    year: model.year,
    week,
    weekLabel: weekLabel(week),
    date: formatWeekdayDate(model.updatedAt, tz),
    unitCount: model.unitCount,
    milestones: model.milestones.map((m) => ({
      code: m.code,
      name: m.name,
      deadline: formatDate(m.deadline, tz),
      onTime: m.onTime,
      late: m.late,
      overdue: m.overdue,
      invalid: m.invalid,
      notYetDue: m.notYetDue,
      notRequired: m.notRequired,
      submittedPercent: formatNumber(m.submittedPercent),
      bar: bar([
        [m.onTime, BAR_COLORS.onTime],
        [m.late, BAR_COLORS.late],
        [m.invalid, BAR_COLORS.invalid],
        [m.overdue, BAR_COLORS.overdue],
        [m.notYetDue, BAR_COLORS.notYetDue],
        [m.notRequired, BAR_COLORS.notRequired],
      ]),
    })),
    hasMilestones: model.milestones.length > 0,
    clusters: [...clusters].map(([cluster, units]) => ({
      cluster,
      units: [...units.values()].map((u) => ({ code: u.code, name: u.name, items: u.items.join('; ') })),
    })),
    hasLateUnits: clusters.size > 0,
    levels: model.levels.map((l) => ({
      level: l.level,
      count: l.count,
      percent: formatNumber(l.percent),
      bar: bar([
        [l.count, BAR_COLORS.level],
        [model.unitCount - l.count, BAR_COLORS.notYetDue],
      ]),
    })),
    nominations: model.nominations.map((n) => ({
      award: n.award,
      kind: n.kind,
      nominated: n.nominated,
      eligible: n.eligible,
      target: n.min === null && n.max === null ? '' : n.min === n.max ? `${n.min}` : `${n.min ?? 0}–${n.max ?? '…'}`,
      status: n.status,
      ok: n.status === 'Đủ',
    })),
    hasNominations: model.nominations.length > 0,
    pendingFixes: model.pendingFixes.length,
    changes,
    hasPrevious: before !== null,
    hasChanges: changes.length > 0,
    previousWeekLabel: before ? weekLabel(before.week) : '',
    ...reportsDigestData(model),
  };
}

/**
 * Whole-percent widths that add up to exactly 100 (largest remainder), zero parts dropped:
 * Outlook draws a 0% cell anyway, so an empty part must not be a cell at all.
 */
export function bar(parts: readonly (readonly [number, string])[]): BarSegment[] {
  const total = parts.reduce((s, [n]) => s + Math.max(0, n), 0);
  if (total === 0) return [{ width: 100, color: BAR_COLORS.notYetDue }];
  const exact = parts.map(([n, color]) => ({ color, raw: (Math.max(0, n) / total) * 100 }));
  const widths = exact.map((e) => Math.floor(e.raw));
  let left = 100 - widths.reduce((s, w) => s + w, 0);
  const order = exact.map((e, i) => ({ i, rem: e.raw - Math.floor(e.raw) })).sort((a, b) => b.rem - a.rem);
  for (const { i } of order) {
    if (left === 0) break;
    if (exact[i].raw > 0) {
      widths[i]++;
      left--;
    }
  }
  return exact.map((e, i) => ({ width: widths[i], color: e.color })).filter((s) => s.width > 0);
}
