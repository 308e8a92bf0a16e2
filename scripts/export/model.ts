// The campaign archive as a plain workbook model built from Sheets values: pure, so tests need no server.
import type { Cell } from '../../functions/core/cells.ts';
import { cellDate, cellText, dateToSerial } from '../../functions/core/cells.ts';

/** What an Excel cell holds; a Date is a wall-clock date-time (its UTC fields are the local ones). */
export type XlsxCell = string | number | boolean | Date | null;

export interface ColumnModel {
  readonly header: string;
  readonly width: number;
  /** Excel number format, e.g. `dd/mm/yyyy`. */
  readonly format?: string;
}

export interface SheetModel {
  readonly name: string;
  /** Lines above the table (title of an official list); the header row follows them. */
  readonly title: readonly string[];
  readonly columns: readonly ColumnModel[];
  readonly rows: readonly (readonly XlsxCell[])[];
}

export interface WorkbookModel {
  readonly sheets: readonly SheetModel[];
}

export const DATE_FORMAT = 'dd/mm/yyyy';
export const DATE_TIME_FORMAT = 'dd/mm/yyyy hh:mm:ss';

/** Columns holding dates: by header, since Sheets' SERIAL_NUMBER values are bare numbers. */
const DATE_HEADERS = new Map<string, string>([
  ['Dấu thời gian', DATE_TIME_FORMAT],
  ['Thời điểm', DATE_TIME_FORMAT],
  ['Hạn nộp', DATE_FORMAT],
  ['Ngày nộp', DATE_FORMAT],
  ['Ngày', DATE_FORMAT],
]);

const SERIAL_EPOCH_UTC_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/**
 * Sheets and Excel (1900 system, after March 1900) count serial days from the same 30/12/1899; exceljs turns a
 * Date into a serial from its UTC fields, so the wall-clock serial goes through a Date at that UTC instant.
 */
export function serialToExcelDate(serial: number): Date {
  return new Date(SERIAL_EPOCH_UTC_MS + Math.round(serial * DAY_MS));
}

/** A cell of a date column: serial numbers and `dd/MM/yyyy [HH:mm[:ss]]` text become dates; anything else stays. */
export function dateCell(cell: Cell | undefined, timeZone: string): XlsxCell {
  if (cell === undefined || cell === '') return null;
  if (typeof cell === 'number') return cell > 0 ? serialToExcelDate(cell) : cell;
  const date = cellDate(cell, timeZone);
  return date ? serialToExcelDate(dateToSerial(date, timeZone)) : plainCell(cell);
}

/** Text, numbers and booleans as typed; text that is a plain number stays text (Sheets returned it as text). */
export function plainCell(cell: Cell | undefined): XlsxCell {
  if (cell === undefined || cell === '') return null;
  return typeof cell === 'string' ? cell.normalize('NFC') : cell;
}

export function columnWidth(header: string, cells: readonly XlsxCell[], format?: string): number {
  let longest = header.length;
  for (const c of cells) {
    const len =
      c instanceof Date
        ? (format ?? DATE_FORMAT).length
        : c === null
          ? 0
          : Math.max(
              ...String(c)
                .split('\n')
                .map((l) => l.length),
            );
    if (len > longest) longest = len;
  }
  return Math.min(60, Math.max(8, longest + 2));
}

/** One tab as a sheet: the first row is the header row; date columns are recognised by their header. */
export function tabSheet(name: string, values: readonly (readonly Cell[])[], timeZone: string): SheetModel {
  const headers = (values[0] ?? []).map((h) => cellText(h));
  const width = Math.max(headers.length, ...values.map((r) => r.length));
  const formats = Array.from({ length: width }, (_, i) => DATE_HEADERS.get(headers[i] ?? ''));
  const rows = values
    .slice(1)
    .map((row) =>
      Array.from({ length: width }, (_, i) => (formats[i] ? dateCell(row[i], timeZone) : plainCell(row[i]))),
    );
  const columns = Array.from({ length: width }, (_, i) => ({
    header: headers[i] ?? '',
    format: formats[i],
    width: columnWidth(
      headers[i] ?? '',
      rows.map((r) => r[i]),
      formats[i],
    ),
  }));
  return { name: sheetName(name), title: [], columns, rows };
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
export function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, '-').slice(0, 31);
}

/** A fixed-column list (STT first) with a title block, widths computed from the content. */
export function listSheet(
  name: string,
  title: readonly string[],
  headers: readonly string[],
  rows: readonly (readonly XlsxCell[])[],
): SheetModel {
  return {
    name: sheetName(name),
    title,
    columns: headers.map((h, i) => ({
      header: h,
      width: columnWidth(
        h,
        rows.map((r) => r[i]),
      ),
    })),
    rows,
  };
}
