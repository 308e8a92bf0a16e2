import { afterEach, describe, expect, it } from 'vitest';
import { formatWeekdayDate, isoWeekKey, localDay } from '../../../functions/calendar/index.ts';
import { endOfLocalDay } from '../../../functions/calendar/days.ts';
import { ict } from './fixture.ts';

const ZONE = 'Asia/Ho_Chi_Minh';

describe('formatWeekdayDate', () => {
  it.each([
    ['30/09/2024', 'Thứ Hai, 30/9/2024'],
    ['01/10/2024', 'Thứ Ba, 1/10/2024'],
    ['02/10/2024', 'Thứ Tư, 2/10/2024'],
    ['03/10/2024', 'Thứ Năm, 3/10/2024'],
    ['04/10/2024', 'Thứ Sáu, 4/10/2024'],
    ['05/10/2024', 'Thứ Bảy, 5/10/2024'],
    ['06/10/2024', 'Chủ nhật, 6/10/2024'],
  ])('%s → %s', (day, expected) => {
    expect(formatWeekdayDate(ict(day, '12:00'), ZONE)).toBe(expected);
  });

  it('uses the Vietnamese date even when it is still the previous day in UTC', () => {
    expect(formatWeekdayDate(ict('01/01/2026', '06:30'), ZONE)).toBe('Thứ Năm, 1/1/2026');
  });
});

describe('the server time zone does not matter', () => {
  const saved = process.env.TZ;
  afterEach(() => {
    process.env.TZ = saved;
  });

  it.each(['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC'])('same days and weeks under TZ=%s', (tz) => {
    process.env.TZ = tz;
    expect(formatWeekdayDate(ict('31/03/2026', '23:59'), ZONE)).toBe('Thứ Ba, 31/3/2026');
    expect(localDay(ict('01/04/2026', '00:00'), ZONE) - localDay(ict('31/03/2026', '23:59'), ZONE)).toBe(1);
  });
});

describe('isoWeekKey', () => {
  it.each([
    ['28/09/2026', '2026-W40'],
    ['04/10/2026', '2026-W40'],
    ['01/01/2026', '2026-W01'],
    ['01/01/2027', '2026-W53'],
    ['29/12/2025', '2026-W01'],
  ])('%s is in %s', (day, week) => {
    expect(isoWeekKey(localDay(ict(day, '12:00'), ZONE))).toBe(week);
  });
});

describe('endOfLocalDay', () => {
  it('is the last millisecond of the day in the campaign zone', () => {
    const day = localDay(ict('31/03/2026', '09:00'), ZONE);
    expect(endOfLocalDay(day, ZONE).toISOString()).toBe('2026-03-31T16:59:59.999Z');
  });

  it('on a day whose clocks go back at midnight (Chile, 04/04/2026), is the second 23:59:59.999, not the first', () => {
    const santiago = 'America/Santiago';
    const day = localDay(new Date('2026-04-04T15:00:00Z'), santiago);
    expect(endOfLocalDay(day, santiago).toISOString()).toBe('2026-04-05T03:59:59.999Z');
  });
});
