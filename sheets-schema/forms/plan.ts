// `Kế hoạch thi đua`: the unit's plan (a link to the plan document) and its own targets for the report indicators, so
// the final report can be compared with what was planned (DOMAIN.md §2 `KH`, §7).
import type { FormDef, FormRule, Question } from '../types.ts';
import { INDICATOR_QUESTIONS, RECOGNISED_UNITS_HEADER, REGISTERED_UNITS_HEADER, UNIT_CODE } from './reports.ts';
import { UNIT_SECRET } from './unit.ts';

export const PLAN_LINK_HEADER = 'Liên kết văn bản kế hoạch';
const TARGET_PREFIX = 'Chỉ tiêu đăng ký: ';

/** The plan's target column for a report indicator: `Chỉ tiêu đăng ký: Số buổi tuyên truyền`. */
export function targetHeader(indicator: string): string {
  return TARGET_PREFIX + indicator;
}

/** One optional target per indicator of the reports, bounded like the indicator itself; blank means no target. */
export const TARGET_QUESTIONS: readonly Question[] = INDICATOR_QUESTIONS.map((q) => ({
  header: targetHeader(q.header),
  kind: q.kind,
  required: false,
  ...(q.min !== undefined ? { min: q.min } : {}),
  ...(q.max !== undefined ? { max: q.max } : {}),
  help: `Chỉ tiêu đơn vị đăng ký đạt trong năm cho "${q.header}"; để trống nếu không đăng ký chỉ tiêu này.`,
}));

/**
 * The plan's own consistency: a target for units recognised may not exceed the target for units registered. And a
 * plan is a commitment to numbers: without a single target there is nothing to compare the final report with.
 */
const PLAN_RULES: readonly FormRule[] = [
  { kind: 'atMost', header: targetHeader(RECOGNISED_UNITS_HEADER), atMost: targetHeader(REGISTERED_UNITS_HEADER) },
  {
    kind: 'anyAnswered',
    headers: TARGET_QUESTIONS.map((q) => q.header),
    message: `Kế hoạch chưa đăng ký chỉ tiêu nào: hãy điền ít nhất một câu "Chỉ tiêu đăng ký: …", ví dụ "${TARGET_QUESTIONS[0].header}".`,
  },
];

export const PLAN_FORM: FormDef = {
  tab: 'Kế hoạch thi đua',
  title: 'Kế hoạch và chỉ tiêu thi đua phong trào Toàn dân bảo vệ an ninh Tổ quốc',
  description:
    'Kế hoạch thực hiện phong trào trong năm của đơn vị: đường liên kết tới văn bản kế hoạch và các chỉ tiêu đơn vị đăng ký, để đối chiếu với báo cáo tổng kết. Đăng ký ít nhất một chỉ tiêu. Muốn sửa thì dùng đường liên kết chỉnh sửa trong thư xác nhận.',
  questions: [
    UNIT_CODE,
    UNIT_SECRET,
    {
      header: 'Người lập kế hoạch',
      kind: 'text',
      required: true,
      help: 'Họ và tên cán bộ đầu mối xây dựng kế hoạch.',
      maxLength: 120,
    },
    { header: 'Số, ký hiệu văn bản kế hoạch', kind: 'text', required: false, help: 'Ví dụ 15/KH-UBND.', maxLength: 60 },
    {
      header: PLAN_LINK_HEADER,
      kind: 'url',
      required: true,
      help: 'Đường liên kết (bắt đầu bằng https://) tới văn bản kế hoạch, ví dụ trên Google Drive, đã cho phép Thường trực phong trào xem.',
      maxLength: 2000,
    },
    ...TARGET_QUESTIONS,
  ],
  rules: PLAN_RULES,
};
