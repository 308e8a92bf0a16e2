// Request bodies of the Sheets writes, serialised to UTF-8 JSON and split into as few requests of at most a size as
// hold them (a range or an append too large for one is cut between rows).
import type { sheets_v4 } from '@googleapis/sheets';
import type { Cell } from '../core/cells.ts';
import { parseA1, rangeOf } from '../core/a1.ts';

/**
 * Google recommends at most 2 MB per request ("To speed up requests, we recommend a 2 MB maximum payload", Sheets API
 * usage limits) and refuses bodies over 10 MB. Every write is split into as few requests of at most this size as fit.
 */
export const MAX_REQUEST_BYTES = 2_000_000;

/** One request body, as the parts it was packed from. */
export type Body = readonly Buffer[];

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
): Body[] {
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

/** values.batchUpdate bodies, always RAW so `=IMPORTXML(...)` stays text. */
export function valuesBodies(writes: readonly (ValueRangeWrite | EncodedRanges)[], max: number): Body[] {
  const ranges: EncodedRange[] = [];
  for (const w of writes) ranges.push(...(w instanceof EncodedRanges ? w : EncodedRanges.of([w])).ranges);
  return pack(
    ranges,
    max,
    { open: Buffer.from('{"valueInputOption":"RAW","data":['), close: Buffer.from(']}'), tail: Buffer.from(']}') },
    (r) => r.chunks,
    (r, offset, count, total) =>
      Buffer.from(
        `{"range":${JSON.stringify(subRange(r.range, offset, count, total))},"majorDimension":"ROWS","values":[`,
      ),
  );
}

/** values.append bodies (a ValueRange each), the rows in order. */
export function appendBodies(rows: readonly (readonly Cell[])[], max: number): Body[] {
  if (rows.length === 0) return [];
  return pack(
    [encodeChunks(rows)],
    max,
    { open: Buffer.alloc(0), close: Buffer.alloc(0), tail: Buffer.from(']}') },
    (chunks) => chunks,
    () => Buffer.from('{"majorDimension":"ROWS","values":['),
  );
}

/** spreadsheets.batchUpdate bodies: requests are small (a row move, a grid size), a list too large goes in several. */
export function structureBodies(requests: readonly sheets_v4.Schema$Request[], max: number): Body[] {
  const batches: Buffer[][] = [];
  let batch: Buffer[] | undefined;
  let size = 0;
  for (const request of requests) {
    const bytes = Buffer.from(JSON.stringify(request));
    if (!batch || size + bytes.length + 1 > max - 20) batches.push((batch = []));
    if (batch.length === 0) size = 0;
    batch.push(bytes);
    size += bytes.length + 1;
  }
  return batches.map((batch) => [
    Buffer.from('{"requests":['),
    ...batch.flatMap((b, i) => (i === 0 ? [b] : [COMMA, b])),
    Buffer.from(']}'),
  ]);
}

/** A small body serialised whole. */
export function jsonBody(value: unknown): Body {
  return [Buffer.from(JSON.stringify(value))];
}
