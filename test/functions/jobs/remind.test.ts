import { describe, expect, it } from 'vitest';
import { TAB } from '../../../sheets-schema/index.ts';
import type { Cell } from '../../../functions/core/cells.ts';
import type { PlannedEmail, Snapshot } from '../../../functions/core/snapshot.ts';
import { jobContext, planWith } from '../../../functions/jobs/jobs.ts';
import { keyItems } from '../../../functions/jobs/mail-log.ts';
import { remind as remindJob } from '../../../functions/jobs/remind.ts';
import { loadTemplates, type ReminderData } from '../../../functions/mail/index.ts';
import {
  evaluation,
  ict,
  mailLogRows,
  MILESTONE_ROWS,
  snapshot,
  UNITS,
  type ResponseEvent,
} from '../calendar/fixture.ts';

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

/** One `remind` run as the job makes it: planned against the mail log, which holds the keys of `sent`. */
function remind(
  base: Snapshot,
  events: readonly ResponseEvent[],
  now: Date,
  sent: Iterable<string> = [],
): PlannedEmail[] {
  const tabs = new Map(base.tabs);
  tabs.set(TAB.mailLog, mailLogRows(sent));
  const withLog: Snapshot = { spreadsheetId: base.spreadsheetId, tabs };
  return [...planWith(remindJob, jobContext(withLog, now, { evaluation: evaluation(withLog, events, now) })).emails];
}

function dayStrings(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = ict(from).getTime(); t <= ict(to).getTime(); t += 86_400_000) {
    const d = new Date(t + 7 * 3_600_000);
    out.push(
      `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`,
    );
  }
  return out;
}

const unitOf = (email: PlannedEmail) => (email.data as ReminderData).unitCode;
/** The steps an email announces for the first time: its key's items after the day's gate, `<milestone> <step>`. */
const newSteps = (email: PlannedEmail) =>
  keyItems(email.key)
    .slice(1)
    .map((item) => item.split('|').slice(3).join(' '));

/**
 * Runs `remind` twice a day (08:00 and a retry at 14:00) over `days`, with the mail log the runs build; returns per
 * unit the days it got mail and what each email announced.
 */
function simulate(base: Snapshot, events: readonly ResponseEvent[], days: readonly string[]) {
  const log: string[] = [];
  const perUnit = new Map<string, string[]>();
  const perUnitDay = new Map<string, number>();
  for (const day of days) {
    for (const time of ['08:00', '14:00']) {
      for (const email of remind(base, events, ict(day, time), log)) {
        log.push(email.key);
        const unit = unitOf(email);
        perUnit.set(unit, [...(perUnit.get(unit) ?? []), `${day} ${newSteps(email).join(' + ')}`]);
        perUnitDay.set(`${unit} ${day}`, (perUnitDay.get(`${unit} ${day}`) ?? 0) + 1);
      }
    }
  }
  return { log, perUnit: Object.fromEntries(perUnit), perUnitDay };
}

describe('remind, day by day through the campaign', () => {
  it('sends each unit each step once, on the right day, and a run later the same day sends nothing', () => {
    const { perUnit, perUnitDay } = simulate(snap, EVENTS, dayStrings('01/03/2026', '15/10/2026'));
    expect(perUnit).toEqual({
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
      // DK and KH both point at the registration: one thing to send, so KH never adds a notice of its own.
      'SO-YT': [
        '24/03/2026 DK before-7',
        '28/03/2026 DK before-3',
        '30/03/2026 DK before-1',
        '31/03/2026 DK due-day',
        '01/04/2026 DK overdue-1',
        '08/04/2026 DK overdue-2',
        '23/09/2026 SK before-7',
        '27/09/2026 SK before-3',
        '29/09/2026 SK before-1',
        '30/09/2026 SK due-day',
        '01/10/2026 SK overdue-1',
        '08/10/2026 SK overdue-2',
      ],
      'XA-AB': ['24/03/2026 DK before-7', '28/03/2026 DK before-3', '23/09/2026 SK before-7'],
    });
    expect(Math.max(...perUnitDay.values())).toBe(1);
  });

  it('over the whole campaign year with five milestones, one email per unit per day, listing every milestone it owes', () => {
    // TK and KT share a deadline; KT (nominations) is optional; SO-YT and XA-AB never submit anything.
    const milestones: (readonly Cell[])[] = [
      [...MILESTONE_ROWS[0], 'Bắt buộc'],
      ...MILESTONE_ROWS.slice(1).map((r) => [...r, 'Có']),
      ['TK', 'Báo cáo tổng kết', TAB.final, '15/11/2026', '7,3,1', 'Có'],
      ['KT', 'Đề nghị khen thưởng', TAB.nominations, '15/11/2026', '7,3,1', 'Không'],
    ];
    const year = snapshot({}, { [TAB.milestones]: milestones });
    const events = EVENTS.filter((e) => e.unitCode !== 'XA-AB');
    const { log, perUnit, perUnitDay } = simulate(year, events, dayStrings('01/01/2026', '31/12/2026'));

    expect([...perUnitDay.values()].every((n) => n === 1)).toBe(true);
    // The day TK and KT both come due, one email announces both.
    expect(perUnit['SO-YT']).toContain('08/11/2026 TK before-7 + KT before-7');
    expect(perUnit['SO-YT']).toContain('15/11/2026 TK due-day + KT due-day');
    // An optional milestone gets reminders before its deadline and never an overdue notice.
    expect(log.flatMap(keyItems).filter((item) => item.endsWith('|KT|overdue-1'))).toEqual([]);
    expect(perUnit['SO-YT']).toContain('16/11/2026 TK overdue-1');
    // THPT-LQD submitted both reports but no final report or nominations: reminders only, in November.
    expect(perUnit['THPT-LQD']).toEqual([
      '08/11/2026 TK before-7 + KT before-7',
      '12/11/2026 TK before-3 + KT before-3',
      '14/11/2026 TK before-1 + KT before-1',
      '15/11/2026 TK due-day + KT due-day',
      '16/11/2026 TK overdue-1',
      '23/11/2026 TK overdue-2',
    ]);
  });

  it('after days without a run, sends only the latest step, not a burst of stale ones', () => {
    const now = ict('02/04/2026');
    const emails = remind(snap, [], now);
    expect(emails.map((e) => e.key)).toEqual(
      UNITS.map((u) => `${KEY}|${u.code}|2026-04-02\n${KEY}|${u.code}|DK|overdue-1`),
    );
    // Weeks later, past the last notice, the last one stays the latest: already logged, nothing new goes out.
    const later = ict('30/04/2026');
    const sent = [...emails.map((e) => e.key), `${KEY}|SO-YT|2026-04-08\n${KEY}|SO-YT|DK|overdue-2`];
    expect(remind(snap, [], later, sent).map((e) => e.key)).toEqual(
      UNITS.filter((u) => u.code !== 'SO-YT').map((u) => `${KEY}|${u.code}|2026-04-30\n${KEY}|${u.code}|DK|overdue-2`),
    );
  });

  it('a retried or overlapping run plans the same email under the same key, so the claim lets only one through', () => {
    const now = ict('08/11/2026');
    const a = remind(snap, [], now).map((e) => e.key);
    const b = remind(snap, [], new Date(now.getTime() + 60_000)).map((e) => e.key);
    expect(b).toEqual(a);
    expect(new Set(a).size).toBe(UNITS.length);
  });
});

describe('remind, what a reminder says', () => {
  it('lists every milestone the unit owes, most urgent first, with its deadline, its status and the unit’s link', () => {
    const dkNotice = `${KEY}|SO-YT|2026-04-08\n${KEY}|SO-YT|DK|overdue-2`;
    const [email] = remind(snap, [], ict('23/09/2026'), [dkNotice]).filter((e) => unitOf(e) === 'SO-YT');
    expect(email.key).toBe(`${KEY}|SO-YT|2026-09-23\n${KEY}|SO-YT|SK|before-7`);
    expect(email.template).toBe('reminder');
    expect(email.cc).toBeUndefined();
    const data = email.data as ReminderData;
    expect(data.items.map((i) => [i.milestoneCode, i.status, i.deadline, i.isNew, i.formLink])).toEqual([
      [
        'DK',
        'Quá hạn 176 ngày (thông báo lần 2/2)',
        'Thứ Ba, 31/3/2026',
        false,
        'https://docs.google.com/forms/d/e/dk/viewform?entry.1=SO-YT',
      ],
      ['SK', 'Còn 7 ngày', 'Thứ Tư, 30/9/2026', true, ''],
    ]);
    expect(data).toMatchObject({
      several: true,
      itemCount: 2,
      overdueCount: 1,
      headline: '2 nội dung cần nộp, 1 nội dung đã quá hạn',
    });
    // Only a list that mixes old and new steps marks the new ones.
    expect(data.items.map((i) => i.markNew)).toEqual([false, true]);
    expect(loadTemplates().render(email.template, email.data).text).toContain('* Báo cáo sơ kết (mã SK) — mới\n');
    const [fresh] = remind(snap, [], ict('23/09/2026')).filter((e) => unitOf(e) === 'SO-YT');
    expect((fresh.data as ReminderData).items.map((i) => i.markNew)).toEqual([false, false]);
  });

  it('names the milestone, the errors to fix and the unit’s own form link', () => {
    const now = ict('24/03/2026');
    const emails = remind(snap, EVENTS, now);
    const xa = emails.find((e) => unitOf(e) === 'XA-AB')!;
    expect(xa.template).toBe('reminder');
    expect(xa.to).toEqual([{ email: 'vanthu.xa-ab@example.vn', name: 'UBND xã An Bình' }]);
    const data = xa.data as ReminderData;
    expect(data).toMatchObject({
      campaign: 'Phong trào Toàn dân bảo vệ an ninh Tổ quốc',
      organisation: 'Ban Chỉ đạo phong trào tỉnh',
      year: '2026',
      unitName: 'UBND xã An Bình',
      headline: 'Nhắc hạn nộp Đăng ký thi đua (Thứ Ba, 31/3/2026)',
      several: false,
    });
    expect(data.items).toEqual([
      expect.objectContaining({
        milestoneName: 'Đăng ký thi đua',
        deadline: 'Thứ Ba, 31/3/2026',
        daysLeft: 7,
        status: 'Còn 7 ngày; bài đã gửi chưa hợp lệ',
        invalid: true,
        submittedAt: '20/03/2026 09:00:00',
        errors: ["Câu 'Mô hình điển hình đăng ký' chưa được trả lời."],
        formLink: '',
      }),
    ]);
  });

  it('a new overdue notice uses the overdue template, copied to the unit’s leaders; an old one listed again is not', () => {
    const now = ict('08/04/2026');
    const notice = remind(snap, [], now).find((e) => unitOf(e) === 'SO-YT')!;
    expect(notice.template).toBe('overdue');
    expect(notice.cc).toEqual([{ email: 'lanhdao.so-yt@example.vn' }]);
    expect((notice.data as ReminderData).items[0]).toMatchObject({
      daysOverdue: 8,
      overdueNumber: 2,
      deadline: 'Thứ Ba, 31/3/2026',
    });
    const sept = remind(snap, [], ict('23/09/2026'), [notice.key]).find((e) => unitOf(e) === 'SO-YT')!;
    expect([sept.template, sept.cc]).toEqual(['reminder', undefined]);
  });

  it('skips a malformed milestone and reports a unit without contact address in the summary instead of failing', () => {
    const bad = snapshot(
      {},
      {
        [TAB.milestones]: [
          ['Mã mốc', 'Tên mốc', 'Biểu mẫu', 'Hạn nộp', 'Nhắc trước (ngày)'],
          ['DK', 'Đăng ký thi đua', TAB.registration, '31/03/2026', '7,3,1'],
          ['KH', 'Kế hoạch', TAB.registration, 'giữa tháng 5', '7'],
        ],
      },
    );
    const now = ict('31/03/2026');
    const ev = evaluation(bad, [], now);
    const noMail = { ...ev, units: ev.units.map((u) => (u.code === 'SO-YT' ? { ...u, contactEmails: [] } : u)) };
    const context = jobContext(bad, now, { evaluation: noMail });
    expect(remindJob(context).writes).toEqual([]);
    const plan = planWith(remindJob, context);
    expect(plan.emails).toHaveLength(3);
    expect(plan.summary).toEqual([
      'Nhắc hạn: 3 thư nhắc hạn, 0 thư báo quá hạn (gửi cả lãnh đạo đơn vị); mỗi đơn vị nhận nhiều nhất một thư một ngày.',
      "Đơn vị SO-YT chưa có 'Email liên hệ' trong trang 'Đơn vị': không gửi được thư nhắc.",
      "Mốc thời gian, dòng 3: hạn nộp 'giữa tháng 5' không phải ngày hợp lệ dạng dd/MM/yyyy. Mốc này bị bỏ qua cho đến khi được sửa.",
    ]);
  });
});
