// The Sheets gateway: one batched read of the snapshot, batched writes, explicit retry, API calls counted.
import { Readable } from 'node:stream';
import type { sheets_v4 } from '@googleapis/sheets';
import { cellText, type Cell } from '../core/cells.ts';
import type { Snapshot } from '../core/snapshot.ts';
import { DEFAULT_RETRY, isRetryableStatus, parseRetryAfter, withRetry, type RetryPolicy, type RetryVerdict } from './retry.ts';
import type { SheetsApi } from './sheets-client.ts';
import { parseValuesBody } from './values-stream.ts';

/** A Google API failure, normalised so callers never parse raw bodies. */
export class SheetsError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
  ) {
    super(message);
    this.name = 'SheetsError';
  }
}

export interface GridSize {
  readonly rows: number;
  readonly columns: number;
}

export interface SheetsSnapshot extends Snapshot {
  /** Grid size of every tab read, from the clipped ranges Google echoes for whole-sheet reads. */
  readonly grids: ReadonlyMap<string, GridSize>;
  /** Rows and columns in use of the tabs read for their extent only (their values are not in `tabs`). */
  readonly extents: ReadonlyMap<string, GridSize>;
}

/**
 * The columns to read of a tab instead of all of it, by the header each is expected under (0-based column). The tab's
 * rows then hold only those cells. If the header row no longer has them there (someone moved a column), the whole tab
 * is read instead, with one more call.
 */
export type ColumnLayout = ReadonlyMap<string, number>;

/** The cells of one column from row 2 down: index `i` is sheet row `i + 2`. */
export type Column = readonly (Cell | undefined)[];

export interface ValueRangeWrite {
  readonly range: string;
  readonly values: readonly (readonly Cell[])[];
}

/**
 * Ranges already serialised as UTF-8 JSON, so a caller can let go of their rows long before the write is sent
 * (an ingest keeps 100,000 rewritten rows waiting while it sends emails otherwise).
 */
export class EncodedRanges {
  private constructor(
    /** `{"range":…,"values":[…]}` objects, comma-separated, split in chunks. */
    readonly parts: readonly Buffer[],
    readonly count: number,
  ) {}

  static of(writes: readonly ValueRangeWrite[]): EncodedRanges {
    const parts: Buffer[] = [];
    writes.forEach((w, i) => {
      parts.push(Buffer.from(`${i > 0 ? ',' : ''}{"range":${JSON.stringify(w.range)},"majorDimension":"ROWS","values":`));
      parts.push(...encodeRows(w.values), Buffer.from('}'));
    });
    return new EncodedRanges(parts, writes.length);
  }
}

/** Rows per JSON.stringify call: big enough to be fast, small enough that no string of the whole tab is ever built. */
const ROWS_PER_CHUNK = 2000;

const COMMA = Buffer.from(',');

/** `[[…],[…]]` as UTF-8 chunks; the same text JSON.stringify gives for the whole array. */
function encodeRows(rows: readonly (readonly Cell[])[]): Buffer[] {
  const parts = [Buffer.from('[')];
  for (let i = 0; i < rows.length; i += ROWS_PER_CHUNK) {
    // Brackets cut from the bytes, not the text: slicing and prefixing the text made V8 copy each chunk once more.
    const json = Buffer.from(JSON.stringify(rows.slice(i, i + ROWS_PER_CHUNK)));
    if (i > 0) parts.push(COMMA);
    parts.push(json.subarray(1, json.length - 1));
  }
  parts.push(Buffer.from(']'));
  return parts;
}

/** The ranges of a column read: the header row, then each column from row 2 down. */
function columnRanges(tab: string, layout: ColumnLayout): string[] {
  return [`${quoteSheet(tab)}!1:1`, ...[...layout.values()].map((c) => `${quoteSheet(tab)}!${columnLetters(c + 1)}2:${columnLetters(c + 1)}`)];
}

/** The columns of `layout` found by their header in a whole-tab read, wherever they now are. */
function columnsByHeader(rows: readonly (readonly Cell[])[], layout: ColumnLayout): Map<string, Column> {
  const [first = [], ...body] = rows;
  const header = first.map((h) => cellText(h));
  const columns = new Map<string, Column>();
  for (const name of layout.keys()) {
    const position = header.indexOf(name);
    if (position >= 0) columns.set(name, body.map((row) => row[position]));
  }
  return columns;
}

/** Rows rebuilt from a column read (header row first), or undefined when the header row does not match the layout. */
function fromColumns(ranges: readonly (sheets_v4.Schema$ValueRange | undefined)[], layout: ColumnLayout): Cell[][] | undefined {
  const header = (ranges[0]?.values?.[0] ?? []) as Cell[];
  const columns = ranges.slice(1).map((r) => (r?.values ?? []) as Cell[][]);
  if (header.length === 0 && columns.every((c) => c.length === 0)) return [];
  for (const [name, column] of layout) if (cellText(header[column]) !== name) return undefined;
  const positions = [...layout.values()];
  const width = Math.max(...positions) + 1;
  const height = Math.max(0, ...columns.map((c) => c.length));
  const rows: Cell[][] = [header];
  for (let r = 0; r < height; r++) {
    // Sized up front: an empty array written at index 4 grows to 17 slots, twice the memory over 50,000 log rows.
    const row: Cell[] = new Array<Cell>(width);
    for (let k = 0; k < positions.length; k++) {
      const cell = columns[k]![r]?.[0];
      if (cell !== undefined) row[positions[k]!] = cell;
    }
    rows.push(row);
  }
  return rows;
}

export interface SheetsGateway {
  /**
   * Every tab of `tabs` that exists, read in one values.batchGet (a second call only when some tab is missing). Tabs of
   * `extentOnly` are rewritten whole by the jobs and never read by the rules: only their header row and first column
   * are fetched, to know how much old content a rewrite must blank. Tabs of `columnsOnly` are read as ColumnLayout says.
   */
  readSnapshot(tabs: readonly string[], extentOnly?: readonly string[], columnsOnly?: ReadonlyMap<string, ColumnLayout>): Promise<SheetsSnapshot>;
  /** values.batchUpdate, always RAW so `=IMPORTXML(...)` stays text; one request for all the ranges given. */
  writeValues(writes: readonly (ValueRangeWrite | EncodedRanges)[]): Promise<void>;
  /** values.append RAW; returns the 1-based first row written. */
  appendRows(tab: string, rows: readonly (readonly Cell[])[]): Promise<number>;
  readTab(tab: string): Promise<readonly (readonly Cell[])[]>;
  /**
   * The columns of `layout`, by header, in one values.batchGet read column-major: one array per column, not one per
   * row. If the header row no longer has them where the layout says, they are found by header in a read of the whole
   * tab (one more call); a header the tab lacks gives no column.
   */
  readColumns(tab: string, layout: ColumnLayout): Promise<ReadonlyMap<string, Column>>;
  /** spreadsheets.batchUpdate for structure (adding sheets, growing grids). */
  batchUpdate(requests: readonly sheets_v4.Schema$Request[]): Promise<sheets_v4.Schema$BatchUpdateSpreadsheetResponse>;
  listSheets(): Promise<{ title: string; sheetId: number; grid: GridSize }[]>;
  /** Google API requests made so far, retries included. */
  readonly calls: () => number;
}

/** Quotes a sheet name for A1 notation: wrapped in apostrophes, inner apostrophes doubled. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Column number (1-based) to letters: 1 → A, 27 → AA. */
export function columnLetters(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** The grid of a whole-sheet read from the range Google echoes, e.g. `'Kiểm tra'!A1:Z1000` → 1000 × 26. */
export function gridFromRange(range: string | null | undefined): GridSize | undefined {
  const m = /!([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(range ?? '');
  if (!m) return undefined;
  return { rows: Number(m[4] ?? m[2]), columns: lettersToColumn(m[3] ?? m[1]) };
}

interface GaxiosLike {
  status?: number;
  code?: number | string;
  message?: string;
  response?: { status?: number; headers?: unknown; data?: { error?: { message?: string } } };
}

function statusOf(error: unknown): number | undefined {
  const e = error as GaxiosLike;
  const status = e?.response?.status ?? e?.status ?? (typeof e?.code === 'number' ? e.code : undefined);
  return typeof status === 'number' ? status : undefined;
}

function header(headers: unknown, name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value[0] : value;
}

export function judgeGoogleError(error: unknown): RetryVerdict {
  const status = statusOf(error);
  if (!isRetryableStatus(status)) return { retry: false };
  return { retry: true, retryAfterMs: parseRetryAfter(header((error as GaxiosLike)?.response?.headers, 'retry-after')) };
}

/** Google's own message in an error body, parsed or still text. */
function errorMessage(data: unknown): string | undefined {
  if (typeof data === 'string') {
    try {
      return errorMessage(JSON.parse(data));
    } catch {
      return undefined;
    }
  }
  const message = (data as { error?: { message?: unknown } } | undefined)?.error?.message;
  return typeof message === 'string' ? message : undefined;
}

function normalise(error: unknown): SheetsError {
  const e = error as GaxiosLike;
  const status = statusOf(error);
  // A read streams its response, and gaxios then keeps no parsed body: the body's text is in the error's message.
  const message = errorMessage(e?.response?.data) ?? errorMessage(e?.message) ?? e?.message ?? String(error);
  return new SheetsError(`Google API error - [${status ?? 'network'}] ${message}`, status);
}

export interface SheetsGatewayOptions {
  readonly api: SheetsApi;
  readonly spreadsheetId: string;
  readonly retry?: RetryPolicy;
  /** Per-request timeout; a slower answer counts as a network failure and is retried. */
  readonly timeoutMs?: number;
}

export function createSheetsGateway(options: SheetsGatewayOptions): SheetsGateway {
  const { api, spreadsheetId } = options;
  const policy = options.retry ?? DEFAULT_RETRY;
  const requestOptions = { timeout: options.timeoutMs ?? 60_000 };
  // Large bodies go to the official client already serialised: given an object, googleapis-common and gaxios each
  // deep-copy it (`extend(true, …)`) before their own JSON.stringify, three copies of 100,000 rows at once. They go as
  // a stream of their parts (a fresh one per attempt), which gaxios passes through as it is: joined into one buffer, a
  // first run's 50,000 claims or system tabs were held twice while they went out. The JSON content type and the length
  // are stated, so the request is not chunked.
  const jsonOptionsFor = (parts: readonly Buffer[]) => {
    let length = 0;
    for (const part of parts) length += part.length;
    return { ...requestOptions, headers: { 'Content-Type': 'application/json', 'Content-Length': String(length) } };
  };
  // Value reads stream their body into values-stream.ts, which never holds it as one string.
  const streamOptions = { ...requestOptions, responseType: 'stream' as const };
  let calls = 0;

  async function call<T>(run: () => Promise<{ data: T }>): Promise<T> {
    try {
      return await withRetry(
        () => {
          calls++;
          return run().then((r) => r.data);
        },
        judgeGoogleError,
        policy,
      );
    } catch (error) {
      throw normalise(error);
    }
  }

  async function listSheets() {
    const data = await call(() =>
      api.spreadsheets.get({ spreadsheetId, fields: 'sheets.properties(title,sheetId,gridProperties)' }, requestOptions),
    );
    return (data.sheets ?? []).map((s) => ({
      title: s.properties?.title ?? '',
      sheetId: s.properties?.sheetId ?? 0,
      grid: { rows: s.properties?.gridProperties?.rowCount ?? 0, columns: s.properties?.gridProperties?.columnCount ?? 0 },
    }));
  }

  /** A streamed read, parsed inside the retry: a body cut short fails like any network error and is read again. */
  function streamed<T>(request: () => Promise<{ data: AsyncIterable<Uint8Array | string> }>): () => Promise<{ data: T }> {
    return async () => ({ data: (await parseValuesBody((await request()).data)) as T });
  }

  async function valuesBatchGet(ranges: readonly string[], majorDimension: 'ROWS' | 'COLUMNS' = 'ROWS'): Promise<sheets_v4.Schema$ValueRange[]> {
    if (ranges.length === 0) return [];
    const data = await call(
      streamed<sheets_v4.Schema$BatchGetValuesResponse>(() =>
        api.spreadsheets.values.batchGet(
          {
            spreadsheetId,
            ranges: [...ranges],
            majorDimension,
            valueRenderOption: 'UNFORMATTED_VALUE',
            dateTimeRenderOption: 'SERIAL_NUMBER',
          },
          streamOptions,
        ),
      ),
    );
    return data.valueRanges ?? [];
  }

  async function valuesGet(tab: string): Promise<sheets_v4.Schema$ValueRange> {
    return call(
      streamed<sheets_v4.Schema$ValueRange>(() =>
        api.spreadsheets.values.get(
          { spreadsheetId, range: quoteSheet(tab), valueRenderOption: 'UNFORMATTED_VALUE', dateTimeRenderOption: 'SERIAL_NUMBER' },
          streamOptions,
        ),
      ),
    );
  }

  async function readTab(tab: string): Promise<Cell[][]> {
    return ((await valuesGet(tab)).values ?? []) as Cell[][];
  }

  async function batchGet(tabs: readonly string[], extentOnly: readonly string[], columnsOnly: ReadonlyMap<string, ColumnLayout>): Promise<SheetsSnapshot> {
    const ranges: string[] = [];
    const starts = tabs.map((tab) => {
      const at = ranges.length;
      const layout = columnsOnly.get(tab);
      ranges.push(...(layout ? columnRanges(tab, layout) : [quoteSheet(tab)]));
      return at;
    });
    const extentsAt = ranges.length;
    ranges.push(...extentOnly.flatMap((t) => [`${quoteSheet(t)}!1:1`, `${quoteSheet(t)}!A:A`]));
    const valueRanges = await valuesBatchGet(ranges);
    const values = new Map<string, readonly (readonly Cell[])[]>();
    const grids = new Map<string, GridSize>();
    const extents = new Map<string, GridSize>();
    const moved: string[] = [];
    tabs.forEach((tab, i) => {
      const at = starts[i]!;
      const layout = columnsOnly.get(tab);
      if (!layout) {
        values.set(tab, (valueRanges[at]?.values ?? []) as Cell[][]);
        const grid = gridFromRange(valueRanges[at]?.range);
        if (grid) grids.set(tab, grid);
        return;
      }
      const rows = fromColumns(valueRanges.slice(at, at + 1 + layout.size), layout);
      if (!rows) return void moved.push(tab);
      values.set(tab, rows);
      const width = gridFromRange(valueRanges[at]?.range);
      const height = gridFromRange(valueRanges[at + 1]?.range);
      if (width && height) grids.set(tab, { rows: height.rows, columns: width.columns });
    });
    extentOnly.forEach((tab, i) => {
      const [header, column] = [valueRanges[extentsAt + 2 * i], valueRanges[extentsAt + 2 * i + 1]];
      extents.set(tab, { rows: column?.values?.length ?? 0, columns: header?.values?.[0]?.length ?? 0 });
      const width = gridFromRange(header?.range);
      const height = gridFromRange(column?.range);
      if (width && height) grids.set(tab, { rows: height.rows, columns: width.columns });
    });
    for (const tab of moved) {
      const whole = await valuesGet(tab);
      values.set(tab, (whole.values ?? []) as Cell[][]);
      const grid = gridFromRange(whole.range);
      if (grid) grids.set(tab, grid);
    }
    return { spreadsheetId, tabs: values, grids, extents };
  }

  return {
    calls: () => calls,
    listSheets,
    async readSnapshot(tabs, extentOnly = [], columnsOnly = new Map()) {
      try {
        return await batchGet(tabs, extentOnly, columnsOnly);
      } catch (error) {
        // One unknown tab fails the whole batchGet with 400; learn which exist and read those.
        if (!(error instanceof SheetsError) || error.status !== 400) throw error;
        const existing = new Set((await listSheets()).map((s) => s.title));
        return batchGet(
          tabs.filter((t) => existing.has(t)),
          extentOnly.filter((t) => existing.has(t)),
          columnsOnly,
        );
      }
    },
    async writeValues(writes) {
      if (writes.length === 0) return;
      const parts: Buffer[] = [Buffer.from('{"valueInputOption":"RAW","data":[')];
      let count = 0;
      for (const w of writes) {
        const encoded = w instanceof EncodedRanges ? w : EncodedRanges.of([w]);
        if (encoded.count === 0) continue;
        if (count > 0) parts.push(Buffer.from(','));
        parts.push(...encoded.parts);
        count += encoded.count;
      }
      if (count === 0) return;
      parts.push(Buffer.from(']}'));
      const options = jsonOptionsFor(parts);
      await call(() =>
        api.spreadsheets.values.batchUpdate(
          { spreadsheetId, requestBody: Readable.from(parts) as unknown as sheets_v4.Schema$BatchUpdateValuesRequest },
          options,
        ),
      );
    },
    async appendRows(tab, rows) {
      const parts = [Buffer.from('{"majorDimension":"ROWS","values":'), ...encodeRows(rows), Buffer.from('}')];
      const options = jsonOptionsFor(parts);
      const data = await call(() =>
        api.spreadsheets.values.append(
          {
            spreadsheetId,
            range: quoteSheet(tab),
            valueInputOption: 'RAW',
            insertDataOption: 'INSERT_ROWS',
            requestBody: Readable.from(parts) as unknown as sheets_v4.Schema$ValueRange,
          },
          options,
        ),
      );
      const m = /!\$?[A-Z]+\$?(\d+)/.exec(data.updates?.updatedRange ?? '');
      if (!m) throw new SheetsError(`Google API error - append to '${tab}' returned no updatedRange`, undefined);
      return Number(m[1]);
    },
    readTab,
    async readColumns(tab, layout) {
      const ranges = await valuesBatchGet(columnRanges(tab, layout), 'COLUMNS');
      // Column-major, the header row comes back as one single-cell array per column.
      const header = (ranges[0]?.values ?? []).map((column) => column[0] as Cell | undefined);
      const columns = new Map<string, Column>();
      let at = 1;
      for (const [name, position] of layout) {
        if (cellText(header[position]) !== name) return columnsByHeader(await readTab(tab), layout);
        columns.set(name, (ranges[at++]?.values?.[0] ?? []) as Cell[]);
      }
      return columns;
    },
    async batchUpdate(requests) {
      return call(() =>
        api.spreadsheets.batchUpdate(
          { spreadsheetId, requestBody: { requests: requests as sheets_v4.Schema$Request[] } },
          requestOptions,
        ),
      );
    },
  };
}
