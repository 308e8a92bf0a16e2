// The weekly figures kept in `Lịch sử` (one row per ISO week), so each digest can say what changed since the last one.
import { TAB } from '../../sheets-schema/index.ts';
import { formatDate } from '../core/cells.ts';
import { cellText, type Cell } from '../core/cells.ts';
import type { Snapshot } from '../core/snapshot.ts';
import type { TabWrite } from '../core/snapshot.ts';
import { readTable } from '../core/table.ts';
import type { DashboardModel } from './model.ts';

const WEEK = 'Tuần';
const DATE = 'Ngày';

export interface HistoryRow {
  /** ISO week, e.g. `2026-W40`. */
  readonly week: string;
  /** dd/MM/yyyy of the run that wrote the row. */
  readonly date: string;
  /** Column label → value, in column order. */
  readonly figures: ReadonlyMap<string, number>;
}

/** The figures a digest tracks week to week; labels are the `Lịch sử` column headers, so they never change meaning. */
export function weeklyFigures(model: DashboardModel): Map<string, number> {
  const figures = new Map<string, number>([['Số đơn vị', model.unitCount]]);
  for (const m of model.milestones) {
    figures.set(`Đã nộp ${m.code}`, m.onTime + m.late);
    figures.set(`Quá hạn ${m.code}`, m.overdue);
  }
  for (const l of model.levels) figures.set(l.level, l.count);
  figures.set(
    'Đề nghị khen thưởng',
    model.nominations.reduce((s, n) => s + n.nominated, 0),
  );
  figures.set(
    'Đề nghị hợp lệ',
    model.nominations.reduce((s, n) => s + n.eligible, 0),
  );
  figures.set('Chờ sửa', model.pendingFixes.length);
  return figures;
}

/** Rows of `Lịch sử`; an absent tab (first digest) is an empty history, a row without a week key is ignored. */
export function readHistory(snapshot: Snapshot): HistoryRow[] {
  const table = readTable(snapshot, TAB.history);
  if (!table.has(WEEK)) return [];
  const labels = table.headers.filter((h) => h !== '' && h !== WEEK && h !== DATE);
  const rows: HistoryRow[] = [];
  for (const row of table.rows) {
    const week = cellText(row.get(WEEK));
    if (!/^\d{4}-W\d{2}$/.test(week)) continue;
    const figures = new Map<string, number>();
    for (const label of labels) {
      const value = row.get(label);
      const n = typeof value === 'number' ? value : Number(cellText(value));
      if (cellText(value) !== '' && Number.isFinite(n)) figures.set(label, n);
    }
    rows.push({ week, date: cellText(row.get(DATE)), figures });
  }
  return rows;
}

/** The most recent row of a week before `week`. */
export function previousWeek(history: readonly HistoryRow[], week: string): HistoryRow | null {
  let best: HistoryRow | null = null;
  for (const row of history) if (row.week < week && (!best || row.week > best.week)) best = row;
  return best;
}

/** `Lịch sử` rewritten whole: earlier weeks kept (their extra columns too), this week's row added or replaced. */
export function historyTab(
  history: readonly HistoryRow[],
  week: string,
  now: Date,
  figures: ReadonlyMap<string, number>,
  timeZone: string,
): TabWrite {
  const rows = [...history.filter((r) => r.week !== week), { week, date: formatDate(now, timeZone), figures }].sort(
    (a, b) => (a.week < b.week ? -1 : a.week > b.week ? 1 : 0),
  );
  const labels = [...figures.keys()];
  for (const r of rows) for (const label of r.figures.keys()) if (!labels.includes(label)) labels.push(label);
  const body: Cell[][] = rows.map((r) => [r.week, r.date, ...labels.map((l) => r.figures.get(l) ?? '')]);
  return { tab: TAB.history, rows: [[WEEK, DATE, ...labels], ...body] };
}
