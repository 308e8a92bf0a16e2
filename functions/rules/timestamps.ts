// Reading response timestamps fast: 50,000 rows must not each pay for a time-zone lookup.
import type { Cell } from '../core/cells.ts';
import { cellDate, cellText, formatDateTime, serialToDate } from '../core/cells.ts';

const SERIAL_EPOCH_UTC_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export interface Timestamp {
  readonly date: Date | null;
  /** dd/MM/yyyy HH:mm:ss as the spreadsheet shows it, or the cell's own text when unreadable. */
  readonly text: string;
}

/**
 * Same results as `cellDate` + `formatDateTime` of functions/core/cells.ts. A serial number is the wall-clock time in
 * the campaign's zone, so its text needs no zone at all, and the zone's offset is looked up once per day (twice, to
 * notice a daylight-saving change, then per hour on that day): TZDate costs tens of microseconds a call.
 */
export function timestampReader(timeZone: string): (cell: Cell | undefined) => Timestamp {
  const hourly = new Map<number, number>();
  const daily = new Map<number, number | null>();
  const offsetAt = (hour: number): number => {
    let offset = hourly.get(hour);
    if (offset === undefined) {
      offset = hour * HOUR_MS - serialToDate((hour * HOUR_MS - SERIAL_EPOCH_UTC_MS) / DAY_MS, timeZone).getTime();
      hourly.set(hour, offset);
    }
    return offset;
  };
  const p = (n: number) => String(n).padStart(2, '0');
  return (cell) => {
    if (typeof cell !== 'number' || !Number.isFinite(cell) || cell <= 0) {
      const date = cellDate(cell, timeZone);
      return { date, text: date ? formatDateTime(date, timeZone) : cellText(cell) };
    }
    const wall = SERIAL_EPOCH_UTC_MS + Math.round(cell * DAY_MS);
    const hour = Math.floor(wall / HOUR_MS);
    const day = Math.floor(hour / 24);
    let sameAllDay = daily.get(day);
    if (sameAllDay === undefined) {
      const first = offsetAt(day * 24);
      sameAllDay = first === offsetAt(day * 24 + 23) ? first : null;
      daily.set(day, sameAllDay);
    }
    const offset = sameAllDay ?? offsetAt(hour);
    // Whole seconds, as serialToDate keeps them.
    const w = new Date(Math.floor(wall / 1000) * 1000);
    const text = `${p(w.getUTCDate())}/${p(w.getUTCMonth() + 1)}/${w.getUTCFullYear()} ${p(w.getUTCHours())}:${p(w.getUTCMinutes())}:${p(w.getUTCSeconds())}`;
    return { date: new Date(w.getTime() - offset), text };
  };
}
