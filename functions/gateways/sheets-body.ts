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

/**
 * One request body, its JSON as UTF-8. A body of values.batchUpdate or values.append is valid until the next body of
 * the same write is taken: they are all packed in one area, each once the previous one was sent.
 */
export type Body = Buffer;

export interface ValueRangeWrite {
  readonly range: string;
  readonly values: readonly (readonly Cell[])[];
}

/** Rows of a range serialised as JSON, in chunks small enough to split a request between any two of them. */
interface Chunk {
  readonly rows: number;
  /** The rows' JSON arrays, comma-separated, without the enclosing brackets. */
  readonly text: string;
  /** Its length in UTF-8. */
  readonly bytes: number;
}

/** Rows per JSON.stringify call at most: no string of a whole tab is ever built. */
const ROWS_PER_CHUNK = 2000;
/**
 * Bytes per chunk, about: a request is cut between two chunks, so this is how close to the 2 MB limit a request can be
 * packed. Small enough for a test to split a small campaign; a first run's 11 MB make about 2,700 chunks.
 */
const CHUNK_BYTES = 4 * 1024;

/**
 * Rows as JSON chunks, serialised as they are taken; joined with commas inside brackets they are the text
 * JSON.stringify gives for the array. Taken one request at a time, a write never holds more than one request of them.
 */
function* encodeChunks(rows: readonly (readonly Cell[])[]): Generator<Chunk> {
  // Rows per chunk follow the size of the rows just encoded, so a chunk is rarely encoded twice.
  let perChunk = 64;
  for (let i = 0; i < rows.length;) {
    let n = Math.min(perChunk, rows.length - i);
    let json = JSON.stringify(rows.slice(i, i + n));
    let bytes = Buffer.byteLength(json);
    while (bytes > CHUNK_BYTES && n > 1) {
      n = Math.ceil(n / 2);
      json = JSON.stringify(rows.slice(i, i + n));
      bytes = Buffer.byteLength(json);
    }
    // The brackets are one byte each; the slice shares the text, which is written once, into the body.
    yield { rows: n, text: json.slice(1, -1), bytes: bytes - 2 };
    i += n;
    perChunk = Math.max(1, Math.min(ROWS_PER_CHUNK, Math.floor((n * CHUNK_BYTES) / bytes)));
  }
}

/**
 * The bytes of the body being packed, written in place. One area serves every body of a write, each packed once the
 * previous one was sent, so a write holds one request's bytes outside the heap, not one buffer per request: those
 * outlive the request's wait, reach V8's old generation and are freed only by its next full collection, and a first
 * run's 14 write and claim requests left up to 30 MiB of them in the resident set (10,000 units, deployed heap, 1/12).
 */
class BodyArea {
  private bytes: Buffer;
  size = 0;

  constructor(capacity: number) {
    this.bytes = Buffer.allocUnsafe(capacity);
  }

  /** Room for `length` more bytes: past the capacity only for a chunk larger than a body, which goes alone. */
  private reserve(length: number): void {
    if (this.size + length <= this.bytes.length) return;
    const grown = Buffer.allocUnsafe(this.size + length);
    this.bytes.copy(grown, 0, 0, this.size);
    this.bytes = grown;
  }

  /** Appends `text`, `length` bytes once encoded. */
  put(text: string, length = Buffer.byteLength(text)): void {
    this.reserve(length);
    this.bytes.write(text, this.size);
    this.size += length;
  }

  /** Keeps `length` bytes for text written later by `fill`. */
  skip(length: number): void {
    this.reserve(length);
    this.size += length;
  }

  /** Writes `text` in the `room` bytes kept at `at`, and closes the gap it leaves. */
  fill(at: number, room: number, text: string): void {
    const length = this.bytes.write(text, at);
    if (length === room) return;
    this.bytes.copyWithin(at + length, at + room, this.size);
    this.size -= room - length;
  }

  /** The body packed so far; the area starts the next one over the same bytes. */
  take(): Body {
    const body = this.bytes.subarray(0, this.size);
    this.size = 0;
    return body;
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
 * one has been taken, from chunks encoded as they are needed, into the bytes of the previous one.
 */
function* pack<T>(
  items: readonly T[],
  max: number,
  envelope: { open: string; close: string; tail: string },
  item: (item: T) => { rows: number; chunks: Iterator<Chunk> },
  head: (item: T, offset: number, count: number, total: number) => string,
): Generator<Body> {
  const { open, close, tail } = envelope;
  const closeBytes = Buffer.byteLength(close);
  const tailBytes = Buffer.byteLength(tail);
  const area = new BodyArea(max);
  let inBody = 0;
  const take = (): Body => {
    area.put(close, closeBytes);
    inBody = 0;
    return area.take();
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
      if (inBody === 0) area.put(open);
      const separator = inBody > 0 ? 1 : 0;
      // The head of the longest part bounds the head of any shorter one (its row numbers have no more digits).
      const room = Buffer.byteLength(head(it, offset, total - offset, total));
      if (inBody > 0 && area.size + separator + room + tailBytes + chunk.bytes + closeBytes > max) {
        yield take();
        continue;
      }
      if (separator) area.put(',', 1);
      const at = area.size;
      area.skip(room);
      // The first chunk always goes in (alone when it is larger than a body), then as many as fit.
      area.put(chunk.text, chunk.bytes);
      let rows = chunk.rows;
      chunk = nextChunk();
      while (chunk && area.size + 1 + chunk.bytes + tailBytes + closeBytes <= max) {
        area.put(',', 1);
        area.put(chunk.text, chunk.bytes);
        rows += chunk.rows;
        chunk = nextChunk();
      }
      area.fill(at, room, head(it, offset, rows, total));
      area.put(tail, tailBytes);
      inBody++;
      offset += rows;
      if (chunk) yield take();
    }
  }
  if (inBody > 0) yield take();
}

/** values.batchUpdate bodies, always RAW so `=IMPORTXML(...)` stays text; each encoded as it is taken. */
export function valuesBodies(writes: readonly ValueRangeWrite[], max: number): Iterable<Body> {
  return pack(
    writes.filter((w) => w.values.length > 0),
    max,
    { open: '{"valueInputOption":"RAW","data":[', close: ']}', tail: ']}' },
    (w) => ({ rows: w.values.length, chunks: encodeChunks(w.values) }),
    (w, offset, count, total) =>
      `{"range":${JSON.stringify(subRange(w.range, offset, count, total))},"majorDimension":"ROWS","values":[`,
  );
}

/** values.append bodies (a ValueRange each), the rows in order; each encoded as it is taken. */
export function appendBodies(rows: readonly (readonly Cell[])[], max: number): Iterable<Body> {
  if (rows.length === 0) return [];
  return pack(
    [rows],
    max,
    { open: '', close: '', tail: ']}' },
    (all) => ({ rows: all.length, chunks: encodeChunks(all) }),
    () => '{"majorDimension":"ROWS","values":[',
  );
}

const COMMA = Buffer.from(',');

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
  return batches.map((batch) =>
    Buffer.concat([
      Buffer.from('{"requests":['),
      ...batch.flatMap((b, i) => (i === 0 ? [b] : [COMMA, b])),
      Buffer.from(']}'),
    ]),
  );
}

/** A small body serialised whole. */
export function jsonBody(value: unknown): Body {
  return Buffer.from(JSON.stringify(value));
}
