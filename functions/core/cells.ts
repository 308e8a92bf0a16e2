// Reading cell values: text normalisation, unit codes, numbers and the two ways a date reaches us.
import { TZDate } from '@date-fns/tz';
import { DEFAULT_TIME_ZONE } from './zone.ts';

/** A cell as the Sheets API returns it with UNFORMATTED_VALUE: text, number or boolean. */
export type Cell = string | number | boolean;

export { DEFAULT_TIME_ZONE };

/**
 * Below U+0300 and in Latin Extended Additional (precomposed Vietnamese) no character or pair of characters changes
 * under NFC, so text made only of them skips `normalize`, which costs a call into ICU per cell.
 */
// eslint-disable-next-line no-control-regex -- the range starts at U+0000 on purpose: every character below U+0300.
const MAY_NEED_NFC = /[^\u0000-\u02ff\u1e00-\u1eff]/;

/** Text for people: NFC, trimmed. Vietnamese typed on some keyboards arrives decomposed (NFD). */
export function cellText(cell: Cell | undefined | null): string {
  // A fifth of a final report's cells are blank and over half of a nomination's: no NFC check and trim for them.
  if (cell === undefined || cell === null || cell === '') return '';
  const text = String(cell);
  return (MAY_NEED_NFC.test(text) ? text.normalize('NFC') : text).trim();
}

/** Unit codes are matched after trimming and upper-casing, so " so-tp " finds "SO-TP". */
export function unitCode(cell: Cell | undefined | null): string {
  return cellText(cell).toUpperCase();
}

/**
 * A key for comparing names: NFC, lower case, inner whitespace collapsed. Plain `toLowerCase`: Vietnamese has no
 * locale-specific casing (only Turkish, Azeri and Lithuanian do), and `toLocaleLowerCase('vi')` took three times as
 * long, a job calling this for every nomination's award, kind and nominee.
 */
export function nameKey(cell: Cell | undefined | null): string {
  return collapseSpaces(cellText(cell).toLowerCase());
}

/** Whitespace other than a single space: a regular expression literal is a new object each time it is evaluated. */
const ODD_SPACE = /[^\S ]|\s\s/;

/** Inner whitespace as single spaces; names rarely have more than single spaces, so the replace is usually skipped. */
export function collapseSpaces(text: string): string {
  return ODD_SPACE.test(text) ? text.replace(/\s+/g, ' ') : text;
}

/**
 * Google Sheets serial dates count days from 30/12/1899 in the spreadsheet's own time zone,
 * the fraction being the time of day; there is no zone in the number itself.
 */
const SERIAL_EPOCH_UTC_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

const offsets = new Map<string, Map<number, number>>();

/**
 * The zone's UTC offset at the instant `ms`, cached per hour: building a TZDate costs ~16 µs, seconds over 50,000
 * responses, and zones change their offset only on hour boundaries.
 */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  const hour = Math.floor(ms / HOUR_MS);
  let zone = offsets.get(timeZone);
  if (!zone) offsets.set(timeZone, (zone = new Map<number, number>()));
  let offset = zone.get(hour);
  if (offset === undefined) {
    if (zone.size > 100_000) zone.clear();
    offset = -new TZDate(hour * HOUR_MS, timeZone).getTimezoneOffset() * 60_000;
    zone.set(hour, offset);
  }
  return offset;
}

/** The instant at which clocks in `timeZone` show `wallMs` (a wall-clock time carried in UTC fields). */
function wallToInstant(wallMs: number, timeZone: string): number {
  return wallMs - zoneOffsetMs(wallMs - zoneOffsetMs(wallMs, timeZone), timeZone);
}

/** The wall-clock time of `date` in `timeZone`, carried in the UTC fields of the result. */
function wallClock(date: Date, timeZone: string): Date {
  return new Date(date.getTime() + zoneOffsetMs(date.getTime(), timeZone));
}

/** Whole seconds: Sheets shows seconds, and a serial's float noise must not leak milliseconds. */
const toSecond = (ms: number) => Math.floor(ms / 1000) * 1000;

/**
 * The years a date in a campaign can plausibly fall in. Outside them a number is not a date someone meant (a serial of
 * 1e9 is the year 2739877), and TZDate's arithmetic gives NaN long before JavaScript's own date range ends.
 */
export const PLAUSIBLE_YEARS = { first: 1900, last: 2200 } as const;
const FIRST_SERIAL = (Date.UTC(PLAUSIBLE_YEARS.first, 0, 1) - SERIAL_EPOCH_UTC_MS) / DAY_MS;
const AFTER_LAST_SERIAL = (Date.UTC(PLAUSIBLE_YEARS.last + 1, 0, 1) - SERIAL_EPOCH_UTC_MS) / DAY_MS;

/** A serial date in 01/01/1900 … 31/12/2200. */
export function isPlausibleSerial(serial: number): boolean {
  return Number.isFinite(serial) && serial >= FIRST_SERIAL && serial < AFTER_LAST_SERIAL;
}

export function serialToDate(serial: number, timeZone = DEFAULT_TIME_ZONE): Date {
  return new Date(wallToInstant(toSecond(SERIAL_EPOCH_UTC_MS + Math.round(serial * DAY_MS)), timeZone));
}

export function dateToSerial(date: Date, timeZone = DEFAULT_TIME_ZONE): number {
  return (toSecond(wallClock(date, timeZone).getTime()) - SERIAL_EPOCH_UTC_MS) / DAY_MS;
}

const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * A date or timestamp cell: a serial number (what Google Forms writes) or text `dd/MM/yyyy [HH:mm[:ss]]`
 * read in `timeZone`. Anything else, including impossible dates like 31/02 and years outside PLAUSIBLE_YEARS,
 * gives null.
 */
export function cellDate(cell: Cell | undefined | null, timeZone = DEFAULT_TIME_ZONE): Date | null {
  if (typeof cell === 'number') return isPlausibleSerial(cell) ? serialToDate(cell, timeZone) : null;
  const text = cellText(cell);
  const m = DMY.exec(text);
  if (!m) return null;
  const [day, month, year, hour, minute, second] = m.slice(1).map((p) => (p === undefined ? 0 : Number(p)));
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  if (year < PLAUSIBLE_YEARS.first || year > PLAUSIBLE_YEARS.last) return null;
  const wall = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  if (wall.getUTCDate() !== day || wall.getUTCMonth() !== month - 1) return null;
  return new Date(wallToInstant(wall.getTime(), timeZone));
}

const pad = (n: number) => String(n).padStart(2, '0');

const TYPED_DAY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/**
 * A calendar day typed by hand (`5/3/1980`, `05.03.1980`, `05-03-1980`) or a date cell, as `dd/MM/yyyy`; null for an
 * impossible day (31/02), a time of day, or a year outside PLAUSIBLE_YEARS. A serial's day is its integer part: a
 * date cell has no zone.
 */
export function calendarDay(cell: Cell | undefined | null): string | null {
  if (typeof cell === 'number') {
    if (!isPlausibleSerial(cell)) return null;
    const d = new Date(SERIAL_EPOCH_UTC_MS + Math.floor(cell) * DAY_MS);
    return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
  }
  const m = TYPED_DAY.exec(cellText(cell));
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < PLAUSIBLE_YEARS.first || year > PLAUSIBLE_YEARS.last) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCDate() !== day || d.getUTCMonth() !== month - 1) return null;
  return `${pad(day)}/${pad(month)}/${year}`;
}

const ZERO = 48;
const SLASH = 47;
const SPACE = 32;
const COLON = 58;

/**
 * `dd/MM/yyyy HH:mm:ss` from char codes in one flat string. A template literal of eleven parts leaves a tree of
 * pieces (about 400 bytes where the text needs 40), kept for every response in `Kiểm tra` and in every email key.
 */
function stamp(w: Date, withTime: boolean): string {
  const day = w.getUTCDate();
  const month = w.getUTCMonth() + 1;
  const year = w.getUTCFullYear();
  if (!withTime) {
    return String.fromCharCode(
      ZERO + Math.floor(day / 10),
      ZERO + (day % 10),
      SLASH,
      ZERO + Math.floor(month / 10),
      ZERO + (month % 10),
      SLASH,
      ZERO + Math.floor(year / 1000),
      ZERO + (Math.floor(year / 100) % 10),
      ZERO + (Math.floor(year / 10) % 10),
      ZERO + (year % 10),
    );
  }
  const hour = w.getUTCHours();
  const minute = w.getUTCMinutes();
  const second = w.getUTCSeconds();
  return String.fromCharCode(
    ZERO + Math.floor(day / 10),
    ZERO + (day % 10),
    SLASH,
    ZERO + Math.floor(month / 10),
    ZERO + (month % 10),
    SLASH,
    ZERO + Math.floor(year / 1000),
    ZERO + (Math.floor(year / 100) % 10),
    ZERO + (Math.floor(year / 10) % 10),
    ZERO + (year % 10),
    SPACE,
    ZERO + Math.floor(hour / 10),
    ZERO + (hour % 10),
    COLON,
    ZERO + Math.floor(minute / 10),
    ZERO + (minute % 10),
    COLON,
    ZERO + Math.floor(second / 10),
    ZERO + (second % 10),
  );
}

/** Years the char-code path writes exactly as the template would: four digits. */
const fourDigits = (year: number) => year >= 1000 && year <= 9999;

/** dd/MM/yyyy HH:mm:ss in `timeZone`, the way Vietnamese users read a timestamp. */
export function formatDateTime(date: Date, timeZone = DEFAULT_TIME_ZONE): string {
  const w = wallClock(date, timeZone);
  if (fourDigits(w.getUTCFullYear())) return stamp(w, true);
  return `${pad(w.getUTCDate())}/${pad(w.getUTCMonth() + 1)}/${w.getUTCFullYear()} ${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}:${pad(w.getUTCSeconds())}`;
}

/** dd/MM/yyyy in `timeZone`: the first ten characters of formatDateTime, without building the time. */
export function formatDate(date: Date, timeZone = DEFAULT_TIME_ZONE): string {
  const w = wallClock(date, timeZone);
  if (fourDigits(w.getUTCFullYear())) return stamp(w, false);
  // The space stands for the time that followed, so a year before 1000 reads exactly as it always has.
  return `${pad(w.getUTCDate())}/${pad(w.getUTCMonth() + 1)}/${w.getUTCFullYear()} `.slice(0, 10);
}
