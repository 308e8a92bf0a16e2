// `Tổng hợp` gains the figures of the reports up and the organiser's own deadlines (issue 18 §1, §5), through the job.
import { describe, expect, it } from 'vitest';
import { ANTT_AGENCY_CRITERIA } from '../../../sheets-schema/forms/index.ts';
import { TAB } from '../../../sheets-schema/index.ts';
import type { Cell } from '../../../functions/core/cells.ts';
import { DASHBOARD_SECTIONS } from '../../../functions/dashboard/index.ts';
import { planJob } from '../../../functions/jobs/jobs.ts';
import { campaign } from '../rules/builder.ts';

const SESSIONS = 'Số buổi tuyên truyền';
const STAFF_PERCENT = 'Tỷ lệ cán bộ, nhân viên được tuyên truyền (%)';
const agencyStandard = Object.fromEntries(ANTT_AGENCY_CRITERIA.map((c) => [c.header, 'Có']));
const HEADER = ['Mã mốc', 'Tên mốc', 'Biểu mẫu', 'Hạn nộp', 'Nhắc trước (ngày)', 'Bắt buộc', 'Loại', 'Nơi nhận'];

/** Seed 000's units' deadlines (tổng kết 31/12/2024) against seed 003's report to Bộ Công an, Bộ Nội vụ by 30/11. */
const MILESTONES: Cell[][] = [
  HEADER,
  ['SK', 'Báo cáo sơ kết', TAB.interim, '30/09/2024', '7,3,1', 'Có', '', ''],
  ['TK', 'Báo cáo tổng kết', TAB.final, '31/12/2024', '7,3,1', 'Có', '', ''],
  ['BC-TK', 'Báo cáo gửi Bộ Công an, Bộ Nội vụ', TAB.final, '30/11/2024', '7,3', '', 'Báo cáo cấp trên', 'Bộ Công an'],
];

function dashboard(now: Date): Cell[][] {
  const snap = campaign()
    .setting('Năm', '2024')
    .unit({ code: 'A', name: 'Vụ Pháp chế', type: 'Cơ quan', cluster: 'Khối Vụ' })
    .unit({ code: 'B', name: 'Cục Việc làm', type: 'Cơ quan', cluster: 'Khối Cục' })
    // A type the circular does not name (armed-forces units are outside TT 124/2021/TT-BCA).
    .unit({ code: 'C', name: 'Ban Chỉ huy quân sự Cục Việc làm', type: 'Lực lượng vũ trang', cluster: 'Khối Cục' })
    // Registered in the first quarter of the campaign's year (TT 124/2021/TT-BCA).
    .register('A', {
      'Dấu thời gian': '15/01/2024 08:00:00',
      'Mô hình điển hình đăng ký': 'Tổ bảo vệ cơ quan\nCamera an ninh',
      'Số tổ': 2,
    })
    .respond(TAB.interim, { 'Mã đơn vị': 'A', [SESSIONS]: 4, [STAFF_PERCENT]: 80 })
    .respond(TAB.interim, { 'Mã đơn vị': 'B', [SESSIONS]: 6, [STAFF_PERCENT]: 90 })
    .report('A', { TC1: 50, TC2: 50 }, { [SESSIONS]: 10, [STAFF_PERCENT]: 100, ...agencyStandard })
    .tab(TAB.milestones, MILESTONES)
    .snapshot();
  return planJob('ingest', snap, now)
    .plan.writes.find((w) => w.tab === TAB.dashboard)!
    .rows.map((r) => [...r]);
}

/** The rows of a section: its header row and body, up to the blank row after it. */
function section(rows: Cell[][], title: string): Cell[][] {
  const at = rows.findIndex((r) => r[0] === title);
  expect(at, title).toBeGreaterThan(0);
  const end = rows.findIndex((r, i) => i > at && r.length === 0);
  return rows.slice(at + 1, end < 0 ? undefined : end);
}

describe('Tổng hợp: the reports up', () => {
  const rows = dashboard(new Date('2024-11-20T08:00:00+07:00'));

  it('issue 18 §5 (seed 000 against seed 003): the report deadline, and the unit deadline after it flagged in plain Vietnamese', () => {
    expect(section(rows, DASHBOARD_SECTIONS.organiser)).toEqual([
      ['Mã mốc', 'Tên mốc', 'Nơi nhận', 'Biểu mẫu', 'Hạn nộp', 'Tình trạng'],
      ['BC-TK', 'Báo cáo gửi Bộ Công an, Bộ Nội vụ', 'Bộ Công an', TAB.final, '30/11/2024', 'Chưa đến hạn'],
    ]);
    const late = section(rows, DASHBOARD_SECTIONS.lateUnitDeadlines);
    expect(late).toHaveLength(2);
    expect(late[1].slice(0, 6)).toEqual(['TK', 'Báo cáo tổng kết', '31/12/2024', 'BC-TK', '30/11/2024', 31]);
    expect(late[1][6]).toContain('muộn 31 ngày so với hạn "Báo cáo gửi Bộ Công an, Bộ Nội vụ" (30/11/2024)');
  });

  it('issue 18 §1: campaign totals of the sơ kết and tổng kết with the change, every indicator in its own row', () => {
    const body = section(rows, DASHBOARD_SECTIONS.campaign);
    expect(body[0]).toEqual(['Nội dung', 'Cách tính', 'Sơ kết', 'Tổng kết', 'Tăng, giảm so với sơ kết']);
    expect(body[1]).toEqual(['Số đơn vị đã báo cáo', '', 2, 1, -1]);
    expect(body.find((r) => r[0] === SESSIONS)).toEqual([SESSIONS, 'Tổng', 10, 10, 0]);
    expect(body.find((r) => r[0] === STAFF_PERCENT)).toEqual([STAFF_PERCENT, 'Bình quân các đơn vị', 85, 100, 15]);
    expect(body).toHaveLength(2 + 17);
  });

  it('issue 18 §1: per Cụm/Khối, a row for the sơ kết, the tổng kết and the change, indicators in columns', () => {
    const body = section(rows, DASHBOARD_SECTIONS.clusters);
    const column = body[0].indexOf(SESSIONS);
    expect(body.map((r) => [r[0], r[1], r[3], r[column]])).toEqual([
      ['Cụm/Khối', 'Báo cáo', 'Số đơn vị đã báo cáo', SESSIONS],
      ['Khối Vụ', 'Sơ kết', 1, 4],
      ['Khối Vụ', 'Tổng kết', 1, 10],
      ['Khối Vụ', 'Tăng, giảm so với sơ kết', '', 6],
      ['Khối Cục', 'Sơ kết', 1, 6],
      ['Khối Cục', 'Tổng kết', 0, ''],
      ['Khối Cục', 'Tăng, giảm so với sơ kết', '', ''],
    ]);
  });

  it('TT 124/2021/TT-BCA and HD 22/HD-BCA-V05: ANTT by Loại hình (no rate where the standard applies to none) and the registered models', () => {
    expect(section(rows, DASHBOARD_SECTIONS.antt)).toEqual([
      ['Loại hình', 'Số đơn vị', 'Đạt', 'Chưa đạt', 'Không thuộc phạm vi', 'Chưa có báo cáo', 'Tỷ lệ đạt (%)'],
      ['Cơ quan', 2, 1, 0, 0, 1, 50],
      ['Lực lượng vũ trang', 1, 0, 0, 1, 0, ''],
    ]);
    expect(section(rows, DASHBOARD_SECTIONS.models)).toEqual([
      ['Cụm/Khối', 'Mã đơn vị', 'Tên đơn vị', 'Mô hình, điển hình', 'Số điểm áp dụng', 'Số tổ'],
      ['Khối Vụ', 'A', 'Vụ Pháp chế', 'Tổ bảo vệ cơ quan\nCamera an ninh', '', 2],
    ]);
  });

  it('issue 18 §5: the report deadline is near a week before, due on its day, past after', () => {
    const status = (now: string) => section(dashboard(new Date(now)), DASHBOARD_SECTIONS.organiser)[1][5];
    expect(status('2024-11-23T08:00:00+07:00')).toBe('Sắp đến hạn');
    expect(status('2024-11-30T08:00:00+07:00')).toBe('Hôm nay là hạn cuối');
    expect(status('2024-12-01T08:00:00+07:00')).toBe('Đã qua hạn');
  });
});
