// The rule kinds a catalogue row may carry (docs/design/awards.md §1), each a pure check of one nomination.
import type { AwardDef, PerGroup } from '../../sheets-schema/index.ts';
import { ACHIEVEMENT_ONE_OFF, KIND_COLLECTIVE, NOMINATION_HEADERS as H, YES } from '../../sheets-schema/forms/index.ts';
import { nameKey } from '../core/cells.ts';
import type { Answers, NominationStatus } from '../core/model.ts';
import { UNCLASSIFIED } from '../core/model.ts';
import { ANTT_MET, ANTT_NO_REPORT, ANTT_OUT_OF_SCOPE } from '../rules/antt.ts';

/** Why a nomination is not (yet) eligible; null when the rule is met or does not apply. */
export type RuleVerdict = {
  readonly status: Exclude<NominationStatus, 'Đủ điều kiện' | 'Trùng'>;
  readonly reason: string;
} | null;

/**
 * Whether two texts name the same award, kind or level: equal as typed (the form's and the catalogue's own spelling,
 * nearly always) or by nameKey (a cell typed by hand), so the name key is built only when the texts differ.
 */
export const sameName = (a: string, b: string): boolean => a === b || nameKey(a) === nameKey(b);

/** Whether `names` holds `text`, as `sameName` compares: all as typed first, so that a match is found without a key. */
export const namedIn = (names: readonly string[], text: string): boolean =>
  names.includes(text) || names.some((n) => nameKey(n) === nameKey(text));

const no = (reason: string): RuleVerdict => ({ status: 'Không đủ điều kiện', reason });
const text = (values: Answers, header: string): string => {
  const v = values.get(header);
  return v === undefined ? '' : String(v);
};
const count = (values: Answers, header: string): number => {
  const v = values.get(header);
  return typeof v === 'number' ? v : 0;
};

/** The nominating unit as the gate sees it: its level and whether `Cấu hình`'s levels let it be considered. */
export interface UnitStanding {
  readonly level: string;
  readonly commendable: boolean;
}

/** Level required (seed 004; `Mức xếp loại được xét`): blank follows `Cấu hình`, `Không yêu cầu` lets every unit in. */
export function levelRequired(award: AwardDef, unit: UnitStanding | undefined): RuleVerdict {
  if (award.levels !== null && award.levels.length === 0) return null;
  if (!unit || unit.level === UNCLASSIFIED)
    return { status: 'Chờ xếp loại', reason: 'Đơn vị chưa được xếp loại (chưa có báo cáo tổng kết hợp lệ).' };
  if (award.levels === null)
    return unit.commendable ? null : no(`Đơn vị xếp loại ${unit.level}: không được xét thi đua, khen thưởng.`);
  return namedIn(award.levels, unit.level)
    ? null
    : no(`Đơn vị xếp loại ${unit.level}: ${award.name} chỉ xét cho đơn vị xếp loại ${award.levels.join(', ')}.`);
}

/** Nominee kinds (`Đối tượng` of the catalogue). */
export function nomineeKind(award: AwardDef, kind: string): RuleVerdict {
  return namedIn(award.kinds, kind)
    ? null
    : no(`${award.name} chỉ xét tặng ${award.kinds.map((k) => k.toLocaleLowerCase('vi')).join(', ')}.`);
}

/** Once per lifetime (Thông tư 20/2025/TT-BCA for the medal): declared as already received or excluded. */
export function oncePerLifetime(award: AwardDef, values: Answers): RuleVerdict {
  if (!award.oncePerLifetime || values.get(H.excluded) !== YES) return null;
  return no(
    `Đã được tặng ${award.name} hoặc huy chương loại trừ, hoặc đã bị truy cứu trách nhiệm hình sự; ${award.name} chỉ tặng một lần.`,
  );
}

/** Under discipline, complaint or inspection (Luật Thi đua, khen thưởng 2022; TT 20/2025/TT-BCA): any award waits. */
export function pendingDiscipline(values: Answers): RuleVerdict {
  if (values.get(H.disciplined) !== YES) return null;
  return {
    status: 'Chưa xét',
    reason: 'Đang bị kỷ luật hoặc đang bị khiếu nại, thanh tra, kiểm tra: chưa xét cho đến khi có kết luận.',
  };
}

/** The entry of a per-group rule that applies to the nominee: its group first, then its gender, then everyone. */
export function entryFor(
  rule: PerGroup,
  values: Answers,
): { readonly value: number; readonly by: 'group' | 'gender' | 'all'; readonly label: string } | null {
  const group = text(values, H.group);
  const gender = text(values, H.gender);
  const find = (label: string) => (label === '' ? undefined : rule.entries.find((e) => sameName(e.label, label)));
  const byGroup = find(group);
  if (byGroup) return { value: byGroup.value, by: 'group', label: byGroup.label };
  const byGender = find(gender);
  if (byGender) return { value: byGender.value, by: 'gender', label: byGender.label };
  return rule.all === null ? null : { value: rule.all, by: 'all', label: '' };
}

/**
 * Minimum years (TT 20/2025/TT-BCA): a group's entry counts years in post; a gender's or everyone's counts years of
 * service with years in especially difficult, border or island areas counted twice.
 */
export function minimumYears(award: AwardDef, values: Answers): RuleVerdict {
  if (!award.minYears) return null;
  const entry = entryFor(award.minYears, values);
  if (!entry) return null;
  const years = count(values, H.years);
  if (entry.by === 'group')
    return years >= entry.value
      ? null
      : no(`${entry.label} cần ít nhất ${entry.value} năm giữ chức vụ (mới có ${years} năm).`);
  const counted = years + count(values, H.difficultYears);
  if (counted >= entry.value) return null;
  const who =
    entry.by === 'gender'
      ? `${text(values, H.group) || 'Cá nhân'} (${entry.label.toLocaleLowerCase('vi')})`
      : 'Cá nhân được đề nghị';
  return no(
    `${who} cần ít nhất ${entry.value} năm tham gia, tính cả thời gian ở vùng đặc biệt khó khăn nhân đôi (mới có ${counted} năm).`,
  );
}

/** Earlier commendations for ANTQ work (TT 20/2025/TT-BCA: leaders need at least one), as declared. */
export function earlierAwards(award: AwardDef, values: Answers): RuleVerdict {
  if (!award.earlierAwards) return null;
  const entry = entryFor(award.earlierAwards, values);
  if (!entry || count(values, H.commendations) >= entry.value) return null;
  const who = entry.by === 'all' ? 'Cá nhân, tập thể được đề nghị' : entry.label;
  const times = entry.value === 1 ? 'một' : String(entry.value);
  return no(`${who} cần ít nhất ${times} lần được khen thưởng về công tác bảo vệ an ninh Tổ quốc.`);
}

/** Only one-off achievements (Luật Thi đua, khen thưởng 2022, khen thưởng đột xuất; seed 003). */
export function oneOffOnly(award: AwardDef, values: Answers): RuleVerdict {
  if (!award.oneOffOnly || values.get(H.achievement) === ACHIEVEMENT_ONE_OFF) return null;
  return no(`${award.name} chỉ xét cho thành tích đột xuất ("${H.achievement}" là "${ACHIEVEMENT_ONE_OFF}").`);
}

/** A unit's "An toàn về ANTT" standing, as `Xếp loại` shows it: `Quyết định công nhận ANTT`, else the criteria. */
export interface UnitAntt {
  readonly name: string;
  /** 'Đạt', 'Chưa đạt: …', 'Không thuộc phạm vi' or 'Chưa có báo cáo' (functions/rules/antt.ts). */
  readonly verdict: string;
}

/**
 * Recognised "An toàn về ANTT" (`Đạt chuẩn An toàn về ANTT`; Thông tư 124/2021/TT-BCA: recognition is a basis of the
 * yearly commendation): a collective's unit must be `Đạt` this year, by a recorded decision or by its criteria. A
 * unit the circular does not cover (`Không thuộc phạm vi`: armed-forces agencies, small enterprises, primary schools)
 * cannot be recognised and is not held to it; one without a final report waits. Individuals are not judged on it.
 * A unit absent from `units` (a body below: its campaign judged its own units before forwarding) is not judged here.
 */
export function anttRecognised(
  award: AwardDef,
  kind: string,
  unitCode: string,
  units: ReadonlyMap<string, UnitAntt>,
  year: number,
): RuleVerdict {
  if (!award.requiresAntt || !sameName(kind, KIND_COLLECTIVE)) return null;
  const unit = units.get(unitCode);
  if (!unit || unit.verdict === ANTT_MET || unit.verdict === ANTT_OUT_OF_SCOPE) return null;
  const who = unit.name === '' ? `Đơn vị ${unitCode}` : `${unit.name} (${unitCode})`;
  const inYear = year > 0 ? ` năm ${year}` : '';
  if (unit.verdict === ANTT_NO_REPORT)
    return {
      status: 'Chờ xếp loại',
      reason: `${who} chưa có báo cáo tổng kết để xét đạt tiêu chuẩn "An toàn về ANTT"${inYear}; ${award.name} chỉ xét cho tập thể của đơn vị đạt tiêu chuẩn này.`,
    };
  const self = unit.verdict.replace(/^Chưa đạt: /, '');
  return no(
    `${who} chưa được công nhận đạt tiêu chuẩn "An toàn về ANTT"${inYear} (chưa có quyết định ở trang "Quyết định công nhận ANTT"; tự đánh giá chưa đạt: ${self}); ${award.name} chỉ xét cho tập thể của đơn vị đạt tiêu chuẩn này.`,
  );
}

/** At most N% of the campaign's units (Cờ thi đua: 20%): how many may receive it, rounded down. */
export function shareCap(percent: number, unitCount: number): number {
  // Rounded to a millionth first so that 20% of 15 units is 3, not 2.9999999999999996.
  return Math.floor(Math.round(((percent * unitCount) / 100) * 1e6) / 1e6);
}

export function overShare(
  award: AwardDef,
  cap: number,
  unitCount: number,
): { readonly status: 'Không đủ điều kiện'; readonly reason: string } {
  return {
    status: 'Không đủ điều kiện',
    reason: `Vượt tỷ lệ: ${award.name} tối đa ${award.maxShareOfUnits}% số đơn vị (${cap} trên ${unitCount} đơn vị); đề nghị gửi sau không được xét.`,
  };
}

/** A catalogue row with cells that could not be read: nothing is granted on a typo. */
export function unreadableRow(
  award: AwardDef & { readonly row: number; readonly problems: readonly string[] },
): RuleVerdict {
  if (award.problems.length === 0) return null;
  return {
    status: 'Chưa xét',
    reason: `Danh mục khen thưởng, dòng ${award.row}: ${award.problems.join('; ')}. Thường trực phong trào cần sửa danh mục để xét.`,
  };
}

/** Every rule of the row for one nomination, in the order of docs/design/awards.md; the first that fails decides. */
export function awardRules(
  award: AwardDef & { readonly row: number; readonly problems: readonly string[] },
  kind: string,
  values: Answers,
  unit: UnitStanding | undefined,
): RuleVerdict {
  return (
    unreadableRow(award) ??
    levelRequired(award, unit) ??
    nomineeKind(award, kind) ??
    oncePerLifetime(award, values) ??
    pendingDiscipline(values) ??
    minimumYears(award, values) ??
    earlierAwards(award, values) ??
    oneOffOnly(award, values)
  );
}
