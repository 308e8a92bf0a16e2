import { describe, expect, it } from 'vitest';
import { evaluateCampaign } from '../../../functions/rules/index.ts';
import { ANTT_AGENCY_CRITERIA } from '../../../sheets-schema/forms/index.ts';
import { campaign } from './builder.ts';

const NOW = new Date('2026-12-01T00:00:00Z');
const agencyStandard = Object.fromEntries(ANTT_AGENCY_CRITERIA.map((c) => [c.header, 'Có']));

/** An agency registered for ANTT at `when` (dd/MM/yyyy HH:mm:ss, campaign zone), meeting every criterion. */
const registered = (when: string) =>
  campaign()
    .setting('Năm', '2026')
    .unit({ code: 'A', type: 'Cơ quan' })
    .register('A', { 'Dấu thời gian': when })
    .report('A', { TC1: 50, TC2: 45 }, agencyStandard);
const antt = (b: ReturnType<typeof campaign>) => evaluateCampaign(b.snapshot(), NOW).results[0].antt;

describe('registration for "An toàn về ANTT" in the first quarter (Thông tư 124/2021/TT-BCA)', () => {
  it('TT 124/2021/TT-BCA: registered by the evening of 31/03 of the campaign year meets the standard', () => {
    expect(antt(registered('31/03/2026 23:30:00'))).toBe('Đạt');
  });

  it('TT 124/2021/TT-BCA: registered after the first quarter does not, with the reason', () => {
    expect(antt(registered('01/04/2026 08:00:00'))).toBe(
      'Chưa đạt: đăng ký "An toàn về ANTT" đúng hạn (trước hết ngày 31/03)',
    );
  });

  it('the deadline is configurable in Cấu hình; Không turns the check off', () => {
    expect(antt(registered('20/04/2026 08:00:00').setting('Hạn đăng ký An toàn về ANTT', '30/04'))).toBe('Đạt');
    expect(antt(registered('20/06/2026 08:00:00').setting('Hạn đăng ký An toàn về ANTT', 'Không'))).toBe('Đạt');
  });

  it('the first registration counts: resubmitting the form later (to fix an email) keeps the Q1 date', () => {
    const b = registered('10/02/2026 08:00:00').register('A', { 'Dấu thời gian': '10/05/2026 08:00:00' });
    expect(antt(b)).toBe('Đạt');
  });
});
