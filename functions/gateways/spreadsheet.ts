// The one access layer to a spreadsheet, through the official client: every call retried, every failure normalised
// into a SheetsError whose message is Vietnamese, calls and bytes counted, writes split to Google's 2 MB advice.
// The job gateway, setup, export, the web view, the demo and the bench all go through it.
import { Readable } from 'node:stream';
import type { sheets_v4 } from '@googleapis/sheets';
import type { Cell } from '../core/cells.ts';
import { parseA1 } from '../core/a1.ts';
import {
  DEFAULT_RETRY,
  isRetryableStatus,
  parseRetryAfter,
  withRetry,
  type RetryPolicy,
  type RetryVerdict,
} from './retry.ts';
import {
  appendBodies,
  jsonBody,
  MAX_REQUEST_BYTES,
  structureBodies,
  valuesBodies,
  type Body,
  type ValueRangeWrite,
} from './sheets-body.ts';
import type { SheetsApi } from './sheets-client.ts';
import { parseValuesBody, type FoldOf } from './values-stream.ts';

/** Rows written by one append request: from 1-based sheet row `first`, `count` rows. */
export interface RowSpan {
  readonly first: number;
  readonly count: number;
}

/** A Google API failure, normalised so callers never parse raw bodies. */
export class SheetsError extends Error {
  constructor(
    /** Google's own words (English), or the network failure's. */
    readonly reason: string,
    readonly status: number | undefined,
    /** For an append sent in several requests: the parts that were written before this one failed. */
    readonly appended: readonly RowSpan[] = [],
  ) {
    super(
      status === undefined
        ? `Không kết nối được với Google Sheets: ${reason}`
        : `Google Sheets trả lỗi ${status}: ${reason}`,
    );
    this.name = 'SheetsError';
  }
}

/** What the writes of a run cost: requests (once whatever their retries), their body bytes, and the split's share. */
export interface WriteStats {
  readonly requests: number;
  readonly bytes: number;
  readonly splits: number;
}

export interface SheetsStats {
  /** Requests made, retries included. */
  readonly calls: number;
  /** Bytes of the request bodies sent, retries included. */
  readonly sent: number;
  /** Bytes of the response bodies received (after decompression), retries included. */
  readonly received: number;
  readonly writes: WriteStats;
}

export interface ReadOptions {
  readonly majorDimension?: 'ROWS' | 'COLUMNS';
  /** UNFORMATTED_VALUE (numbers, serial dates) unless the text is wanted as Google Sheets displays it. */
  readonly render?: 'FORMATTED_VALUE' | 'UNFORMATTED_VALUE';
}

export interface FoldedReadOptions extends ReadOptions {
  /** Ranges whose rows are reduced as they are read (values-stream.ts). */
  readonly fold: FoldOf;
}

/** A value range of a folded read: a folded range's `values` hold what its folder gave, the others' their rows. */
export type FoldedValueRange = Omit<sheets_v4.Schema$ValueRange, 'values'> & { readonly values?: unknown };

export interface Spreadsheet {
  readonly id: string;
  /** spreadsheets.get of the `fields` given (structure, never cell data). */
  get(fields: string): Promise<sheets_v4.Schema$Spreadsheet>;
  /** values.batchGet, its body parsed as it streams in; value ranges in the order of `ranges`. */
  batchGet(ranges: readonly string[], options?: ReadOptions): Promise<sheets_v4.Schema$ValueRange[]>;
  batchGet(ranges: readonly string[], options: FoldedReadOptions): Promise<FoldedValueRange[]>;
  /** spreadsheets.batchUpdate, in order, in as few requests of at most the request size as hold them. */
  batchUpdate(requests: readonly sheets_v4.Schema$Request[]): Promise<void>;
  /**
   * values.batchUpdate, always RAW so `=IMPORTXML(...)` stays text: as few requests of at most the request size as
   * hold the ranges (a range too large for one is cut between rows).
   */
  valuesBatchUpdate(writes: readonly ValueRangeWrite[]): Promise<void>;
  /**
   * values.append RAW (INSERT_ROWS) after the table of `range`, in as few requests as hold the rows, in order; returns
   * where each request's rows landed. Another client's append may land between two of them. A failed request throws a
   * SheetsError whose `appended` lists the parts written before it.
   */
  append(range: string, rows: readonly (readonly Cell[])[]): Promise<readonly RowSpan[]>;
  /** values.batchClear: the values of `ranges` emptied, formats kept. */
  clear(ranges: readonly string[]): Promise<void>;
  stats(): SheetsStats;
}

export interface SpreadsheetOptions {
  readonly api: SheetsApi;
  readonly spreadsheetId: string;
  readonly retry?: RetryPolicy;
  /** Per-request timeout; a slower answer counts as a network failure and is retried. */
  readonly timeoutMs?: number;
  /** Largest write body; MAX_REQUEST_BYTES unless a test makes the split visible on small data. */
  readonly maxRequestBytes?: number;
}

interface GaxiosLike {
  status?: number;
  code?: number | string;
  message?: string;
  response?: { status?: number; headers?: unknown; data?: unknown };
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

function judgeGoogleError(error: unknown): RetryVerdict {
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
  if (error instanceof SheetsError) return error;
  const e = error as GaxiosLike;
  // Responses are streamed, and gaxios then keeps no parsed body: the body's text is in the error's message.
  const reason = errorMessage(e?.response?.data) ?? errorMessage(e?.message) ?? e?.message ?? String(error);
  return new SheetsError(reason, statusOf(error));
}

/** `'Tab'!A7:C8` as values.append echoes it → the rows it wrote. */
function spanOf(updates: sheets_v4.Schema$UpdateValuesResponse | undefined, range: string): RowSpan {
  const r = parseA1(updates?.updatedRange ?? '');
  if (!r || r.wholeSheet) throw new SheetsError(`append to ${range} returned no updatedRange`, undefined);
  return { first: r.startRow + 1, count: updates?.updatedRows ?? (r.endRow ?? r.startRow + 1) - r.startRow };
}

/** The request options the layer gives the client: a streamed answer, and the body (if any) already serialised. */
interface CallOptions {
  readonly timeout: number;
  readonly responseType: 'stream';
  readonly body?: Readable;
  readonly headers?: Record<string, string>;
}

type Send = (options: CallOptions) => Promise<{ data: Readable }>;

export function openSpreadsheet(options: SpreadsheetOptions): Spreadsheet {
  const { api, spreadsheetId } = options;
  const policy = options.retry ?? DEFAULT_RETRY;
  const maxBytes = options.maxRequestBytes ?? MAX_REQUEST_BYTES;
  // Every answer is streamed: a values read is parsed as it arrives (values-stream.ts never holds it as one string),
  // and every body is counted as it passes.
  const base = { timeout: options.timeoutMs ?? 60_000, responseType: 'stream' as const };
  let calls = 0;
  let sent = 0;
  let received = 0;
  const writes = { requests: 0, bytes: 0, splits: 0 };

  async function* counted(chunks: AsyncIterable<Uint8Array | string>): AsyncIterable<Uint8Array | string> {
    for await (const chunk of chunks) {
      received += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
      yield chunk;
    }
  }

  /**
   * One API request with its retries, parsed inside them (a body cut short fails like any network error and is asked
   * again). A body is sent already serialised, as the request options' `body`, a stream of its bytes made afresh for
   * each attempt: given an object, googleapis-common and gaxios each deep-copy it before their own JSON.stringify,
   * three copies of 100,000 rows at once. Its JSON type and length are stated, so it is not sent chunked. The body's
   * bytes are not read once this returns: the next body of a write is packed over them (sheets-body.ts).
   */
  async function request<T>(send: Send, body?: Body, fold?: FoldOf): Promise<T> {
    const length = body?.length ?? 0;
    try {
      return await withRetry(
        async () => {
          calls++;
          sent += length;
          const withBody: CallOptions | undefined = body && {
            ...base,
            body: Readable.from(body),
            headers: { 'Content-Type': 'application/json', 'Content-Length': String(length) },
          };
          return (await parseValuesBody(counted((await send(withBody ?? base)).data), fold)) as T;
        },
        judgeGoogleError,
        policy,
      );
    } catch (error) {
      throw normalise(error);
    }
  }

  /** A write request, counted once whatever its retries. */
  function write<T>(send: Send, body: Body): Promise<T> {
    writes.requests++;
    writes.bytes += body.length;
    return request<T>(send, body);
  }

  /** The bodies, each packed as the previous one is sent; the requests the split added are counted. */
  function* split(bodies: Iterable<Body>): Generator<Body> {
    let n = 0;
    for (const body of bodies) {
      if (n++ > 0) writes.splits++;
      yield body;
    }
  }

  return {
    id: spreadsheetId,
    get: (fields) => request((o) => api.spreadsheets.get({ spreadsheetId, fields }, o)),
    async batchGet(ranges: readonly string[], read: Partial<FoldedReadOptions> = {}) {
      if (ranges.length === 0) return [];
      const data = await request<sheets_v4.Schema$BatchGetValuesResponse>(
        (o) =>
          api.spreadsheets.values.batchGet(
            {
              spreadsheetId,
              ranges: [...ranges],
              majorDimension: read.majorDimension ?? 'ROWS',
              valueRenderOption: read.render ?? 'UNFORMATTED_VALUE',
              dateTimeRenderOption: 'SERIAL_NUMBER',
            },
            o,
          ),
        undefined,
        read.fold,
      );
      return data.valueRanges ?? [];
    },
    async batchUpdate(requests) {
      for (const body of split(structureBodies(requests, maxBytes)))
        await write((o) => api.spreadsheets.batchUpdate({ spreadsheetId }, o), body);
    },
    async valuesBatchUpdate(ranges) {
      for (const body of split(valuesBodies(ranges, maxBytes)))
        await write((o) => api.spreadsheets.values.batchUpdate({ spreadsheetId }, o), body);
    },
    async append(range, rows) {
      const spans: RowSpan[] = [];
      for (const body of split(appendBodies(rows, maxBytes))) {
        const send: Send = (o) =>
          api.spreadsheets.values.append(
            { spreadsheetId, range, valueInputOption: 'RAW', insertDataOption: 'INSERT_ROWS' },
            o,
          );
        try {
          spans.push(spanOf((await write<sheets_v4.Schema$AppendValuesResponse>(send, body)).updates, range));
        } catch (error) {
          const e = normalise(error);
          throw new SheetsError(e.reason, e.status, spans);
        }
      }
      return spans;
    },
    async clear(ranges) {
      if (ranges.length === 0) return;
      await write((o) => api.spreadsheets.values.batchClear({ spreadsheetId }, o), jsonBody({ ranges }));
    },
    stats: () => ({ calls, sent, received, writes: { ...writes } }),
  };
}
