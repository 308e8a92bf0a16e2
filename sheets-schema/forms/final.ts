// `Báo cáo tổng kết`: indicators, the "An toàn về ANTT" answers (TT 124/2021/TT-BCA) and the self-assessed scores.
import type { Criterion, FormDef, Question } from '../types.ts';
import { INDICATOR_QUESTIONS, REPORT_CONSISTENCY, REPORT_TEXT_QUESTIONS, REPORTER, UNIT_CODE } from './reports.ts';
import { UNIT_SECRET } from './unit.ts';

export const YES = 'Có';
export const NO = 'Không';
const YES_NO = [YES, NO] as const;

export const SERIOUS_INCIDENT_HEADER = 'Để xảy ra vụ việc nghiêm trọng về ANTT';

/**
 * The final report's branching question: the Google Form goes on to the section of the chosen type's own criteria
 * (`Loại hình` of `Tiêu chí`). Optional here: older response tabs lack it, and a campaign without such criteria never
 * asks it. Ingest checks the answer against `Đơn vị`.
 */
export const UNIT_TYPE_HEADER = 'Loại hình đơn vị';
/** The choice of a unit whose type has no criteria of its own: the form ends after the common criteria. */
export const OTHER_UNIT_TYPE = 'Loại hình khác';

/** One yes/no condition of the standard: the question as units see it and the short name a verdict cites. */
export interface AnttCriterion {
  readonly header: string;
  readonly name: string;
}

/** Agencies, enterprises and schools: all must be `Có` (registration and the incident question are checked apart). */
export const ANTT_AGENCY_CRITERIA: readonly AnttCriterion[] = [
  {
    header: 'Cơ quan, doanh nghiệp: có nghị quyết của cấp ủy và kế hoạch bảo đảm ANTT ngay từ quý I',
    name: 'nghị quyết, kế hoạch bảo đảm ANTT từ quý I',
  },
  {
    header:
      'Cơ quan, doanh nghiệp: có nội quy, quy chế bảo vệ cơ quan, bảo vệ bí mật nhà nước, phòng cháy, chữa cháy, an toàn lao động',
    name: 'nội quy, quy chế bảo vệ, bảo mật, phòng cháy, an toàn lao động',
  },
  {
    header: 'Cơ quan, doanh nghiệp: 100% cán bộ, nhân viên được phổ biến, quán triệt',
    name: '100% cán bộ, nhân viên được phổ biến, quán triệt',
  },
  {
    header: 'Cơ quan, doanh nghiệp: có ít nhất một mô hình phong trào hoạt động hiệu quả',
    name: 'mô hình phong trào hoạt động hiệu quả',
  },
];

/**
 * Communes (Xã/Phường), Thông tư 124/2021/TT-BCA Art. 5 as published restatements give it (snv.hanam.gov.vn,
 * "Hướng dẫn xác định về xã đạt tiêu chuẩn An toàn về an ninh, trật tự"; baovinhlong.com.vn, 15/03/2022): with
 * registration and the incident question, these, and the residential criteria of Art. 4 §2–4 it refers to.
 */
export const ANTT_COMMUNE_CRITERIA: readonly AnttCriterion[] = [
  {
    header: 'Xã, phường: Đảng ủy có nghị quyết, Ủy ban nhân dân có kế hoạch bảo đảm ANTT ngay từ quý I',
    name: 'nghị quyết của Đảng ủy, kế hoạch của Ủy ban nhân dân từ quý I',
  },
  {
    header: 'Xã, phường: có ít nhất một mô hình phong trào toàn dân bảo vệ an ninh Tổ quốc ở cơ sở hoạt động hiệu quả',
    name: 'mô hình phong trào ở cơ sở hoạt động hiệu quả',
  },
  {
    header:
      'Xã, phường: 100% khu dân cư, cơ quan, doanh nghiệp, cơ sở giáo dục trên địa bàn đăng ký, ít nhất 70% được công nhận đạt tiêu chuẩn',
    name: '100% đăng ký, ít nhất 70% được công nhận trên địa bàn',
  },
  {
    header: 'Xã, phường: Công an xã, phường không có cá nhân vi phạm bị xử lý kỷ luật',
    name: 'Công an xã, phường không có cá nhân bị kỷ luật',
  },
];

/** Residential areas: with registration and the incident question, the five criteria of the circular. */
export const ANTT_RESIDENTIAL_CRITERIA: readonly AnttCriterion[] = [
  {
    header: 'Khu dân cư: 100% hộ gia đình đăng ký thực hiện "An toàn về ANTT" ngay từ quý I',
    name: '100% hộ gia đình đăng ký từ quý I',
  },
  {
    header: 'Khu dân cư: không có tụ điểm tệ nạn xã hội, tội phạm được kiềm chế',
    name: 'kiềm chế tội phạm, tệ nạn xã hội',
  },
  {
    header: 'Khu dân cư: không để xảy ra cháy, nổ, tai nạn nghiêm trọng do chủ quan',
    name: 'không cháy, nổ, tai nạn nghiêm trọng',
  },
  { header: 'Khu dân cư: có mô hình tự quản về ANTT hoạt động hiệu quả', name: 'mô hình tự quản hoạt động hiệu quả' },
];

/**
 * The residential criteria a commune also meets (Art. 5 refers to Art. 4 §2–4): crime and social evils curbed, no
 * serious fire or accident. Which of our residential questions §2–4 are was read from the restatements, not the text.
 */
export const ANTT_COMMUNE_RESIDENTIAL: readonly AnttCriterion[] = [
  ANTT_RESIDENTIAL_CRITERIA[1],
  ANTT_RESIDENTIAL_CRITERIA[2],
];

function yesNo(c: AnttCriterion, who: string): Question {
  return {
    header: c.header,
    kind: 'choice',
    required: false,
    options: YES_NO,
    help: `${who} trả lời; đơn vị khác để trống.`,
  };
}

export const FINAL_FORM: FormDef = {
  tab: 'Báo cáo tổng kết',
  title: 'Báo cáo tổng kết và tự chấm điểm phong trào Toàn dân bảo vệ an ninh Tổ quốc',
  description:
    'Kết quả cả năm, tự đánh giá tiêu chuẩn "An toàn về ANTT" và tự chấm điểm theo từng tiêu chí. Muốn sửa thì dùng đường liên kết chỉnh sửa trong thư xác nhận.',
  questions: [
    UNIT_CODE,
    UNIT_SECRET,
    REPORTER,
    {
      header: UNIT_TYPE_HEADER,
      kind: 'choice',
      required: false,
      optionsFrom: 'unitTypes',
      help: `Loại hình của đơn vị như trong danh sách đơn vị; biểu mẫu chuyển tới các tiêu chí chấm điểm riêng của loại hình đó. Loại hình không có tiêu chí riêng chọn "${OTHER_UNIT_TYPE}".`,
    },
    ...INDICATOR_QUESTIONS,
    ...ANTT_AGENCY_CRITERIA.map((c) => yesNo(c, 'Cơ quan, doanh nghiệp, cơ sở giáo dục, công đoàn cơ sở')),
    ...ANTT_RESIDENTIAL_CRITERIA.map((c) =>
      yesNo(c, ANTT_COMMUNE_RESIDENTIAL.includes(c) ? 'Khu dân cư, xã, phường' : 'Khu dân cư'),
    ),
    ...ANTT_COMMUNE_CRITERIA.map((c) => yesNo(c, 'Xã, phường')),
    {
      header: SERIOUS_INCIDENT_HEADER,
      kind: 'choice',
      required: true,
      options: YES_NO,
      help: 'Vụ việc nghiêm trọng về an ninh, trật tự theo Thông tư 124/2021/TT-BCA xảy ra tại cơ quan, địa bàn trong năm.',
    },
    ...REPORT_TEXT_QUESTIONS,
  ],
  criterionScores: true,
  rules: REPORT_CONSISTENCY,
};

/**
 * A criterion's maximum as the Apps Script writes it (`thiduaCriterionHeader` in scripts/apps-script/project/forms.js):
 * a form's question title must equal the schema's header, and the script cannot import core/format.ts, so both keep
 * this one rule (decimal comma, no grouping).
 */
function maxScoreText(n: number): string {
  return String(n).replace('.', ',');
}

/** The header of a criterion's score column; the `[code]` prefix is what matching relies on, the rest may change. */
export function criterionHeader(c: Criterion): string {
  return `[${c.code}] ${c.content} (tối đa ${maxScoreText(c.maxScore)} điểm)`;
}

/** `Loại hình` of `Tiêu chí`: the listed types (`Khu dân cư, Xã/Phường`); blank means every type. */
export const CRITERION_TYPES_HEADER = 'Loại hình';

/** A unit type compared as people mean it: NFC, case and spacing do not matter (`Xã / Phường` is not `Xã/Phường`). */
export function unitTypeKey(type: string): string {
  return type.normalize('NFC').trim().toLocaleLowerCase('vi').replace(/\s+/g, ' ');
}

/** The types of a `Loại hình` cell, separated by `,`, `;` or new lines; none for a blank cell. */
export function parseUnitTypes(text: string): string[] {
  return text
    .normalize('NFC')
    .split(/[,;\n]+/)
    .map((t) => t.trim().replace(/\s+/g, ' '))
    .filter((t) => t !== '');
}

/** Whether a criterion (or a question) limited to `types` applies to a unit of `unitType`; no list: to every unit. */
export function appliesToType(types: readonly string[] | undefined, unitType: string): boolean {
  if (!types || types.length === 0) return true;
  const key = unitTypeKey(unitType);
  return types.some((t) => unitTypeKey(t) === key);
}

/** The score questions of the final report, one per row of `Tiêu chí`, in the tab's order. */
export function criterionQuestions(criteria: readonly Criterion[]): Question[] {
  return criteria.map((c) => {
    const types = c.types ?? [];
    const typed = types.length > 0;
    const who = typed ? ` Chỉ đơn vị loại hình ${types.join(', ')} chấm; đơn vị loại hình khác để trống.` : '';
    return {
      header: criterionHeader(c),
      kind: 'score' as const,
      required: true,
      min: 0,
      max: c.maxScore,
      help: `Nhóm: ${c.group}. Tự chấm từ 0 đến ${maxScoreText(c.maxScore)} điểm.${who}`,
      ...(typed ? { unitTypes: types } : {}),
    };
  });
}

/** Criteria of the same unit types (`Loại hình` of `Tiêu chí`): one section of the generated Google Form. */
export interface CriterionSection {
  /** The types as the section's first criterion lists them. */
  readonly types: readonly string[];
  readonly criteria: readonly Criterion[];
}

export interface CriterionLayout {
  /** The criteria of every type, asked on the form's first page. */
  readonly common: readonly Criterion[];
  /** One per distinct list of types, in order of first appearance in `Tiêu chí`. */
  readonly sections: readonly CriterionSection[];
  /**
   * Why the form cannot branch (a type in two sections: static navigation gives a section one next page), in
   * Vietnamese; absent when it can. Scores are still judged per criterion.
   */
  readonly overlap?: string;
}

/** The criteria as the final report's form lays them out: common ones first, then one section per list of types. */
export function criterionLayout(criteria: readonly Criterion[]): CriterionLayout {
  const common: Criterion[] = [];
  const sections: { types: readonly string[]; key: string; criteria: Criterion[] }[] = [];
  for (const c of criteria) {
    if (!c.types || c.types.length === 0) {
      common.push(c);
      continue;
    }
    const key = [...new Set(c.types.map(unitTypeKey))].sort().join('\n');
    const section = sections.find((s) => s.key === key);
    if (section) section.criteria.push(c);
    else sections.push({ types: c.types, key, criteria: [c] });
  }
  let overlap: string | undefined;
  const sectionOf = new Map<string, number>();
  sections.forEach((s, i) => {
    for (const type of s.types) {
      const seen = sectionOf.get(unitTypeKey(type));
      if (seen !== undefined && seen !== i && overlap === undefined) {
        const codes = (n: number) => sections[n].criteria.map((c) => c.code).join(', ');
        overlap = `Trang Tiêu chí: loại hình "${type}" có tiêu chí riêng trong hai nhóm có danh sách Loại hình khác nhau (${codes(seen)} và ${codes(i)}); biểu mẫu Google chỉ rẽ nhánh được khi các tiêu chí riêng của một loại hình ghi cùng một danh sách Loại hình. Hãy sửa cột Loại hình rồi tạo lại biểu mẫu.`;
      }
      sectionOf.set(unitTypeKey(type), i);
    }
  });
  return {
    common,
    sections: sections.map((s) => ({ types: s.types, criteria: s.criteria })),
    ...(overlap ? { overlap } : {}),
  };
}

/** The options of the branching question: every type with criteria of its own, then `Loại hình khác`. */
export function unitTypeOptions(layout: CriterionLayout): string[] {
  const options: string[] = [];
  for (const s of layout.sections)
    for (const t of s.types) if (!options.some((o) => unitTypeKey(o) === unitTypeKey(t))) options.push(t);
  return [...options, OTHER_UNIT_TYPE];
}

/** What a unit of `unitType` answers to the branching question: its type's option, or `Loại hình khác`. */
export function unitTypeAnswer(options: readonly string[], unitType: string): string {
  return options.find((o) => o !== OTHER_UNIT_TYPE && unitTypeKey(o) === unitTypeKey(unitType)) ?? OTHER_UNIT_TYPE;
}
