import { describe, expect, it } from 'vitest';
import { TAB } from '../../../sheets-schema/index.ts';
import { planRemind } from '../../../functions/jobs/remind.ts';
import { loadTemplates } from '../../../functions/mail/index.ts';
import { evaluation, ict, snapshot, type ResponseEvent } from '../calendar/fixture.ts';

const snap = snapshot();
const INVALID: ResponseEvent = {
  unitCode: 'XA-AB',
  form: TAB.registration,
  at: ict('20/03/2026', '09:00'),
  valid: false,
  errors: ["Câu 'Mô hình điển hình đăng ký' chưa được trả lời.", "Câu 'Email liên hệ' không đúng định dạng email."],
};

function email(day: string, unit: string) {
  const now = ict(day);
  const found = planRemind(snap, evaluation(snap, [INVALID], now), now).emails.find((e) => e.key.includes(`|${unit}|DK|`))!;
  return loadTemplates().render(found.template, found.data);
}

describe('reminder and overdue emails', () => {
  it('a reminder names the milestone, the deadline with its weekday and the unit’s own form link', () => {
    const { subject, html, text } = email('24/03/2026', 'SO-YT');
    expect(subject).toBe('[Phong trào Toàn dân bảo vệ an ninh Tổ quốc] Nhắc hạn nộp Đăng ký thi đua (Thứ Ba, 31/3/2026) – Sở Y tế');
    expect(text).toContain('Kính gửi: Sở Y tế (mã đơn vị SO-YT),');
    expect(text).toContain('Còn 7 ngày nữa là đến hạn đơn vị nộp Đăng ký thi đua.');
    expect(text).toContain('- Hạn nộp: Thứ Ba, 31/3/2026');
    expect(text).toContain('Mở biểu mẫu của đơn vị tại:\nhttps://docs.google.com/forms/d/e/dk/viewform?entry.1=SO-YT');
    expect(html).toContain('href="https://docs.google.com/forms/d/e/dk/viewform?entry.1&#x3D;SO-YT"');
  });

  it('a reminder to a unit whose submission is invalid lists what to fix', () => {
    const { text, html } = email('30/03/2026', 'XA-AB');
    expect(text).toContain('Đơn vị đã gửi biểu mẫu lúc 20/03/2026 09:00:00 nhưng nội dung chưa hợp lệ.');
    expect(text).toContain("- Câu 'Mô hình điển hình đăng ký' chưa được trả lời.\n- Câu 'Email liên hệ' không đúng định dạng email.");
    expect(html).toContain('<span style="color:#1f2937;">Câu &#x27;Email liên hệ&#x27; không đúng định dạng email.</span>');
  });

  it('on the deadline day the subject and body say it is the last day', () => {
    const { subject, text } = email('31/03/2026', 'SO-TP');
    expect(subject).toContain('Hôm nay là hạn nộp Đăng ký thi đua (Thứ Ba, 31/3/2026)');
    expect(text).toContain('Hôm nay là ngày cuối cùng để đơn vị nộp Đăng ký thi đua.');
  });

  it('an overdue notice counts the days late and says the leaders are copied', () => {
    const { subject, text } = email('08/04/2026', 'SO-TP');
    expect(subject).toBe('[Phong trào Toàn dân bảo vệ an ninh Tổ quốc] Quá hạn nộp Đăng ký thi đua – Sở Tư pháp (thông báo lần 2)');
    expect(text).toContain('Hạn nộp Đăng ký thi đua là Thứ Ba, 31/3/2026. Đến nay đơn vị đã quá hạn 8 ngày mà hệ thống chưa nhận được biểu mẫu.');
    expect(text).toContain('Thông báo quá hạn lần 2/2, gửi đồng thời tới lãnh đạo đơn vị.');
  });
});
