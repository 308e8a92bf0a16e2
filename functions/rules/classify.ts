// Score, level and cluster rank of each unit (QĐ 510/QĐ-BCA-V05; thresholds and cap from `Cấu hình`).
import { appliesToType, type Criterion } from '../../sheets-schema/index.ts';
import { SERIOUS_INCIDENT_HEADER, YES } from '../../sheets-schema/forms/index.ts';
import type { JudgedResponse, Level, Unit } from '../core/model.ts';
import { LEVELS, UNCLASSIFIED } from '../core/model.ts';
import type { Settings } from '../core/settings.ts';
import { hasPerTypeSetting, listSetting, numberSettingFor, setting } from '../core/settings.ts';
import type { Assessment } from './campaign-data.ts';
import { formatNumber } from '../core/format.ts';

export interface Thresholds {
  readonly excellent: number;
  readonly good: number;
  readonly average: number;
}

function readThresholds(settings: Settings, unitType: string): Thresholds {
  return {
    excellent: numberSettingFor(settings, 'Ngưỡng Xuất sắc', unitType),
    good: numberSettingFor(settings, 'Ngưỡng Khá', unitType),
    average: numberSettingFor(settings, 'Ngưỡng Trung bình', unitType),
  };
}

/** The level a total earns; monotone in the total. */
export function levelFor(total: number, t: Thresholds): Level {
  if (total >= t.excellent) return 'Xuất sắc';
  if (total >= t.good) return 'Khá';
  if (total >= t.average) return 'Trung bình';
  return 'Yếu';
}

/** The lower of two levels. */
function capLevel(level: Level, cap: Level): Level {
  return LEVELS.indexOf(level) >= LEVELS.indexOf(cap) ? level : cap;
}

function asLevel(text: string, fallback: Level): Level {
  return LEVELS.find((l) => l.normalize('NFC').toLowerCase() === text.normalize('NFC').toLowerCase()) ?? fallback;
}

export interface Classification {
  readonly unitCode: string;
  readonly total: number | null;
  readonly selfTotal: number | null;
  readonly assessed: boolean;
  readonly level: Level | typeof UNCLASSIFIED;
  /** The total on a 100 scale: over the maximum of the unit's type's criteria; what levels and ranks compare. */
  readonly share: number | null;
  rank: number | null;
  readonly commendable: boolean;
  readonly reason: string;
  readonly groupScores: { readonly group: string; readonly score: number; readonly max: number }[];
}

interface LevelRules {
  readonly thresholds: Thresholds;
  /** Typed per type in `Cấu hình` (`Ngưỡng Khá: Khu dân cư`), said in the reason. */
  readonly ownThresholds: boolean;
  readonly cap: Level;
  /** The levels `Mức được xét khen thưởng` lets be considered for an award. */
  readonly commendable: readonly Level[];
}

const levelRulesCache = new WeakMap<Settings, Map<string, LevelRules>>();

/** The settings classification needs for a unit type, parsed once per settings and type rather than once per unit. */
function levelRules(settings: Settings, unitType: string): LevelRules {
  let byType = levelRulesCache.get(settings);
  if (!byType) levelRulesCache.set(settings, (byType = new Map<string, LevelRules>()));
  let rules = byType.get(unitType);
  if (!rules) {
    rules = {
      thresholds: readThresholds(settings, unitType),
      ownThresholds: hasPerTypeSetting(settings, unitType),
      cap: asLevel(setting(settings, 'Mức tối đa khi có vụ việc nghiêm trọng'), 'Trung bình'),
      commendable: LEVELS.filter((l) => commendableLevel(l, settings)),
    };
    byType.set(unitType, rules);
  }
  return rules;
}

interface GroupLayout {
  /** The criteria of the unit's type, in the tab's order. */
  readonly criteria: readonly Criterion[];
  /** Per criterion, its group's position in `groups`. */
  readonly slotOf: readonly number[];
  /** Criterion groups in order of first appearance. */
  readonly groups: readonly string[];
  /** Per group, the sum of its criteria's maximum scores, added in criteria order. */
  readonly max: readonly number[];
  /** The sum of the maximum scores: what a total is a share of. */
  readonly total: number;
}

const groupLayoutCache = new WeakMap<readonly Criterion[], Map<string, GroupLayout>>();

/**
 * The criteria of a unit type and their groups, worked out once per criteria list and type rather than per unit. By
 * the type as typed: its key (unitTypeKey) would cost a locale-aware lower-casing per unit.
 */
function groupLayout(all: readonly Criterion[], unitType: string): GroupLayout {
  let byType = groupLayoutCache.get(all);
  if (!byType) groupLayoutCache.set(all, (byType = new Map<string, GroupLayout>()));
  let layout = byType.get(unitType);
  if (!layout) {
    const criteria = all.filter((c) => appliesToType(c.types, unitType));
    const groups: string[] = [];
    const max: number[] = [];
    const slotOf = criteria.map((c) => {
      let slot = groups.indexOf(c.group);
      if (slot < 0) slot = groups.push(c.group) - 1;
      max[slot] = (max[slot] ?? 0) + c.maxScore;
      return slot;
    });
    const total = round(criteria.reduce((sum, c) => sum + c.maxScore, 0));
    layout = { criteria, slotOf, groups, max, total };
    byType.set(unitType, layout);
  }
  return layout;
}

/** Whether `Mức được xét khen thưởng` of `Cấu hình` lets a unit of `level` be considered for an award. */
export function commendableLevel(level: string, settings: Settings): boolean {
  const key = level.normalize('NFC').toLowerCase();
  return listSetting(settings, 'Mức được xét khen thưởng').some((l) => l.normalize('NFC').toLowerCase() === key);
}

/**
 * A unit is scored on its type's criteria only (`Loại hình` of `Tiêu chí`) and classified on its share of their
 * maximum, on its type's thresholds: a residential area and an agency with different criteria compare on one scale.
 */
export function classifyUnit(
  unit: Unit,
  report: JudgedResponse | undefined,
  assessment: Assessment | undefined,
  all: readonly Criterion[],
  settings: Settings,
): Classification {
  const { criteria, slotOf, groups, max, total: maxTotal } = groupLayout(all, unit.type);
  const groupScores = groups.map((group, g) => ({ group, score: 0, max: max[g] }));
  // Sum in criteria order and round away binary noise from half points (0.1 + 0.2).
  let sum = 0;
  for (let i = 0; i < criteria.length; i++) {
    const score = report?.scores.get(criteria[i].code) ?? 0;
    groupScores[slotOf[i]].score += score;
    sum += score;
  }
  if (!report) {
    const reason = assessment
      ? 'Chưa có báo cáo tổng kết hợp lệ (đã có điểm thẩm định, chờ đơn vị nộp báo cáo).'
      : 'Chưa có báo cáo tổng kết hợp lệ.';
    return {
      unitCode: unit.code,
      total: null,
      selfTotal: null,
      assessed: false,
      level: UNCLASSIFIED,
      share: null,
      rank: null,
      commendable: false,
      reason,
      groupScores,
    };
  }
  const reasons: string[] = [];
  const selfTotal = round(sum);
  let total = selfTotal;
  let assessed = false;
  const byCriterion =
    assessment && assessment.criteria.size > 0
      ? assessCriteria(all, criteria, unit, assessment, report, reasons)
      : null;
  if (byCriterion) {
    // The group scores show what counts: the assessed score of each criterion the inspectors scored.
    for (let i = 0; i < criteria.length; i++) {
      const a = byCriterion.scores.get(criteria[i].code);
      if (a !== undefined) groupScores[slotOf[i]].score += a - (report.scores.get(criteria[i].code) ?? 0);
    }
  }
  if (assessment?.score !== null && assessment?.score !== undefined) {
    total = assessment.score;
    assessed = true;
    if (byCriterion && byCriterion.scores.size > 0 && byCriterion.total !== total)
      reasons.push(
        `Điểm thẩm định ${formatNumber(total)} khác tổng điểm thẩm định theo từng tiêu chí ${formatNumber(byCriterion.total)}; dùng ${formatNumber(total)}.`,
      );
  } else {
    if (assessment?.score === null)
      reasons.push(`Điểm thẩm định "${assessment.typed}" không phải là số; tạm dùng điểm tự chấm.`);
    if (byCriterion && byCriterion.scores.size > 0) {
      total = byCriterion.total;
      assessed = true;
    }
  }
  // With 100 points of criteria (the shipped ones, for every type but trade unions) the share is the total itself.
  const share = maxTotal === 100 ? total : maxTotal > 0 ? round((total * 100) / maxTotal) : 0;
  const typeName = unit.type === '' ? 'chưa ghi' : unit.type;
  if (maxTotal !== 100)
    reasons.push(
      `Tổng điểm ${formatNumber(total)} trên ${formatNumber(maxTotal)} điểm tối đa của các tiêu chí loại hình ${typeName}, quy đổi thang 100 là ${formatNumber(round2(share))}.`,
    );
  const rules = levelRules(settings, unit.type);
  if (rules.ownThresholds) {
    const t = rules.thresholds;
    reasons.push(
      `Ngưỡng riêng của loại hình ${typeName}: Xuất sắc ${formatNumber(t.excellent)}, Khá ${formatNumber(t.good)}, Trung bình ${formatNumber(t.average)}.`,
    );
  }
  let level = levelFor(share, rules.thresholds);
  if (report.values.get(SERIOUS_INCIDENT_HEADER) === YES) {
    const cap = rules.cap;
    if (capLevel(level, cap) !== level) {
      level = cap;
      reasons.push(`Để xảy ra vụ việc nghiêm trọng về ANTT: xếp loại tối đa ${cap}.`);
    }
  }
  const commendable = rules.commendable.includes(level);
  if (!commendable) reasons.push(`Xếp loại ${level}: không được xét thi đua, khen thưởng.`);
  if (assessed && byCriterion && byCriterion.scores.size > 0 && (assessment?.score ?? null) === null) {
    const codes = [...byCriterion.scores.keys()].join(', ');
    reasons.push(
      `Điểm thẩm định các tiêu chí ${codes} thay cho điểm tự chấm của các tiêu chí đó: tổng ${formatNumber(total)} thay cho ${formatNumber(selfTotal)}.`,
    );
  } else if (assessed) {
    reasons.push(`Điểm thẩm định ${formatNumber(total)} thay cho điểm tự chấm ${formatNumber(selfTotal)}.`);
  }
  if (assessed && assessment && assessment.note !== '') reasons.push(`Ghi chú thẩm định: ${assessment.note}`);
  return {
    unitCode: unit.code,
    total,
    selfTotal,
    assessed,
    level,
    share,
    rank: null,
    commendable,
    reason: reasons.join(' '),
    groupScores,
  };
}

/**
 * The per-criterion scores of `Thẩm định` for the unit's criteria: each valid one replaces the self-score; a cell that
 * is not a number within 0 and the criterion's maximum, or a criterion not of the unit's type, is said in `reasons`
 * and ignored. `total` is the unit's total with them.
 */
function assessCriteria(
  all: readonly Criterion[],
  criteria: readonly Criterion[],
  unit: Unit,
  assessment: Assessment,
  report: JudgedResponse,
  reasons: string[],
): { scores: Map<string, number>; total: number } {
  const scores = new Map<string, number>();
  let total = 0;
  for (const c of criteria) {
    const cell = assessment.criteria.get(c.code);
    const own = report.scores.get(c.code) ?? 0;
    if (!cell) {
      total += own;
    } else if (cell.score === null || cell.score > c.maxScore) {
      reasons.push(
        `Điểm thẩm định tiêu chí ${c.code} "${cell.typed}" không phải là số từ 0 đến ${formatNumber(c.maxScore)}; tạm dùng điểm tự chấm của tiêu chí này.`,
      );
      total += own;
    } else {
      scores.set(c.code, cell.score);
      total += cell.score;
    }
  }
  for (const code of assessment.criteria.keys()) {
    if (criteria.some((c) => c.code === code)) continue;
    reasons.push(
      all.some((c) => c.code === code)
        ? `Điểm thẩm định tiêu chí ${code} bị bỏ qua: tiêu chí này không áp dụng cho loại hình ${unit.type === '' ? 'chưa ghi' : unit.type}.`
        : `Điểm thẩm định tiêu chí ${code} bị bỏ qua: không có tiêu chí mã ${code} trong trang Tiêu chí.`,
    );
  }
  return { scores, total: round(total) };
}

/** Two decimals, for a share shown to people. */
function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** Standard competition ranking within each cluster, by share: ties share a rank and the next rank skips (1, 1, 3). */
export function rankInClusters(results: readonly Classification[], clusterOf: (unitCode: string) => string): void {
  const byCluster = new Map<string, Classification[]>();
  for (const r of results) {
    if (r.share === null) continue;
    const cluster = clusterOf(r.unitCode);
    const list = byCluster.get(cluster) ?? [];
    list.push(r);
    byCluster.set(cluster, list);
  }
  for (const list of byCluster.values()) {
    // By share, so that units of different types in one cluster compare on one scale.
    list.sort((a, b) => (b.share ?? 0) - (a.share ?? 0));
    list.forEach((r, i) => {
      r.rank = i > 0 && list[i - 1].share === r.share ? list[i - 1].rank : i + 1;
    });
  }
}
