// Each nomination's verdict (duplicate, classification gate, award rules, unit quota) and the tallies against `Chỉ
// tiêu`.
import { AWARD_MEDAL, NOMINATION_HEADERS as H } from '../../sheets-schema/forms/index.ts';
import type { AwardTally, JudgedResponse, NominationStatus, NominationVerdict } from '../core/model.ts';
import { UNCLASSIFIED } from '../core/model.ts';
import type { Target } from './campaign-data.ts';
import { awardKey, quotaKey } from './campaign-data.ts';
import type { Classification } from './classify.ts';
import type { MedalRules } from './medal.ts';
import { medalVerdict } from './medal.ts';

const text = (c: JudgedResponse, header: string): string => String(c.values.get(header) ?? '');

/**
 * Inner whitespace as single spaces; names almost always have only single spaces, so the replace is usually skipped.
 */
function collapseSpaces(text: string): string {
  return /[^\S ]|\s\s/.test(text) ? text.replace(/\s+/g, ' ') : text;
}

/** (time, row) order; times are read once per nomination rather than twice per comparison. */
function inOrder(valid: readonly JudgedResponse[]): JudgedResponse[] {
  const times = valid.map((c) => c.submittedAt?.getTime() ?? 0);
  const positions = valid.map((_, i) => i);
  positions.sort((a, b) => (times[a] !== times[b] ? times[a] - times[b] : valid[a].rowNumber - valid[b].rowNumber));
  return positions.map((i) => valid[i]);
}

/** Verdicts of the valid nominations, earliest first (the order quotas and duplicates are judged in). */
export function judgeNominations(
  valid: readonly JudgedResponse[],
  classifications: ReadonlyMap<string, Classification>,
  quotas: ReadonlyMap<string, number>,
  medal: MedalRules,
): NominationVerdict[] {
  const firstRow = new Map<string, number>();
  const used = new Map<string, number>();
  return inOrder(valid).map((c) => {
    const award = text(c, H.award);
    const kind = text(c, H.kind);
    const nominee = text(c, H.nominee);
    const verdict = (status: NominationStatus, reason: string): NominationVerdict => ({
      form: c.form,
      rowNumber: c.rowNumber,
      unitCode: c.unitCode,
      award,
      kind,
      nominee,
      status,
      reason,
    });
    // Answers are already NFC and trimmed; Vietnamese has no locale-specific casing, so plain toLowerCase suffices.
    const dupKey = `${c.unitCode}\u0000${collapseSpaces(nominee.toLowerCase())}\u0000${award}`;
    const first = firstRow.get(dupKey);
    if (first !== undefined) return verdict('Trùng', `Trùng với đề nghị ở dòng ${first}; chỉ tính một lần.`);
    firstRow.set(dupKey, c.rowNumber);

    const unit = classifications.get(c.unitCode);
    if (!unit || unit.level === UNCLASSIFIED)
      return verdict('Chờ xếp loại', 'Đơn vị chưa được xếp loại (chưa có báo cáo tổng kết hợp lệ).');
    if (!unit.commendable)
      return verdict('Không đủ điều kiện', `Đơn vị xếp loại ${unit.level}: không được xét thi đua, khen thưởng.`);
    if (award === AWARD_MEDAL) {
      const m = medalVerdict(c.values, medal);
      if (m.status !== 'Đủ điều kiện') return verdict(m.status, m.reason);
    }
    // Most campaigns allot quotas to few units, if any: the key is built only when there is something to find.
    const qKey = quotas.size > 0 ? quotaKey(c.unitCode, award, kind) : '';
    const quota = quotas.size > 0 ? quotas.get(qKey) : undefined;
    if (quota !== undefined) {
      const n = (used.get(qKey) ?? 0) + 1;
      if (n > quota)
        return verdict(
          'Không đủ điều kiện',
          `Vượt chỉ tiêu phân bổ (đơn vị được đề nghị ${quota} ${kind.toLowerCase()}).`,
        );
      used.set(qKey, n);
    }
    return verdict('Đủ điều kiện', '');
  });
}

/** `Đủ` when eligible is within [min, max], else how many are missing or over. */
export function tallyStatus(eligible: number, min: number | null, max: number | null): string {
  if (min !== null && eligible < min) return `Thiếu ${min - eligible}`;
  if (max !== null && eligible > max) return `Vượt ${eligible - max}`;
  return 'Đủ';
}

/** One row per `Chỉ tiêu` row, then one per (award, kind) nominated without a target; duplicates are not counted. */
export function tallyAwards(targets: readonly Target[], verdicts: readonly NominationVerdict[]): AwardTally[] {
  const rows = new Map<
    string,
    { award: string; kind: string; min: number | null; max: number | null; nominated: number; eligible: number }
  >();
  for (const t of targets) {
    const key = awardKey(t.award, t.kind);
    if (!rows.has(key)) rows.set(key, { ...t, nominated: 0, eligible: 0 });
  }
  for (const v of verdicts) {
    if (v.status === 'Trùng') continue;
    const key = awardKey(v.award, v.kind);
    const row = rows.get(key) ?? { award: v.award, kind: v.kind, min: null, max: null, nominated: 0, eligible: 0 };
    row.nominated += 1;
    if (v.status === 'Đủ điều kiện') row.eligible += 1;
    rows.set(key, row);
  }
  return [...rows.values()].map((r) => ({ ...r, status: tallyStatus(r.eligible, r.min, r.max) }));
}
