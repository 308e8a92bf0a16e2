// The figures of the báo cáo sơ kết and tổng kết (DOMAIN.md §7, §9), added up from the units' own reports: indicator
// totals over the campaign and per Cụm/Khối, the change since the sơ kết, "An toàn về ANTT" by Loại hình, the
// classification spread, the cluster leaders and the models the units registered. Pure: a function of the evaluation.
import { FINAL_FORM, INDICATOR_QUESTIONS, INTERIM_FORM, REGISTRATION_FORM } from '../../sheets-schema/forms/index.ts';
import type { Evaluation, JudgedResponse, Level, Unit, UnitResult } from '../core/model.ts';
import { LEVELS, UNCLASSIFIED } from '../core/model.ts';
import { ANTT_MET, ANTT_NO_REPORT, ANTT_OUT_OF_SCOPE } from '../rules/antt.ts';

/** `count`: a non-negative integer, added up; `percent`: 0–100 per unit, averaged over the units that answered. */
export type IndicatorKind = 'count' | 'percent';

export interface Indicator {
  /** The question's header in both report forms (contract: the same in every campaign, so reports roll up). */
  readonly header: string;
  readonly kind: IndicatorKind;
}

/** Every numeric indicator of the two report forms, in form order. */
export const REPORT_INDICATORS: readonly Indicator[] = INDICATOR_QUESTIONS.filter(
  (q) => q.kind === 'integer' || q.kind === 'percent',
).map((q) => ({ header: q.header, kind: q.kind === 'percent' ? 'percent' : 'count' }));

export interface IndicatorFigure {
  readonly header: string;
  readonly kind: IndicatorKind;
  /**
   * From the sơ kết reports: the sum (count), or the mean of the answers rounded to one decimal (percent); null when
   * no unit of the scope has a counted sơ kết report (or, for a percent, none answered it).
   */
  readonly interim: number | null;
  /** The same from the tổng kết reports. */
  readonly final: number | null;
  /** `final − interim` (percentage points for a percent, one decimal); null unless both are known. */
  readonly change: number | null;
}

/** The indicators of one scope (the whole campaign, or one Cụm/Khối). */
export interface ScopeFigures {
  /** Units in the scope (`Đơn vị`). */
  readonly units: number;
  /** Units whose sơ kết report counts: valid and the latest of the unit. */
  readonly interimReports: number;
  /** Units whose tổng kết report counts. */
  readonly finalReports: number;
  /** One per REPORT_INDICATORS entry, in that order. */
  readonly figures: readonly IndicatorFigure[];
}

export interface ClusterFigures extends ScopeFigures {
  readonly cluster: string;
}

/** "An toàn về ANTT" (Thông tư 124/2021/TT-BCA) for one `Loại hình`; the four counts add up to `units`. */
export interface AnttByType {
  readonly type: string;
  readonly units: number;
  readonly met: number;
  /** Reported, but a condition of the standard is not met. */
  readonly notMet: number;
  readonly outOfScope: number;
  /** In scope, without a counted tổng kết report. */
  readonly noReport: number;
}

export interface LevelCount {
  readonly level: Level | typeof UNCLASSIFIED;
  readonly count: number;
  /** % of the units, one decimal. */
  readonly percent: number;
}

export interface ClusterLeader {
  readonly cluster: string;
  readonly unitCode: string;
  readonly unitName: string;
  readonly total: number | null;
  readonly level: string;
}

/** The models (mô hình, điển hình) one unit registered, from its counted registration (DOMAIN.md §5). */
export interface ReportedModel {
  readonly unitCode: string;
  readonly unitName: string;
  readonly cluster: string;
  readonly type: string;
  /** One name per line (or `;`-separated item) of `Mô hình điển hình đăng ký`, list markers removed. */
  readonly names: readonly string[];
  /** `Số điểm áp dụng mô hình`, null when blank. */
  readonly places: number | null;
  /** `Số tổ`, null when blank. */
  readonly teams: number | null;
}

export interface IndicatorTotals {
  readonly indicators: readonly Indicator[];
  readonly campaign: ScopeFigures;
  /** Clusters in `Đơn vị` order (first appearance). */
  readonly clusters: readonly ClusterFigures[];
  /** `Loại hình` in `Đơn vị` order (first appearance). */
  readonly antt: readonly AnttByType[];
  /** Every level, highest first, then `Chưa xếp loại`; zero counts included so columns stay stable. */
  readonly levels: readonly LevelCount[];
  /** Rank 1 of each cluster (several on a tie), clusters in `Đơn vị` order. */
  readonly leaders: readonly ClusterLeader[];
  /** Units with at least one model, in `Đơn vị` order. */
  readonly models: readonly ReportedModel[];
}

export const MODEL_HEADER = 'Mô hình điển hình đăng ký';
export const MODEL_PLACES_HEADER = 'Số điểm áp dụng mô hình';
export const MODEL_TEAMS_HEADER = 'Số tổ';

export function percentOf(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;
}

/**
 * Only what the evaluation counts: for each unit of `Đơn vị`, its valid response that no later valid one replaced
 * (a response that could not prove its unit is invalid, so never counted); a code not in `Đơn vị` counts nowhere.
 * Validation found these for the forms whose responses replace each other (`evaluation.counted`); the responses are
 * indexed here only for an evaluation built by hand, or a form whose every response stands on its own.
 */
export function countedResponses(evaluation: Evaluation, form: string): ReadonlyMap<string, JudgedResponse> {
  const found = evaluation.counted?.get(form);
  if (found) return found;
  const known = new Set(evaluation.units.map((u) => u.code));
  const out = new Map<string, JudgedResponse>();
  for (const r of evaluation.responses)
    if (r.form === form && r.valid && !r.superseded && known.has(r.unitCode)) out.set(r.unitCode, r);
  return out;
}

/** Running sums for one scope and one report form. */
class Accumulator {
  reports = 0;
  readonly sums = REPORT_INDICATORS.map(() => 0);
  readonly answered = REPORT_INDICATORS.map(() => 0);

  value(i: number): number | null {
    if (this.reports === 0) return null;
    if (REPORT_INDICATORS[i].kind === 'count') return this.sums[i];
    return this.answered[i] === 0 ? null : round1(this.sums[i] / this.answered[i]);
  }
}

/**
 * Adds a counted report to the campaign's sums and its cluster's, each answer read once: the values the rules judged,
 * so a counted report's indicators are numbers already (`1.300` read as 1300); a blank (an optional percent) is none.
 */
function addReport(r: JudgedResponse, whole: Accumulator, cluster: Accumulator): void {
  whole.reports++;
  cluster.reports++;
  for (let i = 0; i < REPORT_INDICATORS.length; i++) {
    const v = r.values.get(REPORT_INDICATORS[i].header);
    if (typeof v !== 'number') continue;
    whole.sums[i] += v;
    whole.answered[i]++;
    cluster.sums[i] += v;
    cluster.answered[i]++;
  }
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

function scope(units: number, interim: Accumulator, final: Accumulator): ScopeFigures {
  return {
    units,
    interimReports: interim.reports,
    finalReports: final.reports,
    figures: REPORT_INDICATORS.map((ind, i) => {
      const a = interim.value(i);
      const b = final.value(i);
      const change = a === null || b === null ? null : ind.kind === 'count' ? b - a : round1(b - a);
      return { header: ind.header, kind: ind.kind, interim: a, final: b, change };
    }),
  };
}

/** The unit's ANTT verdict (rules/antt.ts) as one of the four counts. */
function anttClass(verdict: string): keyof Omit<AnttByType, 'type' | 'units'> {
  if (verdict === ANTT_MET) return 'met';
  if (verdict === ANTT_OUT_OF_SCOPE) return 'outOfScope';
  if (verdict === ANTT_NO_REPORT) return 'noReport';
  return 'notMet';
}

/** One line of `Mô hình điển hình đăng ký` without its list marker. */
const modelName = (line: string): string => line.replace(/^\s*(?:[-–•*+]|\d{1,2}[.)])\s*/, '').trim();

/**
 * `Mô hình điển hình đăng ký` split into model names: one per line or `;` item, list markers (`-`, `•`, `1.`)
 * dropped.
 */
export function modelNames(text: string): string[] {
  // Most units register one model on one line: its list is made at its length, not grown with room for 16 more.
  if (!/[\n;]/.test(text)) {
    const name = modelName(text);
    return name === '' ? [] : [name];
  }
  const names: string[] = [];
  for (const line of text.split(/\r?\n|;/)) {
    const name = modelName(line);
    if (name !== '') names.push(name);
  }
  return names;
}

function optionalCount(r: JudgedResponse, header: string): number | null {
  const v = r.values.get(header);
  return typeof v === 'number' ? v : null;
}

/** Each unit's result by its code: built once for the spread, the leaders and "An toàn về ANTT". */
function resultsByUnit(results: readonly UnitResult[]): Map<string, UnitResult> {
  const resultOf = new Map<string, UnitResult>();
  for (const r of results) resultOf.set(r.unitCode, r);
  return resultOf;
}

/** Levels highest first, then `Chưa xếp loại`, each with its count and share of the units. */
export function classificationSpread(units: readonly Unit[], resultOf: ReadonlyMap<string, UnitResult>): LevelCount[] {
  const counts = new Map<LevelCount['level'], number>();
  for (const u of units) {
    const level = resultOf.get(u.code)?.level ?? UNCLASSIFIED;
    counts.set(level, (counts.get(level) ?? 0) + 1);
  }
  return [...LEVELS, UNCLASSIFIED as typeof UNCLASSIFIED].map((level) => {
    const count = counts.get(level) ?? 0;
    return { level, count, percent: percentOf(count, units.length) };
  });
}

/** The leading unit of each Cụm/Khối (DOMAIN.md §3: rank 1 by the final total; ties all lead), clusters in order. */
export function clusterLeaders(units: readonly Unit[], resultOf: ReadonlyMap<string, UnitResult>): ClusterLeader[] {
  const leaders: ClusterLeader[] = [];
  for (const u of units) {
    const r = resultOf.get(u.code);
    if (r && r.rank === 1 && r.level !== UNCLASSIFIED) {
      leaders.push({ cluster: u.cluster, unitCode: u.code, unitName: u.name, total: r.total, level: r.level });
    }
  }
  const order = new Map<string, number>();
  for (const u of units) if (!order.has(u.cluster)) order.set(u.cluster, order.size);
  return leaders.sort((a, b) => order.get(a.cluster)! - order.get(b.cluster)!);
}

export function indicatorTotals(evaluation: Evaluation): IndicatorTotals {
  const { units, results } = evaluation;
  const interim = countedResponses(evaluation, INTERIM_FORM.tab);
  const final = countedResponses(evaluation, FINAL_FORM.tab);
  const registrations = countedResponses(evaluation, REGISTRATION_FORM.tab);

  const whole = { units: 0, interim: new Accumulator(), final: new Accumulator() };
  const clusters = new Map<string, typeof whole>();
  const antt = new Map<string, { -readonly [K in keyof AnttByType]: AnttByType[K] }>();
  const resultOf = resultsByUnit(results);
  const models: ReportedModel[] = [];

  for (const u of units) {
    let c = clusters.get(u.cluster);
    if (!c) clusters.set(u.cluster, (c = { units: 0, interim: new Accumulator(), final: new Accumulator() }));
    whole.units++;
    c.units++;
    const i = interim.get(u.code);
    if (i) addReport(i, whole.interim, c.interim);
    const f = final.get(u.code);
    if (f) addReport(f, whole.final, c.final);

    let t = antt.get(u.type);
    if (!t) antt.set(u.type, (t = { type: u.type, units: 0, met: 0, notMet: 0, outOfScope: 0, noReport: 0 }));
    t.units++;
    t[anttClass(resultOf.get(u.code)?.antt ?? ANTT_NO_REPORT)]++;

    const reg = registrations.get(u.code);
    const text = reg?.values.get(MODEL_HEADER);
    const names = typeof text === 'string' ? modelNames(text) : [];
    if (reg && names.length > 0) {
      models.push({
        unitCode: u.code,
        unitName: u.name,
        cluster: u.cluster,
        type: u.type,
        names,
        places: optionalCount(reg, MODEL_PLACES_HEADER),
        teams: optionalCount(reg, MODEL_TEAMS_HEADER),
      });
    }
  }

  return {
    indicators: REPORT_INDICATORS,
    campaign: scope(whole.units, whole.interim, whole.final),
    clusters: [...clusters].map(([cluster, c]) => ({ cluster, ...scope(c.units, c.interim, c.final) })),
    antt: [...antt.values()],
    levels: classificationSpread(units, resultOf),
    leaders: clusterLeaders(units, resultOf),
    models,
  };
}
