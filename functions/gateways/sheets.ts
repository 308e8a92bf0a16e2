// The job gateway on the Sheets access layer: one batched read of the snapshot (and of the mail log's columns), the
// layer's batched, split, retried and counted writes.
import type { sheets_v4 } from '@googleapis/sheets';
import { cellText, type Cell } from '../core/cells.ts';
import { parseA1, quoteSheet, rangeOf } from '../core/a1.ts';
import type { Snapshot } from '../core/snapshot.ts';
import type { ValueRangeWrite } from './sheets-body.ts';
import type { RowFolder } from './values-stream.ts';
import {
  openSpreadsheet,
  SheetsError,
  type FoldedValueRange,
  type RowSpan,
  type SpreadsheetOptions,
  type WriteStats,
} from './spreadsheet.ts';

// What the jobs use of the layer, from the one module they import.
export { MAX_REQUEST_BYTES, type ValueRangeWrite } from './sheets-body.ts';
export { SheetsError, type RowSpan, type WriteStats } from './spreadsheet.ts';

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

/**
 * A tab's rows reduced as they are read instead of kept (a job keeps one fingerprint per row of the tabs it rewrites):
 * called for each read of the tab, its `add` takes each run of rows as it is parsed, its `done` what stands for them.
 */
export type RowFold<T> = () => { add(rows: readonly (readonly Cell[])[]): void; done(): T };

export interface FoldedSnapshot<T> extends SheetsSnapshot {
  /** What each folded tab's rows reduced to; such a tab is not in `tabs`. */
  readonly folded: ReadonlyMap<string, T>;
}

/** The cells of one column from row 2 down: index `i` is sheet row `i + 2`. */
export type Column = readonly (Cell | undefined)[];

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

/** One column of a row-major read of a single column, as its rows arrive: a blank cell inside it is empty text. */
function columnFolder(): RowFolder {
  const column: Cell[] = [];
  return {
    add(rows) {
      for (const row of rows as (readonly Cell[])[]) column.push(row[0] ?? '');
    },
    done: () => column,
  };
}

/** Rows rebuilt from a column read (header row first), or undefined when the header row does not match the layout. */
function fromColumns(ranges: readonly (FoldedValueRange | undefined)[], layout: ColumnLayout): Cell[][] | undefined {
  const header = (ranges[0]?.values as Cell[][] | undefined)?.[0] ?? [];
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
   * read as ColumnLayout says, tabs of `folds` reduced as their rows arrive (never all held at once).
   */
  readSnapshot<T = never>(
    tabs: readonly string[],
    columnsOnly?: ReadonlyMap<string, ColumnLayout>,
    folds?: ReadonlyMap<string, RowFold<T>>,
  ): Promise<FoldedSnapshot<T>>;
  /** The layer's values.batchUpdate: RAW, split by size, each request encoded as the previous one is sent. */
  writeValues(writes: readonly ValueRangeWrite[]): Promise<void>;
  /** The layer's values.append after the tab's table. */
  appendRows(tab: string, rows: readonly (readonly Cell[])[]): Promise<readonly RowSpan[]>;
  /**
   * The columns of `layout`, by header, in one values.batchGet: one array per column, not one per row. If the header
   * row no longer has them where the layout says, they are found by header in a read of the whole tab (one more call);
   * a header the tab lacks gives no column.
   */
  readColumns(tab: string, layout: ColumnLayout): Promise<ReadonlyMap<string, Column>>;
  /** spreadsheets.batchUpdate for structure (adding sheets, sizing grids, moving rows), in order, split by size. */
  batchUpdate(requests: readonly sheets_v4.Schema$Request[]): Promise<void>;
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

const SHEET_FIELDS = 'properties.timeZone,sheets.properties(title,sheetId,gridProperties(rowCount,columnCount))';

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

export function createSheetsGateway(options: SpreadsheetOptions): SheetsGateway {
  const book = openSpreadsheet(options);

  async function readTab(tab: string): Promise<{ values: Cell[][]; grid?: GridSize }> {
    const [whole] = await book.batchGet([quoteSheet(tab)]);
    return { values: (whole?.values ?? []) as Cell[][], grid: gridFromRange(whole?.range) };
  }

  type Values<T> = Pick<FoldedSnapshot<T>, 'tabs' | 'grids' | 'folded'>;

  async function batchGet<T>(
    tabs: readonly string[],
    columnsOnly: ReadonlyMap<string, ColumnLayout>,
    folds: ReadonlyMap<string, RowFold<T>>,
  ): Promise<Values<T>> {
    const ranges: string[] = [];
    const foldAt = new Map<number, RowFold<T>>();
    const starts = tabs.map((tab) => {
      const at = ranges.length;
      const layout = columnsOnly.get(tab);
      const fold = folds.get(tab);
      if (!layout && fold) foldAt.set(at, fold);
      ranges.push(...(layout ? columnRanges(tab, layout) : [quoteSheet(tab)]));
      return at;
    });
    // The rows a folder is given are parsed cells, as every tab's are.
    const valueRanges = await book.batchGet(ranges, {
      fold: (range) => foldAt.get(range)?.() as RowFolder | undefined,
    });
    const values = new Map<string, readonly (readonly Cell[])[]>();
    const folded = new Map<string, T>();
    const grids = new Map<string, GridSize>();
    const moved: string[] = [];
    tabs.forEach((tab, i) => {
      const at = starts[i];
      const layout = columnsOnly.get(tab);
      if (!layout) {
        const fold = foldAt.get(at);
        // An empty tab's range comes back without `values`: its folder is given no rows.
        if (fold) folded.set(tab, (valueRanges[at]?.values as T | undefined) ?? fold().done());
        else values.set(tab, (valueRanges[at]?.values ?? []) as Cell[][]);
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
      const whole = await readTab(tab);
      values.set(tab, whole.values);
      if (whole.grid) grids.set(tab, whole.grid);
    }
    return { tabs: values, grids, folded };
  }

  return {
    calls: () => book.stats().calls,
    writes: () => book.stats().writes,
    async readSnapshot<T>(
      tabs: readonly string[],
      columnsOnly: ReadonlyMap<string, ColumnLayout> = new Map(),
      folds: ReadonlyMap<string, RowFold<T>> = new Map(),
    ) {
      // Both at once: the sheet list costs a call but no waiting, and it is what the cell cap and the zone need.
      const [meta, read] = await Promise.allSettled([book.get(SHEET_FIELDS), batchGet(tabs, columnsOnly, folds)]);
      if (meta.status === 'rejected') throw meta.reason;
      const sheets = sheetsOf(meta.value);
      let values: Values<T>;
      if (read.status === 'fulfilled') values = read.value;
      else {
        // One unknown tab fails the whole batchGet with 400; the sheet list says which exist, and those are read.
        const error: unknown = read.reason;
        if (!(error instanceof SheetsError) || error.status !== 400) throw error;
        const existing = new Set(sheets.map((s) => s.title));
        values = await batchGet(
          tabs.filter((t) => existing.has(t)),
          columnsOnly,
          folds,
        );
      }
      const grids = new Map(values.grids);
      for (const s of sheets) if (values.tabs.has(s.title) || values.folded.has(s.title)) grids.set(s.title, s.grid);
      return {
        spreadsheetId: book.id,
        tabs: values.tabs,
        folded: values.folded,
        grids,
        sheets,
        timeZone: meta.value.properties?.timeZone ?? undefined,
      };
    },
    writeValues: (writes) => book.valuesBatchUpdate(writes),
    appendRows: (tab, rows) => book.append(quoteSheet(tab), rows),
    async readColumns(tab, layout) {
      // Read row-major, each column folded into one flat array as its rows arrive. Read column-major, a column is a
      // single JSON array the stream parser can only take whole: a first 10,000-unit run's 20,000 claim keys were one
      // 5 MB segment, decoded into 10 MB of two-byte text and copied once more to be parsed, at the run's peak.
      const ranges = await book.batchGet(columnRanges(tab, layout), {
        fold: (range) => (range === 0 ? undefined : columnFolder()),
      });
      const header = (ranges[0]?.values as Cell[][] | undefined)?.[0] ?? [];
      const columns = new Map<string, Column>();
      let at = 1;
      for (const [name, position] of layout) {
        if (cellText(header[position]) !== name) return columnsByHeader((await readTab(tab)).values, layout);
        columns.set(name, (ranges[at++]?.values as Column | undefined) ?? []);
      }
      return columns;
    },
    batchUpdate: (requests) => book.batchUpdate(requests),
  };
}
