// The spreadsheets.values methods: get, batchGet, update, batchUpdate, append, clear, batchClear.
import { rangeOf, toLetters, type A1Range, type Box } from '../../functions/core/a1.ts';
import { badRequest, gridLimit } from './errors.ts';
import {
  boxText,
  cellFor,
  clip,
  columnCount,
  insertRows,
  isEmptyRow,
  locate,
  readValues,
  rowCount,
  tidyCell,
} from './grid.ts';
import { checkResize, overlong, tooManyChars } from './limits.ts';
import type { JsonObject, SheetState, SpreadsheetState } from './model.ts';
import { hasValue, toInput, type RenderOptions, type ValueInputOption } from './values.ts';

export type Query = Record<string, string | string[] | undefined>;

function one(q: Query, name: string): string | undefined {
  const v = q[name];
  return Array.isArray(v) ? v[v.length - 1] : v;
}

function all(q: Query, name: string): string[] {
  const v = q[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

function enumValue<T extends string>(
  value: unknown,
  allowed: readonly T[],
  fallback: T,
  where: string,
  type: string,
): T {
  if (value === undefined || value === null || value === '') return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw badRequest(
    `Invalid value at '${where}' (type.googleapis.com/google.apps.sheets.v4.${type}), ${JSON.stringify(value)}`,
  );
}

const MAJOR = ['ROWS', 'COLUMNS'] as const;
const RENDER = ['FORMATTED_VALUE', 'UNFORMATTED_VALUE', 'FORMULA'] as const;
const DATE_RENDER = ['SERIAL_NUMBER', 'FORMATTED_STRING'] as const;
const INPUT = ['RAW', 'USER_ENTERED'] as const;

function renderOptions(book: SpreadsheetState, value: unknown, dateTime: unknown, prefix = ''): RenderOptions {
  return {
    valueRender: enumValue(value, RENDER, 'FORMATTED_VALUE', `${prefix}value_render_option`, 'ValueRenderOption'),
    dateTimeRender: enumValue(
      dateTime,
      DATE_RENDER,
      'SERIAL_NUMBER',
      `${prefix}date_time_render_option`,
      'DateTimeRenderOption',
    ),
    locale: book.properties.locale,
  };
}

function valueRange(sheet: SheetState, box: Box, major: 'ROWS' | 'COLUMNS', options: RenderOptions): JsonObject {
  const values = readValues(sheet, box, major, options);
  const out: JsonObject = { range: boxText(sheet, box), majorDimension: major };
  if (values.length > 0) out['values'] = values;
  return out;
}

function readOne(book: SpreadsheetState, text: string, major: 'ROWS' | 'COLUMNS', options: RenderOptions): JsonObject {
  const { sheet, range } = locate(book, text);
  return valueRange(sheet, clip(sheet, range), major, options);
}

export function valuesGet(book: SpreadsheetState, rangeText: string, q: Query): JsonObject {
  const major = enumValue(one(q, 'majorDimension'), MAJOR, 'ROWS', 'major_dimension', 'Dimension');
  return readOne(
    book,
    rangeText,
    major,
    renderOptions(book, one(q, 'valueRenderOption'), one(q, 'dateTimeRenderOption')),
  );
}

export function valuesBatchGet(book: SpreadsheetState, q: Query): JsonObject {
  const major = enumValue(one(q, 'majorDimension'), MAJOR, 'ROWS', 'major_dimension', 'Dimension');
  const options = renderOptions(book, one(q, 'valueRenderOption'), one(q, 'dateTimeRenderOption'));
  const valueRanges = all(q, 'ranges').map((text) => readOne(book, text, major, options));
  return { spreadsheetId: book.spreadsheetId, valueRanges };
}

interface Write {
  readonly sheet: SheetState;
  readonly box: Box;
  readonly rows: unknown[][];
}

/** Request values as rows, whatever their major dimension. */
function asRows(values: unknown, major: 'ROWS' | 'COLUMNS', where: string): unknown[][] {
  if (values === undefined || values === null) return [];
  if (!Array.isArray(values))
    throw badRequest(
      `Invalid value at '${where}' (type.googleapis.com/google.protobuf.ListValue), ${JSON.stringify(values)}`,
    );
  const lines = values.map((line, i) => {
    if (line === null) return [];
    if (!Array.isArray(line))
      throw badRequest(
        `Invalid value at '${where}[${i}]' (type.googleapis.com/google.protobuf.ListValue), ${JSON.stringify(line)}`,
      );
    return line as unknown[];
  });
  if (major === 'ROWS') return lines;
  const rows: unknown[][] = [];
  lines.forEach((col, c) =>
    col.forEach((v, r) => {
      const row = (rows[r] ??= []);
      while (row.length < c) row.push(null);
      row[c] = v;
    }),
  );
  return rows.map((r) => r ?? []);
}

function extent(rows: unknown[][]): { height: number; width: number; cells: number } {
  let width = 0;
  let cells = 0;
  for (const r of rows) {
    width = Math.max(width, r.length);
    cells += r.length;
  }
  return { height: rows.length, width, cells };
}

/** Checks a write against its range's bounds and the grid, before anything is changed. */
function planWrite(sheet: SheetState, range: A1Range, rows: unknown[][]): Write {
  for (const line of rows) for (const value of line) if (overlong(value)) throw tooManyChars();
  const { height, width } = extent(rows);
  const start = { startRow: range.startRow, startCol: range.startCol };
  const box = { ...start, endRow: start.startRow + Math.max(height, 1), endCol: start.startCol + Math.max(width, 1) };
  // A single cell is only where the data starts; a wider range bounds the data.
  const single = range.endRow === range.startRow + 1 && range.endCol === range.startCol + 1;
  if (!single && !range.wholeSheet) {
    const within = rangeOf(sheet.properties.title, range);
    if (range.endRow !== undefined && box.endRow > range.endRow) {
      throw badRequest(`Requested writing within range [${within}], but tried writing to row [${box.endRow}]`);
    }
    if (range.endCol !== undefined && box.endCol > range.endCol) {
      throw badRequest(
        `Requested writing within range [${within}], but tried writing to column [${toLetters(box.endCol - 1)}]`,
      );
    }
  }
  if (box.endRow > rowCount(sheet) || box.endCol > columnCount(sheet)) {
    throw gridLimit(boxText(sheet, box), rowCount(sheet), columnCount(sheet));
  }
  return { sheet, box, rows };
}

function applyWrite(book: SpreadsheetState, w: Write, option: ValueInputOption): void {
  const locale = book.properties.locale;
  w.rows.forEach((line, i) => {
    line.forEach((raw, j) => {
      const input = toInput(raw, option, locale);
      if (input.kind === 'skip') return;
      const r = w.box.startRow + i;
      const c = w.box.startCol + j;
      if (input.kind === 'clear') {
        const cell = w.sheet.grid[r]?.[c];
        if (cell) {
          delete cell.userEnteredValue;
          tidyCell(w.sheet, r, c);
        }
        return;
      }
      const cell = cellFor(w.sheet, r, c);
      cell.userEnteredValue = input.value;
      if (input.numberFormat && !cell.userEnteredFormat?.['numberFormat']) {
        cell.userEnteredFormat = { ...(cell.userEnteredFormat ?? {}), numberFormat: input.numberFormat };
      }
    });
  });
}

function updateResponse(book: SpreadsheetState, w: Write, q: { include: boolean; render: RenderOptions }): JsonObject {
  const { height, width, cells } = extent(w.rows);
  const out: JsonObject = { spreadsheetId: book.spreadsheetId, updatedRange: boxText(w.sheet, w.box) };
  if (cells > 0) Object.assign(out, { updatedRows: height, updatedColumns: width, updatedCells: cells });
  if (q.include) out['updatedData'] = valueRange(w.sheet, w.box, 'ROWS', q.render);
  return out;
}

function inputOption(value: unknown, where: string): ValueInputOption {
  if (value === undefined || value === null || value === '' || value === 'INPUT_VALUE_OPTION_UNSPECIFIED') {
    throw badRequest("'valueInputOption' is required but not specified");
  }
  return enumValue(value, INPUT, 'RAW', where, 'ValueInputOption');
}

function flag(value: unknown): boolean {
  return value === true || value === 'true';
}

export function valuesUpdate(book: SpreadsheetState, rangeText: string, q: Query, body: JsonObject): JsonObject {
  const option = inputOption(one(q, 'valueInputOption'), 'value_input_option');
  const major = enumValue(body['majorDimension'], MAJOR, 'ROWS', 'major_dimension', 'Dimension');
  const { sheet, range } = locate(book, rangeText);
  const render = renderOptions(
    book,
    one(q, 'responseValueRenderOption'),
    one(q, 'responseDateTimeRenderOption'),
    'response_',
  );
  const w = planWrite(sheet, range, asRows(body['values'], major, 'values'));
  applyWrite(book, w, option);
  return updateResponse(book, w, { include: flag(one(q, 'includeValuesInResponse')), render });
}

export function valuesBatchUpdate(book: SpreadsheetState, body: JsonObject): JsonObject {
  const option = inputOption(body['valueInputOption'], 'value_input_option');
  const render = renderOptions(
    book,
    body['responseValueRenderOption'],
    body['responseDateTimeRenderOption'],
    'response_',
  );
  const data = Array.isArray(body['data']) ? (body['data'] as JsonObject[]) : [];
  // Every range is checked before any is written, so a bad one leaves the spreadsheet untouched.
  const writes = data.map((d, i) => {
    const major = enumValue(d['majorDimension'], MAJOR, 'ROWS', `data[${i}].major_dimension`, 'Dimension');
    if (typeof d['range'] !== 'string') throw badRequest(`Invalid data[${i}]: range is required`);
    const { sheet, range } = locate(book, d['range']);
    const rows = asRows(d['values'], major, `data[${i}].values`);
    for (const line of rows)
      for (const value of line) if (overlong(value)) throw badRequest(`Invalid data[${i}]: ${tooManyChars().message}`);
    return planWrite(sheet, range, rows);
  });
  for (const w of writes) applyWrite(book, w, option);
  const responses = writes.map((w) =>
    updateResponse(book, w, { include: flag(body['includeValuesInResponse']), render }),
  );
  const rows = new Set<string>();
  const cols = new Set<string>();
  const sheets = new Set<number>();
  let cells = 0;
  for (const w of writes) {
    const e = extent(w.rows);
    if (e.cells === 0) continue;
    cells += e.cells;
    sheets.add(w.sheet.properties.sheetId);
    for (let r = 0; r < e.height; r++) rows.add(`${w.sheet.properties.sheetId}:${w.box.startRow + r}`);
    for (let c = 0; c < e.width; c++) cols.add(`${w.sheet.properties.sheetId}:${w.box.startCol + c}`);
  }
  const out: JsonObject = { spreadsheetId: book.spreadsheetId };
  if (cells > 0) {
    Object.assign(out, {
      totalUpdatedRows: rows.size,
      totalUpdatedColumns: cols.size,
      totalUpdatedCells: cells,
      totalUpdatedSheets: sheets.size,
    });
  }
  out['responses'] = responses;
  return out;
}

/**
 * values.append, as documented: the range's columns are searched from its first row for a "table" (the first
 * non-empty row and the rows below it up to the next empty row); data goes into the rows after the table,
 * from the table's first column. OVERWRITE writes over what follows and grows the grid when needed;
 * INSERT_ROWS inserts fresh rows for the data.
 */
export function valuesAppend(book: SpreadsheetState, rangeText: string, q: Query, body: JsonObject): JsonObject {
  const option = inputOption(one(q, 'valueInputOption'), 'value_input_option');
  const insert = enumValue(
    one(q, 'insertDataOption'),
    ['OVERWRITE', 'INSERT_ROWS'] as const,
    'OVERWRITE',
    'insert_data_option',
    'InsertDataOption',
  );
  const major = enumValue(body['majorDimension'], MAJOR, 'ROWS', 'major_dimension', 'Dimension');
  const render = renderOptions(
    book,
    one(q, 'responseValueRenderOption'),
    one(q, 'responseDateTimeRenderOption'),
    'response_',
  );
  const { sheet, range } = locate(book, rangeText);
  const area = clip(sheet, range);
  const rows = asRows(body['values'], major, 'values');

  // The search runs down from the range's first row past its end: the table may have grown beyond it.
  let first = -1;
  for (let r = area.startRow; r < sheet.grid.length; r++) {
    if (!isEmptyRow(sheet, r, area.startCol, area.endCol)) {
      first = r;
      break;
    }
  }
  let target = area.startRow;
  let startCol = area.startCol;
  let tableRange: string | undefined;
  if (first >= 0) {
    let last = first;
    while (last + 1 < sheet.grid.length && !isEmptyRow(sheet, last + 1, area.startCol, area.endCol)) last++;
    const used = (c: number) => {
      for (let r = first; r <= last; r++) if (hasValue(sheet.grid[r]?.[c])) return true;
      return false;
    };
    // The table is the block of data the range touches, widened over adjacent filled columns.
    let minCol = area.endCol;
    let maxCol = area.startCol - 1;
    for (let c = area.startCol; c < area.endCol; c++) {
      if (used(c)) {
        minCol = Math.min(minCol, c);
        maxCol = Math.max(maxCol, c);
      }
    }
    while (minCol > 0 && used(minCol - 1)) minCol--;
    while (maxCol + 1 < columnCount(sheet) && used(maxCol + 1)) maxCol++;
    tableRange = boxText(sheet, { startRow: first, startCol: minCol, endRow: last + 1, endCol: maxCol + 1 });
    target = last + 1;
    startCol = minCol;
  }

  const { height, width } = extent(rows);
  for (const line of rows) for (const value of line) if (overlong(value)) throw tooManyChars();
  if (height > 0) {
    // The grid this append leaves, judged against the limits before anything moves.
    const rowsAfter = Math.max(rowCount(sheet) + (insert === 'INSERT_ROWS' ? height : 0), target + height);
    checkResize(book, sheet, rowsAfter, Math.max(columnCount(sheet), startCol + width));
    if (insert === 'INSERT_ROWS') insertRows(sheet, Math.min(target, rowCount(sheet)), height);
    const grid = sheet.properties.gridProperties;
    // Unlike update, append makes room: Google grows the sheet to fit the new rows and columns.
    grid.rowCount = Math.max(grid.rowCount, target + height);
    grid.columnCount = Math.max(grid.columnCount, startCol + width);
  }
  const w = planWrite(
    sheet,
    { wholeSheet: false, startRow: target, startCol, endRow: target + 1, endCol: startCol + 1 },
    rows,
  );
  applyWrite(book, w, option);
  const out: JsonObject = { spreadsheetId: book.spreadsheetId };
  if (tableRange) out['tableRange'] = tableRange;
  out['updates'] = updateResponse(book, w, { include: flag(one(q, 'includeValuesInResponse')), render });
  return out;
}

function clearBox(sheet: SheetState, box: Box): void {
  const last = Math.min(box.endRow, sheet.grid.length);
  for (let r = box.startRow; r < last; r++) {
    const line = sheet.grid[r];
    if (!line) continue;
    for (let c = box.startCol; c < Math.min(box.endCol, line.length); c++) {
      const cell = line[c];
      if (cell?.userEnteredValue !== undefined) {
        delete cell.userEnteredValue;
        tidyCell(sheet, r, c);
      }
    }
  }
}

export function valuesClear(book: SpreadsheetState, rangeText: string): JsonObject {
  const { sheet, range } = locate(book, rangeText);
  const box = clip(sheet, range);
  clearBox(sheet, box);
  return { spreadsheetId: book.spreadsheetId, clearedRange: boxText(sheet, box) };
}

export function valuesBatchClear(book: SpreadsheetState, body: JsonObject): JsonObject {
  const ranges = Array.isArray(body['ranges']) ? (body['ranges'] as unknown[]).map(String) : [];
  const targets = ranges.map((text) => {
    const { sheet, range } = locate(book, text);
    return { sheet, box: clip(sheet, range) };
  });
  for (const t of targets) clearBox(t.sheet, t.box);
  return { spreadsheetId: book.spreadsheetId, clearedRanges: targets.map((t) => boxText(t.sheet, t.box)) };
}
