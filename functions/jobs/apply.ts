// Applies a plan: write what changed in the system tabs, then claim due emails in the mail log, send the ones we won
// and write their statuses. Sheets calls per run: the snapshot read (with the sheet list beside it), one write of the
// tabs when anything differs, plus (only with emails) the claims append, one re-read and the statuses' write; moving
// rows, sizing a grid or adding a missing system tab costs one more call, only when it happens. Every request stays
// under 2 MB, split if not.
import { formatNumber } from '../core/format.ts';
import { randomUUID } from 'node:crypto';
import type { sheets_v4 } from '@googleapis/sheets';
import { TAB } from '../../sheets-schema/index.ts';
import { formatDateTime, type Cell } from '../core/cells.ts';
import type { PlannedEmail, TabWrite } from '../core/snapshot.ts';
import { withSpreadsheetRows } from '../dashboard/index.ts';
import { quoteSheet, toLetters } from '../core/a1.ts';
import {
  SheetsError,
  type GridSize,
  type RowSpan,
  type SheetsGateway,
  type SheetsSnapshot,
  type ValueRangeWrite,
} from '../gateways/sheets.ts';
import type { Envelope, MailSender } from '../gateways/mail.ts';
import { CLAIM_COLUMNS, LOG_DETAIL_HEADER, LOG_LAYOUT, LOG_RUN_HEADER, resolveClaims, STATUS } from './mail-log.ts';
import type { JobPlan } from './plan.ts';
import { zoneWarning } from './sheet-zone.ts';
import { diffTab, tabExtent, type TabChange, type TabState } from './tab-diff.ts';

export interface ApplyContext {
  readonly sheets: SheetsGateway;
  readonly mail: MailSender;
  readonly envelope: Envelope;
  readonly now: Date;
  readonly timeZone: string;
  readonly dryRun: boolean;
  /**
   * Set on the day a coordinator starts a lost mail log afresh: every due email is recorded with this detail as
   * `Không gửi lại` and none is sent (functions/jobs/log-guard.ts).
   */
  readonly recordOnly?: string;
}

export interface ApplyResult {
  readonly planned: number;
  /** A dry run's due emails, for the caller to render; none after a real run. */
  readonly due: readonly PlannedEmail[];
  readonly sent: number;
  readonly failed: number;
  readonly alreadySent: number;
  readonly inDoubt: number;
  /** Due emails another overlapping run claimed first. */
  readonly lostClaims: number;
  /** Due emails whose claim could not be written (an append that failed part-way): the next run sends them. */
  readonly unclaimed: number;
  /** Tabs with at least one row written. */
  readonly tabsWritten: number;
  /** Why the run wrote and sent nothing, for people (the 10 million cell cap); absent when it went ahead. */
  readonly stopped?: string;
  /** Extra lines for people: the spreadsheet's zone, a claim append cut short. */
  readonly notes: readonly string[];
}

/**
 * Google Sheets holds at most 10 million cells per spreadsheet ("Up to 10 million cells or 18,278 columns", Files you
 * can store in Google Drive), counted over every sheet's grid, empty cells included; past it every grid change fails.
 */
export const CELL_CAP = 10_000_000;

/**
 * Tabs whose rows may be inserted and deleted in the middle, so a new response does not rewrite every row after it.
 * Not `Tổng hợp` (its charts are anchored to its rows) nor `Lịch sử` (a short table of weeks).
 */
const SHIFTABLE: ReadonlySet<string> = new Set([TAB.checks, TAB.progress, TAB.classification, TAB.awards]);

/** Spare rows a grown grid gets beyond what is needed, so it is not grown again on the next new response. */
function headroom(rows: number): number {
  return Math.max(100, Math.ceil(rows / 10));
}

/** A system tab's grid after this run, what the cell cap counts. */
interface TabSize {
  readonly tab: string;
  /** Grid after this run: undefined when it stays as it is. */
  readonly grid: GridSize | undefined;
  /** Rows of the grid once the row moves are done, before any resize. */
  readonly gridAfterMoves: number;
  /** Columns of the content, old or new. */
  readonly width: number;
}

/** What a run does to one system tab: its rows (moves, writes) and, when it changes, its grid. */
interface TabPlan extends TabSize {
  readonly change: TabChange;
  readonly sheetId: number | undefined;
}

/** The grid a tab should have for `change`, or undefined when the current one will do. */
function sizeGrid(
  change: Pick<TabChange, 'rows' | 'width'>,
  current: GridSize | undefined,
  gridAfterMoves: number,
  tab: string,
): GridSize | undefined {
  const need = Math.max(change.rows, 2);
  const target = need + headroom(need);
  if (!current) return { rows: target, columns: change.width };
  let rows = gridAfterMoves;
  // Grow to what is needed plus headroom; shrink a grid more than twice that (the rows past the content are empty:
  // the whole tab was read). Columns are the width of the content, old or new: nothing past them holds a value.
  if (rows < need || rows > 2 * target) rows = target;
  // `Tổng hợp`'s charts are anchored at its fifth column.
  const columns = tab === TAB.dashboard ? Math.max(change.width, 5) : change.width;
  if (rows === current.rows && columns === current.columns && gridAfterMoves === current.rows) return undefined;
  return { rows, columns };
}

function planTab(write: TabWrite, previous: TabState | undefined, layout: SheetLayout): TabPlan {
  const change = diffTab(write.rows, previous, { shift: SHIFTABLE.has(write.tab), stampRow: write.stampRow });
  const info = layout.sheets.find((s) => s.title === write.tab);
  let gridAfterMoves = info?.grid.rows ?? 0;
  for (const op of change.rowOps) gridAfterMoves += op.insert ? op.count : -op.count;
  const grid = sizeGrid(change, info?.grid, gridAfterMoves, write.tab);
  return { tab: write.tab, change, grid, gridAfterMoves, width: change.width, sheetId: info?.sheetId };
}

/**
 * The size of a tab whose rows never move (not SHIFTABLE), from its extent alone, without comparing its rows with the
 * sheet's: `Tổng hợp` (22,000 rows at 10,000 units) is sized so, before the figure of the cells it shows is known.
 */
function sizeTab(write: TabWrite, previous: TabState | undefined, layout: SheetLayout): TabSize {
  const extent = tabExtent(write.rows, previous);
  const current = layout.sheets.find((s) => s.title === write.tab)?.grid;
  const gridAfterMoves = current?.rows ?? 0;
  return { tab: write.tab, grid: sizeGrid(extent, current, gridAfterMoves, write.tab), gridAfterMoves, ...extent };
}

/** The blocks of a tab as value ranges, clipped to its final grid (a shrunk grid drops the rows past it). */
function blockRanges(plan: TabPlan, withStamp: boolean): ValueRangeWrite[] {
  if (plan.change.stampOnly && !withStamp) return [];
  const lastRow = plan.grid?.rows ?? plan.gridAfterMoves;
  const ranges: ValueRangeWrite[] = [];
  for (const block of plan.change.blocks) {
    const count = Math.min(block.rows.length, lastRow - block.first + 1);
    if (count <= 0) continue;
    const values = count === block.rows.length ? block.rows : block.rows.slice(0, count);
    ranges.push({
      range: `${quoteSheet(plan.tab)}!A${block.first}:${toLetters(plan.change.width - 1)}${block.first + count - 1}`,
      values,
    });
  }
  return ranges;
}

/**
 * spreadsheets.batchUpdate requests, in an order that never passes the cell cap on the way: Google checks it after
 * each request (a new row count is checked against the old column count), so columns are narrowed first, rows moved
 * (bottom-up) and counted next, and only then columns widened and missing tabs added.
 */
function structureRequests(
  plans: readonly TabPlan[],
  current: (tab: string) => GridSize | undefined,
): sheets_v4.Schema$Request[] {
  const resize = (sheetId: number, grid: { rowCount?: number; columnCount?: number }): sheets_v4.Schema$Request => ({
    updateSheetProperties: {
      properties: { sheetId, gridProperties: grid },
      fields: Object.keys(grid)
        .map((k) => `gridProperties.${k}`)
        .join(','),
    },
  });
  const narrow: sheets_v4.Schema$Request[] = [];
  const rows: sheets_v4.Schema$Request[] = [];
  const widen: sheets_v4.Schema$Request[] = [];
  const add: sheets_v4.Schema$Request[] = [];
  for (const p of plans) {
    if (p.sheetId === undefined) {
      add.push({
        addSheet: {
          properties: {
            title: p.tab,
            gridProperties: { rowCount: p.grid!.rows, columnCount: p.grid!.columns, frozenRowCount: 1 },
          },
        },
      });
      continue;
    }
    for (const op of p.change.rowOps) {
      const range = { sheetId: p.sheetId, dimension: 'ROWS', startIndex: op.at, endIndex: op.at + op.count };
      // Inserted rows take the format of the row above, unless that is the header.
      rows.push(
        op.insert ? { insertDimension: { range, inheritFromBefore: op.at > 1 } } : { deleteDimension: { range } },
      );
    }
    if (!p.grid) continue;
    const columns = current(p.tab)?.columns ?? p.grid.columns;
    if (p.grid.columns < columns) narrow.push(resize(p.sheetId, { columnCount: p.grid.columns }));
    if (p.grid.rows !== p.gridAfterMoves) rows.push(resize(p.sheetId, { rowCount: p.grid.rows }));
    if (p.grid.columns > columns) widen.push(resize(p.sheetId, { columnCount: p.grid.columns }));
  }
  return [...narrow, ...rows, ...widen, ...add];
}

/** Cells of the spreadsheet once this run is written: every sheet's grid, the ones it resizes at their new size. */
function cellsAfter(layout: SheetLayout, plans: readonly TabSize[], logRows: number, logColumns: number): number {
  const planned = new Map(
    plans.map((p) => [
      p.tab,
      p.grid ?? { rows: p.gridAfterMoves, columns: layout.grids.get(p.tab)?.columns ?? p.width },
    ]),
  );
  let cells = 0;
  for (const s of layout.sheets) {
    const grid = planned.get(s.title) ?? s.grid;
    cells += grid.rows * grid.columns;
    planned.delete(s.title);
  }
  for (const grid of planned.values()) cells += grid.rows * grid.columns;
  return cells + logRows * logColumns;
}

function capMessage(cells: number, layout: SheetLayout): string {
  const largest = [...layout.sheets]
    .sort((a, b) => b.grid.rows * b.grid.columns - a.grid.rows * a.grid.columns)
    .slice(0, 3)
    .map((s) => `'${s.title}' ${formatNumber(s.grid.rows)} hàng × ${formatNumber(s.grid.columns)} cột`)
    .join(', ');
  return (
    `Dừng: sau lượt chạy này bảng tính sẽ có ${formatNumber(cells)} ô, vượt giới hạn ${formatNumber(CELL_CAP)} ô của Google Trang tính, ` +
    `nên chưa ghi gì vào bảng tính và chưa gửi thư nào. Các trang lớn nhất: ${largest}. ` +
    'Hãy xóa các hàng, cột trống hoặc trang tính không dùng đến rồi chạy lại.'
  );
}

function recipientsText(email: PlannedEmail): string {
  return [...email.to, ...(email.cc ?? [])].map((r) => r.email).join(', ');
}

interface MailOutcome {
  readonly statusWrites: readonly ValueRangeWrite[];
  readonly sent: number;
  readonly failed: number;
  readonly unknown: number;
  readonly lostClaims: number;
  readonly unclaimed: number;
  readonly appendError?: SheetsError;
}

/**
 * Status (and detail) cells of our claim rows, one range per run of consecutive rows: a run's claims are appended
 * together, so 50,000 emails make one range, not 50,000.
 */
function statusRanges(
  updates: ReadonlyMap<number, readonly [string, string]>,
  statusCol: number,
  detailCol: number,
): ValueRangeWrite[] {
  const rows = [...updates.keys()].sort((a, b) => a - b);
  const ranges: ValueRangeWrite[] = [];
  for (let i = 0; i < rows.length;) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
    const block = rows.slice(i, j + 1).map((r) => updates.get(r)!);
    const span = (col: number) => `${quoteSheet(TAB.mailLog)}!${toLetters(col)}${rows[i]}:${toLetters(col)}${rows[j]}`;
    ranges.push({ range: span(statusCol), values: block.map(([status]) => [status]) });
    if (detailCol >= 0 && block.some(([, detail]) => detail !== ''))
      ranges.push({ range: span(detailCol), values: block.map(([, detail]) => [detail]) });
    i = j + 1;
  }
  return ranges;
}

/**
 * Appends one claim row per due email (under a header row when the log is new), in as many requests as 2 MB allows;
 * returns where our rows landed. Each claim row carries the run id, so our rows are known whatever lands between two
 * requests; a request that failed after some went through is reported as `error`, with the spans written before it.
 */
async function appendClaims(
  ctx: ApplyContext,
  due: readonly PlannedEmail[],
  headers: readonly string[],
  withHeader: boolean,
  runId: string,
  status: string = STATUS.claimed,
  detail = '',
): Promise<{ spans: readonly RowSpan[]; error?: SheetsError }> {
  const col = (h: string) => headers.indexOf(h);
  // Text, like `Dấu thời gian` in `Kiểm tra`: readable whatever format the column has.
  const when = formatDateTime(ctx.now, ctx.timeZone);
  const rows = due.map((email): Cell[] => {
    const row = new Array<Cell>(headers.length).fill('');
    row[col('Khóa')] = email.key;
    row[col('Mẫu thư')] = email.template;
    row[col('Người nhận')] = recipientsText(email);
    row[col('Thời điểm')] = when;
    row[col('Trạng thái')] = status;
    if (detail !== '' && col(LOG_DETAIL_HEADER) >= 0) row[col(LOG_DETAIL_HEADER)] = detail;
    if (col(LOG_RUN_HEADER) >= 0) row[col(LOG_RUN_HEADER)] = runId;
    return row;
  });
  try {
    const spans = await ctx.sheets.appendRows(TAB.mailLog, withHeader ? [[...headers], ...rows] : rows);
    return { spans: withHeader ? withoutHeader(spans) : spans };
  } catch (error) {
    // Nothing written: as before, the run stops here and sends nothing.
    if (!(error instanceof SheetsError) || error.appended.length === 0) throw error;
    return { spans: withHeader ? withoutHeader(error.appended) : error.appended, error };
  }
}

function withoutHeader(spans: readonly RowSpan[]): RowSpan[] {
  return spans.map((s, i) => (i === 0 ? { first: s.first + 1, count: s.count - 1 } : s));
}

/**
 * The emails to send, one by one, each taken out of `emails` as it is handed over: a first run's receipts hold every
 * response row of the year, and the mail gateway lets each go once its request is out. Measured at 10,000 units with
 * the deployed heap (1/12): handed over as a filtered array instead, the send phase stays at 255–266 MiB instead of
 * falling to 174 MiB, at the budget's edge (README, Performance).
 */
function* drain(
  emails: PlannedEmail[],
  send: (email: PlannedEmail, position: number) => boolean,
): Generator<PlannedEmail> {
  emails.reverse();
  for (let position = 0, email = emails.pop(); email; email = emails.pop(), position++)
    if (send(email, position)) yield email;
}

/** Claim the due emails in the mail log, send those this run won (emptying `due`), and return the status cells. */
async function claimAndSend(
  ctx: ApplyContext,
  due: PlannedEmail[],
  headers: readonly string[],
  withHeader: boolean,
): Promise<MailOutcome> {
  const col = (h: string) => headers.indexOf(h);
  const runId = randomUUID();
  const keys = due.map((e) => e.key);
  const appended = await appendClaims(ctx, due, headers, withHeader, runId);
  // Without a run column (an older log), our rows are the ones the append requests reported.
  const isOwn = headers.includes(LOG_RUN_HEADER)
    ? (_: number, run: Cell | undefined) => run === runId
    : (rowNumber: number) => appended.spans.some((s) => rowNumber >= s.first && rowNumber < s.first + s.count);
  // The winner of each key is its first holding row in sheet order, whichever request wrote it: a split append keeps
  // exactly-once. Keys whose part never landed have no row of ours and are simply not sent by this run.
  const claims = resolveClaims(await ctx.sheets.readColumns(TAB.mailLog, CLAIM_COLUMNS), keys, isOwn);
  // `keys` lists the emails in the order of `due`, so an email's claim is at its own position in `claims.won`.
  const results = await ctx.mail.send(
    drain(due, (_, position) => claims.won[position] !== 0),
    ctx.envelope,
  );

  const counts = { sent: 0, failed: 0, unknown: 0, lostClaims: 0, unclaimed: claims.unclaimed };
  const updates = new Map<number, readonly [status: string, detail: string]>();
  const write = (row: number, status: string, detail: string) => updates.set(row, [status, detail]);
  for (const row of claims.beaten) write(row, STATUS.skipped, 'Một lượt chạy khác đã nhận gửi thư này.');
  for (const row of claims.copies) write(row, STATUS.skipped, 'Bản ghi lặp do yêu cầu ghi nhật ký được gửi lại.');
  keys.forEach((key, i) => {
    const row = claims.won[i];
    // Not won: another run holds it first, or (an append cut short) no row of ours holds it.
    if (row === 0) return void counts.lostClaims++;
    const result = results.get(key) ?? { status: 'failed', error: 'Không có kết quả gửi.' };
    if (result.status === 'sent') {
      counts.sent++;
      write(row, STATUS.sent, '');
    } else if (result.status === 'unknown') {
      // SendGrid may have accepted it: keep the claim, so no run resends it unless a coordinator asks.
      counts.unknown++;
      write(
        row,
        STATUS.claimed,
        `Chưa rõ SendGrid đã nhận thư hay chưa (${result.error}); hệ thống không tự gửi lại. Nếu đơn vị chưa nhận được, sửa Trạng thái thành "Gửi lại".`,
      );
    } else {
      counts.failed++;
      write(row, STATUS.failed, result.error);
    }
  });
  counts.lostClaims -= claims.unclaimed;
  return {
    statusWrites: statusRanges(updates, col('Trạng thái'), col(LOG_DETAIL_HEADER)),
    ...counts,
    appendError: appended.error,
  };
}

/** What the claims, the sends and the mail log need once the system tabs are written. */
export interface Mailing {
  readonly planned: number;
  /** The plan's due emails, in an array of apply's own, which a real run empties as it sends. */
  readonly due: PlannedEmail[];
  readonly alreadySent: number;
  readonly inDoubt: number;
  readonly tabsWritten: number;
  readonly logHeaders: readonly string[];
  readonly headers: readonly string[];
  readonly stopped?: string;
  readonly notes: readonly string[];
}

/** Everything apply needs from the snapshot and the plan, so both can be let go before the writes and the sends. */
export interface Prepared extends Mailing {
  /** The rows of system tabs that differ from what the sheet holds (the plan's own rows, encoded as they are sent). */
  readonly tabs: readonly ValueRangeWrite[];
  readonly structure: readonly sheets_v4.Schema$Request[];
}

/** What apply needs of the snapshot: every sheet's grid, the spreadsheet's zone and the mail log's header row. */
export interface SheetLayout extends Pick<SheetsSnapshot, 'sheets' | 'grids' | 'timeZone'> {
  readonly logHeaders: readonly string[];
}

export function sheetLayout(snapshot: SheetsSnapshot): SheetLayout {
  const { sheets, grids, timeZone } = snapshot;
  return { sheets, grids, timeZone, logHeaders: (snapshot.tabs.get(TAB.mailLog)?.[0] ?? []).map(String) };
}

/**
 * Takes the layout rather than the snapshot, so a caller can let the snapshot's tabs go before the system tabs are
 * compared with the plan's (a sweep's 100,000 rows fingerprinted again).
 */
export function prepareApply(
  ctx: Pick<ApplyContext, 'now' | 'timeZone' | 'dryRun'>,
  layout: SheetLayout,
  plan: JobPlan,
  previous: ReadonlyMap<string, TabState>,
): Prepared {
  const { emails: due, alreadySent, inDoubt } = plan;
  const { logHeaders } = layout;
  const headers = logHeaders.length > 0 ? logHeaders : LOG_LAYOUT;
  const zone = zoneWarning(layout.timeZone, ctx.timeZone, ctx.now);
  const notes = zone ? [zone] : [];
  const base = {
    planned: due.length + alreadySent + inDoubt,
    due: [...due],
    alreadySent,
    inDoubt,
    logHeaders,
    headers,
    notes,
  };
  if (ctx.dryRun) return { ...base, tabs: [], tabsWritten: 0, structure: [] };

  const plans: TabPlan[] = [];
  let dashboard: TabWrite | undefined;
  for (const w of plan.writes) {
    if (w.tab === TAB.dashboard) dashboard = w;
    else plans.push(planTab(w, previous.get(w.tab), layout));
  }
  // The claims are appended below the log's rows (INSERT_ROWS), which adds as many rows to its grid.
  const log = layout.sheets.find((s) => s.title === TAB.mailLog);
  const addLog = due.length > 0 && !log;
  const logRows = due.length > 0 ? due.length + (logHeaders.length === 0 ? 1 : 0) : 0;
  const logColumns = log?.grid.columns ?? headers.length;
  const cellsWith = (extra: readonly TabSize[]) =>
    cellsAfter(layout, [...plans, ...extra], logRows + (addLog ? 1 : 0), logColumns);
  let cells = cellsWith([]);
  if (dashboard) {
    // The figure does not change the dashboard's size, so it is sized with any figure, then compared with the sheet.
    const figures = (n: number) => ({ cells: n, cap: CELL_CAP, timeZone: layout.timeZone, warning: zone });
    cells = cellsWith([sizeTab(withSpreadsheetRows(dashboard, figures(0)), previous.get(TAB.dashboard), layout)]);
    plans.push(planTab(withSpreadsheetRows(dashboard, figures(cells)), previous.get(TAB.dashboard), layout));
  }
  if (cells > CELL_CAP) return { ...base, tabs: [], tabsWritten: 0, structure: [], stopped: capMessage(cells, layout) };

  // `Cập nhật lúc` alone is no change: an idle sweep writes nothing.
  const changed = plans.some(
    (p) => p.grid !== undefined || p.change.rowOps.length > 0 || (p.change.blocks.length > 0 && !p.change.stampOnly),
  );
  const ranges: ValueRangeWrite[] = [];
  let tabsWritten = 0;
  for (const p of plans) {
    const own = blockRanges(p, changed);
    if (own.length > 0 || p.change.rowOps.length > 0) tabsWritten++;
    ranges.push(...own);
  }
  const structure = structureRequests(plans, (tab) => layout.sheets.find((x) => x.title === tab)?.grid);
  if (addLog) {
    structure.push({
      addSheet: {
        properties: {
          title: TAB.mailLog,
          gridProperties: { rowCount: 1, columnCount: headers.length, frozenRowCount: 1 },
        },
      },
    });
  }
  return { ...base, tabs: ranges, tabsWritten, structure };
}

/** `previous` holds the system tabs as the sheet has them (TabState): only the rows that differ are written. */
export async function applyPlan(
  ctx: ApplyContext,
  snapshot: SheetsSnapshot,
  plan: JobPlan,
  previous: ReadonlyMap<string, TabState>,
): Promise<ApplyResult> {
  return applyPrepared(ctx, prepareApply(ctx, sheetLayout(snapshot), plan, previous));
}

export async function applyPrepared(ctx: ApplyContext, prepared: Prepared): Promise<ApplyResult> {
  return sendPrepared(ctx, await writeTabs(ctx, prepared));
}

/**
 * Writes the system tabs (their grids first) and returns what is left to do: their rows, at a first run of 10,000
 * units 100,000 of them and 20 MB once encoded, are let go before the claims are appended and the emails sent.
 */
export async function writeTabs(ctx: ApplyContext, prepared: Prepared): Promise<Mailing> {
  const { tabs, structure, ...mailing } = prepared;
  if (ctx.dryRun || prepared.stopped) return mailing;
  if (structure.length > 0) await ctx.sheets.batchUpdate(structure);
  await ctx.sheets.writeValues(tabs);
  return mailing;
}

/** Claims the due emails, sends those this run won and writes their statuses in the mail log. */
export async function sendPrepared(ctx: ApplyContext, mailing: Mailing): Promise<ApplyResult> {
  const { planned, due, alreadySent, inDoubt, notes, stopped, tabsWritten, headers, logHeaders } = mailing;
  const nothing = { sent: 0, failed: 0, lostClaims: 0, unclaimed: 0, tabsWritten: 0, notes };
  if (ctx.dryRun) return { planned, due, alreadySent, inDoubt, ...nothing };
  if (stopped) return { planned, due: [], alreadySent, inDoubt, ...nothing, stopped };

  if (ctx.recordOnly !== undefined && due.length > 0) {
    // A log started afresh: what is due now belongs to the lost log's time, so it is recorded, not sent.
    await appendClaims(ctx, due, headers, logHeaders.length === 0, randomUUID(), STATUS.notResent, ctx.recordOnly);
  }
  const mail =
    ctx.recordOnly === undefined && due.length > 0
      ? await claimAndSend(ctx, due, headers, logHeaders.length === 0)
      : undefined;
  if (mail) await ctx.sheets.writeValues(mail.statusWrites);
  const cut = mail?.appendError
    ? [
        `Ghi nhật ký thư bị gián đoạn (${mail.appendError.message}): ${mail.unclaimed} thư chưa được nhận gửi, lượt chạy sau sẽ gửi.`,
      ]
    : [];
  return {
    planned,
    due: [],
    alreadySent,
    inDoubt: inDoubt + (mail?.unknown ?? 0),
    sent: mail?.sent ?? 0,
    failed: mail?.failed ?? 0,
    lostClaims: mail?.lostClaims ?? 0,
    unclaimed: mail?.unclaimed ?? 0,
    tabsWritten,
    notes: [...notes, ...cut],
  };
}
