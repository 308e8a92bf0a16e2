// `Báo cáo tổng kết`: indicators, the "An toàn về ANTT" answers (TT 124/2021/TT-BCA) and the self-assessed scores.
import type { Criterion, FormDef, Question } from '../types.ts';
import { INDICATOR_QUESTIONS, REPORT_CONSISTENCY, REPORT_TEXT_QUESTIONS, REPORTER, UNIT_CODE } from './reports.ts';
import { UNIT_SECRET } from './unit.ts';

export const YES = 'Có';
export const NO = 'Không';
const YES_NO = [YES, NO] as const;

export const SERIOUS_INCIDENT_HEADER = 'Để xảy ra vụ việc nghiêm trọng về ANTT';

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
    ...INDICATOR_QUESTIONS,
    ...ANTT_AGENCY_CRITERIA.map((c) => yesNo(c, 'Cơ quan, doanh nghiệp, cơ sở giáo dục')),
    ...ANTT_RESIDENTIAL_CRITERIA.map((c) => yesNo(c, 'Khu dân cư, xã, phường')),
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

/** The score questions of the final report, one per row of `Tiêu chí`, in the tab's order. */
export function criterionQuestions(criteria: readonly Criterion[]): Question[] {
  return criteria.map((c) => ({
    header: criterionHeader(c),
    kind: 'score' as const,
    required: true,
    min: 0,
    max: c.maxScore,
    help: `Nhóm: ${c.group}. Tự chấm từ 0 đến ${maxScoreText(c.maxScore)} điểm.`,
  }));
}
