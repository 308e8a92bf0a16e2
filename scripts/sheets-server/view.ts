// The Spreadsheet resource as spreadsheets.get answers it, with grid data for the requested ranges.
import type { Box } from '../../functions/core/a1.ts';
import { clip, locate } from './grid.ts';
import type { CellData, JsonObject, SheetState, SpreadsheetState } from './model.ts';
import { renderCell } from './values.ts';

const DEFAULT_ROW_PX = 21;
const DEFAULT_COLUMN_PX = 100;

function cellView(cell: CellData | null | undefined, locale: string): JsonObject {
  if (!cell) return {};
  const out: JsonObject = {};
  const v = cell.userEnteredValue;
  if (v) {
    out['userEnteredValue'] = { ...v };
    // Formulas are not evaluated locally, so they have no effective value.
    if (!('formulaValue' in v)) out['effectiveValue'] = { ...v };
    out['formattedValue'] = String(
      renderCell(cell, { valueRender: 'FORMATTED_VALUE', dateTimeRender: 'SERIAL_NUMBER', locale }),
    );
  }
  if (cell.userEnteredFormat) {
    out['userEnteredFormat'] = structuredClone(cell.userEnteredFormat);
    out['effectiveFormat'] = structuredClone(cell.userEnteredFormat);
  }
  if (cell.dataValidation) out['dataValidation'] = structuredClone(cell.dataValidation);
  if (cell.note !== undefined) out['note'] = cell.note;
  return out;
}

function gridData(sheet: SheetState, box: Box, locale: string): JsonObject {
  const rowData: JsonObject[] = [];
  const last = Math.min(box.endRow, sheet.grid.length);
  for (let r = box.startRow; r < last; r++) {
    const line = sheet.grid[r];
    const values: JsonObject[] = [];
    if (line)
      for (let c = box.startCol; c < Math.min(box.endCol, line.length); c++) values.push(cellView(line[c], locale));
    while (values.length > 0 && Object.keys(values[values.length - 1]).length === 0) values.pop();
    rowData.push(values.length > 0 ? { values } : {});
  }
  while (rowData.length > 0 && Object.keys(rowData[rowData.length - 1]).length === 0) rowData.pop();
  const meta = (m: SheetState['rowMeta'], i: number, px: number): JsonObject => {
    const e = m[String(i)];
    return { pixelSize: e?.pixelSize ?? px, ...(e?.hiddenByUser ? { hiddenByUser: true } : {}) };
  };
  const out: JsonObject = {};
  if (box.startRow > 0) out['startRow'] = box.startRow;
  if (box.startCol > 0) out['startColumn'] = box.startCol;
  out['rowData'] = rowData;
  out['rowMetadata'] = Array.from({ length: box.endRow - box.startRow }, (_, i) =>
    meta(sheet.rowMeta, box.startRow + i, DEFAULT_ROW_PX),
  );
  out['columnMetadata'] = Array.from({ length: box.endCol - box.startCol }, (_, i) =>
    meta(sheet.columnMeta, box.startCol + i, DEFAULT_COLUMN_PX),
  );
  return out;
}

export interface ViewOptions {
  readonly ranges?: readonly string[];
  readonly includeGridData?: boolean;
}

/** Everything stored is shown; empty lists are left out, as Google leaves out empty repeated fields. */
export function spreadsheetView(book: SpreadsheetState, options: ViewOptions = {}): JsonObject {
  const ranges = options.ranges ?? [];
  const boxes = new Map<SheetState, Box[]>();
  for (const text of ranges) {
    const { sheet, range } = locate(book, text);
    const list = boxes.get(sheet) ?? [];
    list.push(clip(sheet, range));
    boxes.set(sheet, list);
  }
  const sheets = [...book.sheets]
    .sort((a, b) => a.properties.index - b.properties.index)
    .filter((s) => ranges.length === 0 || boxes.has(s))
    .map((sheet) => {
      const out: JsonObject = { properties: structuredClone(sheet.properties) };
      if (options.includeGridData) {
        const wanted = boxes.get(sheet) ?? [
          {
            startRow: 0,
            startCol: 0,
            endRow: sheet.properties.gridProperties.rowCount,
            endCol: sheet.properties.gridProperties.columnCount,
          },
        ];
        out['data'] = wanted.map((box) => gridData(sheet, box, book.properties.locale));
      }
      if (sheet.protectedRanges.length > 0) out['protectedRanges'] = structuredClone(sheet.protectedRanges);
      if (sheet.conditionalFormats.length > 0) out['conditionalFormats'] = structuredClone(sheet.conditionalFormats);
      if (sheet.charts.length > 0) out['charts'] = structuredClone(sheet.charts);
      if (sheet.basicFilter) out['basicFilter'] = structuredClone(sheet.basicFilter);
      return out;
    });
  const out: JsonObject = {
    spreadsheetId: book.spreadsheetId,
    properties: structuredClone(book.properties),
    sheets,
    spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${book.spreadsheetId}/edit`,
  };
  if (book.namedRanges.length > 0) out['namedRanges'] = structuredClone(book.namedRanges);
  return out;
}
