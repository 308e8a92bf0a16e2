// Turning request values into stored cells (RAW / USER_ENTERED) and stored cells into response values.
import type { CellData, ExtendedValue, JsonObject } from './model.ts';

export type ValueInputOption = 'RAW' | 'USER_ENTERED';
export type ValueRenderOption = 'FORMATTED_VALUE' | 'UNFORMATTED_VALUE' | 'FORMULA';
export type DateTimeRenderOption = 'SERIAL_NUMBER' | 'FORMATTED_STRING';
export type Rendered = string | number | boolean;

export interface RenderOptions {
  readonly valueRender: ValueRenderOption;
  readonly dateTimeRender: DateTimeRenderOption;
  readonly locale: string;
}

/** What a request value does to a cell: `skip` leaves it alone (JSON null), `clear` empties it (""). */
export type Input =
  | { readonly kind: 'skip' }
  | { readonly kind: 'clear' }
  | { readonly kind: 'set'; readonly value: ExtendedValue; readonly numberFormat?: JsonObject };

// Locales that write 1,234.5; the others (vi_VN among them) write 1.234,5.
function usesDecimalPoint(locale: string): boolean {
  return /^(en|ja|zh|ko|th|he|ms|fil)(_|$)/i.test(locale);
}

const SERIAL_EPOCH_UTC_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

function serialOf(year: number, month: number, day: number, h = 0, m = 0, s = 0): number | null {
  const t = Date.UTC(year, month - 1, day, h, m, s);
  const d = new Date(t);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  if (h > 23 || m > 59 || s > 59) return null;
  return (t - SERIAL_EPOCH_UTC_MS) / DAY_MS;
}

function parseNumber(text: string, locale: string): number | null {
  const [dec, group] = usesDecimalPoint(locale) ? ['.', ','] : [',', '.'];
  const esc = (c: string) => `\\${c}`;
  const re = new RegExp(`^[+-]?(?:\\d{1,3}(?:${esc(group)}\\d{3})+|\\d+)?(?:${esc(dec)}\\d+)?(?:[eE][+-]?\\d+)?$`);
  if (!/\d/.test(text) || !re.test(text)) return null;
  const n = Number(text.replaceAll(group, '').replace(dec, '.'));
  return Number.isFinite(n) ? n : null;
}

/**
 * USER_ENTERED text, parsed as if typed into the UI in the spreadsheet's locale: a leading `'` forces text,
 * `=` is a formula, TRUE/FALSE, numbers, percentages and dates (ISO, or d/m/y vs m/d/y by locale) are typed;
 * a typed date or percentage also gets the number format the UI would give it.
 */
export function parseUserEntered(text: string, locale: string): Input {
  if (text === '') return { kind: 'clear' };
  if (text.startsWith("'")) return { kind: 'set', value: { stringValue: text.slice(1) } };
  if (text.startsWith('=') && text.length > 1) return { kind: 'set', value: { formulaValue: text } };
  const trimmed = text.trim();
  if (/^(true|false)$/i.test(trimmed)) return { kind: 'set', value: { boolValue: trimmed.toUpperCase() === 'TRUE' } };
  const num = parseNumber(trimmed, locale);
  if (num !== null) return { kind: 'set', value: { numberValue: num } };
  if (trimmed.endsWith('%')) {
    const p = parseNumber(trimmed.slice(0, -1).trim(), locale);
    if (p !== null) {
      const decimals = /[.,](\d+)$/.exec(trimmed.slice(0, -1))?.[1]?.length ?? 0;
      // The UI gives a typed percentage two decimals when it has any.
      const pattern = decimals > 0 ? '0.00%' : '0%';
      return { kind: 'set', value: { numberValue: p / 100 }, numberFormat: { type: 'PERCENT', pattern } };
    }
  }
  const date = parseDate(trimmed, locale);
  if (date) return { kind: 'set', value: { numberValue: date.serial }, numberFormat: date.format };
  return { kind: 'set', value: { stringValue: text } };
}

function parseDate(text: string, locale: string): { serial: number; format: JsonObject } | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  const slash = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  let parts: number[];
  if (iso) parts = iso.slice(1).map((p) => Number(p ?? 0));
  else if (slash) {
    const [a, b, y, ...time] = slash.slice(1).map((p) => Number(p ?? 0));
    const monthFirst = /^en_US$/i.test(locale);
    parts = [y, monthFirst ? a : b, monthFirst ? b : a, ...time];
  } else return null;
  const [y, mo, d, h, mi, s] = parts as [number, number, number, number, number, number];
  const serial = serialOf(y, mo, d, h, mi, s);
  if (serial === null) return null;
  const hasTime = Boolean((iso ?? slash)![4]);
  return {
    serial,
    format: {
      type: hasTime ? 'DATE_TIME' : 'DATE',
      pattern: defaultDatePattern(hasTime ? 'DATE_TIME' : 'DATE', locale),
    },
  };
}

/** A value as sent in a request, stored per the input option. RAW keeps strings as strings, even "=SUM(1)". */
export function toInput(raw: unknown, option: ValueInputOption, locale: string): Input {
  if (raw === null || raw === undefined) return { kind: 'skip' };
  if (typeof raw === 'number') return { kind: 'set', value: { numberValue: raw } };
  if (typeof raw === 'boolean') return { kind: 'set', value: { boolValue: raw } };
  const text = typeof raw === 'string' ? raw : JSON.stringify(raw);
  if (option === 'RAW') return text === '' ? { kind: 'clear' } : { kind: 'set', value: { stringValue: text } };
  return parseUserEntered(text, locale);
}

export function hasValue(cell: CellData | null | undefined): boolean {
  return cell?.userEnteredValue !== undefined;
}

function numberFormatOf(cell: CellData): { type?: string; pattern?: string } | undefined {
  const nf = cell.userEnteredFormat?.['numberFormat'];
  return nf && typeof nf === 'object' && !Array.isArray(nf) ? nf : undefined;
}

const DATE_TYPES = new Set(['DATE', 'TIME', 'DATE_TIME']);

/**
 * The value a response carries for one cell. The local server does not evaluate formulas: a formula cell
 * answers its formula text under every render option (Google would answer the computed result).
 */
export function renderCell(cell: CellData | null | undefined, options: RenderOptions): Rendered {
  const v = cell?.userEnteredValue;
  if (!v) return '';
  if ('formulaValue' in v) return v.formulaValue;
  if ('stringValue' in v) return v.stringValue;
  if ('boolValue' in v)
    return options.valueRender === 'FORMATTED_VALUE' ? (v.boolValue ? 'TRUE' : 'FALSE') : v.boolValue;
  const n = v.numberValue;
  const nf = numberFormatOf(cell);
  const isDate = nf?.type !== undefined && DATE_TYPES.has(nf.type);
  if (options.valueRender === 'FORMATTED_VALUE') return formatNumber(n, nf, options.locale);
  if (isDate && options.dateTimeRender === 'FORMATTED_STRING') return formatNumber(n, nf, options.locale);
  return n;
}

/** The UI's text for a number: its number format when set, else Sheets' automatic format. */
export function formatNumber(n: number, nf: { type?: string; pattern?: string } | undefined, locale: string): string {
  const type = nf?.type;
  if (type && DATE_TYPES.has(type)) return formatSerial(n, nf?.pattern || defaultDatePattern(type, locale));
  const pattern = nf?.pattern || (type === 'PERCENT' ? '0.00%' : type === 'SCIENTIFIC' ? '0.00E+00' : '');
  if (pattern) return formatWithPattern(n, pattern, locale);
  return automatic(n, locale);
}

function localise(text: string, locale: string): string {
  if (usesDecimalPoint(locale)) return text;
  return text.replace(/[.,]/g, (c) => (c === '.' ? ',' : '.'));
}

function automatic(n: number, locale: string): string {
  if (!Number.isFinite(n)) return String(n);
  const abs = Math.abs(n);
  if (abs !== 0 && (abs >= 1e15 || abs < 1e-10)) {
    return localise(
      n
        .toExponential(2)
        .toUpperCase()
        .replace(/E([+-])(\d)$/, 'E$10$2'),
      locale,
    );
  }
  // Sheets shows at most ten decimals and about fifteen significant digits.
  const text = String(Number(Number(n.toPrecision(15)).toFixed(10)));
  return localise(text, locale);
}

function formatWithPattern(n: number, pattern: string, locale: string): string {
  const section = pattern.split(';')[0];
  const percent = section.includes('%');
  const scientific = /E\+/i.test(section);
  const numeric = section.replace(/"[^"]*"|\\./g, '');
  const decimals = /\.([0#]+)/.exec(numeric)?.[1]?.length ?? 0;
  const grouping = /[#0],[#0]/.test(numeric);
  const value = percent ? n * 100 : n;
  let body: string;
  if (scientific) {
    body = value
      .toExponential(decimals)
      .toUpperCase()
      .replace(/E([+-])(\d)$/, 'E$10$2');
  } else {
    body = Math.abs(value).toFixed(decimals);
    if (grouping) {
      const [int, frac] = body.split('.');
      body = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac ? `.${frac}` : '');
    }
    if (value < 0 && Number(body.replaceAll(',', '')) !== 0) body = `-${body}`;
  }
  const prefix = /^"([^"]*)"/.exec(section)?.[1] ?? (/^\$/.test(section) ? '$' : '');
  return `${prefix}${localise(body, locale)}${percent ? '%' : ''}`;
}

/** The pattern a date cell falls back to when its format names a type but no pattern. */
function defaultDatePattern(type: string, locale: string): string {
  const vi = /^vi/i.test(locale);
  if (type === 'TIME') return vi ? 'HH:mm:ss' : 'h:mm:ss am/pm';
  if (type === 'DATE_TIME') return vi ? 'dd/MM/yyyy HH:mm:ss' : 'M/d/yyyy H:mm:ss';
  return vi ? 'dd/MM/yyyy' : 'M/d/yyyy';
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * A serial date-time (days since 30/12/1899, fraction = time of day) printed with a Sheets date pattern:
 * d dd ddd dddd, m mm mmm mmmm (minutes when next to h or s), yy yyyy, h hh (H HH), ss, am/pm, "literals".
 */
export function formatSerial(serial: number, pattern: string): string {
  const ms = Math.round((serial * DAY_MS) / 1000) * 1000;
  const t = new Date(SERIAL_EPOCH_UTC_MS + ms);
  const tokens: { kind: string; text: string }[] = [];
  for (let i = 0; i < pattern.length;) {
    const rest = pattern.slice(i);
    const quoted = /^"([^"]*)"/.exec(rest);
    if (quoted) {
      tokens.push({ kind: 'lit', text: quoted[1] });
      i += quoted[0].length;
      continue;
    }
    if (rest[0] === '\\' && rest.length > 1) {
      tokens.push({ kind: 'lit', text: rest[1] });
      i += 2;
      continue;
    }
    const ampm = /^(am\/pm|a\/p)/i.exec(rest);
    if (ampm) {
      tokens.push({ kind: 'ampm', text: ampm[0] });
      i += ampm[0].length;
      continue;
    }
    const run = /^([dDmMyYhHsS])\1*/.exec(rest);
    if (run) {
      tokens.push({ kind: run[1].toLowerCase(), text: run[0] });
      i += run[0].length;
      continue;
    }
    tokens.push({ kind: 'lit', text: rest[0] });
    i += 1;
  }
  const twelveHour = tokens.some((tk) => tk.kind === 'ampm');
  const p2 = (n: number) => String(n).padStart(2, '0');
  const nearest = (from: number, step: number): string | undefined => {
    for (let j = from + step; j >= 0 && j < tokens.length; j += step)
      if (tokens[j].kind !== 'lit') return tokens[j].kind;
    return undefined;
  };
  const hours = t.getUTCHours();
  return tokens
    .map((tk, i) => {
      const len = tk.text.length;
      switch (tk.kind) {
        case 'lit':
          return tk.text;
        case 'd':
          if (len >= 4) return WEEKDAYS[t.getUTCDay()];
          if (len === 3) return WEEKDAYS[t.getUTCDay()].slice(0, 3);
          return len === 2 ? p2(t.getUTCDate()) : String(t.getUTCDate());
        case 'm': {
          // An `m` run is minutes after an hour or before seconds, otherwise the month.
          const minutes = len <= 2 && (nearest(i, -1) === 'h' || nearest(i, 1) === 's');
          if (minutes) return len === 2 ? p2(t.getUTCMinutes()) : String(t.getUTCMinutes());
          if (len >= 4) return MONTHS[t.getUTCMonth()];
          if (len === 3) return MONTHS[t.getUTCMonth()].slice(0, 3);
          return len === 2 ? p2(t.getUTCMonth() + 1) : String(t.getUTCMonth() + 1);
        }
        case 'y':
          return len <= 2 ? p2(t.getUTCFullYear() % 100) : String(t.getUTCFullYear());
        case 'h': {
          const h = twelveHour ? hours % 12 || 12 : hours;
          return len >= 2 ? p2(h) : String(h);
        }
        case 's':
          return len >= 2 ? p2(t.getUTCSeconds()) : String(t.getUTCSeconds());
        case 'ampm': {
          const pm = hours >= 12;
          if (tk.text.length === 3) return pm ? 'p' : 'a';
          return pm ? 'PM' : 'AM';
        }
        default:
          return tk.text;
      }
    })
    .join('');
}
