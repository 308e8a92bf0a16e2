// Score, level and cluster rank of each unit (QĐ 510/QĐ-BCA-V05; thresholds and cap from `Cấu hình`).
import type { Criterion } from '../../sheets-schema/index.ts';
import { SERIOUS_INCIDENT_HEADER, YES } from '../../sheets-schema/forms/index.ts';
import type { JudgedResponse, Level, Unit } from '../core/model.ts';
import { LEVELS, UNCLASSIFIED } from '../core/model.ts';
import type { Settings } from '../core/settings.ts';
import { listSetting, numberSetting, setting } from '../core/settings.ts';
import type { Assessment } from './campaign-data.ts';
import { formatNumber } from '../core/format.ts';

export interface Thresholds {
  readonly excellent: number;
  readonly good: number;
  readonly average: number;
}

function readThresholds(settings: Settings): Thresholds {
  return {
    excellent: numberSetting(settings, 'Ngưỡng Xuất sắc'),
    good: numberSetting(settings, 'Ngưỡng Khá'),
    average: numberSetting(settings, 'Ngưỡng Trung bình'),
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
  rank: number | null;
  readonly commendable: boolean;
  readonly reason: string;
  readonly groupScores: { readonly group: string; readonly score: number; readonly max: number }[];
}

interface LevelRules {
  readonly thresholds: Thresholds;
  readonly cap: Level;
  readonly allowed: readonly string[];
}

const levelRulesCache = new WeakMap<Settings, LevelRules>();

/** The settings classification needs, parsed once per settings object rather than once per unit. */
function levelRules(settings: Settings): LevelRules {
  let rules = levelRulesCache.get(settings);
  if (!rules) {
    rules = {
      thresholds: readThresholds(settings),
      cap: asLevel(setting(settings, 'Mức tối đa khi có vụ việc nghiêm trọng'), 'Trung bình'),
      allowed: listSetting(settings, 'Mức được xét khen thưởng').map((l) => l.normalize('NFC').toLowerCase()),
    };
    levelRulesCache.set(settings, rules);
  }
  return rules;
}

interface GroupLayout {
  /** Per criterion, its group's position in `groups`. */
  readonly slotOf: readonly number[];
  /** Criterion groups in order of first appearance. */
  readonly groups: readonly string[];
  /** Per group, the sum of its criteria's maximum scores, added in criteria order. */
  readonly max: readonly number[];
}

const groupLayoutCache = new WeakMap<readonly Criterion[], GroupLayout>();

/** The criteria's groups, worked out once per criteria list rather than with a map per unit. */
function groupLayout(criteria: readonly Criterion[]): GroupLayout {
  let layout = groupLayoutCache.get(criteria);
  if (!layout) {
    const groups: string[] = [];
    const max: number[] = [];
    const slotOf = criteria.map((c) => {
      let slot = groups.indexOf(c.group);
      if (slot < 0) slot = groups.push(c.group) - 1;
      max[slot] = (max[slot] ?? 0) + c.maxScore;
      return slot;
    });
    layout = { slotOf, groups, max };
    groupLayoutCache.set(criteria, layout);
  }
  return layout;
}

export function classifyUnit(
  unit: Unit,
  report: JudgedResponse | undefined,
  assessment: Assessment | undefined,
  criteria: readonly Criterion[],
  settings: Settings,
): Classification {
  const { slotOf, groups, max } = groupLayout(criteria);
  const groupScores = groups.map((group, g) => ({ group, score: 0, max: max[g] }));
  for (let i = 0; i < criteria.length; i++) groupScores[slotOf[i]].score += report?.scores.get(criteria[i].code) ?? 0;
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
      rank: null,
      commendable: false,
      reason,
      groupScores,
    };
  }
  const reasons: string[] = [];
  // Sum in criteria order and round away binary noise from half points (0.1 + 0.2).
  const selfTotal = round(criteria.reduce((sum, c) => sum + (report.scores.get(c.code) ?? 0), 0));
  let total = selfTotal;
  let assessed = false;
  if (assessment?.score !== null && assessment?.score !== undefined) {
    total = assessment.score;
    assessed = true;
  } else if (assessment) {
    reasons.push(`Điểm thẩm định "${assessment.typed}" không phải là số; tạm dùng điểm tự chấm.`);
  }
  const rules = levelRules(settings);
  let level = levelFor(total, rules.thresholds);
  if (report.values.get(SERIOUS_INCIDENT_HEADER) === YES) {
    const cap = rules.cap;
    if (capLevel(level, cap) !== level) {
      level = cap;
      reasons.push(`Để xảy ra vụ việc nghiêm trọng về ANTT: xếp loại tối đa ${cap}.`);
    }
  }
  const commendable = rules.allowed.includes(level.toLowerCase());
  if (!commendable) reasons.push(`Xếp loại ${level}: không được xét thi đua, khen thưởng.`);
  if (assessed) reasons.push(`Điểm thẩm định ${formatNumber(total)} thay cho điểm tự chấm ${formatNumber(selfTotal)}.`);
  return {
    unitCode: unit.code,
    total,
    selfTotal,
    assessed,
    level,
    rank: null,
    commendable,
    reason: reasons.join(' '),
    groupScores,
  };
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** Standard competition ranking within each cluster: ties share a rank and the next rank skips (1, 1, 3). */
export function rankInClusters(results: readonly Classification[], clusterOf: (unitCode: string) => string): void {
  const byCluster = new Map<string, Classification[]>();
  for (const r of results) {
    if (r.total === null) continue;
    const cluster = clusterOf(r.unitCode);
    const list = byCluster.get(cluster) ?? [];
    list.push(r);
    byCluster.set(cluster, list);
  }
  for (const list of byCluster.values()) {
    list.sort((a, b) => (b.total ?? 0) - (a.total ?? 0));
    list.forEach((r, i) => {
      r.rank = i > 0 && list[i - 1].total === r.total ? list[i - 1].rank : i + 1;
    });
  }
}
