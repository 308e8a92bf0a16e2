// Dates the way Vietnamese letters write them: `Thứ Hai, 30/9/2024`.
// date-fns one module per function, as days.ts says why.
import { format } from 'date-fns/format';
import { getDay } from 'date-fns/getDay';
import { dayDate, localDay } from './days.ts';

/** As the product has always written them; date-fns's Vietnamese writes `Chủ Nhật`. */
const WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'] as const;

/** Day number → text: a run formats the few deadlines of its milestones once each, not once per reminder. */
const formatted = new Map<number, string>();

/**
 * The weekday and the date without leading zeros, in `timeZone`.
 * @example formatWeekdayDate(new Date('2024-09-30T10:00:00+07:00'), 'Asia/Ho_Chi_Minh') // 'Thứ Hai, 30/9/2024'
 */
export function formatWeekdayDate(date: Date, timeZone: string): string {
  return formatWeekdayDay(localDay(date, timeZone));
}

export function formatWeekdayDay(day: number): string {
  let text = formatted.get(day);
  if (text === undefined) {
    const d = dayDate(day);
    text = `${WEEKDAYS[getDay(d)]}, ${format(d, 'd/M/yyyy')}`;
    if (formatted.size >= 10_000) formatted.clear();
    formatted.set(day, text);
  }
  return text;
}
