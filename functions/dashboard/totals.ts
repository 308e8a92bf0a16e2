// The sections of `Tổng hợp` for the reports up (issue 18 §1, §5): the organiser's own deadlines and the unit deadlines
// that fall after them, the indicator totals of the sơ kết and tổng kết over the campaign and per Cụm/Khối,
// "An toàn về ANTT" by Loại hình, and the models the units registered. Labels are stable, so campaigns roll up.
import { formatDate, type Cell } from '../core/cells.ts';
import type { Countdown, LateUnitDeadline } from '../calendar/index.ts';
import type { IndicatorTotals, ScopeFigures } from '../results/index.ts';
import type { ChildrenTotals } from './model.ts';
import { percentOf } from '../results/indicators.ts';

export const TOTALS_SECTIONS = {
  withChildren: 'KẾT QUẢ CÁC CHỈ TIÊU BÁO CÁO (CẢ CẤP DƯỚI)',
  organiser: 'HẠN BÁO CÁO CẤP TRÊN',
  lateUnitDeadlines: 'HẠN CỦA ĐƠN VỊ MUỘN HƠN HẠN BÁO CÁO CẤP TRÊN',
  campaign: 'KẾT QUẢ CÁC CHỈ TIÊU BÁO CÁO (TOÀN PHONG TRÀO)',
  clusters: 'KẾT QUẢ CÁC CHỈ TIÊU BÁO CÁO THEO CỤM/KHỐI',
  antt: 'ĐƠN VỊ ĐẠT "AN TOÀN VỀ ANTT" THEO LOẠI HÌNH',
  models: 'MÔ HÌNH, ĐIỂN HÌNH ĐƠN VỊ ĐĂNG KÝ',
} as const;

/** One titled block of `Tổng hợp`: its column labels, its rows, and the line shown when it has none. */
export interface DashboardSection {
  readonly title: string;
  readonly headers: readonly string[];
  readonly body: readonly (readonly Cell[])[];
  readonly empty: string;
}

/** How an indicator is added up, in words. */
export const METHOD = { count: 'Tổng', percent: 'Bình quân các đơn vị' } as const;

/**
 * Where an organiser deadline stands, in words that change only on the days that matter (not a daily count, so an
 * idle sweep writes nothing): the digest gives the days left.
 */
export function deadlineStatus(c: Countdown): string {
  if (c.daysLeft < 0) return 'Đã qua hạn';
  if (c.daysLeft === 0) return 'Hôm nay là hạn cuối';
  const window = Math.max(0, ...c.deadline.prepareBefore);
  return c.daysLeft <= window ? 'Sắp đến hạn' : 'Chưa đến hạn';
}

export function organiserSections(
  countdowns: readonly Countdown[],
  late: readonly LateUnitDeadline[],
  timeZone: string,
): DashboardSection[] {
  return [
    {
      title: TOTALS_SECTIONS.organiser,
      headers: ['Mã mốc', 'Tên mốc', 'Nơi nhận', 'Biểu mẫu', 'Hạn nộp', 'Tình trạng'],
      body: countdowns.map((c) => [
        c.deadline.code,
        c.deadline.name,
        c.deadline.recipient,
        c.deadline.form,
        formatDate(c.deadline.deadline, timeZone),
        deadlineStatus(c),
      ]),
      empty: 'Chưa có hạn báo cáo cấp trên: thêm dòng có Loại là "Báo cáo cấp trên" ở trang Mốc thời gian.',
    },
    {
      title: TOTALS_SECTIONS.lateUnitDeadlines,
      headers: [
        'Mã mốc',
        'Tên mốc',
        'Hạn nộp của đơn vị',
        'Mã báo cáo cấp trên',
        'Hạn báo cáo cấp trên',
        'Số ngày muộn hơn',
        'Ghi chú',
      ],
      body: late.map((l) => [
        l.milestone.code,
        l.milestone.name,
        formatDate(l.milestone.deadline, timeZone),
        l.report.code,
        formatDate(l.report.deadline, timeZone),
        l.daysAfter,
        l.message,
      ]),
      empty: 'Không có hạn nộp nào của đơn vị muộn hơn hạn báo cáo cấp trên.',
    },
  ];
}

const orBlank = (n: number | null): Cell => n ?? '';

function scopeRows(s: ScopeFigures): Cell[][] {
  return [
    ['Số đơn vị đã báo cáo', '', s.interimReports, s.finalReports, s.finalReports - s.interimReports],
    ...s.figures.map((f) => [f.header, METHOD[f.kind], orBlank(f.interim), orBlank(f.final), orBlank(f.change)]),
  ];
}

/**
 * The indicators over the campaign and its child campaigns' subtrees (issue 19): a section of its own, so the
 * campaign's own section above stays its own units and a parent's roll-up never counts the children twice.
 */
export function childrenTotalsSection(totals: ChildrenTotals): DashboardSection {
  return {
    title: TOTALS_SECTIONS.withChildren,
    headers: ['Nội dung', 'Cách tính', 'Sơ kết', 'Tổng kết'],
    body: [
      ['Số cấp dưới có bảng tính riêng (đã có số liệu)', '', totals.children, totals.counted],
      ['Số đơn vị đã báo cáo', '', totals.interimReports, totals.finalReports],
      ...totals.figures.map((f) => [f.header, METHOD[f.kind], orBlank(f.interim), orBlank(f.final)]),
    ],
    empty: '',
  };
}

export function totalsSections(totals: IndicatorTotals): DashboardSection[] {
  const reported = totals.campaign.interimReports + totals.campaign.finalReports > 0;
  const indicatorHeaders = totals.indicators.map((i) => i.header);
  return [
    {
      title: TOTALS_SECTIONS.campaign,
      headers: ['Nội dung', 'Cách tính', 'Sơ kết', 'Tổng kết', 'Tăng, giảm so với sơ kết'],
      body: reported ? scopeRows(totals.campaign) : [],
      empty: 'Chưa có báo cáo sơ kết, tổng kết hợp lệ nào.',
    },
    {
      title: TOTALS_SECTIONS.clusters,
      headers: ['Cụm/Khối', 'Báo cáo', 'Số đơn vị', 'Số đơn vị đã báo cáo', ...indicatorHeaders],
      body: reported
        ? totals.clusters.flatMap((c) => [
            [c.cluster, 'Sơ kết', c.units, c.interimReports, ...c.figures.map((f) => orBlank(f.interim))],
            [c.cluster, 'Tổng kết', c.units, c.finalReports, ...c.figures.map((f) => orBlank(f.final))],
            [c.cluster, 'Tăng, giảm so với sơ kết', c.units, '', ...c.figures.map((f) => orBlank(f.change))],
          ])
        : [],
      empty: 'Chưa có báo cáo sơ kết, tổng kết hợp lệ nào.',
    },
    {
      title: TOTALS_SECTIONS.antt,
      headers: ['Loại hình', 'Số đơn vị', 'Đạt', 'Chưa đạt', 'Không thuộc phạm vi', 'Chưa có báo cáo', 'Tỷ lệ đạt (%)'],
      body: totals.antt.map((a) => [
        a.type,
        a.units,
        a.met,
        a.notMet,
        a.outOfScope,
        a.noReport,
        // Of the units the standard applies to; none (every trade union, say) is no rate at all, not 0%.
        a.units === a.outOfScope ? '' : percentOf(a.met, a.units - a.outOfScope),
      ]),
      empty: 'Chưa có đơn vị nào.',
    },
    {
      title: TOTALS_SECTIONS.models,
      headers: ['Cụm/Khối', 'Mã đơn vị', 'Tên đơn vị', 'Mô hình, điển hình', 'Số điểm áp dụng', 'Số tổ'],
      body: totals.models.map((m) => [
        m.cluster,
        m.unitCode,
        m.unitName,
        m.names.join('\n'),
        orBlank(m.places),
        orBlank(m.teams),
      ]),
      empty: 'Chưa có đơn vị nào đăng ký mô hình, điển hình.',
    },
  ];
}
