// What a run must send to turn a system tab as the sheet holds it into the tab the plan computed: the rows whose cells
// differ, rows inserted or removed in the middle (so one new response does not shift and rewrite every row after it),
// and the rows past the new end cleared. The content stays the plan's; only the write becomes a difference.
import type { Cell } from '../core/cells.ts';
import { fingerprint } from '../core/fingerprint.ts';

/** A tab as the sheet holds it, reduced to one fingerprint per row (header first): at 10,000 units the derived tabs
 * hold 100,000 rows, kept as 16-character strings instead of their cells while the plan is built. */
export interface TabState {
  readonly rows: readonly string[];
  /** Columns in use: the widest row read, so cells a shorter rewrite leaves behind are blanked. */
  readonly width: number;
}

/** A row insert or delete, in the sheet's 0-based row indices at the moment it is applied (listed bottom-up). */
export interface RowOp {
  readonly insert: boolean;
  readonly at: number;
  readonly count: number;
}

/** Consecutive sheet rows to write, from 1-based row `first`, each `width` cells. */
export interface RowBlock {
  readonly first: number;
  readonly rows: readonly (readonly Cell[])[];
}

export interface TabChange {
  /** Row inserts and deletes, applied before the blocks are written. */
  readonly rowOps: readonly RowOp[];
  readonly blocks: readonly RowBlock[];
  /** Cells per written row: the wider of the new content and the old. */
  readonly width: number;
  /** Sheet rows the tab uses once written (header included); rows past it are cleared, not kept. */
  readonly rows: number;
  /** Rows the content occupied before, after the row ops: the extent whose tail the blocks clear. */
  readonly oldRows: number;
  /** The header moved or the tab is new: every row is written once. */
  readonly rewritten: boolean;
  /** Only the stamp row differs (`TabWrite.stampRow`): worth writing only along with another change. */
  readonly stampOnly: boolean;
}

/** Myers' search gives up beyond this many edits and compares rows in place instead (time and memory grow with it). */
const MAX_EDITS = 500;

const EMPTY = '';

/**
 * Fields per cell in a row's fingerprint: text in the first, a number or a checkbox in the second (their texts never
 * meet), so `5` and `"5"` differ as they do in the sheet without a copy of each cell's text made only to tag its type.
 * A later run at 10,000 units fingerprints 140,000 rows as the sheet holds them and 120,000 as the plan made them: its
 * comparison after the plan allocated 95 MiB with tagged copies, 59 without (compiled, sampled allocations, 1/12).
 */
const FIELDS_PER_CELL = 2;

/** Empty to the sheet: the values API leaves such cells out, and writing '' clears one. */
function isEmptyCell(cell: Cell | undefined): boolean {
  return cell === undefined || cell === null || cell === '';
}

/** One row's fingerprint; empty cells do not count (only their neighbours' positions do). */
export function rowFingerprint(row: readonly Cell[] | undefined): string {
  if (!row) return EMPTY;
  let fields: string[] | undefined;
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (isEmptyCell(cell)) continue;
    fields ??= new Array<string>(row.length * FIELDS_PER_CELL).fill(EMPTY);
    const at = c * FIELDS_PER_CELL;
    if (typeof cell === 'string') fields[at] = cell;
    else fields[at + 1] = String(cell);
  }
  return fields ? fingerprint('row', fields) : EMPTY;
}

export function tabState(values: readonly (readonly Cell[])[]): TabState {
  const state = tabStateFold();
  state.add(values);
  return state.done();
}

/**
 * A TabState built from runs of rows as they are read (the Sheets gateway's RowFold), so the rows of the tabs a job
 * rewrites are never all held: at 10,000 units a sweep reads 140,000 of them, 35 MiB as cells.
 */
export function tabStateFold(): { add(rows: readonly (readonly Cell[])[]): void; done(): TabState } {
  const rows: string[] = [];
  let width = 0;
  return {
    add(values) {
      for (const row of values) {
        rows.push(rowFingerprint(row));
        if (row.length > width) width = row.length;
      }
    },
    done() {
      // Trailing empty rows are not content.
      let end = rows.length;
      while (end > 0 && rows[end - 1] === EMPTY) end--;
      rows.length = end;
      return { rows, width };
    },
  };
}

export interface DiffOptions {
  /** Rows may be inserted and deleted in the middle of the tab (no chart or formula is anchored to its rows). */
  readonly shift: boolean;
  /** Index of a row that only records when the tab was computed. */
  readonly stampRow?: number;
}

/** A hunk of the edit script: old data rows [a, a + p) become new data rows [b, b + q). */
interface Hunk {
  readonly a: number;
  readonly p: number;
  readonly b: number;
  readonly q: number;
}

/** Strings to small integers shared by both sides, so the search compares numbers. */
function intern(a: readonly string[], b: readonly string[], from: number): [Int32Array, Int32Array] {
  const ids = new Map<string, number>();
  const of = (list: readonly string[]) => {
    const out = new Int32Array(Math.max(0, list.length - from));
    for (let i = from; i < list.length; i++) {
      let id = ids.get(list[i]);
      if (id === undefined) ids.set(list[i], (id = ids.size));
      out[i - from] = id;
    }
    return out;
  };
  return [of(a), of(b)];
}

/**
 * Myers' shortest edit script (O((N+M)·D)) as hunks, or undefined beyond `maxEdits` edits. Only the diagonals of each
 * step are kept for the walk back, so memory is O(D²).
 */
export function editHunks(a: Int32Array, b: Int32Array, maxEdits: number): Hunk[] | undefined {
  const n = a.length;
  const m = b.length;
  // Common prefix and suffix first: the usual sweep changes a few rows of a long tab.
  let start = 0;
  while (start < n && start < m && a[start] === b[start]) start++;
  let endA = n;
  let endB = m;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const N = endA - start;
  const M = endB - start;
  if (N === 0 && M === 0) return [];
  if (N === 0 || M === 0) return [{ a: start, p: N, b: start, q: M }];
  const max = Math.min(maxEdits, N + M);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < N && y < M && a[start + x] === b[start + y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= N && y >= M) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return undefined;
  // Walk back from the end: each step is one deleted (x moves) or inserted (y moves) row.
  const moves: [x: number, y: number, del: boolean][] = [];
  let x = N;
  let y = M;
  for (let d = found; d > 0; d--) {
    const saved = trace[d]; // v before step d, indices k in [-d-1, d+1] at k + d + 1
    const at = (k: number) => saved[k + d + 1];
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
    }
    moves.push([prevX, prevY, x !== prevX]);
    x = prevX;
    y = prevY;
  }
  moves.reverse();
  const hunks: Hunk[] = [];
  for (const [mx, my, del] of moves) {
    const last = hunks[hunks.length - 1];
    const a0 = start + mx;
    const b0 = start + my;
    if (last && last.a + last.p === a0 && last.b + last.q === b0) {
      hunks[hunks.length - 1] = { ...last, p: last.p + (del ? 1 : 0), q: last.q + (del ? 0 : 1) };
    } else hunks.push({ a: a0, p: del ? 1 : 0, b: b0, q: del ? 0 : 1 });
  }
  return hunks;
}

/** In-place comparison: every position whose row differs, as one hunk per run of differing rows. */
function positionalHunks(a: readonly string[], b: readonly string[], from: number): Hunk[] {
  const hunks: Hunk[] = [];
  const common = Math.min(a.length, b.length);
  for (let i = from; i < common;) {
    if (a[i] === b[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < common && a[j] !== b[j]) j++;
    hunks.push({ a: i - from, p: j - i, b: i - from, q: j - i });
    i = j;
  }
  if (a.length !== b.length)
    hunks.push({ a: common - from, p: a.length - common, b: common - from, q: b.length - common });
  return hunks.filter((h) => h.p + h.q > 0);
}

/** A row with no content, as rowFingerprint sees it. */
function isEmptyRow(row: readonly Cell[] | undefined): boolean {
  return !row || row.every(isEmptyCell);
}

function padded(row: readonly Cell[] | undefined, width: number, blank: readonly Cell[]): readonly Cell[] {
  if (!row || row.length === 0) return blank;
  if (row.length === width && !row.some((c) => c === undefined || c === null)) return row;
  const out = new Array<Cell>(width);
  // The API reads null as "leave this cell", so every gap is written as '' to clear it.
  for (let c = 0; c < width; c++) out[c] = row[c] ?? '';
  return out;
}

/** What `next` takes of its tab once written over `old`: rows (header included) and columns, the tab's extent. */
export function tabExtent(
  next: readonly (readonly Cell[])[],
  old: TabState | undefined,
): Pick<TabChange, 'rows' | 'width'> {
  let width = old?.width ?? 0;
  for (const row of next) if (row.length > width) width = row.length;
  // Trailing empty rows are not content.
  let rows = next.length;
  while (rows > 1 && isEmptyRow(next[rows - 1])) rows--;
  return { rows: Math.max(1, rows), width: Math.max(1, width) };
}

/** The change that turns `old` (undefined: the tab is new or unread) into `next` (header row first). */
export function diffTab(
  next: readonly (readonly Cell[])[],
  old: TabState | undefined,
  options: DiffOptions,
): TabChange {
  const { rows: m, width } = tabExtent(next, old);
  const blank: readonly Cell[] = new Array<Cell>(width).fill('');
  const rowOf = (i: number) => padded(next[i], width, blank);
  const oldRows = old?.rows ?? [];

  if (!old || oldRows.length === 0 || oldRows[0] !== (next.length > 0 ? rowFingerprint(next[0]) : undefined)) {
    // New tab or moved layout: write every row once, and clear the old rows past the new end.
    const total = Math.max(m, oldRows.length);
    const rows = new Array<readonly Cell[]>(total);
    for (let i = 0; i < total; i++) rows[i] = i < m ? rowOf(i) : blank;
    return {
      rowOps: [],
      blocks: [{ first: 1, rows }],
      width,
      rows: m,
      oldRows: oldRows.length,
      rewritten: true,
      stampOnly: false,
    };
  }

  // Data rows only from here: the header is equal. Rows are fingerprinted only to be compared with old ones: below a
  // tab that holds only its header (a first run), every row is new.
  let hunks: Hunk[] | undefined;
  if (oldRows.length === 1) hunks = m > 1 ? [{ a: 0, p: 0, b: 0, q: m - 1 }] : [];
  else {
    const nextPrints = new Array<string>(m);
    for (let i = 0; i < m; i++) nextPrints[i] = rowFingerprint(next[i]);
    if (options.shift) {
      // The rows both ends share are matched as text first: a sweep changes a few rows of a long tab, and only the
      // rows between need numbers for the search (an unchanged 50,000-row tab then builds no map of its rows).
      let start = 1;
      while (start < oldRows.length && start < m && oldRows[start] === nextPrints[start]) start++;
      let endOld = oldRows.length;
      let endNext = m;
      while (endOld > start && endNext > start && oldRows[endOld - 1] === nextPrints[endNext - 1]) {
        endOld--;
        endNext--;
      }
      const [a, b] = intern(oldRows.slice(start, endOld), nextPrints.slice(start, endNext), 0);
      hunks = editHunks(a, b, MAX_EDITS)?.map((h) => ({ ...h, a: h.a + start - 1, b: h.b + start - 1 }));
    }
    hunks ??= positionalHunks(oldRows, nextPrints, 1);
  }

  const n = oldRows.length - 1;
  const rowOps: RowOp[] = [];
  const blocks: RowBlock[] = [];
  let shifted = 0;
  for (const h of hunks) {
    const tail = h.a + h.p === n;
    if (!tail && h.q > h.p) {
      const at = 1 + h.a + h.p;
      rowOps.push({ insert: true, at, count: h.q - h.p });
      shifted += h.q - h.p;
    } else if (!tail && h.p > h.q) {
      rowOps.push({ insert: false, at: 1 + h.a + h.q, count: h.p - h.q });
      shifted -= h.p - h.q;
    }
    if (h.q > 0) {
      const rows = new Array<readonly Cell[]>(h.q);
      for (let i = 0; i < h.q; i++) rows[i] = rowOf(1 + h.b + i);
      blocks.push({ first: 2 + h.b, rows });
    }
  }
  // Old content past the new end (after the row ops) is cleared.
  const extent = oldRows.length + shifted;
  if (extent > m) blocks.push({ first: m + 1, rows: new Array(extent - m).fill(blank) });
  rowOps.sort((x, y) => y.at - x.at);

  const stamp = options.stampRow;
  const stampOnly =
    stamp !== undefined &&
    rowOps.length === 0 &&
    blocks.length === 1 &&
    blocks[0].first === stamp + 1 &&
    blocks[0].rows.length === 1;
  return { rowOps, blocks, width, rows: m, oldRows: extent, rewritten: false, stampOnly };
}
