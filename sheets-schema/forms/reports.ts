// `Báo cáo sơ kết` and the indicator part of `Báo cáo tổng kết`: the indicators of DOMAIN §7.
import type { FormDef, FormRule, Question } from '../types.ts';
import { UNIT_CODE, UNIT_SECRET } from './unit.ts';
const REPORTER: Question = {
  header: 'Người báo cáo',
  kind: 'text',
  required: true,
  help: 'Họ và tên cán bộ lập báo cáo.',
  maxLength: 120,
};

function indicator(header: string, help: string): Question {
  return { header, kind: 'integer', required: true, min: 0, max: 100_000_000, help: `${help} Ghi 0 nếu không có.` };
}

export const REGISTERED_UNITS_HEADER = 'Số đơn vị, khu dân cư đăng ký "An toàn về ANTT"';
export const RECOGNISED_UNITS_HEADER = 'Số đơn vị, khu dân cư được công nhận "An toàn về ANTT"';

/** The yearly indicators, the same in the interim and final reports so that they add up across campaigns. */
export const INDICATOR_QUESTIONS: readonly Question[] = [
  indicator('Số buổi tuyên truyền', 'Số buổi tuyên truyền, phổ biến về phong trào và pháp luật về an ninh, trật tự.'),
  indicator('Số lượt người dự tuyên truyền', 'Tổng số lượt người tham dự các buổi tuyên truyền.'),
  indicator(
    'Số tin, bài đăng trên mạng và cổng thông tin',
    'Tin, bài tuyên truyền đăng trên mạng xã hội, trang, cổng thông tin điện tử.',
  ),
  indicator('Số tờ rơi, tài liệu phát hành', 'Tờ rơi, tờ gấp, tài liệu tuyên truyền đã phát hành.'),
  indicator(REGISTERED_UNITS_HEADER, 'Số cơ quan, doanh nghiệp, nhà trường, khu dân cư đã đăng ký.'),
  indicator(RECOGNISED_UNITS_HEADER, 'Không được lớn hơn số đã đăng ký.'),
  indicator('Số hộ gia đình ký cam kết', 'Hộ gia đình ký cam kết thực hiện phong trào.'),
  indicator('Số mô hình, điển hình hoạt động', 'Mô hình tự phòng, tự quản, tự bảo vệ, tự hòa giải đang hoạt động.'),
  indicator('Số thành viên tham gia mô hình', 'Tổng số thành viên của các mô hình.'),
  indicator('Số gương điển hình tiên tiến', 'Tập thể, cá nhân điển hình tiên tiến được phát hiện, biểu dương.'),
  indicator('Số tin báo, tố giác tiếp nhận', 'Tin báo, tố giác về tội phạm, vi phạm pháp luật do nhân dân cung cấp.'),
  indicator('Số vụ việc giải quyết nhờ tin báo', 'Vụ việc được phát hiện, giải quyết nhờ tin báo của nhân dân.'),
  indicator('Số tổ liên gia tự quản', 'Tổ liên gia, tổ tự quản về an ninh, trật tự.'),
  indicator(
    'Số người được giúp đỡ tái hòa nhập cộng đồng',
    'Người chấp hành xong án phạt tù được giúp đỡ tái hòa nhập.',
  ),
  indicator(
    'Số vũ khí, vật liệu nổ, công cụ hỗ trợ thu hồi',
    'Vũ khí, vật liệu nổ, công cụ hỗ trợ do nhân dân giao nộp.',
  ),
  {
    header: 'Tỷ lệ cán bộ, nhân viên được tuyên truyền (%)',
    kind: 'percent',
    required: true,
    min: 0,
    max: 100,
    help: 'Từ 0 đến 100, ví dụ 95 hoặc 95,5.',
  },
  {
    header: 'Tỷ lệ hộ gia đình ký cam kết (%)',
    kind: 'percent',
    required: false,
    min: 0,
    max: 100,
    help: 'Khu dân cư, xã, phường điền; đơn vị khác để trống.',
  },
];

/** The reports' own consistency: units recognised "An toàn về ANTT" cannot outnumber the units registered. */
export const REPORT_CONSISTENCY: readonly FormRule[] = [
  { kind: 'atMost', header: RECOGNISED_UNITS_HEADER, atMost: REGISTERED_UNITS_HEADER },
];

function narrative(header: string, help: string): Question {
  return { header, kind: 'paragraph', required: false, help, maxLength: 5000 };
}

/**
 * The free-text parts of the reports to the level above besides the figures (hạn chế, nguyên nhân, phương hướng, kiến
 * nghị): the documents list them by unit for the coordinator to edit. Optional, so older tabs without them stay valid.
 */
export const REPORT_TEXT_HEADERS = {
  highlights: 'Kết quả nổi bật, hạn chế',
  shortcomings: 'Hạn chế, tồn tại',
  causes: 'Nguyên nhân của hạn chế',
  directions: 'Phương hướng, nhiệm vụ thời gian tới',
  proposals: 'Kiến nghị, đề xuất',
} as const;

export const REPORT_TEXT_QUESTIONS: readonly Question[] = [
  narrative(REPORT_TEXT_HEADERS.highlights, 'Tóm tắt kết quả nổi bật, tồn tại, hạn chế.'),
  narrative(REPORT_TEXT_HEADERS.shortcomings, 'Những hạn chế, tồn tại trong thực hiện phong trào.'),
  narrative(REPORT_TEXT_HEADERS.causes, 'Nguyên nhân khách quan, chủ quan của hạn chế.'),
  narrative(REPORT_TEXT_HEADERS.directions, 'Phương hướng, nhiệm vụ trọng tâm thời gian tới.'),
  narrative(REPORT_TEXT_HEADERS.proposals, 'Kiến nghị, đề xuất với cấp trên.'),
];

export const INTERIM_FORM: FormDef = {
  tab: 'Báo cáo sơ kết',
  title: 'Báo cáo sơ kết phong trào Toàn dân bảo vệ an ninh Tổ quốc',
  description:
    'Kết quả 9 tháng đầu năm. Mỗi chỉ tiêu là số nguyên không âm; muốn sửa thì dùng đường liên kết chỉnh sửa trong thư xác nhận.',
  questions: [UNIT_CODE, UNIT_SECRET, REPORTER, ...INDICATOR_QUESTIONS, ...REPORT_TEXT_QUESTIONS],
  rules: REPORT_CONSISTENCY,
};

export { UNIT_CODE, REPORTER };
