// The weekly digest counts down to the organiser's own report deadlines, flags unit deadlines after them and shows the
// indicator totals of `Tổng hợp` (issue 18 §1, §5): rendered as leaders read it.
import { describe, expect, it } from 'vitest';
import { TAB } from '../../../sheets-schema/index.ts';
import type { Cell } from '../../../functions/core/cells.ts';
import { planJob } from '../../../functions/jobs/jobs.ts';
import { loadTemplates } from '../../../functions/mail/index.ts';
import { campaign } from '../rules/builder.ts';

const SESSIONS = 'Số buổi tuyên truyền';
const STAFF_PERCENT = 'Tỷ lệ cán bộ, nhân viên được tuyên truyền (%)';
const HEADER = ['Mã mốc', 'Tên mốc', 'Biểu mẫu', 'Hạn nộp', 'Nhắc trước (ngày)', 'Bắt buộc', 'Loại', 'Nơi nhận'];

/** Seed 000's units' tổng kết by 31/12/2024 against seed 003's report to Bộ Công an and Bộ Nội vụ by 30/11. */
const MILESTONES: Cell[][] = [
  HEADER,
  ['SK', 'Báo cáo sơ kết', TAB.interim, '30/09/2024', '7', 'Có', '', ''],
  ['TK', 'Báo cáo tổng kết', TAB.final, '31/12/2024', '7', 'Có', '', ''],
  ['BC-SK', 'Báo cáo sơ kết gửi Bộ Công an', TAB.interim, '15/10/2024', '', '', 'Báo cáo cấp trên', 'Bộ Công an'],
  [
    'BC-TK',
    'Báo cáo tổng kết gửi Bộ Công an, Bộ Nội vụ',
    TAB.final,
    '30/11/2024',
    '7,3',
    '',
    'Báo cáo cấp trên',
    'Bộ Công an; Bộ Nội vụ',
  ],
];

function digest(now: Date) {
  const snap = campaign()
    .setting('Năm', '2024')
    .setting('Người nhận bản tin', 'bithu@example.vn')
    .unit({ code: 'A', name: 'Vụ Pháp chế', type: 'Cơ quan', cluster: 'Khối Vụ' })
    .unit({ code: 'B', name: 'Cục Việc làm', type: 'Cơ quan', cluster: 'Khối Cục' })
    .register('A', { 'Mô hình điển hình đăng ký': 'Tổ bảo vệ cơ quan\nCamera an ninh' })
    .register('B', { 'Mô hình điển hình đăng ký': 'tổ bảo vệ  cơ quan' })
    .respond(TAB.interim, { 'Mã đơn vị': 'A', [SESSIONS]: 1200, [STAFF_PERCENT]: 80 })
    .respond(TAB.interim, { 'Mã đơn vị': 'B', [SESSIONS]: 6, [STAFF_PERCENT]: 91 })
    .report('A', { TC1: 50, TC2: 40 }, { [SESSIONS]: 1500, [STAFF_PERCENT]: 100 })
    .tab(TAB.milestones, MILESTONES)
    .snapshot();
  const { plan } = planJob('digest', snap, now);
  expect(plan.emails).toHaveLength(1);
  const email = plan.emails[0];
  return { data: email.data, ...loadTemplates().render(email.template, email.data) };
}

describe('digest: the reports up', () => {
  // Monday 21/10/2024: BC-SK is past, BC-TK 40 days away.
  const { text, html } = digest(new Date('2024-10-21T07:30:00+07:00'));

  it('issue 18 §5: counts down to the organiser’s report deadlines still ahead, with their recipients', () => {
    expect(text).toContain(
      '- Báo cáo tổng kết gửi Bộ Công an, Bộ Nội vụ (nơi nhận: Bộ Công an; Bộ Nội vụ): hạn 30/11/2024, còn 40 ngày.',
    );
    expect(text).not.toContain('Báo cáo sơ kết gửi Bộ Công an');
    expect(html).toContain('hạn 30/11/2024, <strong>còn 40 ngày</strong>');
  });

  it('issue 18 §5 (seed 000 against seed 003): a unit deadline after the report is flagged in plain Vietnamese', () => {
    expect(text).toContain(
      '- Hạn nộp "Báo cáo tổng kết" của đơn vị (31/12/2024) muộn 31 ngày so với hạn "Báo cáo tổng kết gửi Bộ Công an, Bộ Nội vụ" (30/11/2024): số liệu của đơn vị không kịp đưa vào báo cáo cấp trên.',
    );
    expect(html).toContain('muộn 31 ngày so với hạn');
  });

  it('issue 18 §1: the campaign totals with the change since the sơ kết, numbers as Vietnamese write them', () => {
    expect(text).toContain('Tính từ 2 báo cáo sơ kết và 1 báo cáo tổng kết hợp lệ.');
    expect(text).toContain('- Số buổi tuyên truyền: sơ kết 1.206, tổng kết 1.500 (+294)');
    expect(text).toContain(
      '- Tỷ lệ cán bộ, nhân viên được tuyên truyền (%): sơ kết 85,5%, tổng kết 100% (+14,5 điểm %)',
    );
    expect(text).toContain('- Tỷ lệ hộ gia đình ký cam kết (%): sơ kết –, tổng kết –');
    expect(html).toContain('<strong>1.500</strong>');
  });

  it('issue 18 §1: per Cụm/Khối the latest report’s figures; ANTT by type, the leaders and the models', () => {
    expect(text).toMatch(/- Khối Vụ \(tổng kết: 1\/1 đơn vị\): Số buổi tuyên truyền 1\.500 · /);
    expect(text).toMatch(/- Khối Cục \(sơ kết: 1\/1 đơn vị\): Số buổi tuyên truyền 6 · /);
    expect(text).toContain('- Cơ quan: đạt 0/2 · chưa đạt 1 · không thuộc phạm vi 0 · chưa có báo cáo 1');
    expect(text).toContain('- Khối Vụ: Vụ Pháp chế (A), 90 điểm, Xuất sắc');
    // B typed A's first model with other capitals and spacing: one model, two units.
    expect(text).toContain(
      '2 đơn vị đăng ký 2 mô hình, điển hình; nhiều đơn vị đăng ký nhất:\n- Tổ bảo vệ cơ quan: 2 đơn vị\n- Camera an ninh: 1 đơn vị',
    );
  });

  it('issue 18 §5: on the report’s day the countdown says so', () => {
    expect(digest(new Date('2024-11-30T07:30:00+07:00')).text).toContain('hạn 30/11/2024, hôm nay là hạn cuối.');
  });
});
