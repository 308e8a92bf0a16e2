// The figures of the reports to the level above, from one evaluation: indicator totals of the interim or final
// report, the classification spread, "An toàn về ANTT" by type of unit and the cluster leaders.
import { FINAL_FORM, INDICATOR_QUESTIONS, INTERIM_FORM } from '../../sheets-schema/forms/index.ts';
import type { Evaluation, JudgedResponse } from '../core/model.ts';
import { LEVELS, UNCLASSIFIED } from '../core/model.ts';
import { parseCount, parseDecimal } from '../rules/numbers.ts';

export type ReportKind = 'interim' | 'final';

export const REPORT_FORMS: Readonly<Record<ReportKind, string>> = { interim: INTERIM_FORM.tab, final: FINAL_FORM.tab };

/** The types of unit in the order DOMAIN §1 lists them; a type typed otherwise comes after, in order of appearance. */
const UNIT_TYPES = ['Cơ quan', 'Doanh nghiệp', 'Cơ sở giáo dục', 'Xã/Phường', 'Khu dân cư', 'Công đoàn cơ sở'];

export interface IndicatorFigure {
  readonly indicator: string;
  /** Sum of counts; for a percentage, the mean over the units that answered (null when none did). */
  readonly value: number | null;
  readonly percent: boolean;
}

/** The standing valid response of each unit to a form: the one that counts. */
export function standingResponses(evaluation: Evaluation, form: string): Map<string, JudgedResponse> {
  const out = new Map<string, JudgedResponse>();
  for (const r of evaluation.responses) if (r.form === form && r.valid && !r.superseded) out.set(r.unitCode, r);
  return out;
}

export function indicatorFigures(responses: Iterable<JudgedResponse>): IndicatorFigure[] {
  const list = [...responses];
  return INDICATOR_QUESTIONS.map((q) => {
    const percent = q.kind === 'percent';
    const values = list
      .map((r) => (percent ? parseDecimal(r.answer(q.header), true) : parseCount(r.answer(q.header))))
      .filter((n): n is number => n !== null);
    const sum = values.reduce((a, b) => a + b, 0);
    const value = percent ? (values.length ? Math.round((sum / values.length) * 10) / 10 : null) : sum;
    return { indicator: q.header, value, percent };
  });
}

export interface LevelFigure {
  readonly level: string;
  readonly units: number;
}

export function levelFigures(evaluation: Evaluation): LevelFigure[] {
  return [...LEVELS, UNCLASSIFIED].map((level) => ({
    level,
    units: evaluation.results.filter((r) => r.level === level).length,
  }));
}

export interface AnttFigure {
  readonly type: string;
  /** Units of the type the standard applies to (not `Không thuộc phạm vi`). */
  readonly inScope: number;
  readonly met: number;
}

export function anttFigures(evaluation: Evaluation): AnttFigure[] {
  const typeOf = new Map(evaluation.units.map((u) => [u.code, u.type]));
  const rows = new Map<string, { inScope: number; met: number }>(UNIT_TYPES.map((t) => [t, { inScope: 0, met: 0 }]));
  for (const r of evaluation.results) {
    if (r.antt === 'Không thuộc phạm vi') continue;
    const type = typeOf.get(r.unitCode) || 'Khác';
    const row = rows.get(type) ?? { inScope: 0, met: 0 };
    row.inScope += 1;
    if (r.antt === 'Đạt') row.met += 1;
    rows.set(type, row);
  }
  return [...rows].filter(([, r]) => r.inScope > 0).map(([type, r]) => ({ type, ...r }));
}

export interface LeaderFigure {
  readonly cluster: string;
  readonly unitCode: string;
  readonly total: number | null;
}

/** Every unit ranked first in its `Cụm/Khối` (ties share the first place). */
export function leaderFigures(evaluation: Evaluation): LeaderFigure[] {
  const clusterOf = new Map(evaluation.units.map((u) => [u.code, u.cluster]));
  return evaluation.results
    .filter((r) => r.rank === 1)
    .map((r) => ({ cluster: clusterOf.get(r.unitCode) ?? '', unitCode: r.unitCode, total: r.total }))
    .sort((a, b) => a.cluster.localeCompare(b.cluster, 'vi'));
}
