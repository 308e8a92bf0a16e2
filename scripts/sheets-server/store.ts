// Spreadsheets in memory, each persisted as one JSON file written atomically (temp file, fsync, rename).
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  DEFAULT_COLUMNS,
  DEFAULT_ROWS,
  jsonText,
  type CellData,
  type Grid,
  type JsonObject,
  type SheetState,
  type SpreadsheetState,
} from './model.ts';

const SUFFIX = '.json';

function fileName(id: string): string {
  return encodeURIComponent(id) + SUFFIX;
}

export function newSheet(
  props: Partial<SheetState['properties']> & { sheetId: number; title: string; index: number },
): SheetState {
  const grid = (props.gridProperties ?? {}) as JsonObject;
  return {
    properties: {
      ...{ sheetId: props.sheetId, title: props.title, index: props.index },
      ...props,
      sheetType: 'GRID',
      gridProperties: {
        ...grid,
        rowCount: Number(grid['rowCount'] ?? DEFAULT_ROWS),
        columnCount: Number(grid['columnCount'] ?? DEFAULT_COLUMNS),
      },
    },
    grid: [],
    rowMeta: {},
    columnMeta: {},
    protectedRanges: [],
    conditionalFormats: [],
    charts: [],
  };
}

export function newSpreadsheet(id: string, properties: JsonObject = {}): SpreadsheetState {
  return {
    spreadsheetId: id,
    properties: {
      autoRecalc: 'ON_CHANGE',
      ...properties,
      title: jsonText(properties['title'], 'Untitled spreadsheet'),
      locale: jsonText(properties['locale'], 'en_US'),
      timeZone: jsonText(properties['timeZone'], 'Etc/GMT'),
    },
    sheets: [],
    namedRanges: [],
  };
}

/** Google's ids are 44 URL-safe characters. */
export function newSpreadsheetId(): string {
  return randomBytes(33).toString('base64url');
}

type StoredCell = string | number | boolean | null | CellData;

/** On disk a cell holding only a plain value is that value: 50,000 rows stay a few megabytes, not tens. */
function encodeCell(cell: CellData | null): StoredCell {
  if (!cell) return null;
  const v = cell.userEnteredValue;
  if (v && Object.keys(cell).length === 1) {
    if ('stringValue' in v) return v.stringValue;
    if ('numberValue' in v) return v.numberValue;
    if ('boolValue' in v) return v.boolValue;
  }
  return cell;
}

function decodeCell(stored: StoredCell): CellData | null {
  if (stored === null) return null;
  if (typeof stored === 'string') return { userEnteredValue: { stringValue: stored } };
  if (typeof stored === 'number') return { userEnteredValue: { numberValue: stored } };
  if (typeof stored === 'boolean') return { userEnteredValue: { boolValue: stored } };
  return stored;
}

function encodeSheet(sheet: SheetState): string {
  const grid = sheet.grid.map((line) => (line ? line.map(encodeCell) : null));
  return JSON.stringify({ ...sheet, grid });
}

function decodeBook(text: string): SpreadsheetState {
  const book = JSON.parse(text) as SpreadsheetState;
  for (const sheet of book.sheets) {
    sheet.grid = (sheet.grid as unknown as (StoredCell[] | null)[]).map((line): Grid[number] =>
      line ? line.map(decodeCell) : null,
    );
  }
  return book;
}

interface Flush {
  running: Promise<void> | null;
  /** Callers whose change is not yet covered by a flush that started after it. */
  waiting: Array<{ resolve: () => void; reject: (e: unknown) => void }>;
}

export class Store {
  private readonly books = new Map<string, SpreadsheetState>();
  private readonly flushes = new Map<string, Flush>();
  /** Serialised sheets, reused until a write touches the sheet (a replaced sheet object misses by itself). */
  private readonly sheetText = new WeakMap<SheetState, string>();

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
    for (const name of readdirSync(dir)) {
      if (!name.endsWith(SUFFIX)) continue;
      const book = decodeBook(readFileSync(join(dir, name), 'utf8'));
      this.books.set(book.spreadsheetId, book);
    }
  }

  get(id: string): SpreadsheetState | undefined {
    return this.books.get(id);
  }

  /** Replaces (or adds) a spreadsheet and resolves once it is on disk. */
  put(book: SpreadsheetState): Promise<void> {
    this.books.set(book.spreadsheetId, book);
    return this.persist(book.spreadsheetId);
  }

  /** Removes a spreadsheet, as moving it to Drive's trash does for the Sheets API, once no write of it is running. */
  async delete(id: string): Promise<boolean> {
    if (!this.books.delete(id)) return false;
    await this.flushes.get(id)?.running;
    this.flushes.delete(id);
    await rm(join(this.dir, fileName(id)), { force: true });
    return true;
  }

  /**
   * Resolves once the spreadsheet's current state is durable. `touched` names the sheets changed in place since the
   * last write; sheets not named (and not new) are written from their cached text. Changes arriving while a write is
   * running are coalesced into the next write, so a burst of appends costs two writes rather than one each.
   */
  persist(id: string, touched: readonly SheetState[] = this.books.get(id)?.sheets ?? []): Promise<void> {
    for (const sheet of touched) this.sheetText.delete(sheet);
    let flush = this.flushes.get(id);
    if (!flush) {
      flush = { running: null, waiting: [] };
      this.flushes.set(id, flush);
    }
    const done = new Promise<void>((resolve, reject) => flush.waiting.push({ resolve, reject }));
    if (!flush.running) this.startFlush(id, flush);
    return done;
  }

  private startFlush(id: string, flush: Flush): void {
    const batch = flush.waiting.splice(0);
    flush.running = (async () => {
      // Serialise synchronously: the snapshot must be the state every waiter has seen.
      const book = this.books.get(id);
      const text = book ? this.serialise(book) : '';
      try {
        if (book) await this.writeAtomically(fileName(id), text);
        for (const w of batch) w.resolve();
      } catch (error) {
        for (const w of batch) w.reject(error);
      }
    })().finally(() => {
      flush.running = null;
      if (flush.waiting.length > 0) this.startFlush(id, flush);
    });
  }

  private serialise(book: SpreadsheetState): string {
    const sheets = book.sheets.map((sheet) => {
      let text = this.sheetText.get(sheet);
      if (text === undefined) {
        text = encodeSheet(sheet);
        this.sheetText.set(sheet, text);
      }
      return text;
    });
    const { sheets: _omitted, ...rest } = book;
    const head = JSON.stringify(rest);
    return `${head.slice(0, -1)},"sheets":[${sheets.join(',')}]}`;
  }

  private async writeAtomically(name: string, text: string): Promise<void> {
    const target = join(this.dir, name);
    const temp = join(this.dir, `.${name}.${process.pid}.tmp`);
    const fh = await open(temp, 'w');
    try {
      await fh.writeFile(text, 'utf8');
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(temp, target);
    // The rename itself is durable only once the directory entry is flushed.
    const dirHandle = await open(this.dir, 'r');
    try {
      await dirHandle.sync();
    } catch {
      // Some file systems refuse fsync on a directory; the rename is still atomic there.
    } finally {
      await dirHandle.close();
    }
  }

  /** Waits for every write in flight (used by close). */
  async drain(): Promise<void> {
    for (;;) {
      const running = [...this.flushes.values()].map((f) => f.running).filter((p): p is Promise<void> => p !== null);
      if (running.length === 0) return;
      await Promise.allSettled(running);
    }
  }
}
