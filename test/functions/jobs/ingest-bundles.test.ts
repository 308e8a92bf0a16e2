// How ingest groups a run's responses into emails, from the pure plan.
import { describe, expect, it } from 'vitest';
import { planJob } from '../../../functions/jobs/jobs.ts';
import { keyItems } from '../../../functions/jobs/mail-log.ts';
import { MAX_RESPONSES_PER_EMAIL } from '../../../functions/jobs/ingest.ts';
import type { ResponsesData } from '../../../functions/mail/types.ts';
import { TAB } from '../../../sheets-schema/index.ts';
import { campaign } from '../rules/builder.ts';

const NOW = new Date('2026-12-01T08:00:00+07:00');
const MILESTONES = [['Mã mốc', 'Tên mốc', 'Biểu mẫu', 'Hạn nộp', 'Nhắc trước (ngày)']];
const snapshotOf = (b: ReturnType<typeof campaign>) => b.tab(TAB.milestones, MILESTONES).snapshot();

describe('ingest emails per unit', () => {
  it('answers 120 nominations of one unit in one run with 3 emails, each key inside the 50,000 characters of a Sheets cell', () => {
    const b = campaign().unit('A').unit('B').register('B');
    for (let i = 0; i < 120; i++)
      b.nominate('A', {
        'Đối tượng': 'Tập thể',
        'Hình thức khen thưởng': 'Giấy khen',
        'Họ tên / Tên tập thể': `Tổ tự quản số ${i + 1}`,
      });
    const { plan } = planJob('ingest', snapshotOf(b), NOW);
    const toA = plan.emails.filter((e) => e.key.startsWith('ingest|') && e.to.some((t) => t.email === 'a@example.vn'));
    expect(toA.map((e) => keyItems(e.key).length)).toEqual([MAX_RESPONSES_PER_EMAIL, MAX_RESPONSES_PER_EMAIL, 20]);
    for (const e of toA) expect(e.key.length).toBeLessThan(50_000);
    expect(new Set(toA.flatMap((e) => keyItems(e.key))).size).toBe(120);
    expect(
      plan.emails.filter((e) => e.key.startsWith('ingest|') && e.to.some((t) => t.email === 'b@example.vn')),
    ).toHaveLength(1);
  });

  it('mails no one about responses typed under a code that is not in Đơn vị: a typed address is never a recipient (issue 15)', () => {
    const b = campaign().unit('A');
    b.respond(TAB.registration, { 'Mã đơn vị': 'KHONG-CO', 'Email người đăng ký': 'mot@example.vn' });
    b.respond(TAB.registration, { 'Mã đơn vị': 'KHONG-CO', 'Email người đăng ký': 'hai@example.vn' });
    const { plan } = planJob('ingest', snapshotOf(b), NOW);
    const strangers = plan.emails.filter((e) => e.key.includes('|KHONG-CO|'));
    expect(strangers).toEqual([]);
    expect(plan.emails.flatMap((e) => e.to.map((t) => t.email))).not.toContain('mot@example.vn');
  });

  it("lists the responses to fix first in a unit's email, each with its form link filled with the unit's code", () => {
    const b = campaign()
      .unit('A')
      .tab(TAB.formLinks, [
        ['Mã đơn vị', 'Biểu mẫu', 'Liên kết'],
        ['*', TAB.nominations, 'https://docs.google.com/forms/d/e/kt/viewform?entry.1=THIDUAMADONVI'],
      ]);
    const nominee = (name: string) => ({
      'Đối tượng': 'Tập thể',
      'Hình thức khen thưởng': 'Giấy khen',
      'Họ tên / Tên tập thể': name,
    });
    b.nominate('A', nominee('Tổ một')).nominate('A', nominee('')).nominate('A', nominee('Tổ ba'));
    const { plan } = planJob('ingest', snapshotOf(b), NOW);
    const emails = plan.emails.filter((e) => e.key.startsWith('ingest|'));
    expect(emails.map((e) => e.template)).toEqual(['fix-request']);
    const data = emails[0].data as ResponsesData;
    expect(data.submissions.map((s) => [s.number, s.valid])).toEqual([
      [1, false],
      [2, true],
      [3, true],
    ]);
    expect(data.submissions.map((s) => s.answers.find((a) => a.question === 'Họ tên / Tên tập thể')?.answer)).toEqual([
      undefined,
      'Tổ một',
      'Tổ ba',
    ]);
    expect(new Set(data.submissions.map((s) => s.editLink))).toEqual(
      new Set(['https://docs.google.com/forms/d/e/kt/viewform?entry.1=A']),
    );
    expect([data.fixCount, data.receivedCount]).toEqual([1, 2]);
  });

  it('mails no response a later valid one of the same unit and form replaces, only those after it (validation.md, eachResponseStands)', () => {
    const b = campaign().unit('A');
    b.register('A', { 'Email người đăng ký': 'sai@' }); // replaced by the valid one below
    b.register('A', { 'Email người đăng ký': 'a@example.vn' });
    b.register('A', { 'Email người đăng ký': 'cung-sai@' }); // later: still to fix
    const { plan } = planJob('ingest', snapshotOf(b), NOW);
    const emails = plan.emails.filter((e) => e.key.startsWith('ingest|'));
    expect(emails.map((e) => keyItems(e.key).map((item) => item.split('|').at(-1)))).toEqual([
      ['receipt', 'fix-request'],
    ]);
    const data = emails[0].data as ResponsesData;
    expect(data.submissions.map((s) => [s.valid, s.submittedAt])).toEqual([
      [false, '01/01/2026 08:03:00'],
      [true, '01/01/2026 08:02:00'],
    ]);
  });
});
