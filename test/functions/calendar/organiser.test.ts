// The organiser's own report deadlines (`Loại` = `Báo cáo cấp trên` in `Mốc thời gian`), issue 18 §5.
import { describe, expect, it } from 'vitest';
import { TAB } from '../../../sheets-schema/index.ts';
import {
  countdowns,
  lateUnitDeadlines,
  organiserDeadlinesDue,
  readMilestones,
  readOrganiserDeadlines,
} from '../../../functions/calendar/index.ts';
import type { Cell } from '../../../functions/core/cells.ts';
import { readSettings } from '../../../functions/core/settings.ts';
import { planJob } from '../../../functions/jobs/jobs.ts';
import { campaign } from '../rules/builder.ts';
import { ict, snapshot } from './fixture.ts';

const ZONE = 'Asia/Ho_Chi_Minh';
const HEADER = ['Mã mốc', 'Tên mốc', 'Biểu mẫu', 'Hạn nộp', 'Nhắc trước (ngày)', 'Bắt buộc', 'Loại', 'Nơi nhận'];

/** Seed 000's own deadlines for its units (sơ kết 30/9, tổng kết 31/12/2024), and seed 003's report by 30/11. */
const SEED_000_AND_003: Cell[][] = [
  HEADER,
  ['SK', 'Báo cáo sơ kết', TAB.interim, '30/09/2024', '7,3,1', 'Có', '', ''],
  ['TK', 'Báo cáo tổng kết', TAB.final, '31/12/2024', '7,3,1', 'Có', 'Đơn vị nộp', ''],
  ['KT', 'Đề nghị khen thưởng', TAB.nominations, '31/12/2024', '7', 'Không', 'Đơn vị nộp', ''],
  [
    'BC-TK',
    'Báo cáo tình hình thực hiện phong trào gửi Bộ Công an, Bộ Nội vụ',
    TAB.final,
    '30/11/2024',
    '7,3',
    '',
    'Báo cáo cấp trên',
    'Bộ Công an; Bộ Nội vụ (Ban Thi đua - Khen thưởng Trung ương)',
  ],
];

function read(rows: readonly (readonly Cell[])[]) {
  const snap = snapshot({ Năm: '2024' }, { [TAB.milestones]: rows });
  const settings = readSettings(snap);
  const errors: string[] = [];
  const milestones = readMilestones(snap, settings, errors);
  const organiser = readOrganiserDeadlines(snap, settings, errors);
  return { milestones, organiser, errors };
}

describe('readOrganiserDeadlines', () => {
  it('seed 003: reads the report to Bộ Công an and Bộ Nội vụ apart from the units’ milestones', () => {
    const { milestones, organiser, errors } = read(SEED_000_AND_003);
    expect(errors).toEqual([]);
    expect(milestones.map((m) => m.code)).toEqual(['SK', 'TK', 'KT']);
    expect(organiser).toEqual([
      {
        code: 'BC-TK',
        name: 'Báo cáo tình hình thực hiện phong trào gửi Bộ Công an, Bộ Nội vụ',
        form: TAB.final,
        recipient: 'Bộ Công an; Bộ Nội vụ (Ban Thi đua - Khen thưởng Trung ương)',
        deadline: new Date('2024-11-30T16:59:59.999Z'),
        prepareBefore: [7, 3],
      },
    ]);
  });

  it('issue 18 §5: a malformed organiser row is skipped with a Vietnamese reason; an unknown Loại is read as the units’', () => {
    const { milestones, organiser, errors } = read([
      HEADER,
      ['BC1', 'Báo cáo', TAB.registration, '30/11/2024', '', '', 'Báo cáo cấp trên', ''],
      ['BC2', 'Báo cáo', '', '31/11/2024', '', '', 'báo cáo cấp trên', ''],
      ['SK', 'Báo cáo sơ kết', TAB.interim, '30/09/2024', '7', '', 'Cấp trên', ''],
      ['SK', 'Báo cáo sơ kết gửi tỉnh', '', '15/10/2024', '', '', 'Báo cáo cấp trên', ''],
    ]);
    expect(organiser).toEqual([]);
    expect(milestones.map((m) => m.code)).toEqual(['SK']);
    expect(errors).toEqual([
      "Mốc thời gian, dòng 4: 'Loại' phải để trống, là 'Đơn vị nộp' hoặc là 'Báo cáo cấp trên' (đang là 'Cấp trên'); tạm coi là Đơn vị nộp.",
      'Mốc thời gian, dòng 2 (Báo cáo cấp trên): biểu mẫu của báo cáo cấp trên phải để trống hoặc là một trong: Báo cáo sơ kết, Báo cáo tổng kết. Mốc này bị bỏ qua cho đến khi được sửa.',
      "Mốc thời gian, dòng 3 (Báo cáo cấp trên): hạn nộp '31/11/2024' không phải ngày hợp lệ dạng dd/MM/yyyy. Mốc này bị bỏ qua cho đến khi được sửa.",
      "Mốc thời gian, dòng 5 (Báo cáo cấp trên): mã mốc 'SK' bị trùng với một dòng phía trên. Mốc này bị bỏ qua cho đến khi được sửa.",
    ]);
  });

  it('issue 18 §5: a deadline on a day off stands even when the units’ deadlines move', () => {
    // 30/11/2024 is a Saturday.
    const snap = snapshot({ Năm: '2024', 'Dời hạn khi trùng ngày nghỉ': 'Có' }, { [TAB.milestones]: SEED_000_AND_003 });
    const [report] = readOrganiserDeadlines(snap, readSettings(snap));
    expect(report.deadline).toEqual(new Date('2024-11-30T16:59:59.999Z'));
  });
});

describe('lateUnitDeadlines', () => {
  it('seed 000 against seed 003: the units’ tổng kết and nominations by 31/12 come 31 days after the report of 30/11', () => {
    const { milestones, organiser } = read(SEED_000_AND_003);
    const late = lateUnitDeadlines(milestones, organiser, ZONE);
    expect(late.map((l) => [l.milestone.code, l.report.code, l.daysAfter])).toEqual([
      ['TK', 'BC-TK', 31],
      ['KT', 'BC-TK', 31],
    ]);
    expect(late[0].message).toBe(
      'Hạn nộp "Báo cáo tổng kết" của đơn vị (31/12/2024) muộn 31 ngày so với hạn "Báo cáo tình hình thực hiện phong trào gửi Bộ Công an, Bộ Nội vụ" (30/11/2024): số liệu của đơn vị không kịp đưa vào báo cáo cấp trên. Nên đặt hạn của đơn vị sớm hơn ở trang Mốc thời gian.',
    );
  });

  it('issue 18 §5: a sơ kết report is held up only by what it carries; the same day is not late', () => {
    const { milestones, organiser } = read([
      HEADER,
      ['SK', 'Báo cáo sơ kết', TAB.interim, '20/10/2024', '7', '', '', ''],
      ['TK', 'Báo cáo tổng kết', TAB.final, '15/11/2024', '7', '', '', ''],
      ['BC-SK', 'Báo cáo sơ kết gửi UBND tỉnh', TAB.interim, '15/10/2024', '', '', 'Báo cáo cấp trên', 'UBND tỉnh'],
      ['BC-TK', 'Báo cáo tổng kết gửi UBND tỉnh', '', '15/11/2024', '', '', 'Báo cáo cấp trên', 'UBND tỉnh'],
    ]);
    expect(lateUnitDeadlines(milestones, organiser, ZONE).map((l) => [l.milestone.code, l.report.code])).toEqual([
      ['SK', 'BC-SK'],
    ]);
  });
});

describe('organiserDeadlinesDue', () => {
  const { organiser } = read(SEED_000_AND_003);
  const due = (day: string) =>
    organiserDeadlinesDue(organiser, ict(day, '07:00'), ZONE).map((d) => [d.deadline.code, d.step, d.daysLeft]);

  it('issue 18 §4–5: the documents are due 7 and 3 days before the report and on its day, never after', () => {
    expect(due('22/11/2024')).toEqual([]);
    expect(due('23/11/2024')).toEqual([['BC-TK', 'before-7', 7]]);
    expect(due('26/11/2024')).toEqual([['BC-TK', 'before-7', 4]]);
    expect(due('27/11/2024')).toEqual([['BC-TK', 'before-3', 3]]);
    expect(due('30/11/2024')).toEqual([['BC-TK', 'due-day', 0]]);
    expect(due('01/12/2024')).toEqual([]);
  });

  it('counts down in calendar days of the campaign’s zone, soonest first', () => {
    // 30/11 00:30 in Vietnam is still 29/11 in UTC: the deadline is today there.
    const [c] = countdowns(organiser, new Date('2024-11-29T17:30:00Z'), ZONE);
    expect(c.daysLeft).toBe(0);
  });
});

describe('units and the organiser’s deadlines', () => {
  it('issue 18 §5: units are never reminded of the organiser’s report, nor tracked in Tiến độ against it', () => {
    const rows: Cell[][] = [
      HEADER,
      ['TK', 'Báo cáo tổng kết', TAB.final, '15/11/2026', '7,3,1', 'Có', '', ''],
      ['BC-TK', 'Báo cáo gửi Bộ Công an', TAB.final, '30/11/2026', '7,3,1', '', 'Báo cáo cấp trên', 'Bộ Công an'],
    ];
    const snap = campaign().unit('A').setting('Năm', '2026').tab(TAB.milestones, rows).snapshot();
    // 23/11: seven days before the report; the unit's own TK is overdue and chased.
    const { plan } = planJob('remind', snap, ict('23/11/2026'));
    const mail = JSON.stringify(plan.emails.map((e) => e.data));
    expect(mail).toContain('Báo cáo tổng kết');
    expect(mail).not.toContain('BC-TK');
    expect(mail).not.toContain('Bộ Công an');
    const progress = plan.writes.find((w) => w.tab === TAB.progress)!;
    expect(progress.rows.slice(1).map((r) => r[2])).toEqual(['TK']);
  });
});
