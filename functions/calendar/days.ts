// Calendar days in the campaign's time zone as plain day numbers, so date arithmetic never depends on the server's
// zone.
import { TZDate } from '@date-fns/tz';
import { zoneOffsetMs } from '../core/cells.ts';

const DAY_MS = 86_400_000;

/** Days since 01/01/1970 of the wall-clock date of `date` in `timeZone`. */
export function localDay(date: Date, timeZone: string): number {
  return Math.floor((date.getTime() + zoneOffsetMs(date.getTime(), timeZone)) / DAY_MS);
}

export function dayParts(day: number): {
  readonly year: number;
  readonly month: number;
  readonly date: number;
  readonly weekday: number;
} {
  const d = new Date(day * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, date: d.getUTCDate(), weekday: d.getUTCDay() };
}

/** The first instant of `day` in `timeZone`. */
export function startOfLocalDay(day: number, timeZone: string): Date {
  const { year, month, date } = dayParts(day);
  return new Date(new TZDate(year, month - 1, date, 0, 0, 0, 0, timeZone).getTime());
}

/** The last millisecond (23:59:59.999) of `day` in `timeZone`: a deadline "on" that day still accepts that evening. */
export function endOfLocalDay(day: number, timeZone: string): Date {
  return new Date(startOfLocalDay(day + 1, timeZone).getTime() - 1);
}

export function isWeekend(day: number): boolean {
  const w = dayParts(day).weekday;
  return w === 0 || w === 6;
}

/** ISO 8601 week of a day, e.g. `2026-W40`: weeks start on Monday and belong to the year of their Thursday. */
export function isoWeekKey(day: number): string {
  const mondayBased = (dayParts(day).weekday + 6) % 7;
  const thursday = day - mondayBased + 3;
  const year = dayParts(thursday).year;
  const jan1 = Math.round(Date.UTC(year, 0, 1) / DAY_MS);
  const week = Math.floor((thursday - jan1) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}
