import { describe, expect, it } from 'vitest';
import { TAB } from '../../../sheets-schema/index.ts';
import type { Cell } from '../../../functions/core/cells.ts';
import { jobContext, planWith } from '../../../functions/jobs/jobs.ts';
import { remind } from '../../../functions/jobs/remind.ts';
import { loadTemplates, type ReminderData } from '../../../functions/mail/index.ts';
import { evaluation, ict, MILESTONE_ROWS, snapshot, type ResponseEvent } from '../calendar/fixture.ts';

const snap = snapshot();
const INVALID: ResponseEvent = {
  unitCode: 'XA-AB',
  form: TAB.registration,
  at: ict('20/03/2026', '09:00'),
  valid: false,
  errors: ["Câu 'Mô hình điển hình đăng ký' chưa được trả lời.", "Câu 'Email liên hệ' không đúng định dạng email."],
};

function email(day: string, unit: string, base = snap) {
  const now = ict(day);
  const { emails } = planWith(remind, jobContext(base, now, { evaluation: evaluation(base, [INVALID], now) }));
  const found = emails.find((e) => (e.data as ReminderData).unitCode === unit)!;
  return { ...loadTemplates().render(found.template, found.data), cc: found.cc };
}

describe('reminder and overdue emails', () => {
  it('a reminder names the milestone, the deadline with its weekday and the unit’s own form link', () => {
    const { subject, html, text } = email('24/03/2026', 'SO-YT');
    expect(subject).toBe(
      '[Phong trào Toàn dân bảo vệ an ninh Tổ quốc] Nhắc hạn nộp Đăng ký thi đua (Thứ Ba, 31/3/2026) – Sở Y tế',
    );
    expect(text).toContain('Kính gửi: Sở Y tế (mã đơn vị SO-YT),');
    expect(text).toContain('Đơn vị có một nội dung sắp đến hạn nộp:');
    expect(text).toContain('* Đăng ký thi đua (mã DK)\n  - Tình trạng: Còn 7 ngày\n  - Hạn nộp: Thứ Ba, 31/3/2026');
    expect(text).toContain('Mở biểu mẫu của đơn vị tại: https://docs.google.com/forms/d/e/dk/viewform?entry.1=SO-YT');
    expect(html).toContain('href="https://docs.google.com/forms/d/e/dk/viewform?entry.1&#x3D;SO-YT"');
  });

  it('a reminder to a unit whose submission is invalid lists what to fix', () => {
    const { text, html } = email('30/03/2026', 'XA-AB');
    expect(text).toContain('Đơn vị đã gửi biểu mẫu lúc 20/03/2026 09:00:00 nhưng nội dung chưa hợp lệ.');
    expect(text).toContain(
      "    + Câu 'Mô hình điển hình đăng ký' chưa được trả lời.\n    + Câu 'Email liên hệ' không đúng định dạng email.",
    );
    expect(html).toContain(
      '<span style="color:#1f2937;">Câu &#x27;Email liên hệ&#x27; không đúng định dạng email.</span>',
    );
  });

  it('on the deadline day the subject and the status say it is the last day', () => {
    const { subject, text } = email('31/03/2026', 'SO-TP');
    expect(subject).toContain('Hôm nay là hạn nộp Đăng ký thi đua (Thứ Ba, 31/3/2026)');
    expect(text).toContain('- Tình trạng: Hôm nay là hạn cuối');
  });

  it('an overdue notice counts the days late and says the leaders are copied', () => {
    const { subject, text, cc } = email('08/04/2026', 'SO-TP');
    expect(subject).toBe(
      '[Phong trào Toàn dân bảo vệ an ninh Tổ quốc] Quá hạn nộp Đăng ký thi đua (thông báo lần 2) – Sở Tư pháp',
    );
    expect(text).toContain('Đơn vị có 1 nội dung đã quá hạn nộp.');
    expect(text).toContain('- Tình trạng: Quá hạn 8 ngày (thông báo lần 2/2)');
    expect(text).toContain('Thông báo quá hạn được gửi đồng thời tới lãnh đạo đơn vị');
    expect(cc).toEqual([{ email: 'lanhdao.so-tp@example.vn' }]);
  });

  it('one email lists several milestones, the overdue one first, and marks the optional one', () => {
    const withKt = snapshot(
      {},
      {
        [TAB.milestones]: [
          [...MILESTONE_ROWS[0], 'Bắt buộc'],
          ...MILESTONE_ROWS.slice(1).map((r): Cell[] => [...r, 'Có']),
          ['TK', 'Báo cáo tổng kết', TAB.final, '15/11/2026', '7,3,1', 'Có'],
          ['KT', 'Đề nghị khen thưởng', TAB.nominations, '15/11/2026', '7,3,1', 'Không'],
        ],
      },
    );
    const { subject, text, html } = email('12/11/2026', 'SO-TP', withKt);
    expect(subject).toBe(
      '[Phong trào Toàn dân bảo vệ an ninh Tổ quốc] 4 nội dung cần nộp, 2 nội dung đã quá hạn – Sở Tư pháp',
    );
    const order = ['(mã DK)', '(mã SK)', '(mã TK)', '(mã KT)'].map((m) => text.indexOf(m));
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]))).toBe(true);
    expect(text).toContain('Nội dung không bắt buộc: nếu đơn vị không có gì để nộp, xin bỏ qua mục này.');
    expect(html).toContain('Báo cáo tổng kết (mã TK)');
  });
});
