// Reads a values.get or values.batchGet body as it streams in, without ever holding it as one string.
//
// At 10,000 units the snapshot's body is about 13 MB of compact UTF-8 JSON (several times more when Google indents
// it). Read whole (gaxios' `res.text()`), it is held as its chunks, then as one buffer, then as a 26 MB two-byte string
// (Vietnamese text is not Latin-1) while JSON.parse builds the rows, and the process keeps that high-water mark as
// resident memory for the rest of the run. Here every `values` array is parsed a few hundred kilobytes of rows at a
// time, as its bytes arrive (and, when the caller only wants them reduced, handed to its folder and let go); the rest
// of the body (ranges, dimensions) is small and parsed whole at the end.

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const COMMA = 0x2c;

/** Rows are parsed in runs of about this many bytes: JSON.parse per row would be slow, the whole array too big. */
const SEGMENT_BYTES = 256 * 1024;

/** The longest property name worth remembering: only `values` matters. */
const KEY_BYTES = 8;
const VALUES_KEY = Buffer.from('values');

/** Rows reduced as they are parsed: `add` takes each run of rows, `done` gives what stands for them all. */
export interface RowFolder {
  add(rows: unknown[]): void;
  done(): unknown;
}

/**
 * A folder for the `values` array of the `range`-th value range of a body (its index in `valueRanges`; 0 for a
 * values.get), or undefined to keep its rows. Asked afresh for every body parsed, so a retried read starts over.
 */
export type FoldOf = (range: number) => RowFolder | undefined;

/**
 * The parsed body. Same result as `JSON.parse` of the whole text, for any JSON whose `values` properties hold arrays
 * (as a ValueRange's do), except that a `values` array `fold` takes holds what its folder's `done` gave: its rows are
 * never all held. `segmentBytes` is for tests, which cut rows at every size.
 */
export async function parseValuesBody(
  chunks: AsyncIterable<Uint8Array | string>,
  fold?: FoldOf,
  segmentBytes = SEGMENT_BYTES,
): Promise<unknown> {
  const skeleton: Buffer[] = [];
  /** Each streamed `values` array, or what its folder gave, in document order. */
  const lists: unknown[] = [];
  /** Open containers, innermost last: OPEN_ARRAY or OPEN_OBJECT. */
  const stack: number[] = [];
  /** Objects opened so far at each depth: the one holding a `values` array tells which value range it is. */
  const objectsAt: number[] = [];
  let inString = false;
  let escaped = false;
  /** The last string closed directly inside an object (its bytes, up to KEY_BYTES + 1): the key of the next value. */
  const key = Buffer.alloc(KEY_BYTES + 1);
  let keyLength = 0;
  let collectingKey = false;
  /** Depth of the `values` array being streamed, -1 outside one. */
  let valuesDepth = -1;
  let rows: unknown[] = [];
  let folder: RowFolder | undefined;
  let segment: Uint8Array[] = [];
  let segmentLength = 0;

  const flush = () => {
    if (segment.length === 0) return;
    const text = Buffer.concat(segment).toString('utf8');
    segment = [];
    segmentLength = 0;
    // A run after the first starts with the comma that followed the previous run's last row.
    const start = text.search(/\S/);
    if (start < 0) return;
    const parsed = JSON.parse(
      text.charCodeAt(start) === COMMA ? `[${text.slice(start + 1)}]` : `[${text}]`,
    ) as unknown[];
    if (folder) folder.add(parsed);
    else for (let i = 0; i < parsed.length; i++) rows.push(parsed[i]);
  };

  for await (const piece of chunks) {
    const chunk =
      typeof piece === 'string' ? Buffer.from(piece) : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    /** Start of this chunk's bytes not yet given to the skeleton or the current segment. */
    let from = 0;
    for (let i = 0; i < chunk.length; i++) {
      if (inString && !collectingKey) {
        // Most of a body is text: jump to its closing quote (memchr) instead of looking at every byte.
        const end = closingQuote(chunk, i, escaped);
        if (end < 0) {
          escaped = endsInEscape(chunk, i, escaped);
          break;
        }
        inString = false;
        escaped = false;
        i = end;
        continue;
      }
      const b = chunk[i];
      if (inString) {
        if (escaped) escaped = false;
        else if (b === BACKSLASH) escaped = true;
        else if (b === QUOTE) inString = false;
        if (!inString) collectingKey = false;
        else if (keyLength <= KEY_BYTES) key[keyLength++] = b;
        continue;
      }
      switch (b) {
        case QUOTE:
          inString = true;
          collectingKey = valuesDepth < 0 && stack[stack.length - 1] === OPEN_OBJECT;
          if (collectingKey) keyLength = 0;
          break;
        case OPEN_ARRAY:
        case OPEN_OBJECT:
          if (
            b === OPEN_ARRAY &&
            valuesDepth < 0 &&
            stack[stack.length - 1] === OPEN_OBJECT &&
            isValuesKey(key, keyLength)
          ) {
            // The skeleton keeps `"values":[`; the rows go to segments until the array closes.
            skeleton.push(Buffer.from(chunk.subarray(from, i + 1)));
            from = i + 1;
            valuesDepth = stack.length + 1;
            rows = [];
            folder = fold?.((objectsAt[stack.length] ?? 0) - 1);
          }
          stack.push(b);
          if (b === OPEN_OBJECT) objectsAt[stack.length] = (objectsAt[stack.length] ?? 0) + 1;
          break;
        case CLOSE_ARRAY:
        case CLOSE_OBJECT:
          stack.pop();
          if (valuesDepth < 0) break;
          if (stack.length === valuesDepth - 1) {
            // The `values` array itself closed: its last rows, then the skeleton resumes with this bracket.
            segment.push(chunk.subarray(from, i));
            flush();
            lists.push(folder ? folder.done() : rows);
            folder = undefined;
            from = i;
            valuesDepth = -1;
          } else if (stack.length === valuesDepth && segmentLength + (i + 1 - from) >= segmentBytes) {
            segment.push(chunk.subarray(from, i + 1));
            flush();
            from = i + 1;
          }
          break;
      }
    }
    if (from >= chunk.length) continue;
    if (valuesDepth >= 0) {
      segment.push(chunk.subarray(from));
      segmentLength += chunk.length - from;
    } else {
      skeleton.push(Buffer.from(chunk.subarray(from)));
    }
  }

  const body = JSON.parse(Buffer.concat(skeleton).toString('utf8')) as unknown;
  let next = 0;
  // The skeleton's `values` arrays are empty placeholders, met in document order as the streamed lists (or what their
  // folders gave) were.
  const fill = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) fill(item);
    } else if (node !== null && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      for (const name of Object.keys(record)) {
        if (name === 'values' && Array.isArray(record[name])) record[name] = lists[next++];
        else fill(record[name]);
      }
    }
  };
  fill(body);
  // Every `values` array met must be one streamed: a key spelt with escapes (`"val\u0075es"`) would not have been.
  if (next !== lists.length)
    throw new SyntaxError('values arrays of the body could not be told apart while streaming it');
  return body;
}

/**
 * The position of the quote that closes a string whose text goes on at `from`, or -1 when it does not close in this
 * chunk. `escaped`: the byte at `from` follows a backslash of the previous chunk.
 */
function closingQuote(chunk: Buffer, from: number, escaped: boolean): number {
  for (let at = from; ;) {
    const quote = chunk.indexOf(QUOTE, at);
    if (quote < 0) return -1;
    // A quote after an odd run of backslashes is part of the text.
    let run = 0;
    while (quote - run - 1 >= from && chunk[quote - run - 1] === BACKSLASH) run++;
    if (quote - run === from && escaped) run++;
    if (run % 2 === 0) return quote;
    at = quote + 1;
  }
}

/** Whether a string still open at the end of `chunk` (its text from `from` on) ends inside an escape. */
function endsInEscape(chunk: Buffer, from: number, escaped: boolean): boolean {
  let run = 0;
  while (chunk.length - run - 1 >= from && chunk[chunk.length - run - 1] === BACKSLASH) run++;
  if (chunk.length - run === from && escaped) run++;
  return run % 2 === 1;
}

function isValuesKey(key: Buffer, length: number): boolean {
  return length === VALUES_KEY.length && key.compare(VALUES_KEY, 0, length, 0, length) === 0;
}
