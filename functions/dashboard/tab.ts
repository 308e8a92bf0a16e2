// `Tổng hợp` laid out for a person: a title block, then one titled section per question a coordinator asks.
// Section titles and column labels are stable and codes sit in their own columns, so many campaigns' sheets roll up.
import { formatNumber } from '../core/format.ts';
import { TAB } from '../../sheets-schema/index.ts';
import type { Progress } from '../calendar/index.ts';
import { formatDate, formatDateTime } from '../core/cells.ts';
import type { Cell } from '../core/cells.ts';
import type { Evaluation } from '../core/model.ts';
import type { TabWrite } from '../core/snapshot.ts';
import type { OrganiserDeadline } from '../calendar/index.ts';
import { documentsFolderRow } from './documents-row.ts';
import { dashboardModel, type DashboardModel } from './model.ts';
import {
  childrenTotalsSection,
  organiserSections,
  totalsSections,
  TOTALS_SECTIONS,
  type DashboardSection,
} from './totals.ts';

/** Every section title, in reading order. */
/** The columns of the progress section: a contract, read back by a parent's roll-up (functions/rollup/figures.ts). */
export const PROGRESS_SECTION_HEADERS = [
  'Mã mốc',
  'Tên mốc',
  'Hạn nộp',
  'Số đơn vị',
  'Đã nộp đúng hạn',
  'Nộp muộn',
  'Quá hạn',
  'Không hợp lệ',
  'Chưa đến hạn',
  'Tỷ lệ đã nộp (%)',
  'Không bắt buộc',
] as const;

export const DASHBOARD_SECTIONS = {
  progress: 'TIẾN ĐỘ NỘP THEO MỐC',
  organiser: TOTALS_SECTIONS.organiser,
  lateUnitDeadlines: TOTALS_SECTIONS.lateUnitDeadlines,
  overdue: 'ĐƠN VỊ QUÁ HẠN',
  levels: 'KẾT QUẢ XẾP LOẠI',
  leaders: 'ĐƠN VỊ DẪN ĐẦU CỤM/KHỐI',
  nominations: 'ĐỀ NGHỊ KHEN THƯỞNG SO VỚI CHỈ TIÊU',
  campaign: TOTALS_SECTIONS.campaign,
  clusters: TOTALS_SECTIONS.clusters,
  antt: TOTALS_SECTIONS.antt,
  models: TOTALS_SECTIONS.models,
  fixes: 'CÂU TRẢ LỜI CHỜ ĐƠN VỊ SỬA',
} as const;

/** The last section, there only while an address in `Đơn vị` needs fixing. */
export const INVALID_EMAILS_SECTION = 'ĐỊA CHỈ EMAIL CẦN SỬA TRONG TRANG ĐƠN VỊ';

const INVALID_EMAIL =
  'Không phải địa chỉ email hợp lệ (ví dụ đúng: vanthu@donvi.gov.vn). Thư không gửi tới địa chỉ này cho đến khi được ' +
  'sửa; các địa chỉ hợp lệ khác của đơn vị vẫn nhận thư.';

export function dashboardTab(
  evaluation: Evaluation,
  progress: Progress,
  now: Date,
  organiser: readonly OrganiserDeadline[] = [],
): TabWrite {
  return renderDashboard(dashboardModel(evaluation, progress, now, organiser));
}

export function renderDashboard(model: DashboardModel): TabWrite {
  const tz = model.timeZone;
  const rows: (readonly Cell[])[] = [
    [`BẢNG TỔNG HỢP ${model.campaign.toLocaleUpperCase('vi')}`],
    ['Năm', model.year],
    ['Cơ quan phát động', model.organisation],
    ['Cập nhật lúc', formatDateTime(model.updatedAt, tz)],
    ['Số đơn vị', model.unitCount],
  ];
  const stampRow = rows.length - 2;
  rows.push(documentsFolderRow(model.documentsFolder));
  const section = (title: string, headers: readonly string[], body: readonly (readonly Cell[])[], empty: string) => {
    rows.push([], [title], [...headers]);
    if (body.length === 0) rows.push([empty]);
    else for (const row of body) rows.push(row);
  };
  const add = (s: DashboardSection) => section(s.title, s.headers, s.body, s.empty);
  // Each milestone's deadline formatted once, not on every overdue unit's row.
  const deadlines = new Map(model.milestones.map((m) => [m.deadline, formatDate(m.deadline, tz)]));

  section(
    DASHBOARD_SECTIONS.progress,
    [...PROGRESS_SECTION_HEADERS],
    model.milestones.map((m) => [
      m.code,
      m.name,
      deadlines.get(m.deadline)!,
      m.units,
      m.onTime,
      m.late,
      m.overdue,
      m.invalid,
      m.notYetDue,
      m.submittedPercent,
      // Last, so the columns other campaigns' dashboards already have keep their places for a roll-up.
      m.notRequired,
    ]),
    'Chưa có mốc thời gian nào hợp lệ.',
  );
  // Right under the units' deadlines: a unit deadline after the organiser's own is something to fix in that tab.
  for (const s of organiserSections(model.reportDeadlines, model.lateUnitDeadlines, tz)) add(s);
  section(
    DASHBOARD_SECTIONS.overdue,
    ['Mã đơn vị', 'Tên đơn vị', 'Cụm/Khối', 'Mã mốc', 'Tên mốc', 'Hạn nộp', 'Trạng thái'],
    model.overdue.map((o) => [
      o.unitCode,
      o.unitName,
      o.cluster,
      o.milestoneCode,
      o.milestoneName,
      deadlines.get(o.deadline) ?? formatDate(o.deadline, tz),
      o.status,
    ]),
    'Không có đơn vị quá hạn.',
  );
  section(
    DASHBOARD_SECTIONS.levels,
    ['Xếp loại', 'Số đơn vị', 'Tỷ lệ (%)'],
    model.levels.map((l) => [l.level, l.count, l.percent]),
    '',
  );
  section(
    DASHBOARD_SECTIONS.leaders,
    ['Cụm/Khối', 'Mã đơn vị', 'Tên đơn vị', 'Tổng điểm', 'Xếp loại'],
    model.leaders.map((l) => [l.cluster, l.unitCode, l.unitName, l.total ?? '', l.level]),
    'Chưa có đơn vị nào được xếp loại.',
  );
  section(
    DASHBOARD_SECTIONS.nominations,
    ['Hình thức khen thưởng', 'Đối tượng', 'Số đề nghị', 'Số hợp lệ', 'Tối thiểu', 'Tối đa', 'Tình trạng'],
    model.nominations.map((n) => [n.award, n.kind, n.nominated, n.eligible, n.min ?? '', n.max ?? '', n.status]),
    'Chưa có chỉ tiêu khen thưởng.',
  );
  for (const s of totalsSections(model.totals)) add(s);
  if (model.withChildren) add(childrenTotalsSection(model.withChildren));
  section(
    DASHBOARD_SECTIONS.fixes,
    ['Biểu mẫu', 'Dấu thời gian', 'Mã đơn vị', 'Tên đơn vị', 'Lỗi'],
    model.pendingFixes.map((f) => [
      f.form,
      f.submittedAt ? formatDateTime(f.submittedAt, tz) : '',
      f.unitCode,
      f.unitName || 'Mã đơn vị không có trong danh sách',
      f.errors.join('\n'),
    ]),
    'Không có câu trả lời nào chờ sửa.',
  );
  // Only when there is one to fix, and last: the sections above keep their places for a roll-up.
  if (model.invalidEmails.length > 0)
    section(
      INVALID_EMAILS_SECTION,
      ['Mã đơn vị', 'Tên đơn vị', 'Cột', 'Địa chỉ', 'Lỗi'],
      model.invalidEmails.map((e) => [e.unitCode, e.unitName, e.header, e.address, INVALID_EMAIL]),
      '',
    );
  return { tab: TAB.dashboard, rows, stampRow };
}

/** What the spreadsheet itself looks like, known only to the apply step once the grids of this run are sized. */
export interface SpreadsheetFigures {
  /** Cells of every sheet's grid once this run is written. */
  readonly cells: number;
  readonly cap: number;
  /** The spreadsheet's own time zone. */
  readonly timeZone: string | undefined;
  /** Set when that zone differs from `Múi giờ`. */
  readonly warning: string | undefined;
}

/**
 * The dashboard with two rows about the spreadsheet under `Số đơn vị`: its cells against Google's cap, and its zone.
 */
export function withSpreadsheetRows(tab: TabWrite, figures: SpreadsheetFigures): TabWrite {
  const at = tab.rows.findIndex((row) => row[0] === 'Số đơn vị') + 1;
  if (at === 0) return tab;
  const share = Math.round((figures.cells / figures.cap) * 1000) / 10;
  const rows = [
    ...tab.rows.slice(0, at),
    ['Số ô của bảng tính', figures.cells, `${share}% giới hạn ${formatNumber(figures.cap)} ô của Google Trang tính`],
    ['Múi giờ của bảng tính', figures.timeZone ?? '', figures.warning ?? ''],
    ...tab.rows.slice(at),
  ];
  return { ...tab, rows };
}
