// The Sheets gateway: one batched read of the snapshot, batched writes, explicit retry, API calls counted.
import { Readable } from 'node:stream';
import type { sheets_v4 } from '@googleapis/sheets';
import { cellText, type Cell } from '../core/cells.ts';
import { parseA1, quoteSheet, rangeOf } from '../core/a1.ts';
import type { Snapshot } from '../core/snapshot.ts';
import {
  DEFAULT_RETRY,
  isRetryableStatus,
  parseRetryAfter,
  withRetry,
  type RetryPolicy,
  type RetryVerdict,
} from './retry.ts';
import type { SheetsApi } from './sheets-client.ts';
import { parseValuesBody } from './values-stream.ts';

/** A Google API failure, normalised so callers never parse raw bodies. */
export class SheetsError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    /** For an append sent in several requests: the parts that were written before this one failed. */
    readonly appended: readonly RowSpan[] = [],
  ) {
    super(message);
    this.name = 'SheetsError';
  }
}

/**
 * Google recommends at most 2 MB per request ("To speed up requests, we recommend a 2 MB maximum payload", Sheets API
 * usage limits) and refuses bodies over 10 MB. Every write is split into as few requests of at most this size as fit.
 */
export const MAX_REQUEST_BYTES = 2_000_000;

/** Rows written by one append request: from 1-based sheet row `first`, `count` rows. */
export interface RowSpan {
  readonly first: number;
  readonly count: number;
}

/** What the writes of a run cost: requests, bytes of their bodies, and requests added by the 2 MB split. */
export interface WriteStats {
  readonly requests: number;
  readonly bytes: number;
  readonly splits: number;
}

export interface SheetInfo {
  readonly title: string;
  readonly sheetId: number;
  readonly grid: GridSize;
}

export interface GridSize {
  readonly rows: number;
  readonly columns: number;
}

export interface SheetsSnapshot extends Snapshot {
  /** Grid size of every tab read. */
  readonly grids: ReadonlyMap<string, GridSize>;
  /** Every sheet of the spreadsheet, read or not: the 10 million cell cap counts them all. */
  readonly sheets: readonly SheetInfo[];
  /** The spreadsheet's own time zone (`properties.timeZone`), in which Google Forms writes its timestamps. */
  readonly timeZone: string | undefined;
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

/** Rows of a range serialised as JSON, in chunks small enough to split a request between any two of them. */
interface Chunk {
  readonly rows: number;
  /** The rows' JSON arrays, comma-separated, without the enclosing brackets. */
  readonly bytes: Buffer;
}

interface EncodedRange {
  readonly range: string;
  readonly chunks: readonly Chunk[];
}

/**
 * Ranges already serialised as UTF-8 JSON, so a caller can let go of their rows long before the write is sent
 * (an ingest keeps 100,000 rewritten rows waiting while it sends emails otherwise).
 */
export class EncodedRanges {
  private constructor(
    readonly ranges: readonly EncodedRange[],
    readonly count: number,
  ) {}

  static of(writes: readonly ValueRangeWrite[]): EncodedRanges {
    const ranges = writes
      .filter((w) => w.values.length > 0)
      .map((w) => ({ range: w.range, chunks: encodeChunks(w.values) }));
    return new EncodedRanges(ranges, ranges.length);
  }

  get bytes(): number {
    let n = 0;
    for (const r of this.ranges) for (const c of r.chunks) n += c.bytes.length;
    return n;
  }
}

/** Rows per JSON.stringify call at most: no string of a whole tab is ever built. */
const ROWS_PER_CHUNK = 2000;
/**
 * Bytes per chunk, about: a request is cut between two chunks, so this is how close to the 2 MB limit a request can be
 * packed. Small enough for a test to split a small campaign; a first run's 11 MB make about 2,700 chunks.
 */
const CHUNK_BYTES = 4 * 1024;

const COMMA = Buffer.from(',');

/** Rows as JSON chunks; joined with commas inside brackets they are the text JSON.stringify gives for the array. */
function encodeChunks(rows: readonly (readonly Cell[])[]): Chunk[] {
  const chunks: Chunk[] = [];
  // Rows per chunk follow the size of the rows just encoded, so a chunk is rarely encoded twice.
  let perChunk = 64;
  for (let i = 0; i < rows.length;) {
    let n = Math.min(perChunk, rows.length - i);
    let json = Buffer.from(JSON.stringify(rows.slice(i, i + n)));
    while (json.length > CHUNK_BYTES && n > 1) {
      n = Math.ceil(n / 2);
      json = Buffer.from(JSON.stringify(rows.slice(i, i + n)));
    }
    // Brackets cut from the bytes, not the text: slicing and prefixing the text made V8 copy each chunk once more.
    chunks.push({ rows: n, bytes: json.subarray(1, json.length - 1) });
    i += n;
    perChunk = Math.max(1, Math.min(ROWS_PER_CHUNK, Math.floor((n * CHUNK_BYTES) / json.length)));
  }
  return chunks;
}

/** The range of `count` rows of `range` from its `offset`-th row (the whole range when that is all of it). */
function subRange(range: string, offset: number, count: number, total: number): string {
  if (offset === 0 && count === total) return range;
  const r = parseA1(range);
  if (!r?.sheet) return range;
  const startRow = r.startRow + offset;
  return rangeOf(r.sheet, { startRow, startCol: r.startCol, endRow: startRow + count, endCol: r.endCol });
}

/**
 * Request bodies of at most `max` bytes, each `open` + items + `close`: an item is `head` + its chunks + `tail`, and an
 * item that does not fit is cut between two chunks and goes on in the next body (`head` addresses the part from
 * `offset`). Only a single chunk larger than `max` makes a larger body, alone.
 */
function pack<T>(
  items: readonly T[],
  max: number,
  envelope: { open: Buffer; close: Buffer; tail: Buffer },
  chunksOf: (item: T) => readonly Chunk[],
  head: (item: T, offset: number, count: number, total: number) => Buffer,
): Buffer[][] {
  const { open, close, tail } = envelope;
  const bodies: Buffer[][] = [];
  let parts: Buffer[] = [];
  let size = 0;
  let inBody = 0;
  const flush = () => {
    if (inBody > 0) {
      parts.push(close);
      bodies.push(parts);
    }
    parts = [];
    size = 0;
    inBody = 0;
  };
  for (const item of items) {
    const chunks = chunksOf(item);
    let total = 0;
    for (const c of chunks) total += c.rows;
    let i = 0;
    let offset = 0;
    while (i < chunks.length) {
      if (inBody === 0) {
        parts = [open];
        size = open.length + close.length;
      }
      const separator = inBody > 0 ? 1 : 0;
      // The head of the longest part bounds the head of any shorter one (its row numbers have no more digits).
      let bytes = separator + head(item, offset, total - offset, total).length + tail.length;
      let j = i;
      let rows = 0;
      while (j < chunks.length && size + bytes + chunks[j].bytes.length + (j > i ? 1 : 0) <= max) {
        bytes += chunks[j].bytes.length + (j > i ? 1 : 0);
        rows += chunks[j].rows;
        j++;
      }
      if (j === i) {
        if (inBody > 0) {
          flush();
          continue;
        }
        rows = chunks[i].rows;
        j = i + 1;
      }
      const start = head(item, offset, rows, total);
      if (separator) parts.push(COMMA);
      parts.push(start);
      size += separator + start.length + tail.length;
      for (let c = i; c < j; c++) {
        if (c > i) {
          parts.push(COMMA);
          size++;
        }
        parts.push(chunks[c].bytes);
        size += chunks[c].bytes.length;
      }
      parts.push(tail);
      inBody++;
      offset += rows;
      i = j;
      if (i < chunks.length) flush();
    }
  }
  flush();
  return bodies;
}

/** The ranges of a column read: the header row, then each column from row 2 down. */
function columnRanges(tab: string, layout: ColumnLayout): string[] {
  return [
    `${quoteSheet(tab)}!1:1`,
    ...[...layout.values()].map((c) => rangeOf(tab, { startRow: 1, startCol: c, endCol: c + 1 })),
  ];
}

/** The columns of `layout` found by their header in a whole-tab read, wherever they now are. */
function columnsByHeader(rows: readonly (readonly Cell[])[], layout: ColumnLayout): Map<string, Column> {
  const [first = [], ...body] = rows;
  const header = first.map((h) => cellText(h));
  const columns = new Map<string, Column>();
  for (const name of layout.keys()) {
    const position = header.indexOf(name);
    if (position >= 0)
      columns.set(
        name,
        body.map((row) => row[position]),
      );
  }
  return columns;
}

/** Rows rebuilt from a column read (header row first), or undefined when the header row does not match the layout. */
function fromColumns(
  ranges: readonly (sheets_v4.Schema$ValueRange | undefined)[],
  layout: ColumnLayout,
): Cell[][] | undefined {
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
      const cell = columns[k][r]?.[0];
      if (cell !== undefined) row[positions[k]] = cell;
    }
    rows.push(row);
  }
  return rows;
}

export interface SheetsGateway {
  /**
   * Every tab of `tabs` that exists, read in one values.batchGet, beside one spreadsheets.get of the spreadsheet's time
   * zone and every sheet's grid (which tells the missing tabs when the read fails on one). Tabs of `columnsOnly` are
   * read as ColumnLayout says.
   */
  readSnapshot(tabs: readonly string[], columnsOnly?: ReadonlyMap<string, ColumnLayout>): Promise<SheetsSnapshot>;
  /**
   * values.batchUpdate, always RAW so `=IMPORTXML(...)` stays text: as few requests of at most MAX_REQUEST_BYTES as
   * hold the ranges given (a range too large for one is cut between rows).
   */
  writeValues(writes: readonly (ValueRangeWrite | EncodedRanges)[]): Promise<void>;
  /**
   * values.append RAW, in as few requests of at most MAX_REQUEST_BYTES as hold the rows, in order; returns where each
   * request's rows landed. Another client's append may land between two of them. A failed request throws a
   * SheetsError whose `appended` lists the parts written before it.
   */
  appendRows(tab: string, rows: readonly (readonly Cell[])[]): Promise<readonly RowSpan[]>;
  readTab(tab: string): Promise<readonly (readonly Cell[])[]>;
  /**
   * The columns of `layout`, by header, in one values.batchGet read column-major: one array per column, not one per
   * row. If the header row no longer has them where the layout says, they are found by header in a read of the whole
   * tab (one more call); a header the tab lacks gives no column.
   */
  readColumns(tab: string, layout: ColumnLayout): Promise<ReadonlyMap<string, Column>>;
  /** spreadsheets.batchUpdate for structure (adding sheets, sizing grids, moving rows), in order, split by size. */
  batchUpdate(requests: readonly sheets_v4.Schema$Request[]): Promise<void>;
  listSheets(): Promise<SheetInfo[]>;
  /** Google API requests made so far, retries included. */
  readonly calls: () => number;
  /** Write requests sent so far (values and structure), their body bytes, and how many the 2 MB split added. */
  readonly writes: () => WriteStats;
}

/** The grid of a whole-sheet read from the range Google echoes, e.g. `'Kiểm tra'!A1:Z1000` → 1000 × 26. */
export function gridFromRange(range: string | null | undefined): GridSize | undefined {
  const r = parseA1(range ?? '');
  if (!r || r.endRow === undefined || r.endCol === undefined) return undefined;
  return { rows: r.endRow, columns: r.endCol };
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
  return {
    retry: true,
    retryAfterMs: parseRetryAfter(header((error as GaxiosLike)?.response?.headers, 'retry-after')),
  };
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
  /** Largest write body; MAX_REQUEST_BYTES unless a test makes the split visible on small data. */
  readonly maxRequestBytes?: number;
}

const SHEET_FIELDS = 'properties.timeZone,sheets.properties(title,sheetId,gridProperties(rowCount,columnCount))';

export function createSheetsGateway(options: SheetsGatewayOptions): SheetsGateway {
  const { api, spreadsheetId } = options;
  const policy = options.retry ?? DEFAULT_RETRY;
  const maxBytes = options.maxRequestBytes ?? MAX_REQUEST_BYTES;
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
  const written = { requests: 0, bytes: 0, splits: 0 };
  /** Counts one write request of `bytes` (once, whatever its retries). */
  const wrote = (bytes: number) => {
    written.requests++;
    written.bytes += bytes;
  };

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

  function sheetsOf(data: sheets_v4.Schema$Spreadsheet): SheetInfo[] {
    return (data.sheets ?? []).map((s) => ({
      title: s.properties?.title ?? '',
      sheetId: s.properties?.sheetId ?? 0,
      grid: {
        rows: s.properties?.gridProperties?.rowCount ?? 0,
        columns: s.properties?.gridProperties?.columnCount ?? 0,
      },
    }));
  }

  async function spreadsheet(): Promise<sheets_v4.Schema$Spreadsheet> {
    return call(() => api.spreadsheets.get({ spreadsheetId, fields: SHEET_FIELDS }, requestOptions));
  }

  /** A streamed read, parsed inside the retry: a body cut short fails like any network error and is read again. */
  function streamed<T>(
    request: () => Promise<{ data: AsyncIterable<Uint8Array | string> }>,
  ): () => Promise<{ data: T }> {
    return async () => ({ data: (await parseValuesBody((await request()).data)) as T });
  }

  async function valuesBatchGet(
    ranges: readonly string[],
    majorDimension: 'ROWS' | 'COLUMNS' = 'ROWS',
  ): Promise<sheets_v4.Schema$ValueRange[]> {
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
          {
            spreadsheetId,
            range: quoteSheet(tab),
            valueRenderOption: 'UNFORMATTED_VALUE',
            dateTimeRenderOption: 'SERIAL_NUMBER',
          },
          streamOptions,
        ),
      ),
    );
  }

  async function readTab(tab: string): Promise<Cell[][]> {
    return ((await valuesGet(tab)).values ?? []) as Cell[][];
  }

  type Values = Pick<SheetsSnapshot, 'tabs' | 'grids'>;

  async function batchGet(tabs: readonly string[], columnsOnly: ReadonlyMap<string, ColumnLayout>): Promise<Values> {
    const ranges: string[] = [];
    const starts = tabs.map((tab) => {
      const at = ranges.length;
      const layout = columnsOnly.get(tab);
      ranges.push(...(layout ? columnRanges(tab, layout) : [quoteSheet(tab)]));
      return at;
    });
    const valueRanges = await valuesBatchGet(ranges);
    const values = new Map<string, readonly (readonly Cell[])[]>();
    const grids = new Map<string, GridSize>();
    const moved: string[] = [];
    tabs.forEach((tab, i) => {
      const at = starts[i];
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
    for (const tab of moved) {
      const whole = await valuesGet(tab);
      values.set(tab, (whole.values ?? []) as Cell[][]);
      const grid = gridFromRange(whole.range);
      if (grid) grids.set(tab, grid);
    }
    return { tabs: values, grids };
  }

  async function postValues(parts: Buffer[]): Promise<void> {
    const options = jsonOptionsFor(parts);
    wrote(Number(options.headers['Content-Length']));
    await call(() =>
      api.spreadsheets.values.batchUpdate(
        { spreadsheetId, requestBody: Readable.from(parts) as unknown as sheets_v4.Schema$BatchUpdateValuesRequest },
        options,
      ),
    );
  }

  async function appendPart(tab: string, parts: Buffer[]): Promise<RowSpan> {
    const options = jsonOptionsFor(parts);
    wrote(Number(options.headers['Content-Length']));
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
    const r = parseA1(data.updates?.updatedRange ?? '');
    if (!r || r.wholeSheet)
      throw new SheetsError(`Google API error - append to '${tab}' returned no updatedRange`, undefined);
    return { first: r.startRow + 1, count: data.updates?.updatedRows ?? (r.endRow ?? r.startRow + 1) - r.startRow };
  }

  return {
    calls: () => calls,
    writes: () => ({ ...written }),
    listSheets: async () => sheetsOf(await spreadsheet()),
    async readSnapshot(tabs, columnsOnly = new Map()) {
      // Both at once: the sheet list costs a call but no waiting, and it is what the cell cap and the zone need.
      const [book, read] = await Promise.allSettled([spreadsheet(), batchGet(tabs, columnsOnly)]);
      if (book.status === 'rejected') throw book.reason;
      const sheets = sheetsOf(book.value);
      let values: Values;
      if (read.status === 'fulfilled') values = read.value;
      else {
        // One unknown tab fails the whole batchGet with 400; the sheet list says which exist, and those are read.
        const error: unknown = read.reason;
        if (!(error instanceof SheetsError) || error.status !== 400) throw error;
        const existing = new Set(sheets.map((s) => s.title));
        values = await batchGet(
          tabs.filter((t) => existing.has(t)),
          columnsOnly,
        );
      }
      const grids = new Map(values.grids);
      for (const s of sheets) if (values.tabs.has(s.title)) grids.set(s.title, s.grid);
      return {
        spreadsheetId,
        tabs: values.tabs,
        grids,
        sheets,
        timeZone: book.value.properties?.timeZone ?? undefined,
      };
    },
    async writeValues(writes) {
      const ranges: EncodedRange[] = [];
      for (const w of writes) ranges.push(...(w instanceof EncodedRanges ? w : EncodedRanges.of([w])).ranges);
      if (ranges.length === 0) return;
      const bodies = pack(
        ranges,
        maxBytes,
        { open: Buffer.from('{"valueInputOption":"RAW","data":['), close: Buffer.from(']}'), tail: Buffer.from(']}') },
        (r) => r.chunks,
        (r, offset, count, total) =>
          Buffer.from(
            `{"range":${JSON.stringify(subRange(r.range, offset, count, total))},"majorDimension":"ROWS","values":[`,
          ),
      );
      written.splits += bodies.length - 1;
      for (const parts of bodies) await postValues(parts);
    },
    async appendRows(tab, rows) {
      if (rows.length === 0) return [];
      const bodies = pack(
        [encodeChunks(rows)],
        maxBytes,
        { open: Buffer.alloc(0), close: Buffer.alloc(0), tail: Buffer.from(']}') },
        (chunks) => chunks,
        () => Buffer.from('{"majorDimension":"ROWS","values":['),
      );
      written.splits += bodies.length - 1;
      const spans: RowSpan[] = [];
      for (const parts of bodies) {
        try {
          spans.push(await appendPart(tab, parts));
        } catch (error) {
          const e = error instanceof SheetsError ? error : normalise(error);
          throw new SheetsError(e.message, e.status, spans);
        }
      }
      return spans;
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
      // Requests are small (a row move, a grid size); a list larger than one body goes in order, in several.
      const batches: sheets_v4.Schema$Request[][] = [[]];
      let size = 0;
      for (const request of requests) {
        const bytes = Buffer.byteLength(JSON.stringify(request)) + 1;
        if (size + bytes > maxBytes - 20 && batches[batches.length - 1].length > 0) {
          batches.push([]);
          size = 0;
        }
        batches[batches.length - 1].push(request);
        size += bytes;
      }
      if (requests.length === 0) return;
      written.splits += batches.length - 1;
      for (const batch of batches) {
        const body = { requests: batch };
        wrote(Buffer.byteLength(JSON.stringify(body)));
        await call(() => api.spreadsheets.batchUpdate({ spreadsheetId, requestBody: body }, requestOptions));
      }
    },
  };
}
