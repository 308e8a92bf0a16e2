// `Danh mục khen thưởng`: the awards a campaign nominates for, as data, and the defaults shipped with their sources.
import type { AwardDef, AwardNeed, PerGroup } from './types.ts';

export const AWARD_MINISTER_CERTIFICATE = 'Bằng khen của Bộ trưởng Bộ Công an';
export const AWARD_PROVINCE_CERTIFICATE = 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh';
export const AWARD_MEDAL = 'Kỷ niệm chương "Bảo vệ an ninh Tổ quốc"';
export const AWARD_CERTIFICATE = 'Giấy khen';
export const AWARD_FLAG = 'Cờ thi đua';
export const AWARD_MODELS = 'Tuyên dương mô hình, công trình, sáng kiến';
export const AWARD_ONE_OFF = 'Khen thưởng đột xuất';

export const KIND_COLLECTIVE = 'Tập thể';
export const KIND_INDIVIDUAL = 'Cá nhân';
export const KIND_MODEL = 'Mô hình';
export const KIND_WORK = 'Công trình';
export const KIND_INITIATIVE = 'Sáng kiến';

/** `Mức xếp loại được xét` that lets a unit of any level, or none yet, nominate (one-off achievements). */
export const NO_LEVEL_REQUIRED = 'Không yêu cầu';

/** The catalogue's columns, in the order setup creates them. */
export const CATALOGUE_HEADERS = {
  name: 'Hình thức khen thưởng',
  kinds: 'Đối tượng',
  levels: 'Mức xếp loại được xét',
  minYears: 'Số năm tối thiểu',
  earlierAwards: 'Khen thưởng trước đó',
  oncePerLifetime: 'Một lần trong đời',
  maxShareOfUnits: 'Tối đa % đơn vị',
  oneOffOnly: 'Chỉ thành tích đột xuất',
  needsSummary: 'Cần thành tích tóm tắt',
  source: 'Căn cứ',
  // Last: a tab made before gains them at the end (setup appends a missing optional column), blank: no such rule.
  consecutiveYears: 'Số năm liên tục',
  requiresAntt: 'Đạt chuẩn An toàn về ANTT',
} as const;

/**
 * `Sổ theo dõi khen thưởng`: one row per award received, carried from year to year. `Mã định danh` is a keyed hash of
 * the nominee (functions/awards/registry.ts); no date of birth or ID number is stored.
 */
export const REGISTRY_HEADERS = {
  id: 'Mã định danh',
  name: 'Họ tên / Tên tập thể',
  unit: 'Mã đơn vị',
  year: 'Năm',
  award: 'Hình thức khen thưởng',
  decision: 'Số quyết định',
  decisionDate: 'Ngày quyết định',
} as const;

/**
 * `Xếp loại các năm`: each unit's classification and "An toàn về ANTT" verdict per year, with the decisions, carried
 * from year to year like the registry (functions/awards/years.ts); written by record-decisions, typed for years before.
 */
export const YEAR_RESULT_HEADERS = {
  year: 'Năm',
  unit: 'Mã đơn vị',
  name: 'Tên đơn vị',
  level: 'Xếp loại',
  levelDecision: 'Quyết định xếp loại',
  antt: 'An toàn về ANTT',
  anttDecision: 'Quyết định công nhận ANTT',
} as const;

/**
 * `Sổ mô hình` (seed 002; DOMAIN.md §5): the models the units register, one row per unit and model, kept from year to
 * year. The functions add a row for a model first registered and keep `Năm đăng ký gần nhất` and `Ghi chú`; the
 * coordinator keeps `Lĩnh vực`, `Năm bắt đầu`, `Tình trạng` and `Đánh giá`, which no run rewrites.
 */
export const MODEL_REGISTER_HEADERS = {
  unit: 'Mã đơn vị',
  unitName: 'Tên đơn vị',
  name: 'Tên mô hình',
  field: 'Lĩnh vực',
  startYear: 'Năm bắt đầu',
  status: 'Tình trạng',
  evaluation: 'Đánh giá',
  lastYear: 'Năm đăng ký gần nhất',
  note: 'Ghi chú',
} as const;

/** `Tình trạng` of a model (seed 002: "nhân rộng", "giải thể"); a new row starts `Đang hoạt động`. */
export const MODEL_STATUSES = ['Đang hoạt động', 'Nhân rộng', 'Giải thể'] as const;

/** Rows of `Quyết định khen thưởng` that are not awards: the year's classification, and its ANTT recognition. */
export const DECISION_CLASSIFICATION = 'Xếp loại thi đua';
export const DECISION_ANTT = 'Công nhận "An toàn về ANTT"';

/** `Quyết định khen thưởng`: the year's decisions, one per award, typed by the coordinator once they are signed. */
export const DECISION_HEADERS = {
  award: 'Hình thức khen thưởng',
  decision: 'Số quyết định',
  date: 'Ngày quyết định',
  by: 'Cấp quyết định',
} as const;

const LAW = 'Luật Thi đua, khen thưởng 2022 (06/2022/QH15)';
const DECREE = 'Nghị định 98/2023/NĐ-CP';

const perGroup = (entries: Record<string, number>): PerGroup => ({
  all: null,
  entries: Object.entries(entries).map(([label, value]) => ({ label, value })),
});

const award = (name: string, kinds: readonly string[], source: string, rules: Partial<AwardDef> = {}): AwardDef => ({
  name,
  kinds,
  levels: null,
  minYears: null,
  earlierAwards: null,
  oncePerLifetime: false,
  maxShareOfUnits: null,
  oneOffOnly: false,
  needsSummary: false,
  consecutiveYears: null,
  requiresAntt: false,
  source,
  ...rules,
});

const PEOPLE = [KIND_COLLECTIVE, KIND_INDIVIDUAL] as const;

/**
 * Thông tư 124/2021/TT-BCA: recognition is yearly and is a basis of the movement's yearly commendation and of titles
 * tied to security and order (as baoquangnam.vn restates it, 01/2025; DOMAIN.md §4); seed 001 §3.5 has cluster leaders
 * judge titles on it. So the yearly awards to a collective ask it; Giấy khen, models and one-off acts do not.
 */
const ANTT_BASIS =
  'Thông tư 124/2021/TT-BCA: kết quả công nhận "An toàn về ANTT" là căn cứ xét khen thưởng hằng năm về phong trào';

/** The awards the seeds name (docs/design/awards.md §1), each with its source. */
export function defaultAwards(): AwardDef[] {
  return [
    award(AWARD_MINISTER_CERTIFICATE, PEOPLE, `${LAW}; ${DECREE}; kế hoạch mẫu 000; ${ANTT_BASIS} (tập thể)`, {
      needsSummary: true,
      requiresAntt: true,
    }),
    award(AWARD_PROVINCE_CERTIFICATE, PEOPLE, `${LAW}; kế hoạch mẫu 001, mục III.1; ${ANTT_BASIS} (tập thể)`, {
      needsSummary: true,
      requiresAntt: true,
    }),
    award(AWARD_MEDAL, [KIND_INDIVIDUAL], 'Thông tư 20/2025/TT-BCA', {
      minYears: perGroup({ 'Lãnh đạo': 10, Nam: 15, Nữ: 10 }),
      earlierAwards: perGroup({ 'Lãnh đạo': 1 }),
      oncePerLifetime: true,
    }),
    award(AWARD_CERTIFICATE, PEOPLE, LAW),
    award(
      AWARD_FLAG,
      [KIND_COLLECTIVE],
      `${LAW}; ${DECREE}: tối đa 20% số đơn vị; ${ANTT_BASIS}; kế hoạch mẫu 001, mục 3.5 (Cụm, Khối bình xét danh hiệu thi đua căn cứ kết quả công nhận)`,
      { levels: ['Xuất sắc'], maxShareOfUnits: 20, needsSummary: true, requiresAntt: true },
    ),
    award(AWARD_MODELS, [KIND_MODEL, KIND_WORK, KIND_INITIATIVE], 'Kế hoạch mẫu 000, mục III.4', {
      needsSummary: true,
    }),
    award(AWARD_ONE_OFF, PEOPLE, `${LAW}: khen thưởng đột xuất; Quyết định 2447/QĐ-TTg (kế hoạch mẫu 003)`, {
      levels: [],
      oneOffOnly: true,
      needsSummary: true,
    }),
  ];
}

/** What a nomination for `award` must carry (the form's `requiredForAward` questions). */
export function awardNeeds(award: AwardDef): AwardNeed[] {
  const needs: AwardNeed[] = [];
  if (award.needsSummary) needs.push('summary');
  if (award.minYears || award.earlierAwards || award.oncePerLifetime) needs.push('service');
  if (award.oneOffOnly) needs.push('oneOff');
  // The rules the registry checks across years need to know who the person is (docs/design/awards.md §2).
  if (award.oncePerLifetime || award.earlierAwards) needs.push('identity');
  return needs;
}

/** Every nominee kind the catalogue names, in first-seen order. */
export function nomineeKinds(awards: readonly AwardDef[]): string[] {
  return [...new Set(awards.flatMap((a) => a.kinds))];
}

/** A rule's figure as typed in the tab: `10`, or `Lãnh đạo: 10; Nam: 15`. */
export function perGroupText(rule: PerGroup | null): string {
  if (!rule) return '';
  return [...(rule.all !== null ? [String(rule.all)] : []), ...rule.entries.map((e) => `${e.label}: ${e.value}`)].join(
    '; ',
  );
}

const yesNo = (b: boolean) => (b ? 'Có' : 'Không');

/** The catalogue as sheet rows (header first), as setup and the new year write it. */
export function catalogueRows(awards: readonly AwardDef[]): (string | number)[][] {
  const H = CATALOGUE_HEADERS;
  return [
    Object.values(H),
    ...awards.map((a) => [
      a.name,
      a.kinds.join(', '),
      a.levels === null ? '' : a.levels.length === 0 ? NO_LEVEL_REQUIRED : a.levels.join(', '),
      perGroupText(a.minYears),
      perGroupText(a.earlierAwards),
      yesNo(a.oncePerLifetime),
      a.maxShareOfUnits ?? '',
      yesNo(a.oneOffOnly),
      yesNo(a.needsSummary),
      a.source,
      a.consecutiveYears ?? '',
      yesNo(a.requiresAntt),
    ]),
  ];
}
