// What a careful coordinator sets on each column: width, number format and dropdown, keyed by header text.
import {
  FORMS,
  MILESTONE_KIND_HEADER,
  MILESTONE_KIND_ORGANISER,
  MILESTONE_KIND_UNIT,
  TAB,
} from '../../sheets-schema/index.ts';

export type NumberFormat = { readonly type: 'DATE' | 'DATE_TIME'; readonly pattern: string };

export const DATE_FORMAT: NumberFormat = { type: 'DATE', pattern: 'dd/MM/yyyy' };
export const DATE_TIME_FORMAT: NumberFormat = { type: 'DATE_TIME', pattern: 'dd/MM/yyyy HH:mm:ss' };

const NUMBER_FORMATS: Readonly<Record<string, NumberFormat>> = {
  'Hạn nộp': DATE_FORMAT,
  'Ngày nộp': DATE_FORMAT,
  'Dấu thời gian': DATE_TIME_FORMAT,
  'Thời điểm': DATE_TIME_FORMAT,
};

export function numberFormatFor(header: string): NumberFormat | undefined {
  return NUMBER_FORMATS[header];
}

const WIDE = new Set([
  'Nội dung',
  'Lỗi',
  'Lý do',
  'Ghi chú',
  'Giá trị',
  'Liên kết',
  'Nội dung cam kết',
  'Thành tích tóm tắt',
  'Mô hình điển hình đăng ký',
  'Tên đơn vị',
  'Khóa',
]);

/** Pixels: wide for free text, otherwise enough for the header itself. */
export function widthFor(header: string): number {
  if (WIDE.has(header) || header.startsWith('[')) return 320;
  return Math.min(260, Math.max(110, header.length * 9));
}

export type Dropdown =
  | { readonly kind: 'list'; readonly values: readonly string[]; readonly help: string }
  | { readonly kind: 'column'; readonly tab: string; readonly header: string; readonly help: string };

export const LEVELS = ['Xuất sắc', 'Khá', 'Trung bình', 'Yếu'] as const;
const KINDS = ['Tập thể', 'Cá nhân'] as const;

/** Dropdowns on coordinator tabs; form and system tabs are typed by Forms or by us. */
export function dropdownFor(tab: string, header: string): Dropdown | undefined {
  const unitTabs: readonly string[] = [TAB.quotas, TAB.assessment, TAB.formLinks, TAB.anttDecisions];
  if (header === 'Mã đơn vị' && unitTabs.includes(tab)) {
    return { kind: 'column', tab: TAB.units, header: 'Mã đơn vị', help: 'Chọn mã đơn vị có trong trang Đơn vị.' };
  }
  if (header === 'Đối tượng' && (tab === TAB.targets || tab === TAB.quotas)) {
    return { kind: 'list', values: KINDS, help: 'Chọn Tập thể hoặc Cá nhân.' };
  }
  if (header === 'Hình thức khen thưởng' && tab === TAB.quotas) {
    return {
      kind: 'column',
      tab: TAB.targets,
      header: 'Hình thức khen thưởng',
      help: 'Chọn hình thức có trong trang Chỉ tiêu.',
    };
  }
  if (header === 'Bắt buộc' && tab === TAB.milestones) {
    return {
      kind: 'list',
      values: ['Có', 'Không'],
      help: 'Có: nhắc trước hạn và báo quá hạn. Không: chỉ nhắc trước hạn (ví dụ đề nghị khen thưởng).',
    };
  }
  if (header === MILESTONE_KIND_HEADER && tab === TAB.milestones) {
    return {
      kind: 'list',
      values: [MILESTONE_KIND_UNIT, MILESTONE_KIND_ORGANISER],
      help: 'Đơn vị nộp (để trống cũng vậy): hạn của đơn vị, có nhắc việc. Báo cáo cấp trên: hạn báo cáo của cơ quan phát động; không nhắc đơn vị, bản tin đếm ngược.',
    };
  }
  if (header === 'Biểu mẫu' && (tab === TAB.milestones || tab === TAB.formLinks)) {
    return { kind: 'list', values: FORMS.map((f) => f.tab), help: 'Chọn tên trang câu trả lời của biểu mẫu.' };
  }
  return undefined;
}

/** Dropdowns on single `Giá trị` cells of `Cấu hình`, by key. */
export function settingDropdown(key: string): Dropdown | undefined {
  if (key === 'Mức tối đa khi có vụ việc nghiêm trọng')
    return { kind: 'list', values: LEVELS, help: 'Chọn một mức xếp loại.' };
  if (key === 'Dời hạn khi trùng ngày nghỉ')
    return { kind: 'list', values: ['Có', 'Không'], help: 'Chọn Có hoặc Không.' };
  return undefined;
}

export interface Highlight {
  readonly tab: string;
  readonly header: string;
  readonly condition: 'TEXT_EQ' | 'TEXT_STARTS_WITH';
  readonly value: string;
  /** RGB in 0..1, as the API takes colours. */
  readonly background: { readonly red: number; readonly green: number; readonly blue: number };
}

const RED = { red: 0.96, green: 0.8, blue: 0.8 };
const ORANGE = { red: 0.99, green: 0.9, blue: 0.8 };
const YELLOW = { red: 1, green: 0.95, blue: 0.7 };

export const HIGHLIGHTS: readonly Highlight[] = [
  { tab: TAB.progress, header: 'Trạng thái', condition: 'TEXT_EQ', value: 'Quá hạn', background: RED },
  { tab: TAB.progress, header: 'Trạng thái', condition: 'TEXT_EQ', value: 'Không hợp lệ', background: ORANGE },
  { tab: TAB.progress, header: 'Trạng thái', condition: 'TEXT_EQ', value: 'Sắp đến hạn', background: YELLOW },
  { tab: TAB.checks, header: 'Trạng thái', condition: 'TEXT_EQ', value: 'Không hợp lệ', background: ORANGE },
  { tab: TAB.awards, header: 'Tình trạng', condition: 'TEXT_STARTS_WITH', value: 'Thiếu', background: RED },
  { tab: TAB.awards, header: 'Tình trạng', condition: 'TEXT_STARTS_WITH', value: 'Vượt', background: ORANGE },
];

/**
 * Charts placed on `Tổng hợp`, drawn from system tabs whose columns are found by header. Both draw cell ranges as
 * they are: the API takes `aggregateType` (counting rows per value) only for data-source charts, so the spread of
 * units is a histogram of their scores, whose buckets Sheets counts itself.
 */
export type ChartDef =
  | {
      readonly kind: 'basic';
      readonly title: string;
      readonly sourceTab: string;
      readonly domain: string;
      readonly series: readonly string[];
      readonly chartType: 'COLUMN' | 'BAR';
      readonly anchorRow: number;
    }
  | {
      readonly kind: 'histogram';
      readonly title: string;
      readonly sourceTab: string;
      readonly series: string;
      /** Width of a bucket: the thresholds of `Cấu hình` (50, 70, 90) fall on bucket edges. */
      readonly bucketSize: number;
      readonly anchorRow: number;
    };

export const CHARTS: readonly ChartDef[] = [
  {
    kind: 'basic',
    title: 'Đề nghị khen thưởng so với chỉ tiêu',
    sourceTab: TAB.awards,
    domain: 'Hình thức khen thưởng',
    series: ['Số hợp lệ', 'Tối thiểu', 'Tối đa'],
    chartType: 'BAR',
    anchorRow: 1,
  },
  {
    kind: 'histogram',
    title: 'Số đơn vị theo khoảng tổng điểm',
    sourceTab: TAB.classification,
    series: 'Tổng điểm',
    bucketSize: 10,
    anchorRow: 22,
  },
];
