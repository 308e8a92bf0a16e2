// Cells of one sheet: finding sheets and ranges, reading boxes, writing cells, inserting and deleting rows/columns.
import { formatBox, formatOpen, parseA1, qualified, type A1Range, type Box } from '../../functions/core/a1.ts';
import { gridLimit, unparsableRange } from './errors.ts';
import type { CellData, DimensionMeta, SheetState, SpreadsheetState } from './model.ts';
import { hasValue, renderCell, type Rendered, type RenderOptions } from './values.ts';

export function sheetByTitle(book: SpreadsheetState, title: string): SheetState | undefined {
  const wanted = title.normalize('NFC');
  const exact = book.sheets.find((s) => s.properties.title.normalize('NFC') === wanted);
  if (exact) return exact;
  // Sheets matches titles in ranges without regard to case.
  const lower = wanted.toLocaleLowerCase();
  return book.sheets.find((s) => s.properties.title.normalize('NFC').toLocaleLowerCase() === lower);
}

export function sheetById(book: SpreadsheetState, sheetId: number): SheetState | undefined {
  return book.sheets.find((s) => s.properties.sheetId === sheetId);
}

export function firstSheet(book: SpreadsheetState): SheetState | undefined {
  return [...book.sheets].sort((a, b) => a.properties.index - b.properties.index)[0];
}

export interface Located {
  readonly sheet: SheetState;
  readonly range: A1Range;
}

/** A request range resolved to its sheet; an unknown sheet is, for Google, an unparsable range. */
export function locate(book: SpreadsheetState, text: string): Located {
  const range = parseA1(text);
  if (!range) throw unparsableRange(text);
  const sheet = range.sheet === undefined ? firstSheet(book) : sheetByTitle(book, range.sheet);
  if (!sheet) throw unparsableRange(text);
  return { sheet, range };
}

export function rowCount(sheet: SheetState): number {
  return sheet.properties.gridProperties.rowCount;
}

export function columnCount(sheet: SheetState): number {
  return sheet.properties.gridProperties.columnCount;
}

/** The A1 text Google would print for a range that may have open ends. */
function openText(sheet: SheetState, r: A1Range): string {
  return qualified(sheet.properties.title, formatOpen(r));
}

/** A range clipped to the grid, as reads and clears answer it; one that starts outside the grid is refused. */
export function clip(sheet: SheetState, r: A1Range): Box {
  const rows = rowCount(sheet);
  const cols = columnCount(sheet);
  if (r.startRow >= rows || r.startCol >= cols) throw gridLimit(openText(sheet, r), rows, cols);
  return {
    startRow: r.startRow,
    startCol: r.startCol,
    endRow: Math.min(r.endRow ?? rows, rows),
    endCol: Math.min(r.endCol ?? cols, cols),
  };
}

export function boxText(sheet: SheetState, box: Box): string {
  return qualified(sheet.properties.title, formatBox(box));
}

export function cellAt(sheet: SheetState, row: number, col: number): CellData | null {
  return sheet.grid[row]?.[col] ?? null;
}

/** The cell at (row, col), created if absent, for in-place edits. */
export function cellFor(sheet: SheetState, row: number, col: number): CellData {
  let line = sheet.grid[row];
  if (!line) {
    while (sheet.grid.length < row) sheet.grid.push(null);
    line = [];
    sheet.grid[row] = line;
  }
  while (line.length < col) line.push(null);
  let cell = line[col];
  if (!cell) {
    cell = {};
    line[col] = cell;
  }
  return cell;
}

/** Drops a cell that no longer holds anything, so stored grids and trims stay tight. */
export function tidyCell(sheet: SheetState, row: number, col: number): void {
  const line = sheet.grid[row];
  const cell = line?.[col];
  if (!line || !cell) return;
  if (Object.keys(cell).length === 0) line[col] = null;
}

export function isEmptyRow(sheet: SheetState, row: number, startCol: number, endCol: number): boolean {
  const line = sheet.grid[row];
  if (!line) return true;
  for (let c = startCol; c < Math.min(endCol, line.length); c++) if (hasValue(line[c])) return false;
  return true;
}

/** Values of a box, rows or columns first, with trailing empty cells and lines trimmed as Google does. */
export function readValues(
  sheet: SheetState,
  box: Box,
  major: 'ROWS' | 'COLUMNS',
  options: RenderOptions,
): Rendered[][] {
  const lastRow = Math.min(box.endRow, sheet.grid.length);
  const out: Rendered[][] = [];
  if (major === 'ROWS') {
    for (let r = box.startRow; r < lastRow; r++) {
      const line = sheet.grid[r];
      const values: Rendered[] = [];
      if (line) {
        const end = Math.min(box.endCol, line.length);
        for (let c = box.startCol; c < end; c++) values.push(renderCell(line[c], options));
      }
      out.push(values);
    }
  } else {
    for (let c = box.startCol; c < box.endCol; c++) {
      const values: Rendered[] = [];
      for (let r = box.startRow; r < lastRow; r++) values.push(renderCell(sheet.grid[r]?.[c], options));
      out.push(values);
    }
  }
  for (const line of out) while (line.length > 0 && line[line.length - 1] === '') line.pop();
  while (out.length > 0 && out[out.length - 1].length === 0) out.pop();
  return out;
}

function shiftMeta(meta: Record<string, DimensionMeta>, at: number, by: number): Record<string, DimensionMeta> {
  const next: Record<string, DimensionMeta> = {};
  for (const [key, value] of Object.entries(meta)) {
    const i = Number(key);
    if (i < at) next[key] = value;
    else if (by > 0 || i >= at - by) next[String(i + by)] = value;
  }
  return next;
}

export function insertRows(sheet: SheetState, at: number, count: number): void {
  if (at < sheet.grid.length) sheet.grid.splice(at, 0, ...Array<null>(count).fill(null));
  sheet.rowMeta = shiftMeta(sheet.rowMeta, at, count);
  sheet.properties.gridProperties.rowCount += count;
}

export function deleteRows(sheet: SheetState, start: number, end: number): void {
  sheet.grid.splice(start, end - start);
  sheet.rowMeta = shiftMeta(sheet.rowMeta, start, -(end - start));
  sheet.properties.gridProperties.rowCount -= end - start;
}

export function insertColumns(sheet: SheetState, at: number, count: number): void {
  for (const line of sheet.grid) if (line && at < line.length) line.splice(at, 0, ...Array<null>(count).fill(null));
  sheet.columnMeta = shiftMeta(sheet.columnMeta, at, count);
  sheet.properties.gridProperties.columnCount += count;
}

export function deleteColumns(sheet: SheetState, start: number, end: number): void {
  for (const line of sheet.grid) if (line) line.splice(start, end - start);
  sheet.columnMeta = shiftMeta(sheet.columnMeta, start, -(end - start));
  sheet.properties.gridProperties.columnCount -= end - start;
}

/** Shrinking the grid drops what falls outside it, as resizing in the UI does. */
export function truncateGrid(sheet: SheetState): void {
  const rows = rowCount(sheet);
  const cols = columnCount(sheet);
  if (sheet.grid.length > rows) sheet.grid.length = rows;
  for (const line of sheet.grid) if (line && line.length > cols) line.length = cols;
}
