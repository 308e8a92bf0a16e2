// `Xếp loại các năm`: each unit's classification and "An toàn về ANTT" verdict per year, with the decisions, and the
// consecutive-years rule read against it (docs/design/awards.md §2).
import type { AwardDef } from '../../sheets-schema/index.ts';
import { KIND_COLLECTIVE, TAB, YEAR_RESULT_HEADERS as Y } from '../../sheets-schema/index.ts';
import { cellText, unitCode } from '../core/cells.ts';
import type { Snapshot } from '../core/snapshot.ts';
import { readTable } from '../core/table.ts';
import { parseLooseNumber } from '../rules/numbers.ts';
import { namedIn, sameName, type RuleVerdict } from './rules.ts';

/** One unit's year as recorded. */
export interface YearResult {
  readonly year: number;
  readonly unitCode: string;
  readonly level: string;
  readonly antt: string;
}

export interface YearResults {
  /** Unit code → year → its result. */
  readonly byUnit: ReadonlyMap<string, ReadonlyMap<number, YearResult>>;
  /** The years the tab holds any unit for: a year absent here was not recorded, which is not a failure of the unit. */
  readonly years: ReadonlySet<number>;
}

export const NO_YEAR_RESULTS: YearResults = { byUnit: new Map(), years: new Set() };

/** The tab, absent = empty; rows without a year, unit or level are skipped; a repeated (unit, year) keeps its last. */
export function readYearResults(snapshot: Snapshot): YearResults {
  if (!snapshot.tabs.has(TAB.yearResults)) return NO_YEAR_RESULTS;
  const byUnit = new Map<string, Map<number, YearResult>>();
  const years = new Set<number>();
  for (const row of readTable(snapshot, TAB.yearResults, [Y.year, Y.unit, Y.level]).rows) {
    const year = parseLooseNumber(row.get(Y.year));
    const code = unitCode(row.get(Y.unit));
    const level = cellText(row.get(Y.level));
    if (year === null || code === '' || level === '') continue;
    const ofUnit = byUnit.get(code) ?? new Map<number, YearResult>();
    ofUnit.set(year, { year, unitCode: code, level, antt: cellText(row.get(Y.antt)) });
    byUnit.set(code, ofUnit);
    years.add(year);
  }
  return { byUnit, years };
}

/** The levels a consecutive year must reach: the row's own levels when it lists some, else `Xuất sắc`. */
export function consecutiveLevels(award: AwardDef): readonly string[] {
  return award.levels !== null && award.levels.length > 0 ? award.levels : ['Xuất sắc'];
}

/**
 * Consecutive years (Luật Thi đua, khen thưởng 2022: achievements "liên tục" over years for higher awards; the number
 * is the catalogue's `Số năm liên tục`): a collective's unit reached the levels in each of the N − 1 years before the
 * campaign's, as `Xếp loại các năm` records them; the campaign's own year is the level gate's. A year the tab does not
 * hold at all waits (`Chưa xét`): it was not recorded, which says nothing of the unit.
 */
export function consecutiveYears(
  award: AwardDef,
  kind: string,
  unit: string,
  year: number,
  history: YearResults,
): RuleVerdict {
  if (award.consecutiveYears === null || award.consecutiveYears <= 1) return null;
  if (!sameName(kind, KIND_COLLECTIVE)) return null;
  const levels = consecutiveLevels(award);
  const wanted = levels.join(', ');
  const n = award.consecutiveYears;
  for (let y = year - n + 1; y < year; y++) {
    if (!history.years.has(y))
      return {
        status: 'Chưa xét',
        reason: `${award.name} cần ${n} năm liên tục xếp loại ${wanted}, nhưng "${TAB.yearResults}" chưa có năm ${y}; Thường trực phong trào ghi xếp loại năm ${y} rồi xét lại.`,
      };
    const got = history.byUnit.get(unit)?.get(y);
    if (!got || !namedIn(levels, got.level))
      return {
        status: 'Không đủ điều kiện',
        reason: `${award.name} cần ${n} năm liên tục xếp loại ${wanted}: năm ${y} đơn vị ${got ? `xếp loại ${got.level}` : 'không có trong Xếp loại các năm'}.`,
      };
  }
  return null;
}
