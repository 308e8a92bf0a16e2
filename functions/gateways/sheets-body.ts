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

/** Rows per JSON.stringify call at most: no string of a whole tab is ever built. */
const ROWS_PER_CHUNK = 2000;
/**
 * Bytes per chunk, about: a request is cut between two chunks, so this is how close to the 2 MB limit a request can be
 * packed. Small enough for a test to split a small campaign; a first run's 11 MB make about 2,700 chunks.
 */
const CHUNK_BYTES = 4 * 1024;

const COMMA = Buffer.from(',');

/**
 * Rows as JSON chunks, encoded as they are taken; joined with commas inside brackets they are the text JSON.stringify
 * gives for the array. Taken one request at a time, a write never holds more than one request's bytes of them.
 */
function* encodeChunks(rows: readonly (readonly Cell[])[]): Generator<Chunk> {
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
    yield { rows: n, bytes: json.subarray(1, json.length - 1) };
    i += n;
    perChunk = Math.max(1, Math.min(ROWS_PER_CHUNK, Math.floor((n * CHUNK_BYTES) / json.length)));
  }
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
 * `offset`). Only a single chunk larger than `max` makes a larger body, alone. Each body is packed when the previous
 * one has been taken, from chunks encoded as they are needed.
 */
function* pack<T>(
  items: readonly T[],
  max: number,
  envelope: { open: Buffer; close: Buffer; tail: Buffer },
  item: (item: T) => { rows: number; chunks: Iterator<Chunk> },
  head: (item: T, offset: number, count: number, total: number) => Buffer,
): Generator<Body> {
  const { open, close, tail } = envelope;
  let parts: Buffer[] = [];
  let size = 0;
  let inBody = 0;
  const take = (): Body | undefined => {
    const body = inBody > 0 ? [...parts, close] : undefined;
    parts = [];
    size = 0;
    inBody = 0;
    return body;
  };
  for (const it of items) {
    const { rows: total, chunks } = item(it);
    const nextChunk = (): Chunk | undefined => {
      const next = chunks.next();
      return next.done ? undefined : next.value;
    };
    let chunk = nextChunk();
    let offset = 0;
    while (chunk) {
      if (inBody === 0) {
        parts = [open];
        size = open.length + close.length;
      }
      const separator = inBody > 0 ? 1 : 0;
      // The head of the longest part bounds the head of any shorter one (its row numbers have no more digits).
      let bytes = separator + head(it, offset, total - offset, total).length + tail.length;
      if (inBody > 0 && size + bytes + chunk.bytes.length > max) {
        yield take()!;
        continue;
      }
      // The first chunk always goes in (alone when it is larger than a body), then as many as fit.
      const taken: Buffer[] = [chunk.bytes];
      let rows = chunk.rows;
      bytes += chunk.bytes.length;
      chunk = nextChunk();
      while (chunk && size + bytes + 1 + chunk.bytes.length <= max) {
        bytes += 1 + chunk.bytes.length;
        rows += chunk.rows;
        taken.push(chunk.bytes);
        chunk = nextChunk();
      }
      const start = head(it, offset, rows, total);
      if (separator) parts.push(COMMA);
      parts.push(start);
      size += separator + start.length + tail.length;
      for (const [c, bytesOfChunk] of taken.entries()) {
        if (c > 0) {
          parts.push(COMMA);
          size++;
        }
        parts.push(bytesOfChunk);
        size += bytesOfChunk.length;
      }
      parts.push(tail);
      inBody++;
      offset += rows;
      if (chunk) yield take()!;
    }
  }
  const last = take();
  if (last) yield last;
}

/** values.batchUpdate bodies, always RAW so `=IMPORTXML(...)` stays text; each encoded as it is taken. */
export function valuesBodies(writes: readonly ValueRangeWrite[], max: number): Iterable<Body> {
  return pack(
    writes.filter((w) => w.values.length > 0),
    max,
    { open: Buffer.from('{"valueInputOption":"RAW","data":['), close: Buffer.from(']}'), tail: Buffer.from(']}') },
    (w) => ({ rows: w.values.length, chunks: encodeChunks(w.values) }),
    (w, offset, count, total) =>
      Buffer.from(
        `{"range":${JSON.stringify(subRange(w.range, offset, count, total))},"majorDimension":"ROWS","values":[`,
      ),
  );
}

/** values.append bodies (a ValueRange each), the rows in order; each encoded as it is taken. */
export function appendBodies(rows: readonly (readonly Cell[])[], max: number): Iterable<Body> {
  if (rows.length === 0) return [];
  return pack(
    [rows],
    max,
    { open: Buffer.alloc(0), close: Buffer.alloc(0), tail: Buffer.from(']}') },
    (all) => ({ rows: all.length, chunks: encodeChunks(all) }),
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
