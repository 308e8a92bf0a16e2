// Google's hard limits on a spreadsheet's size and content, checked before a change is kept (docs/limits.md).
import { badRequest, type ApiError } from './errors.ts';
import type { Json, SheetState, SpreadsheetState } from './model.ts';

/** Grid cells of all sheets together ("Files you can store in Google Drive"). */
const MAX_CELLS = 10_000_000;
/** Columns of one sheet: A to ZZZ. */
const MAX_COLUMNS = 18_278;
/** Characters in one cell. */
const MAX_CELL_CHARS = 50_000;

function gridCells(sheet: SheetState): number {
  return sheet.properties.gridProperties.rowCount * sheet.properties.gridProperties.columnCount;
}

export function totalCells(book: SpreadsheetState): number {
  let total = 0;
  for (const sheet of book.sheets) total += gridCells(sheet);
  return total;
}

function tooManyCells(): ApiError {
  return badRequest(
    `This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS} cells.`,
  );
}

/** Google publishes the column limit but not its refusal's wording; this follows the cell limit's. */
function tooManyColumns(): ApiError {
  return badRequest(
    `This action would increase the number of columns in the sheet above the limit of ${MAX_COLUMNS} columns.`,
  );
}

export function tooManyChars(): ApiError {
  return badRequest(`Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`);
}

/**
 * A change that grew the grid past the cell limit is refused; one that leaves an already oversized spreadsheet no
 * larger is not (Google refuses what "would increase the number of cells ... above the limit").
 */
export function checkGrowth(book: SpreadsheetState, cellsBefore: number): void {
  const after = totalCells(book);
  if (after > MAX_CELLS && after > cellsBefore) throw tooManyCells();
  for (const sheet of book.sheets)
    if (sheet.properties.gridProperties.columnCount > MAX_COLUMNS) throw tooManyColumns();
}

/** Refuses a grid of `rows` × `columns` replacing `sheet`'s, before anything is changed. */
export function checkResize(book: SpreadsheetState, sheet: SheetState, rows: number, columns: number): void {
  if (columns > MAX_COLUMNS) throw tooManyColumns();
  const before = totalCells(book);
  const after = before - gridCells(sheet) + rows * columns;
  if (after > MAX_CELLS && after > before) throw tooManyCells();
}

/** True when a request value is a string longer than a cell holds. */
export function overlong(value: unknown): boolean {
  return typeof value === 'string' && value.length > MAX_CELL_CHARS;
}

/** Refuses any `stringValue` or `formulaValue` in CellData (updateCells rows, repeatCell) longer than a cell holds. */
export function checkCellData(value: Json | undefined): void {
  if (!value || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) checkCellData(item);
    return;
  }
  const entered = value['userEnteredValue'];
  if (entered && typeof entered === 'object' && !Array.isArray(entered)) {
    if (overlong(entered['stringValue']) || overlong(entered['formulaValue'])) throw tooManyChars();
  }
  for (const key of ['rows', 'values', 'cell']) checkCellData(value[key]);
}

/** Time zones as the spreadsheet settings take them: IANA/CLDR identifiers such as `Asia/Ho_Chi_Minh`. */
export function isTimeZone(zone: unknown): boolean {
  if (typeof zone !== 'string' || zone.trim() === '' || !/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function invalidTimeZone(zone: unknown): ApiError {
  return badRequest(`Invalid time zone: ${String(zone)}`);
}
