// The tabs a new year's campaign starts with, from this year's (docs/design/awards.md §3). Pure.
import { TAB, criterionHeader, tabDef, type SettingKey } from '../../sheets-schema/index.ts';
import { readCriteria } from '../rules/campaign-data.ts';
import type { Cell } from '../core/cells.ts';
import { cellText, dateToSerial, serialToDate } from '../core/cells.ts';
import type { Snapshot } from '../core/snapshot.ts';

/** Tabs carried over whole (header and rows); response and system tabs start empty, setup gives them headers. */
export const CARRIED_TABS: readonly string[] = [
  TAB.units,
  TAB.criteria,
  TAB.catalogue,
  TAB.targets,
  TAB.registry,
  TAB.yearResults,
  TAB.models,
];

/**
 * The `Cấu hình` key where the new year leaves the link of the spreadsheet it made: while it holds one, a second new
 * year is refused (docs/design/awards.md §3).
 */
export const NEXT_YEAR_SETTING = 'Bảng tính năm sau' satisfies SettingKey;

/** `Cấu hình` keys whose value belongs to one year only and starts blank. */
const YEAR_ONLY_KEYS = new Set<string>(['Ngày nghỉ lễ', 'Bắt đầu lại nhật ký thư', NEXT_YEAR_SETTING]);

/** `dd/MM/yyyy` dates inside a text, each one year later (29/02 becomes 28/02). */
export function textDatesPlusOneYear(text: string): string {
  return text.replace(/\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g, (_all, d: string, m: string, y: string) => {
    const year = Number(y) + 1;
    const lastDay = new Date(Date.UTC(year, Number(m), 0)).getUTCDate();
    const day = Math.min(Number(d), lastDay);
    return `${String(day).padStart(d.length, '0')}/${m}/${year}`;
  });
}

/** A date cell (serial or text) one year later; anything else as it is. */
export function datePlusOneYear(cell: Cell, timeZone: string): Cell {
  if (typeof cell === 'number') {
    const date = serialToDate(cell, timeZone);
    const next = new Date(date);
    next.setUTCFullYear(date.getUTCFullYear() + 1);
    // 29/02 has no twin: the last day of February.
    if (next.getUTCMonth() !== date.getUTCMonth()) next.setUTCDate(0);
    return dateToSerial(next, timeZone);
  }
  return typeof cell === 'string' ? textDatesPlusOneYear(cell) : cell;
}

export interface NextYear {
  readonly year: number;
  /** Tab → rows (header first) to write into the new spreadsheet after setup. */
  readonly tabs: ReadonlyMap<string, Cell[][]>;
}

/** This year's campaign as next year's: the same units, criteria, catalogue, targets and registry, dates a year on. */
export function nextYear(snapshot: Snapshot, year: number, timeZone: string): NextYear {
  const tabs = new Map<string, Cell[][]>();
  for (const tab of CARRIED_TABS) {
    const values = snapshot.tabs.get(tab);
    if (values && values.length > 0)
      tabs.set(
        tab,
        values.map((row) => [...row]),
      );
  }
  const config = snapshot.tabs.get(TAB.config) ?? [];
  if (config.length > 0) {
    const head = config[0].map((h) => cellText(h));
    const [key, value] = [head.indexOf('Khóa'), head.indexOf('Giá trị')];
    tabs.set(
      TAB.config,
      config.map((row, i) => {
        if (i === 0 || key < 0 || value < 0) return [...row];
        const k = cellText(row[key]);
        const out = [...row];
        if (k === 'Năm') out[value] = String(year + 1);
        else if (YEAR_ONLY_KEYS.has(k)) out[value] = '';
        else out[value] = datePlusOneYear(row[value] ?? '', timeZone);
        return out;
      }),
    );
  }
  const milestones = snapshot.tabs.get(TAB.milestones) ?? [];
  if (milestones.length > 0) {
    const deadline = milestones[0].map((h) => cellText(h)).indexOf('Hạn nộp');
    tabs.set(
      TAB.milestones,
      milestones.map((row, i) =>
        i === 0 || deadline < 0 ? [...row] : row.map((c, j) => (j === deadline ? datePlusOneYear(c, timeZone) : c)),
      ),
    );
  }
  // Setup gave `Thẩm định` a column per default criterion; the year's own criteria replace them.
  const assessment = tabDef(TAB.assessment);
  tabs.set(TAB.assessment, [
    [...assessment.headers, ...(assessment.optionalHeaders ?? []), ...carriedCriteria(snapshot).map(criterionHeader)],
  ]);
  return { year: year + 1, tabs };
}

function carriedCriteria(snapshot: Snapshot) {
  try {
    return readCriteria(snapshot);
  } catch {
    // A `Tiêu chí` missing its headers is carried as it is; the coordinator runs setup on the new year to add them.
    return [];
  }
}
