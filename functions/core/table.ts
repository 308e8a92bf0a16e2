// Header-driven reading of a tab: columns are found by their header text, never by position.
import { tabDef } from '../../sheets-schema/index.ts';
import type { Cell } from './cells.ts';
import { cellText } from './cells.ts';
import type { Snapshot } from './snapshot.ts';

/** A required header is missing or duplicated: the job stops before writing anything. */
export class HeaderError extends Error {
  constructor(
    readonly tab: string,
    readonly header: string,
    readonly problem: 'missing' | 'duplicate' | 'no-tab',
  ) {
    super(
      problem === 'no-tab'
        ? `Không tìm thấy trang tính '${tab}'. Hãy chạy npm run setup-sheets để tạo lại cấu trúc bảng tính.`
        : problem === 'missing'
          ? `Trang tính '${tab}' thiếu cột '${header}'. Hãy thêm lại cột này (đúng tên) hoặc chạy npm run setup-sheets.`
          : `Trang tính '${tab}' có hai cột cùng tên '${header}'. Hãy đổi tên hoặc xóa một cột.`,
    );
    this.name = 'HeaderError';
  }
}

export interface TableRow {
  /** 1-based row number in the sheet (the header is row 1). */
  readonly rowNumber: number;
  /** The cell under `header`, or undefined when the row is shorter or the header absent. */
  get(header: string): Cell | undefined;
  /** All cells of the row keyed by their (NFC, trimmed) header. */
  readonly cells: Readonly<Record<string, Cell>>;
}

export interface Table {
  readonly tab: string;
  readonly headers: readonly string[];
  readonly rows: readonly TableRow[];
  has(header: string): boolean;
}

/**
 * Reads `tab` from the snapshot. Every header of `required` must be present exactly once, else HeaderError.
 * Fully empty rows are skipped (coordinators leave gaps); a missing tab is an error only when `required` is non-empty.
 */
export function readTable(snapshot: Snapshot, tab: string, required: readonly string[] = []): Table {
  const values = snapshot.tabs.get(tab);
  if (!values) {
    if (required.length > 0) throw new HeaderError(tab, required[0], 'no-tab');
    return { tab, headers: [], rows: [], has: () => false };
  }
  const headers = (values[0] ?? []).map((h) => cellText(h));
  const index = new Map<string, number>();
  headers.forEach((h, i) => {
    if (h === '') return;
    if (index.has(h)) {
      if (required.includes(h)) throw new HeaderError(tab, h, 'duplicate');
      return; // an unrequired duplicate keeps its first column
    }
    index.set(h, i);
  });
  for (const h of required) if (!index.has(h)) throw new HeaderError(tab, h, 'missing');

  const rows: TableRow[] = [];
  for (let r = 1; r < values.length; r++) {
    const raw = values[r] ?? [];
    if (isEmptyRow(raw)) continue;
    rows.push(new SheetRow(r + 1, raw, index));
  }
  return { tab, headers, rows, has: (h) => index.has(h) };
}

/** Reads a tab declared in sheets-schema, requiring the headers declared there (sheets-schema/tabs.ts). */
export function readDeclaredTable(snapshot: Snapshot, tab: string): Table {
  return readTable(snapshot, tab, tabDef(tab).headers);
}

/** Only text can be blank after trimming: numbers and booleans always show something. */
function isEmptyRow(raw: readonly (Cell | null | undefined)[]): boolean {
  for (const c of raw) if (typeof c === 'string' ? cellText(c) !== '' : c !== undefined && c !== null) return false;
  return true;
}

/** A row read through the tab's shared header index: a record and a closure per row were too slow for big tabs. */
class SheetRow implements TableRow {
  constructor(
    readonly rowNumber: number,
    private readonly raw: readonly Cell[],
    private readonly index: ReadonlyMap<string, number>,
  ) {}

  get(header: string): Cell | undefined {
    const i = this.index.get(header);
    return i === undefined || i >= this.raw.length ? undefined : this.raw[i];
  }

  get cells(): Readonly<Record<string, Cell>> {
    const cells: Record<string, Cell> = {};
    for (const [h, i] of this.index) if (i < this.raw.length) cells[h] = this.raw[i];
    return cells;
  }
}
