// The stored shape of a spreadsheet: Google's resource fields, kept as the JSON the API speaks.

export type ExtendedValue =
  { stringValue: string } | { numberValue: number } | { boolValue: boolean } | { formulaValue: string };

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** A JSON field as text: a string as it is, `fallback` when absent or null, anything else as its JSON. */
export function jsonText(value: Json | undefined, fallback = ''): string {
  if (value === undefined || value === null) return fallback;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export interface CellData {
  userEnteredValue?: ExtendedValue;
  userEnteredFormat?: JsonObject;
  dataValidation?: JsonObject;
  note?: string;
}

/** Rows of cells; null marks an empty row or cell so the JSON stays dense and plain. */
export type Grid = (Array<CellData | null> | null)[];

export interface DimensionMeta {
  pixelSize?: number;
  hiddenByUser?: boolean;
}

export interface SheetState {
  properties: JsonObject & {
    sheetId: number;
    title: string;
    index: number;
    gridProperties: JsonObject & { rowCount: number; columnCount: number };
  };
  grid: Grid;
  rowMeta: Record<string, DimensionMeta>;
  columnMeta: Record<string, DimensionMeta>;
  protectedRanges: JsonObject[];
  conditionalFormats: JsonObject[];
  charts: JsonObject[];
  basicFilter?: JsonObject;
}

export interface SpreadsheetState {
  spreadsheetId: string;
  properties: JsonObject & { title: string; locale: string; timeZone: string };
  sheets: SheetState[];
  namedRanges: JsonObject[];
}

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;
