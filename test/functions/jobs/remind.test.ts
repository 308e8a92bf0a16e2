import { describe, expect, it } from 'vitest';
import { TAB } from '../../../sheets-schema/index.ts';
import { planRemind, type ReminderData } from '../../../functions/jobs/remind.ts';
import { evaluation, ict, snapshot, type ResponseEvent } from '../calendar/fixture.ts';

const snap = snapshot();
const KEY = 'remind|Phong trào Toàn dân bảo vệ an ninh Tổ quốc 2026';

const EVENTS: readonly ResponseEvent[] = [
  // SO-TP registers three days late, then sends its interim report on the evening of the deadline.
  { unitCode: 'SO-TP', form: TAB.registration, at: ict('03/04/2026', '10:00'), valid: true },
  { unitCode: 'SO-TP', form: TAB.interim, at: ict('30/09/2026', '20:00'), valid: true },
  // SO-YT never submits anything.
  // XA-AB registers with a mistake, fixes it before the deadline, and reports early.
  {
    unitCode: 'XA-AB',
    form: TAB.registration,
    at: ict('20/03/2026', '09:00'),
    valid: false,
    errors: ["Câu 'Mô hình điển hình đăng ký' chưa được trả lời."],
  },
  { unitCode: 'XA-AB', form: TAB.registration, at: ict('29/03/2026', '15:00'), valid: true },
  { unitCode: 'XA-AB', form: TAB.interim, at: ict('25/09/2026', '11:00'), valid: true },
  // THPT-LQD is always early: it never hears from us.
  { unitCode: 'THPT-LQD', form: TAB.registration, at: ict('01/03/2026', '09:00'), valid: true },
  { unitCode: 'THPT-LQD', form: TAB.interim, at: ict('01/09/2026', '09:00'), valid: true },
];

function dayStrings(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = ict(from).getTime(); t <= ict(to).getTime(); t += 86_400_000) {
    const d = new Date(t + 7 * 3_600_000);
    out.push(`${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`);
  }
  return out;
}

describe('planRemind, day by day through the campaign', () => {
  it('sends each unit exactly the steps it should, once, on the right day', () => {
    const log = new Set<string>();
    const sent = new Map<string, string[]>();
    for (const day of dayStrings('01/03/2026', '15/10/2026')) {
      const now = ict(day, '08:00');
      const plan = planRemind(snap, evaluation(snap, EVENTS, now), now);
      for (const email of plan.emails) {
        if (log.has(email.key)) continue; // the apply step's mail-log filter
        log.add(email.key);
        const [, , unit, milestone, step] = email.key.split('|');
        sent.set(unit, [...(sent.get(unit) ?? []), `${day} ${milestone} ${step}`]);
      }
    }
    expect(Object.fromEntries(sent)).toEqual({
      'SO-TP': [
        '24/03/2026 DK before-7',
        '28/03/2026 DK before-3',
        '30/03/2026 DK before-1',
        '31/03/2026 DK due-day',
        '01/04/2026 DK overdue-1',
        '23/09/2026 SK before-7',
        '27/09/2026 SK before-3',
        '29/09/2026 SK before-1',
        '30/09/2026 SK due-day',
      ],
      'SO-YT': [
        '24/03/2026 DK before-7',
        '28/03/2026 DK before-3',
        '30/03/2026 DK before-1',
        '31/03/2026 DK due-day',
        '01/04/2026 DK overdue-1',
        '08/04/2026 DK overdue-2',
        '08/05/2026 KH before-7',
        '12/05/2026 KH before-3',
        '14/05/2026 KH before-1',
        '15/05/2026 KH due-day',
        '16/05/2026 KH overdue-1',
        '23/05/2026 KH overdue-2',
        '23/09/2026 SK before-7',
        '27/09/2026 SK before-3',
        '29/09/2026 SK before-1',
        '30/09/2026 SK due-day',
        '01/10/2026 SK overdue-1',
        '08/10/2026 SK overdue-2',
      ],
      'XA-AB': ['24/03/2026 DK before-7', '28/03/2026 DK before-3', '23/09/2026 SK before-7'],
    });
  });

  it('after days without a run, sends only the latest step, not a burst of stale ones', () => {
    const now = ict('02/04/2026');
    const plan = planRemind(snap, evaluation(snap, [], now), now);
    expect(plan.emails.map((e) => e.key)).toEqual([
      `${KEY}|SO-TP|DK|overdue-1`,
      `${KEY}|SO-YT|DK|overdue-1`,
      `${KEY}|XA-AB|DK|overdue-1`,
      `${KEY}|THPT-LQD|DK|overdue-1`,
    ]);
    // Weeks later, past the last notice, the last one stays the latest: its key is already logged, nothing new goes out.
    const later = ict('30/04/2026');
    expect(planRemind(snap, evaluation(snap, [], later), later).emails.map((e) => e.key)[1]).toBe(`${KEY}|SO-YT|DK|overdue-2`);
  });
});

describe('planRemind, what a reminder says', () => {
  it('names the milestone, the deadline with its weekday, the errors to fix and the unit’s own form link', () => {
    const now = ict('24/03/2026');
    const plan = planRemind(snap, evaluation(snap, EVENTS, now), now);
    const xa = plan.emails.find((e) => e.key === `${KEY}|XA-AB|DK|before-7`)!;
    expect(xa.template).toBe('reminder');
    expect(xa.to).toEqual([{ email: 'vanthu.xa-ab@example.vn', name: 'UBND xã An Bình' }]);
    expect(xa.cc).toBeUndefined();
    const data = xa.data as unknown as ReminderData;
    expect(data).toMatchObject({
      campaign: 'Phong trào Toàn dân bảo vệ an ninh Tổ quốc',
      organisation: 'Ban Chỉ đạo phong trào tỉnh',
      year: '2026',
      unitName: 'UBND xã An Bình',
      milestoneName: 'Đăng ký thi đua',
      deadline: 'Thứ Ba, 31/3/2026',
      daysLeft: 7,
      invalid: true,
      submittedAt: '20/03/2026 09:00:00',
      errors: ["Câu 'Mô hình điển hình đăng ký' chưa được trả lời."],
      formLink: '',
    });
    const yt = plan.emails.find((e) => e.key === `${KEY}|SO-YT|DK|before-7`)!.data as unknown as ReminderData;
    expect([yt.invalid, yt.errors, yt.formLink]).toEqual([false, [], 'https://docs.google.com/forms/d/e/dk/viewform?entry.1=SO-YT']);
  });

  it('sends overdue notices with the overdue template, copied to the unit’s leaders', () => {
    const now = ict('08/04/2026');
    const plan = planRemind(snap, evaluation(snap, [], now), now);
    const notice = plan.emails.find((e) => e.key === `${KEY}|SO-YT|DK|overdue-2`)!;
    expect(notice.template).toBe('overdue');
    expect(notice.cc).toEqual([{ email: 'lanhdao.so-yt@example.vn' }]);
    expect(notice.data).toMatchObject({ daysOverdue: 8, overdueNumber: 2, overdueMax: 2, deadline: 'Thứ Ba, 31/3/2026' });
  });

  it('skips a malformed milestone and reports a unit without contact address in the summary instead of failing', () => {
    const bad = snapshot({}, {
      [TAB.milestones]: [
        ['Mã mốc', 'Tên mốc', 'Biểu mẫu', 'Hạn nộp', 'Nhắc trước (ngày)'],
        ['DK', 'Đăng ký thi đua', TAB.registration, '31/03/2026', '7,3,1'],
        ['KH', 'Kế hoạch', TAB.registration, 'giữa tháng 5', '7'],
      ],
    });
    const now = ict('31/03/2026');
    const ev = evaluation(bad, [], now);
    const noMail = { ...ev, units: ev.units.map((u) => (u.code === 'SO-YT' ? { ...u, contactEmails: [] } : u)) };
    const plan = planRemind(bad, noMail, now);
    expect(plan.emails).toHaveLength(3);
    expect(plan.writes).toEqual([]);
    expect(plan.summary).toEqual([
      'Nhắc hạn: 3 thư nhắc trước hạn, 0 thư báo quá hạn (trước khi lọc theo Nhật ký thư).',
      "Đơn vị SO-YT chưa có 'Email liên hệ' trong trang 'Đơn vị': không gửi được thư nhắc.",
    ]);
  });
});
