// Every tab of the campaign spreadsheet: name, owner and required headers (DESIGN.md, "The spreadsheet").
import type { TabDef } from './types.ts';
import { CRITERION_TYPES_HEADER, FORMS, NOMINATION_HEADERS } from './forms/index.ts';
import {
  CATALOGUE_HEADERS,
  DECISION_HEADERS,
  MODEL_REGISTER_HEADERS,
  REGISTRY_HEADERS,
  YEAR_RESULT_HEADERS,
} from './awards.ts';

/** The first column Google Forms writes in every response tab. */
export const TIMESTAMP_HEADER = 'Dấu thời gian';

export const TAB = {
  config: 'Cấu hình',
  units: 'Đơn vị',
  milestones: 'Mốc thời gian',
  criteria: 'Tiêu chí',
  targets: 'Chỉ tiêu',
  catalogue: 'Danh mục khen thưởng',
  decisions: 'Quyết định khen thưởng',
  registry: 'Sổ theo dõi khen thưởng',
  yearResults: 'Xếp loại các năm',
  models: 'Sổ mô hình',
  quotas: 'Phân bổ chỉ tiêu',
  assessment: 'Thẩm định',
  anttDecisions: 'Quyết định công nhận ANTT',
  registration: 'Đăng ký thi đua',
  plan: 'Kế hoạch thi đua',
  interim: 'Báo cáo sơ kết',
  final: 'Báo cáo tổng kết',
  nominations: 'Đề nghị khen thưởng',
  checks: 'Kiểm tra',
  progress: 'Tiến độ',
  classification: 'Xếp loại',
  awards: 'Khen thưởng',
  dashboard: 'Tổng hợp',
  mailLog: 'Nhật ký thư',
  formLinks: 'Liên kết biểu mẫu',
  history: 'Lịch sử',
  documents: 'Văn bản',
  children: 'Tổng hợp cấp dưới',
  forwarded: 'Đề nghị cấp dưới',
  sendUp: 'Đề nghị gửi cấp trên',
} as const;

/** `Mã bảng tính` of `Đơn vị`: the id (or address) of a child campaign's spreadsheet. */
export const CHILD_SPREADSHEET_HEADER = 'Mã bảng tính';

/** The columns of `Tổng hợp cấp dưới` every row has; per milestone, indicator and award columns follow. */
export const CHILDREN_HEADERS = [
  'Mã đơn vị',
  'Tên đơn vị',
  CHILD_SPREADSHEET_HEADER,
  'Tình trạng',
  'Lý do',
  'Số liệu lúc',
  'Số đơn vị',
  'Xếp loại suy ra',
] as const;

/** `Quyết định công nhận ANTT`: one row per unit recognised as "An toàn về ANTT" this year. */
export const ANTT_DECISION_HEADERS = ['Mã đơn vị', 'Số quyết định', 'Ngày', 'Cơ quan quyết định'] as const;

/**
 * The nomination answers a campaign sends up with each eligible nomination (`Đề nghị gửi cấp trên`) and its parent
 * keeps (`Đề nghị cấp dưới`): what the parent's rules and its tờ trình, danh sách read.
 */
export const FORWARDED_ANSWER_HEADERS = [
  NOMINATION_HEADERS.kind,
  NOMINATION_HEADERS.award,
  NOMINATION_HEADERS.nominee,
  NOMINATION_HEADERS.position,
  NOMINATION_HEADERS.summary,
  NOMINATION_HEADERS.gender,
  NOMINATION_HEADERS.group,
  NOMINATION_HEADERS.years,
  NOMINATION_HEADERS.difficultYears,
  NOMINATION_HEADERS.commendations,
  NOMINATION_HEADERS.excluded,
  NOMINATION_HEADERS.disciplined,
  NOMINATION_HEADERS.achievement,
  NOMINATION_HEADERS.birthDate,
] as const;

/** `Nguồn`: where below a nomination comes from, the unit codes from the child down (`X01`, `P1 › KDC3`). */
export const ORIGIN_HEADER = 'Nguồn';

/** `Đề nghị gửi cấp trên`: this campaign's eligible nominations, its own and those its children forwarded. */
export const SEND_UP_HEADERS = ['Mã đơn vị', ORIGIN_HEADER, 'Dấu thời gian', ...FORWARDED_ANSWER_HEADERS] as const;

/** `Đề nghị cấp dưới`: the children's eligible nominations, as nominations of the child's body in this campaign. */
export const FORWARDED_HEADERS = [
  'Mã đơn vị',
  CHILD_SPREADSHEET_HEADER,
  ORIGIN_HEADER,
  'Dấu thời gian',
  ...FORWARDED_ANSWER_HEADERS,
] as const;

/** `Bắt buộc` of `Mốc thời gian` (`Có`/`Không`, blank = `Có`); optional when reading, added by setup-sheets. */
export const REQUIRED_HEADER = 'Bắt buộc';

/**
 * `Loại` of `Mốc thời gian`: what a row is. Blank or `Đơn vị nộp` is a deadline for the units (a form they submit);
 * `Báo cáo cấp trên` is the organiser's own report to the level above (issue 18 §5), never reminded to units.
 */
export const MILESTONE_KIND_HEADER = 'Loại';
export const MILESTONE_KIND_UNIT = 'Đơn vị nộp';
export const MILESTONE_KIND_ORGANISER = 'Báo cáo cấp trên';
/** `Nơi nhận` of `Mốc thời gian`: who receives an organiser's report (Bộ Công an, UBND tỉnh…); blank for units. */
export const MILESTONE_RECIPIENT_HEADER = 'Nơi nhận';

/**
 * An extra column the form trigger (Apps Script in production, the local forms here) writes beside the
 * answers: the response's own edit link, used in "please fix" emails. Google Forms keeps extra columns.
 */
export const EDIT_LINK_HEADER = 'Liên kết chỉnh sửa';

/** `Tiến độ`, one row per unit × milestone, as the jobs write it. */
export const PROGRESS_HEADERS = ['Mã đơn vị', 'Tên đơn vị', 'Mã mốc', 'Hạn nộp', 'Trạng thái', 'Ngày nộp'] as const;

const COORDINATOR_TABS: readonly TabDef[] = [
  {
    name: TAB.config,
    owner: 'coordinator',
    headers: ['Khóa', 'Giá trị'],
    optionalHeaders: ['Ghi chú'],
    description: 'Cấu hình phong trào: tên, năm, cơ quan phát động, người gửi, người nhận bản tin, ngưỡng xếp loại.',
  },
  {
    name: TAB.units,
    owner: 'coordinator',
    headers: ['Mã đơn vị', 'Tên đơn vị', 'Loại hình', 'Cụm/Khối', 'Email liên hệ', 'Email lãnh đạo'],
    // A unit with a child campaign's spreadsheet is a body whose results come from below (docs/design/rollup.md).
    optionalHeaders: [CHILD_SPREADSHEET_HEADER],
    description:
      'Danh sách đơn vị tham gia phong trào; đơn vị có Mã bảng tính là cấp dưới có bảng tính riêng, số liệu lấy từ bảng tính đó.',
  },
  {
    name: TAB.milestones,
    owner: 'coordinator',
    headers: ['Mã mốc', 'Tên mốc', 'Biểu mẫu', 'Hạn nộp', 'Nhắc trước (ngày)'],
    // Not required when reading: a spreadsheet set up before the column existed reads every milestone as required.
    optionalHeaders: [REQUIRED_HEADER, MILESTONE_KIND_HEADER, MILESTONE_RECIPIENT_HEADER],
    description:
      'Các mốc thời gian, biểu mẫu, hạn nộp (dd/MM/yyyy), mốc có bắt buộc nộp hay không, và hạn báo cáo cấp trên của cơ quan phát động.',
  },
  {
    name: TAB.criteria,
    owner: 'coordinator',
    headers: ['Mã tiêu chí', 'Nhóm', 'Nội dung', 'Điểm tối đa'],
    // Not required when reading: a spreadsheet set up before the column existed has criteria for every type.
    optionalHeaders: [CRITERION_TYPES_HEADER],
    description:
      'Tiêu chí chấm điểm phong trào; cột Loại hình để trống là tiêu chí chung, ghi loại hình (ví dụ Khu dân cư, Xã/Phường) là tiêu chí riêng của các loại hình đó.',
  },
  {
    name: TAB.catalogue,
    owner: 'coordinator',
    headers: [CATALOGUE_HEADERS.name, CATALOGUE_HEADERS.kinds],
    // Blank or absent, each rule column means "no such rule" (docs/design/awards.md).
    optionalHeaders: Object.values(CATALOGUE_HEADERS).slice(2),
    description: 'Danh mục hình thức khen thưởng: đối tượng, mức xếp loại được xét, điều kiện và căn cứ pháp lý.',
  },
  {
    name: TAB.decisions,
    owner: 'coordinator',
    headers: Object.values(DECISION_HEADERS),
    description: 'Quyết định khen thưởng của năm (số, ngày, cấp quyết định), để ghi vào Sổ theo dõi khen thưởng.',
  },
  {
    name: TAB.registry,
    owner: 'coordinator',
    headers: Object.values(REGISTRY_HEADERS),
    description:
      'Sổ theo dõi khen thưởng qua các năm (ghi bằng npm run record-decisions, chuyển sang năm sau bằng npm run new-year).',
  },
  {
    name: TAB.yearResults,
    owner: 'coordinator',
    headers: Object.values(YEAR_RESULT_HEADERS),
    description:
      'Xếp loại và kết quả "An toàn về ANTT" của từng đơn vị qua các năm, kèm quyết định (ghi bằng npm run record-decisions).',
  },
  {
    name: TAB.models,
    owner: 'coordinator',
    headers: [MODEL_REGISTER_HEADERS.unit, MODEL_REGISTER_HEADERS.name],
    optionalHeaders: Object.values(MODEL_REGISTER_HEADERS).filter(
      (h) => h !== MODEL_REGISTER_HEADERS.unit && h !== MODEL_REGISTER_HEADERS.name,
    ),
    description:
      'Sổ mô hình, điển hình: tên, đơn vị, lĩnh vực, năm bắt đầu, tình trạng (Đang hoạt động, Nhân rộng, Giải thể) và đánh giá; hệ thống thêm mô hình mới đăng ký, Thường trực phong trào ghi lĩnh vực, tình trạng, đánh giá.',
  },
  {
    name: TAB.targets,
    owner: 'coordinator',
    headers: ['Hình thức khen thưởng', 'Đối tượng', 'Số lượng tối thiểu', 'Số lượng tối đa'],
    description: 'Chỉ tiêu khen thưởng của toàn phong trào.',
  },
  {
    name: TAB.quotas,
    owner: 'coordinator',
    headers: ['Mã đơn vị', 'Hình thức khen thưởng', 'Đối tượng', 'Số lượng'],
    description: 'Chỉ tiêu khen thưởng phân bổ cho từng đơn vị.',
  },
  {
    name: TAB.assessment,
    owner: 'coordinator',
    headers: ['Mã đơn vị', 'Điểm thẩm định'],
    optionalHeaders: ['Ghi chú'],
    description:
      'Điểm thẩm định của cấp trên: tổng điểm, hoặc điểm từng tiêu chí ở các cột có tiêu đề bắt đầu bằng mã tiêu chí (ví dụ [TC3]); điểm thẩm định thay cho điểm tự chấm, Ghi chú hiện cùng kết quả xếp loại.',
  },
  {
    name: TAB.anttDecisions,
    owner: 'coordinator',
    headers: [...ANTT_DECISION_HEADERS],
    description:
      'Quyết định công nhận đạt tiêu chuẩn "An toàn về ANTT" (Thông tư 124/2021/TT-BCA) của từng đơn vị; quyết định đã ghi thay cho kết quả tự đánh giá.',
  },
  {
    name: TAB.formLinks,
    owner: 'coordinator',
    headers: ['Mã đơn vị', 'Biểu mẫu', 'Liên kết'],
    description: 'Liên kết biểu mẫu điền sẵn mã của từng đơn vị (do kịch bản Apps Script ghi).',
  },
];

const SYSTEM_TABS: readonly TabDef[] = [
  {
    name: TAB.checks,
    owner: 'system',
    headers: ['Biểu mẫu', 'Dấu thời gian', 'Mã đơn vị', 'Trạng thái', 'Lỗi'],
    description: 'Kết quả kiểm tra từng câu trả lời biểu mẫu.',
  },
  {
    name: TAB.progress,
    owner: 'system',
    headers: PROGRESS_HEADERS,
    description: 'Tiến độ nộp của từng đơn vị theo từng mốc.',
  },
  {
    name: TAB.classification,
    owner: 'system',
    headers: ['Mã đơn vị', 'Tổng điểm', 'Xếp loại', 'Hạng trong Cụm/Khối', 'Được xét khen thưởng', 'Lý do'],
    description: 'Tổng điểm, xếp loại và thứ hạng của từng đơn vị.',
  },
  {
    name: TAB.awards,
    owner: 'system',
    headers: ['Hình thức khen thưởng', 'Đối tượng', 'Số đề nghị', 'Số hợp lệ', 'Tối thiểu', 'Tối đa', 'Tình trạng'],
    description: 'Số đề nghị khen thưởng so với chỉ tiêu.',
  },
  {
    name: TAB.dashboard,
    owner: 'system',
    headers: [],
    description: 'Bảng tổng hợp cho cán bộ theo dõi phong trào.',
  },
  {
    name: TAB.mailLog,
    owner: 'system',
    headers: ['Khóa', 'Mẫu thư', 'Người nhận', 'Thời điểm', 'Trạng thái'],
    optionalHeaders: ['Chi tiết', 'Lượt chạy'],
    description: 'Nhật ký thư đã gửi; căn cứ để không gửi trùng.',
  },
  {
    name: TAB.history,
    owner: 'system',
    headers: ['Tuần', 'Ngày'],
    description: 'Số liệu hằng tuần của bản tin, để so sánh với tuần trước.',
  },
  {
    name: TAB.documents,
    owner: 'system',
    headers: ['Văn bản', 'Loại', 'Thời điểm', 'Liên kết', 'Trạng thái'],
    description: 'Văn bản báo cáo và hồ sơ khen thưởng đã tạo, đường liên kết tới tệp trên Google Drive.',
  },
  {
    name: TAB.children,
    owner: 'system',
    headers: [...CHILDREN_HEADERS],
    description: 'Mỗi dòng một cấp dưới có bảng tính riêng: số liệu của cả cấp dưới đó, do công việc rollup ghi.',
  },
  {
    name: TAB.forwarded,
    owner: 'system',
    headers: [...FORWARDED_HEADERS],
    description:
      'Đề nghị khen thưởng đủ điều kiện của các cấp dưới có bảng tính riêng, do công việc rollup ghi; được xét như đề nghị của đơn vị cấp dưới đó (kết luận ở trang Kiểm tra).',
  },
  {
    name: TAB.sendUp,
    owner: 'system',
    headers: [...SEND_UP_HEADERS],
    description:
      'Đề nghị khen thưởng đủ điều kiện của phong trào này (của đơn vị và của cấp dưới), để cấp trên đọc khi tổng hợp.',
  },
];

const FORM_TABS: readonly TabDef[] = FORMS.map((form) => ({
  name: form.tab,
  owner: 'form' as const,
  headers: [TIMESTAMP_HEADER, ...form.questions.filter((q) => q.kind !== 'score').map((q) => q.header)],
  optionalHeaders: [EDIT_LINK_HEADER],
  description: form.description,
}));

/** All tabs in the order setup-sheets creates them. */
export const TABS: readonly TabDef[] = [...COORDINATOR_TABS, ...FORM_TABS, ...SYSTEM_TABS];

export function tabDef(name: string): TabDef {
  const def = TABS.find((t) => t.name === name);
  if (!def) throw new Error(`Unknown tab '${name}': declare it in sheets-schema/tabs.ts`);
  return def;
}
