// spreadsheets.batchUpdate: validates every request, applies them in order to a copy, and commits only if all succeed.
import { randomInt } from 'node:crypto';
import { formatOpen, qualified, type Box } from '../../../functions/core/a1.ts';
import { ApiError, badRequest, gridLimit } from '../errors.ts';
import {
  cellFor,
  columnCount,
  deleteColumns,
  deleteRows,
  insertColumns,
  insertRows,
  rowCount,
  sheetById,
  tidyCell,
  truncateGrid,
} from '../grid.ts';
import { checkCellData, checkGrowth, invalidTimeZone, isTimeZone, totalCells } from '../limits.ts';
import {
  jsonText,
  type CellData,
  type Json,
  type JsonObject,
  type SheetState,
  type SpreadsheetState,
} from '../model.ts';
import { newSheet } from '../store.ts';
import { applyMask, parseMask } from './mask.ts';
import { check, list, obj, type Schema } from './schema.ts';
import { KNOWN_UNSUPPORTED, SUPPORTED } from './types.ts';

const BODY: Schema = obj('BatchUpdateSpreadsheetRequest', () => ({
  requests: list('any'),
  includeSpreadsheetInResponse: 'bool',
  responseRanges: list('string'),
  responseIncludeGridData: 'bool',
}));

export interface BatchBody {
  readonly requests: readonly { kind: string; body: JsonObject }[];
  readonly includeSpreadsheetInResponse: boolean;
  readonly responseRanges: readonly string[];
  readonly responseIncludeGridData: boolean;
}

/** Checks the whole body, field by field, before anything is applied. */
export function parseBatch(raw: unknown): BatchBody {
  const body = check(raw ?? {}, BODY, '') as JsonObject;
  const requests = ((body['requests'] as Json[] | undefined) ?? []).map((r, i) => {
    const where = `requests[${i}]`;
    if (!r || typeof r !== 'object' || Array.isArray(r)) {
      throw badRequest(
        `Invalid value at '${where}' (type.googleapis.com/google.apps.sheets.v4.Request), ${JSON.stringify(r)}`,
      );
    }
    const keys = Object.keys(r).map((k) => k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()));
    for (const [n, key] of keys.entries()) {
      if (!SUPPORTED[key] && !KNOWN_UNSUPPORTED.has(key)) {
        throw badRequest(
          `Invalid JSON payload received. Unknown name "${Object.keys(r)[n]}" at '${where}': Cannot find field.`,
        );
      }
    }
    if (keys.length === 0) throw badRequest(`Invalid ${where}: No request set.`);
    if (keys.length > 1) {
      throw badRequest(`Invalid JSON payload received. Oneof field 'kind' is already set. Cannot set '${keys[1]}'`);
    }
    const kind = keys[0];
    const schema = SUPPORTED[kind];
    if (!schema) throw badRequest(`Invalid ${where}: the local Sheets server does not support the request '${kind}'.`);
    const snake = kind.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    const value = Object.values(r)[0];
    return { kind, body: (check(value ?? {}, schema, `${where}.${snake}`) ?? {}) as JsonObject };
  });
  return {
    requests,
    includeSpreadsheetInResponse: body['includeSpreadsheetInResponse'] === true,
    responseRanges: (body['responseRanges'] as string[] | undefined) ?? [],
    responseIncludeGridData: body['responseIncludeGridData'] === true,
  };
}

/** Applies the requests to `book` (the caller passes a copy) and returns the replies, in order. */
export function applyBatch(book: SpreadsheetState, batch: BatchBody): JsonObject[] {
  return batch.requests.map((r, i) => {
    try {
      checkCellData(r.body);
      const cellsBefore = totalCells(book);
      const reply = HANDLERS[r.kind](book, r.body);
      // Google applies the request and then checks the result, so a resize is judged by the grid it leaves.
      checkGrowth(book, cellsBefore);
      return reply;
    } catch (error) {
      if (error instanceof ApiError && error.code === 400) {
        throw badRequest(`Invalid requests[${i}].${r.kind}: ${error.message}`);
      }
      throw error;
    }
  });
}

type Handler = (book: SpreadsheetState, req: JsonObject) => JsonObject;

const num = (v: Json | undefined): number | undefined => (typeof v === 'number' ? v : undefined);
const objOf = (v: Json | undefined): JsonObject | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? v : undefined;

function sheetOf(book: SpreadsheetState, sheetId: number | undefined): SheetState {
  const id = sheetId ?? 0;
  const sheet = sheetById(book, id);
  if (!sheet) throw badRequest(`No grid with id: ${id}`);
  return sheet;
}

/** The sheet and axis a DimensionRange (`range` of insertDimension/deleteDimension) names, and that axis's size. */
function dimensionRange(book: SpreadsheetState, req: JsonObject) {
  const range = objOf(req['range']) ?? {};
  const sheet = sheetOf(book, num(range['sheetId']));
  const rows = range['dimension'] === 'ROWS';
  if (!rows && range['dimension'] !== 'COLUMNS') throw badRequest('dimension must be ROWS or COLUMNS.');
  return { range, sheet, rows, size: rows ? rowCount(sheet) : columnCount(sheet) };
}

function maskOf(req: JsonObject): string[][] {
  const fields = req['fields'];
  if (typeof fields !== 'string' || fields.trim() === '')
    throw badRequest("'fields' must be set to the fields to update (or '*').");
  const paths = parseMask(fields);
  if (!paths) throw badRequest(`Invalid field mask: ${fields}`);
  return paths;
}

/** A GridRange on its sheet, clipped to the grid; one that starts outside the grid is refused as Google does. */
function gridBox(book: SpreadsheetState, range: JsonObject | undefined): { sheet: SheetState; box: Box } {
  const r = range ?? {};
  const sheet = sheetOf(book, num(r['sheetId']));
  const rows = rowCount(sheet);
  const cols = columnCount(sheet);
  const open = {
    startRow: num(r['startRowIndex']) ?? 0,
    startCol: num(r['startColumnIndex']) ?? 0,
    endRow: num(r['endRowIndex']),
    endCol: num(r['endColumnIndex']),
  };
  if (
    open.startRow < 0 ||
    open.startCol < 0 ||
    (open.endRow ?? rows) < open.startRow ||
    (open.endCol ?? cols) < open.startCol
  ) {
    throw badRequest('Invalid range: the start must not be after the end.');
  }
  const empty = open.endRow === open.startRow || open.endCol === open.startCol;
  if (!empty && (open.startRow >= rows || open.startCol >= cols)) {
    throw gridLimit(qualified(sheet.properties.title, formatOpen(open)), rows, cols);
  }
  return {
    sheet,
    box: {
      startRow: open.startRow,
      startCol: open.startCol,
      endRow: Math.min(open.endRow ?? rows, rows),
      endCol: Math.min(open.endCol ?? cols, cols),
    },
  };
}

function normalisedRange(sheet: SheetState, range: JsonObject): JsonObject {
  return { ...range, sheetId: sheet.properties.sheetId };
}

function reindex(book: SpreadsheetState): void {
  book.sheets.sort((a, b) => a.properties.index - b.properties.index);
  book.sheets.forEach((s, i) => (s.properties.index = i));
}

function titleTaken(book: SpreadsheetState, title: string, except?: SheetState): boolean {
  const key = title.normalize('NFC').toLocaleLowerCase();
  return book.sheets.some((s) => s !== except && s.properties.title.normalize('NFC').toLocaleLowerCase() === key);
}

function freshId(taken: (id: number) => boolean): number {
  for (;;) {
    const id = randomInt(1, 2_147_483_647);
    if (!taken(id)) return id;
  }
}

function everyProtectedRange(book: SpreadsheetState): { sheet: SheetState; pr: JsonObject; at: number }[] {
  return book.sheets.flatMap((sheet) => sheet.protectedRanges.map((pr, at) => ({ sheet, pr, at })));
}

function checkGridProperties(props: JsonObject): void {
  const grid = objOf(props['gridProperties']) ?? {};
  const rows = num(grid['rowCount']) ?? 0;
  const cols = num(grid['columnCount']) ?? 0;
  if (rows < 1 || cols < 1) throw badRequest('The grid must have at least one row and one column.');
  if ((num(grid['frozenRowCount']) ?? 0) >= rows + 1 || (num(grid['frozenColumnCount']) ?? 0) >= cols + 1) {
    throw badRequest("You can't freeze more rows or columns than the sheet has.");
  }
  for (const key of ['frozenRowCount', 'frozenColumnCount']) if (grid[key] === 0) delete grid[key];
}

const NO_VALUES = new Set(['DATE_IS_VALID', 'TEXT_IS_EMAIL', 'TEXT_IS_URL', 'BLANK', 'NOT_BLANK']);
const ONE_VALUE = new Set([
  'NUMBER_GREATER',
  'NUMBER_GREATER_THAN_EQ',
  'NUMBER_LESS',
  'NUMBER_LESS_THAN_EQ',
  'NUMBER_EQ',
  'NUMBER_NOT_EQ',
  'TEXT_CONTAINS',
  'TEXT_NOT_CONTAINS',
  'TEXT_STARTS_WITH',
  'TEXT_ENDS_WITH',
  'TEXT_EQ',
  'TEXT_NOT_EQ',
  'ONE_OF_RANGE',
  'CUSTOM_FORMULA',
]);
const TWO_VALUES = new Set(['NUMBER_BETWEEN', 'NUMBER_NOT_BETWEEN', 'DATE_BETWEEN', 'DATE_NOT_BETWEEN']);

/** The value counts each condition type takes, as the Sheets UI and API enforce them. */
function checkCondition(condition: JsonObject | undefined, what: string): void {
  if (!condition) throw badRequest(`${what} must have a condition.`);
  const type = jsonText(condition['type'], 'CONDITION_TYPE_UNSPECIFIED');
  const values = ((condition['values'] as JsonObject[] | undefined) ?? []).map((v) => v['userEnteredValue']);
  const count = values.length;
  if (type === 'CONDITION_TYPE_UNSPECIFIED') throw badRequest(`${what} must have a condition type.`);
  if (NO_VALUES.has(type) && count !== 0) throw badRequest(`${type} takes no values.`);
  if (ONE_VALUE.has(type) && count !== 1) throw badRequest(`${type} takes exactly one value.`);
  if (TWO_VALUES.has(type) && count !== 2) throw badRequest(`${type} takes exactly two values.`);
  if (type === 'ONE_OF_LIST' && count < 1) throw badRequest('ONE_OF_LIST takes at least one value.');
  if (
    type.startsWith('NUMBER_') &&
    values.some((v) => typeof v === 'string' && !v.startsWith('=') && !Number.isFinite(Number(v)))
  ) {
    throw badRequest(`${type} takes numbers (or formulas).`);
  }
  if (type === 'CUSTOM_FORMULA' && !jsonText(values[0]).startsWith('='))
    throw badRequest('CUSTOM_FORMULA takes a formula starting with "=".');
}

function forEachCell(sheet: SheetState, box: Box, fn: (cell: CellData, r: number, c: number) => void): void {
  for (let r = box.startRow; r < box.endRow; r++) {
    for (let c = box.startCol; c < box.endCol; c++) {
      fn(cellFor(sheet, r, c), r, c);
      tidyCell(sheet, r, c);
    }
  }
}

/**
 * ChartData's `aggregateType` and `groupRule` are documented "Only supported for data source charts"; the first
 * one found in a spec for a chart drawn from cell ranges, or undefined.
 */
function dataSourceOnlyField(value: Json | undefined): string | undefined {
  if (!value || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = dataSourceOnlyField(item);
      if (found) return found;
    }
    return undefined;
  }
  for (const [key, inner] of Object.entries(value)) {
    if ((key === 'aggregateType' || key === 'groupRule') && inner !== null) return key;
    const found = dataSourceOnlyField(inner);
    if (found) return found;
  }
  return undefined;
}

const HANDLERS: Record<string, Handler> = {
  addSheet(book, req) {
    const given = objOf(req['properties']) ?? {};
    let title = typeof given['title'] === 'string' ? given['title'] : undefined;
    if (title === undefined) {
      let n = book.sheets.length + 1;
      while (titleTaken(book, `Sheet${n}`)) n++;
      title = `Sheet${n}`;
    }
    if (title.trim() === '') throw badRequest('Sheet titles cannot be empty.');
    if (titleTaken(book, title))
      throw badRequest(`A sheet with the name "${title}" already exists. Please enter another name.`);
    const sheetId = num(given['sheetId']) ?? freshId((id) => sheetById(book, id) !== undefined);
    if (sheetById(book, sheetId)) throw badRequest(`A sheet with the id ${sheetId} already exists.`);
    const index = Math.min(Math.max(num(given['index']) ?? book.sheets.length, 0), book.sheets.length);
    for (const s of book.sheets) if (s.properties.index >= index) s.properties.index++;
    const sheet = newSheet({ ...given, sheetId, title, index });
    checkGridProperties(sheet.properties);
    book.sheets.push(sheet);
    reindex(book);
    return { addSheet: { properties: structuredClone(sheet.properties) } };
  },

  deleteSheet(book, req) {
    const sheet = sheetOf(book, num(req['sheetId']));
    if (book.sheets.length === 1) throw badRequest("You can't remove all the sheets in a document.");
    book.sheets = book.sheets.filter((s) => s !== sheet);
    reindex(book);
    return {};
  },

  updateSheetProperties(book, req) {
    const given = objOf(req['properties']) ?? {};
    const sheet = sheetOf(book, num(given['sheetId']));
    const next = structuredClone(sheet.properties) as JsonObject;
    applyMask(next, given, maskOf(req));
    next['sheetId'] = sheet.properties.sheetId;
    next['sheetType'] = 'GRID';
    const title = next['title'];
    if (typeof title !== 'string' || title.trim() === '') throw badRequest('Sheet titles cannot be empty.');
    if (titleTaken(book, title, sheet))
      throw badRequest(`A sheet with the name "${title}" already exists. Please enter another name.`);
    const grid = objOf(next['gridProperties']) ?? {};
    next['gridProperties'] = {
      ...grid,
      rowCount: num(grid['rowCount']) ?? 0,
      columnCount: num(grid['columnCount']) ?? 0,
    };
    checkGridProperties(next);
    const wantedIndex = num(next['index']) ?? sheet.properties.index;
    sheet.properties = next as SheetState['properties'];
    truncateGrid(sheet);
    if (wantedIndex !== undefined) {
      const others = book.sheets.filter((s) => s !== sheet).sort((a, b) => a.properties.index - b.properties.index);
      others.splice(Math.min(Math.max(wantedIndex, 0), others.length), 0, sheet);
      others.forEach((s, i) => (s.properties.index = i));
      book.sheets = others;
    }
    return {};
  },

  updateSpreadsheetProperties(book, req) {
    const next = structuredClone(book.properties) as JsonObject;
    applyMask(next, objOf(req['properties']) ?? {}, maskOf(req));
    if (typeof next['title'] !== 'string') next['title'] = '';
    next['locale'] ??= 'en_US';
    next['timeZone'] ??= 'Etc/GMT';
    if (next['timeZone'] !== book.properties.timeZone && !isTimeZone(next['timeZone']))
      throw invalidTimeZone(next['timeZone']);
    book.properties = next as SpreadsheetState['properties'];
    return {};
  },

  appendDimension(book, req) {
    const sheet = sheetOf(book, num(req['sheetId']));
    const length = num(req['length']) ?? 0;
    if (length < 1) throw badRequest('length must be at least 1.');
    const grid = sheet.properties.gridProperties;
    if (req['dimension'] === 'ROWS') grid.rowCount += length;
    else if (req['dimension'] === 'COLUMNS') grid.columnCount += length;
    else throw badRequest('dimension must be ROWS or COLUMNS.');
    return {};
  },

  insertDimension(book, req) {
    const { range, sheet, rows, size } = dimensionRange(book, req);
    const start = num(range['startIndex']) ?? 0;
    const end = num(range['endIndex']) ?? 0;
    if (end <= start) throw badRequest('endIndex must be greater than startIndex.');
    if (start > size || (start === size && req['inheritFromBefore'] !== true)) {
      throw badRequest(`Cannot insert at index ${start}: the sheet has ${size} ${rows ? 'rows' : 'columns'}.`);
    }
    if (rows) insertRows(sheet, start, end - start);
    else insertColumns(sheet, start, end - start);
    return {};
  },

  deleteDimension(book, req) {
    const { range, sheet, rows, size } = dimensionRange(book, req);
    const start = num(range['startIndex']) ?? 0;
    const end = Math.min(num(range['endIndex']) ?? size, size);
    if (start >= size || end <= start) {
      throw gridLimit(
        qualified(
          sheet.properties.title,
          rows ? `${start + 1}:${end}` : formatOpen({ startRow: 0, startCol: start, endCol: end }),
        ),
        rowCount(sheet),
        columnCount(sheet),
      );
    }
    if (end - start >= size) throw badRequest(`You can't delete all the ${rows ? 'rows' : 'columns'} on the sheet.`);
    if (rows) deleteRows(sheet, start, end);
    else deleteColumns(sheet, start, end);
    return {};
  },

  updateDimensionProperties(book, req) {
    const range = objOf(req['range']);
    if (!range) throw badRequest('range is required.');
    const sheet = sheetOf(book, num(range['sheetId']));
    const rows = range['dimension'] === 'ROWS';
    if (!rows && range['dimension'] !== 'COLUMNS') throw badRequest('dimension must be ROWS or COLUMNS.');
    const size = rows ? rowCount(sheet) : columnCount(sheet);
    const start = num(range['startIndex']) ?? 0;
    const end = Math.min(num(range['endIndex']) ?? size, size);
    const paths = maskOf(req);
    const meta = rows ? sheet.rowMeta : sheet.columnMeta;
    for (let i = start; i < end; i++) {
      const entry = (meta[String(i)] ?? {}) as JsonObject;
      applyMask(entry, objOf(req['properties']) ?? {}, paths);
      if (Object.keys(entry).length === 0) delete meta[String(i)];
      else meta[String(i)] = entry;
    }
    return {};
  },

  autoResizeDimensions(book, req) {
    // Nothing to measure without a renderer; the request is checked and accepted.
    sheetOf(book, num(objOf(req['dimensions'])?.['sheetId']));
    return {};
  },

  repeatCell(book, req) {
    const { sheet, box } = gridBox(book, objOf(req['range']));
    const paths = maskOf(req);
    const source = objOf(req['cell']) ?? {};
    forEachCell(sheet, box, (cell) => applyMask(cell as JsonObject, source, paths));
    return {};
  },

  updateCells(book, req) {
    const paths = maskOf(req);
    const rows = ((req['rows'] as JsonObject[] | undefined) ?? []).map(
      (r) => (r['values'] as JsonObject[] | undefined) ?? [],
    );
    let sheet: SheetState;
    let box: Box;
    if (req['range'] && req['start']) throw badRequest('Only one of start or range may be set.');
    if (req['range']) ({ sheet, box } = gridBox(book, objOf(req['range'])));
    else {
      const start = objOf(req['start']) ?? {};
      sheet = sheetOf(book, num(start['sheetId']));
      const r0 = num(start['rowIndex']) ?? 0;
      const c0 = num(start['columnIndex']) ?? 0;
      const width = Math.max(1, ...rows.map((r) => r.length));
      box = { startRow: r0, startCol: c0, endRow: r0 + Math.max(rows.length, 1), endCol: c0 + width };
      if (box.endRow > rowCount(sheet) || box.endCol > columnCount(sheet)) {
        throw gridLimit(qualified(sheet.properties.title, formatOpen(box)), rowCount(sheet), columnCount(sheet));
      }
    }
    forEachCell(sheet, box, (cell, r, c) => {
      const given = rows[r - box.startRow]?.[c - box.startCol];
      // With `start`, only the cells given are touched; with `range`, every cell of the range is.
      if (given === undefined && !req['range']) return;
      applyMask(cell as JsonObject, given ?? {}, paths);
    });
    return {};
  },

  setDataValidation(book, req) {
    const { sheet, box } = gridBox(book, objOf(req['range']));
    const rule = objOf(req['rule']);
    if (rule) checkCondition(objOf(rule['condition']), 'A data validation rule');
    forEachCell(sheet, box, (cell) => {
      if (rule) cell.dataValidation = structuredClone(rule);
      else delete cell.dataValidation;
    });
    return {};
  },

  addProtectedRange(book, req) {
    const pr = structuredClone(objOf(req['protectedRange']) ?? {});
    const range = objOf(pr['range']);
    if (!range) throw badRequest('A protected range must have a range.');
    const { sheet } = gridBox(book, range);
    const taken = (id: number) => everyProtectedRange(book).some((p) => p.pr['protectedRangeId'] === id);
    const id = num(pr['protectedRangeId']) ?? freshId(taken);
    if (taken(id)) throw badRequest(`A protected range with the id ${id} already exists.`);
    const stored: JsonObject = {
      ...pr,
      protectedRangeId: id,
      range: normalisedRange(sheet, range),
      requestingUserCanEdit: true,
    };
    sheet.protectedRanges.push(stored);
    return { addProtectedRange: { protectedRange: structuredClone(stored) } };
  },

  updateProtectedRange(book, req) {
    const given = objOf(req['protectedRange']) ?? {};
    const id = num(given['protectedRangeId']);
    const found = everyProtectedRange(book).find((p) => p.pr['protectedRangeId'] === id);
    if (!found) throw badRequest(`No protected range with id: ${id ?? 0}`);
    const next = structuredClone(found.pr);
    applyMask(next, given, maskOf(req));
    next['protectedRangeId'] = id!;
    const range = objOf(next['range']);
    if (!range) throw badRequest('A protected range must have a range.');
    const { sheet } = gridBox(book, range);
    next['range'] = normalisedRange(sheet, range);
    found.sheet.protectedRanges.splice(found.at, 1);
    sheet.protectedRanges.push(next);
    return {};
  },

  deleteProtectedRange(book, req) {
    const id = num(req['protectedRangeId']);
    const found = everyProtectedRange(book).find((p) => p.pr['protectedRangeId'] === id);
    if (!found) throw badRequest(`No protected range with id: ${id ?? 0}`);
    found.sheet.protectedRanges.splice(found.at, 1);
    return {};
  },

  addConditionalFormatRule(book, req) {
    const rule = structuredClone(objOf(req['rule']) ?? {});
    const ranges = (rule['ranges'] as JsonObject[] | undefined) ?? [];
    if (ranges.length === 0) throw badRequest('A conditional format rule must have at least one range.');
    const sheets = ranges.map((r) => gridBox(book, r).sheet);
    if (sheets.some((s) => s !== sheets[0]))
      throw badRequest('All ranges of a conditional format rule must be on the same sheet.');
    const sheet = sheets[0];
    const booleanRule = objOf(rule['booleanRule']);
    if (!booleanRule && !rule['gradientRule'])
      throw badRequest('A conditional format rule must have a booleanRule or a gradientRule.');
    if (booleanRule) checkCondition(objOf(booleanRule['condition']), 'A boolean rule');
    rule['ranges'] = ranges.map((r) => normalisedRange(sheet, r));
    const index = Math.min(Math.max(num(req['index']) ?? 0, 0), sheet.conditionalFormats.length);
    sheet.conditionalFormats.splice(index, 0, rule);
    return {};
  },

  updateConditionalFormatRule(book, req) {
    const sheet = sheetOf(book, num(req['sheetId']));
    const index = num(req['index']) ?? 0;
    const old = sheet.conditionalFormats[index];
    if (!old) throw badRequest(`No conditional format on sheet ${sheet.properties.sheetId} at index ${index}.`);
    let rule = old;
    const given = objOf(req['rule']);
    if (given) {
      rule = structuredClone(given);
      const ranges = (rule['ranges'] as JsonObject[] | undefined) ?? [];
      if (ranges.length === 0) throw badRequest('A conditional format rule must have at least one range.');
      for (const r of ranges)
        if (gridBox(book, r).sheet !== sheet) throw badRequest('A rule cannot move to another sheet.');
      const booleanRule = objOf(rule['booleanRule']);
      if (booleanRule) checkCondition(objOf(booleanRule['condition']), 'A boolean rule');
      rule['ranges'] = ranges.map((r) => normalisedRange(sheet, r));
    }
    sheet.conditionalFormats.splice(index, 1);
    const newIndex = Math.min(Math.max(num(req['newIndex']) ?? index, 0), sheet.conditionalFormats.length);
    sheet.conditionalFormats.splice(newIndex, 0, rule);
    return {
      updateConditionalFormatRule: {
        newRule: structuredClone(rule),
        newIndex,
        oldRule: structuredClone(old),
        oldIndex: index,
      },
    };
  },

  deleteConditionalFormatRule(book, req) {
    const sheet = sheetOf(book, num(req['sheetId']));
    const index = num(req['index']) ?? 0;
    const old = sheet.conditionalFormats[index];
    if (!old) throw badRequest(`No conditional format on sheet ${sheet.properties.sheetId} at index ${index}.`);
    sheet.conditionalFormats.splice(index, 1);
    return { deleteConditionalFormatRule: { rule: structuredClone(old) } };
  },

  addChart(book, req) {
    const chart = structuredClone(objOf(req['chart']) ?? {});
    const spec = objOf(chart['spec']);
    if (!spec) throw badRequest('A chart must have a spec.');
    if (!objOf(spec['dataSourceChartProperties'])) {
      const field = dataSourceOnlyField(spec);
      if (field) throw badRequest(`${field} is only supported for data source charts.`);
    }
    const position = objOf(chart['position']);
    if (!position) throw badRequest('A chart must have a position.');
    if (position['newSheet'] === true)
      throw badRequest('the local Sheets server does not place charts on new sheets; give an overlayPosition.');
    const anchor = objOf(objOf(objOf(position['overlayPosition'])?.['anchorCell']));
    const sheet = sheetOf(book, num(position['sheetId']) ?? num(anchor?.['sheetId']));
    const taken = (id: number) => book.sheets.some((s) => s.charts.some((c) => c['chartId'] === id));
    const chartId = num(chart['chartId']) ?? freshId(taken);
    if (taken(chartId)) throw badRequest(`An object with the id ${chartId} already exists.`);
    const stored: JsonObject = { ...chart, chartId };
    sheet.charts.push(stored);
    return { addChart: { chart: structuredClone(stored) } };
  },

  deleteEmbeddedObject(book, req) {
    const id = num(req['objectId']);
    const sheet = book.sheets.find((s) => s.charts.some((c) => c['chartId'] === id));
    if (!sheet) throw badRequest(`No object with id: ${id ?? 0}`);
    sheet.charts = sheet.charts.filter((c) => c['chartId'] !== id);
    return {};
  },

  setBasicFilter(book, req) {
    const filter = structuredClone(objOf(req['filter']) ?? {});
    const range = objOf(filter['range']);
    if (!range) throw badRequest('A basic filter must have a range.');
    const { sheet } = gridBox(book, range);
    sheet.basicFilter = { ...filter, range: normalisedRange(sheet, range) };
    return {};
  },

  addNamedRange(book, req) {
    const nr = structuredClone(objOf(req['namedRange']) ?? {});
    const name = typeof nr['name'] === 'string' ? nr['name'] : '';
    // Names follow the UI's rule: letters, digits and underscores, not starting with a digit, not a cell reference.
    if (!/^[\p{L}_][\p{L}\p{N}_]*$/u.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^(true|false)$/i.test(name)) {
      throw badRequest(`Invalid named range name: ${JSON.stringify(name)}.`);
    }
    if (book.namedRanges.some((n) => jsonText(n['name']).toLocaleLowerCase() === name.toLocaleLowerCase())) {
      throw badRequest(`A named range with the name "${name}" already exists.`);
    }
    const range = objOf(nr['range']);
    if (!range) throw badRequest('A named range must have a range.');
    const { sheet } = gridBox(book, range);
    const stored: JsonObject = {
      ...nr,
      namedRangeId:
        typeof nr['namedRangeId'] === 'string' ? nr['namedRangeId'] : `nr${freshId(() => false).toString(36)}`,
      range: normalisedRange(sheet, range),
    };
    book.namedRanges.push(stored);
    return { addNamedRange: { namedRange: structuredClone(stored) } };
  },
};
