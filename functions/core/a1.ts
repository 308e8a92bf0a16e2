// A1 notation, the one definition for the gateway, setup, the web view and the local Sheets server: ranges parsed the
// way the Sheets API reads them and printed the way it echoes them. Columns are 0-based indexes, as in a GridRange.

/** A parsed A1 range. Indexes are 0-based, ends exclusive; an absent end is open (to the grid's edge). */
export interface A1Range {
  /** Sheet title as written (unquoted); absent means the first sheet. */
  readonly sheet?: string;
  /** True when the text named a sheet and nothing else: the whole grid. */
  readonly wholeSheet: boolean;
  readonly startRow: number;
  readonly startCol: number;
  readonly endRow?: number;
  readonly endCol?: number;
}

/** A range resolved against a grid: every bound concrete. */
export interface Box {
  readonly startRow: number;
  readonly startCol: number;
  readonly endRow: number;
  readonly endCol: number;
}

/** 0 → A, 25 → Z, 26 → AA, 18277 → ZZZ (the last of Google's 18,278 columns). */
export function toLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** A → 0, Z → 25, AA → 26 (case-insensitive, as Google accepts `a1`). */
export function fromLetters(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

// Google leaves a title unquoted only when it is a plain identifier that cannot be mistaken for a
// cell or column reference; anything else (spaces, Vietnamese letters, punctuation) is quoted.
const PLAIN_TITLE = /^[A-Za-z_][A-Za-z0-9_]*$/;
const LOOKS_LIKE_CELL = /^[A-Za-z]{1,3}[0-9]+$|^R[0-9]*C[0-9]*$/i;

export function quoteSheetTitle(title: string): string {
  if (PLAIN_TITLE.test(title) && !LOOKS_LIKE_CELL.test(title) && !/^(TRUE|FALSE)$/i.test(title)) return title;
  return `'${title.replaceAll("'", "''")}'`;
}

/** `A1`, or `A1:C3`; a single cell is printed once, as Google does. */
export function formatBox(box: Box): string {
  const start = `${toLetters(box.startCol)}${box.startRow + 1}`;
  if (box.endRow - box.startRow === 1 && box.endCol - box.startCol === 1) return start;
  return `${start}:${toLetters(box.endCol - 1)}${box.endRow}`;
}

/** A range with possibly open ends, as Google names a GridRange in errors (`A1001:B`, `AA1:2`). */
export function formatOpen(r: { startRow: number; startCol: number; endRow?: number; endCol?: number }): string {
  if (r.endRow !== undefined && r.endCol !== undefined) {
    return formatBox({ startRow: r.startRow, startCol: r.startCol, endRow: r.endRow, endCol: r.endCol });
  }
  const start = `${toLetters(r.startCol)}${r.startRow + 1}`;
  const end = `${r.endCol === undefined ? '' : toLetters(r.endCol - 1)}${r.endRow === undefined ? '' : r.endRow}`;
  return end ? `${start}:${end}` : start;
}

export function qualified(title: string, ref: string): string {
  return `${quoteSheetTitle(title)}!${ref}`;
}

interface Part {
  readonly col?: number;
  readonly row?: number;
}

const PART = /^\$?([A-Za-z]{1,3})?\$?([0-9]+)?$/;

function parsePart(text: string): Part | null {
  const m = PART.exec(text);
  if (!m || (!m[1] && !m[2])) return null;
  const row = m[2] === undefined ? undefined : Number(m[2]) - 1;
  if (row !== undefined && row < 0) return null;
  return { col: m[1] === undefined ? undefined : fromLetters(m[1]), row };
}

type Ref = Omit<A1Range, 'sheet' | 'wholeSheet'>;

/** The part after `!`: `A1`, `A1:C3`, `A:C`, `A2:C`, `2:5`. Reversed corners are put in order. */
export function parseRef(text: string): Ref | null {
  const pieces = text.split(':');
  if (pieces.length === 1) {
    const p = parsePart(pieces[0]);
    if (!p || p.col === undefined || p.row === undefined) return null;
    return { startRow: p.row, startCol: p.col, endRow: p.row + 1, endCol: p.col + 1 };
  }
  if (pieces.length !== 2) return null;
  const a = parsePart(pieces[0]);
  const b = parsePart(pieces[1]);
  if (!a || !b) return null;
  // A bare row number on one side and a bare column on the other (`A:5`) means nothing to Google either.
  const cols = [a.col, b.col].filter((c) => c !== undefined);
  const rows = [a.row, b.row].filter((r) => r !== undefined);
  if (cols.length === 0 && rows.length < 2) return null;
  if (rows.length === 0 && cols.length < 2) return null;
  const startCol = cols.length === 2 ? Math.min(...cols) : (a.col ?? 0);
  const endCol =
    cols.length === 2
      ? Math.max(...cols) + 1
      : a.col === undefined
        ? undefined
        : b.col === undefined
          ? undefined
          : b.col + 1;
  const startRow = rows.length === 2 ? Math.min(...rows) : (a.row ?? 0);
  const endRow = rows.length === 2 ? Math.max(...rows) + 1 : undefined;
  return { startRow, startCol, endRow, endCol };
}

/**
 * Parses a request range the way the API does: `'Cấu hình'!A1:B`, `'It''s'!A1`, `Sheet1!2:5`, a bare sheet
 * title (whole sheet), or a reference with no sheet (the first sheet). Returns null when unparsable.
 * A bare word that reads as a reference (`A1`) is a reference; such a sheet title must be quoted.
 */
export function parseA1(input: string): A1Range | null {
  const text = input.trim();
  if (text === '') return null;
  if (text.startsWith("'")) {
    let i = 1;
    let title = '';
    for (;;) {
      if (i >= text.length) return null;
      const ch = text[i];
      if (ch === "'") {
        if (text[i + 1] === "'") {
          title += "'";
          i += 2;
          continue;
        }
        break;
      }
      title += ch;
      i++;
    }
    if (title === '') return null;
    const rest = text.slice(i + 1);
    if (rest === '') return { sheet: title, wholeSheet: true, startRow: 0, startCol: 0 };
    if (!rest.startsWith('!')) return null;
    const ref = parseRef(rest.slice(1));
    return ref ? { sheet: title, wholeSheet: false, ...ref } : null;
  }
  const bang = text.indexOf('!');
  if (bang >= 0) {
    const title = text.slice(0, bang);
    if (title === '' || /['!]/.test(title)) return null;
    const ref = parseRef(text.slice(bang + 1));
    return ref ? { sheet: title, wholeSheet: false, ...ref } : null;
  }
  const ref = parseRef(text);
  if (ref) return { wholeSheet: false, ...ref };
  if (text.includes("'")) return null;
  return { sheet: text, wholeSheet: true, startRow: 0, startCol: 0 };
}

/** A sheet title as a request names it: always quoted, inner apostrophes doubled (Google reads that for any title). */
export function quoteSheet(title: string): string {
  return `'${title.replaceAll("'", "''")}'`;
}

/** `'Tab'!B2:D9`, or with open ends `'Tab'!B2:D`, from 0-based bounds (ends exclusive). */
export function rangeOf(
  sheet: string,
  r: { startRow: number; startCol: number; endRow?: number; endCol?: number },
): string {
  return `${quoteSheet(sheet)}!${formatOpen(r)}`;
}
