// Reading cell values: text normalisation, unit codes, numbers and the two ways a date reaches us.
import { TZDate } from '@date-fns/tz';

/** A cell as the Sheets API returns it with UNFORMATTED_VALUE: text, number or boolean. */
export type Cell = string | number | boolean;

export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** Text for people: NFC, trimmed. Vietnamese typed on some keyboards arrives decomposed (NFD). */
export function cellText(cell: Cell | undefined | null): string {
  if (cell === undefined || cell === null) return '';
  return String(cell).normalize('NFC').trim();
}

/** Unit codes are matched after trimming and upper-casing, so " so-tp " finds "SO-TP". */
export function unitCode(cell: Cell | undefined | null): string {
  return cellText(cell).toUpperCase();
}

/** A key for comparing names: NFC, lower case, inner whitespace collapsed. */
export function nameKey(cell: Cell | undefined | null): string {
  return cellText(cell).toLocaleLowerCase('vi').replace(/\s+/g, ' ');
}

/**
 * Google Sheets serial dates count days from 30/12/1899 in the spreadsheet's own time zone,
 * the fraction being the time of day; there is no zone in the number itself.
 */
const SERIAL_EPOCH_UTC_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

export function serialToDate(serial: number, timeZone = DEFAULT_TIME_ZONE): Date {
  const wall = new Date(SERIAL_EPOCH_UTC_MS + Math.round(serial * DAY_MS));
  return new Date(
    new TZDate(
      wall.getUTCFullYear(),
      wall.getUTCMonth(),
      wall.getUTCDate(),
      wall.getUTCHours(),
      wall.getUTCMinutes(),
      wall.getUTCSeconds(),
      timeZone,
    ).getTime(),
  );
}

export function dateToSerial(date: Date, timeZone = DEFAULT_TIME_ZONE): number {
  const local = new TZDate(date.getTime(), timeZone);
  const wallUtc = Date.UTC(
    local.getFullYear(),
    local.getMonth(),
    local.getDate(),
    local.getHours(),
    local.getMinutes(),
    local.getSeconds(),
  );
  return (wallUtc - SERIAL_EPOCH_UTC_MS) / DAY_MS;
}

const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * A date or timestamp cell: a serial number (what Google Forms writes) or text `dd/MM/yyyy [HH:mm[:ss]]`
 * read in `timeZone`. Anything else, including impossible dates like 31/02, gives null.
 */
export function cellDate(cell: Cell | undefined | null, timeZone = DEFAULT_TIME_ZONE): Date | null {
  if (typeof cell === 'number') return Number.isFinite(cell) && cell > 0 ? serialToDate(cell, timeZone) : null;
  const text = cellText(cell);
  const m = DMY.exec(text);
  if (!m) return null;
  const [day, month, year, hour, minute, second] = m.slice(1).map((p) => (p === undefined ? 0 : Number(p)));
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const date = new TZDate(year, month - 1, day, hour, minute, second, timeZone);
  if (date.getDate() !== day || date.getMonth() !== month - 1) return null;
  return new Date(date.getTime());
}

/** dd/MM/yyyy HH:mm:ss in `timeZone`, the way Vietnamese users read a timestamp. */
export function formatDateTime(date: Date, timeZone = DEFAULT_TIME_ZONE): string {
  const d = new TZDate(date.getTime(), timeZone);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** dd/MM/yyyy in `timeZone`. */
export function formatDate(date: Date, timeZone = DEFAULT_TIME_ZONE): string {
  return formatDateTime(date, timeZone).slice(0, 10);
}
