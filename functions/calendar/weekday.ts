// Dates the way Vietnamese letters write them: `Thứ Hai, 30/9/2024`.
import { dayParts, localDay } from './days.ts';

const WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'] as const;

/**
 * The weekday and the date without leading zeros, in `timeZone`.
 * @example formatWeekdayDate(new Date('2024-09-30T10:00:00+07:00'), 'Asia/Ho_Chi_Minh') // 'Thứ Hai, 30/9/2024'
 */
export function formatWeekdayDate(date: Date, timeZone: string): string {
  return formatWeekdayDay(localDay(date, timeZone));
}

export function formatWeekdayDay(day: number): string {
  const { year, month, date, weekday } = dayParts(day);
  return `${WEEKDAYS[weekday]}, ${date}/${month}/${year}`;
}
