// Each nomination's verdict (duplicate, the catalogue row's rules, share of units, unit quota) and the tallies against
// `Chỉ tiêu`. The rules are data: each award's row of `Danh mục khen thưởng` says which apply (functions/awards/).
import { NOMINATION_HEADERS as H } from '../../sheets-schema/forms/index.ts';
import { nameKey } from '../core/cells.ts';
import type { AwardTally, JudgedResponse, NominationStatus, NominationVerdict } from '../core/model.ts';
import type { CatalogueAward } from '../awards/catalogue.ts';
import { awardRules, overShare, shareCap } from '../awards/rules.ts';
import type { Target } from './campaign-data.ts';
import { awardKey, quotaKey } from './campaign-data.ts';
import type { Classification } from './classify.ts';

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

/**
 * Verdicts of the valid nominations, earliest first (the order quotas, shares and duplicates are judged in). Validation
 * has already refused an award not in `catalogue`; `unitCount` is the base of the "at most N% of units" rule.
 */
export function judgeNominations(
  valid: readonly JudgedResponse[],
  classifications: ReadonlyMap<string, Classification>,
  quotas: ReadonlyMap<string, number>,
  catalogue: readonly CatalogueAward[],
  unitCount: number,
): NominationVerdict[] {
  const firstRow = new Map<string, number>();
  const used = new Map<string, number>();
  // Validation gives the catalogue's own spelling; the name key only serves answers typed into the tab by hand.
  const exact = new Map(catalogue.map((a) => [a.name, a]));
  const awards = new Map(catalogue.map((a) => [nameKey(a.name), a]));
  const granted = new Map<CatalogueAward, number>();
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

    const def = exact.get(award) ?? awards.get(nameKey(award));
    if (!def) return verdict('Chưa xét', `"${award}" không có trong Danh mục khen thưởng.`);
    const failed = awardRules(def, kind, c.values, classifications.get(c.unitCode));
    if (failed) return verdict(failed.status, failed.reason);
    const cap = def.maxShareOfUnits === null ? null : shareCap(def.maxShareOfUnits, unitCount);
    if (cap !== null && (granted.get(def) ?? 0) >= cap) {
      const over = overShare(def, cap, unitCount);
      return verdict(over.status, over.reason);
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
    // Counted once eligible: a nomination refused by its unit's quota takes no place in the award's share.
    if (cap !== null) granted.set(def, (granted.get(def) ?? 0) + 1);
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
