// Applies a plan: claim due emails in the mail log, send the ones we won, then write system tabs and statuses at once.
// Sheets calls per run: the snapshot read, plus (only with emails) one append and one re-read, plus one final write;
// growing a grid or adding a missing system tab costs one more call, only when it happens.
import { randomUUID } from 'node:crypto';
import type { sheets_v4 } from '@googleapis/sheets';
import { TAB } from '../../sheets-schema/index.ts';
import { formatDateTime, type Cell } from '../core/cells.ts';
import type { PlannedEmail, Recipient, TabWrite } from '../core/snapshot.ts';
import { columnLetters, EncodedRanges, quoteSheet, type GridSize, type SheetsGateway, type SheetsSnapshot, type ValueRangeWrite } from '../gateways/sheets.ts';
import { CLAIM_COLUMNS, LOG_DETAIL_HEADER, LOG_HEADERS, LOG_RUN_HEADER, resolveClaims, STATUS } from './mail-log.ts';
import type { JobPlan } from './plan.ts';

export type SendResult = { status: 'sent' } | { status: 'failed' | 'unknown'; error: string };

/** The narrow face of the mail gateway the apply step needs. */
export interface MailSender {
  send(
    emails: Iterable<PlannedEmail>,
    envelope: { from: Recipient; replyTo?: Recipient; categories: string[] },
  ): Promise<ReadonlyMap<string, SendResult>>;
}

export interface ApplyContext {
  readonly sheets: SheetsGateway;
  readonly mail: MailSender;
  readonly envelope: { from: Recipient; replyTo?: Recipient; categories: string[] };
  readonly now: Date;
  readonly timeZone: string;
  readonly dryRun: boolean;
}

export interface ApplyResult {
  readonly planned: number;
  /**
   * A dry run's due emails, for the caller to render. A real run hands each email to the mail gateway and lets it go
   * once sent, so it returns none here: at 50,000 receipts they hold every answer of the year.
   */
  readonly due: readonly PlannedEmail[];
  readonly sent: number;
  readonly failed: number;
  readonly alreadySent: number;
  readonly inDoubt: number;
  /** Due emails another overlapping run claimed first. */
  readonly lostClaims: number;
  readonly tabsWritten: number;
}

const MIN_GRID = { rows: 1000, columns: 26 };

/** How much of a tab is in use: from its values when read whole, else from its read extent. */
function inUse(snapshot: SheetsSnapshot, tab: string): GridSize {
  const values = snapshot.tabs.get(tab);
  if (!values) return snapshot.extents.get(tab) ?? { rows: 0, columns: 0 };
  let columns = 0;
  for (const row of values) columns = Math.max(columns, row.length);
  return { rows: values.length, columns };
}

/** A row the write can use as it is: full width, no holes (the Sheets API would read `null` as "leave unchanged"). */
function isFull(row: readonly Cell[] | undefined, columns: number): row is readonly Cell[] {
  if (!row || row.length !== columns) return false;
  for (let c = 0; c < columns; c++) if (row[c] === undefined || row[c] === null) return false;
  return true;
}

/** The range a whole-tab rewrite covers: the new content or the old one, whichever is larger, so old rows are blanked. */
function rewrite(write: TabWrite, old: GridSize): ValueRangeWrite {
  const rows = Math.max(write.rows.length, old.rows, 1);
  let columns = Math.max(1, old.columns);
  for (const row of write.rows) columns = Math.max(columns, row.length);
  // Only short rows are copied; the blank rows past the new content all share one array.
  const blank: readonly Cell[] = new Array<Cell>(columns).fill('');
  const values: (readonly Cell[])[] = new Array(rows);
  for (let r = 0; r < rows; r++) {
    const source = write.rows[r];
    if (source === undefined || source.length === 0) values[r] = blank;
    else if (isFull(source, columns)) values[r] = source;
    else {
      const row: Cell[] = new Array(columns);
      for (let c = 0; c < columns; c++) row[c] = source[c] ?? '';
      values[r] = row;
    }
  }
  return { range: `${quoteSheet(write.tab)}!A1:${columnLetters(columns)}${rows}`, values };
}

function needed(range: ValueRangeWrite): GridSize {
  return { rows: range.values.length, columns: range.values[0]?.length ?? 1 };
}

type StructureNeeds = { add: [string, GridSize][]; grow: [string, GridSize][] };

/** Tabs to add, and grids too small for what we are about to write. */
function structureNeeds(snapshot: SheetsSnapshot, wants: ReadonlyMap<string, GridSize>): StructureNeeds {
  const add: [string, GridSize][] = [];
  const grow: [string, GridSize][] = [];
  for (const [tab, want] of wants) {
    const grid = snapshot.grids.get(tab);
    if (!snapshot.tabs.has(tab) && !snapshot.extents.has(tab)) add.push([tab, want]);
    else if (grid && (grid.rows < want.rows || grid.columns < want.columns)) grow.push([tab, { rows: Math.max(grid.rows, want.rows * 2), columns: Math.max(grid.columns, want.columns) }]);
  }
  return { add, grow };
}

/** One batchUpdate that adds missing tabs and grows grids (twice what is needed, so it rarely happens again). */
async function ensureStructure(sheets: SheetsGateway, { add, grow }: StructureNeeds): Promise<void> {
  if (add.length + grow.length === 0) return;
  // Growing needs sheet ids, which the values read does not return; only then is the sheet list fetched.
  const ids = grow.length > 0 ? new Map((await sheets.listSheets()).map((s) => [s.title, s.sheetId])) : new Map<string, number>();
  const requests: sheets_v4.Schema$Request[] = [
    ...add.map(([title, want]) => ({
      addSheet: {
        properties: {
          title,
          gridProperties: { rowCount: Math.max(MIN_GRID.rows, want.rows * 2), columnCount: Math.max(MIN_GRID.columns, want.columns), frozenRowCount: 1 },
        },
      },
    })),
    ...grow.map(([tab, size]) => ({
      updateSheetProperties: {
        properties: { sheetId: ids.get(tab), gridProperties: { rowCount: size.rows, columnCount: size.columns } },
        fields: 'gridProperties.rowCount,gridProperties.columnCount',
      },
    })),
  ];
  await sheets.batchUpdate(requests);
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
}

/**
 * Status (and detail) cells of our claim rows, one range per run of consecutive rows: a run's claims are appended
 * together, so 50,000 emails make one range, not 50,000.
 */
function statusRanges(updates: ReadonlyMap<number, readonly [string, string]>, statusCol: number, detailCol: number): ValueRangeWrite[] {
  const rows = [...updates.keys()].sort((a, b) => a - b);
  const ranges: ValueRangeWrite[] = [];
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
    const block = rows.slice(i, j + 1).map((r) => updates.get(r)!);
    const span = (col: number) => `${quoteSheet(TAB.mailLog)}!${columnLetters(col + 1)}${rows[i]}:${columnLetters(col + 1)}${rows[j]}`;
    ranges.push({ range: span(statusCol), values: block.map(([status]) => [status]) });
    if (detailCol >= 0 && block.some(([, detail]) => detail !== '')) ranges.push({ range: span(detailCol), values: block.map(([, detail]) => [detail]) });
    i = j + 1;
  }
  return ranges;
}

/** Appends one claim row per due email (under a header row when the log is new); returns the first claim's row. */
async function appendClaims(ctx: ApplyContext, due: readonly PlannedEmail[], headers: readonly string[], withHeader: boolean, runId: string): Promise<number> {
  const col = (h: string) => headers.indexOf(h);
  // Text, like `Dấu thời gian` in `Kiểm tra`: readable whatever format the column has.
  const when = formatDateTime(ctx.now, ctx.timeZone);
  const rows = due.map((email): Cell[] => {
    const row: Cell[] = new Array(headers.length).fill('');
    row[col('Khóa')] = email.key;
    row[col('Mẫu thư')] = email.template;
    row[col('Người nhận')] = recipientsText(email);
    row[col('Thời điểm')] = when;
    row[col('Trạng thái')] = STATUS.claimed;
    if (col(LOG_RUN_HEADER) >= 0) row[col(LOG_RUN_HEADER)] = runId;
    return row;
  });
  return (await ctx.sheets.appendRows(TAB.mailLog, withHeader ? [[...headers], ...rows] : rows)) + (withHeader ? 1 : 0);
}

/** The emails at `won` rows, each slot of `due` emptied as its email is taken, so a sent email can be freed. */
function* handOver(due: (PlannedEmail | undefined)[], won: Int32Array): Generator<PlannedEmail> {
  for (let i = 0; i < due.length; i++) {
    const email = due[i];
    due[i] = undefined;
    if (email && won[i] !== 0) yield email;
  }
}

/**
 * Claim the due emails in the mail log, send those this run won, and return the status cells to write. Takes the
 * emails over: every slot of `due` is cleared by the time it returns.
 */
async function claimAndSend(ctx: ApplyContext, due: (PlannedEmail | undefined)[], headers: readonly string[], withHeader: boolean): Promise<MailOutcome> {
  const col = (h: string) => headers.indexOf(h);
  const runId = randomUUID();
  const keys = due.map((e) => e!.key);
  // The claim rows live only inside appendClaims, and the log read back only inside resolveClaims: neither is held
  // while the emails are sent.
  const appendedAt = await appendClaims(ctx, due as PlannedEmail[], headers, withHeader, runId);
  // Without a run column (an older log), our rows are the ones this append reported.
  const isOwn = headers.includes(LOG_RUN_HEADER)
    ? (_: number, run: Cell | undefined) => run === runId
    : (rowNumber: number) => rowNumber >= appendedAt && rowNumber < appendedAt + keys.length;
  const claims = resolveClaims(await ctx.sheets.readColumns(TAB.mailLog, CLAIM_COLUMNS), keys, isOwn);
  // A first run's receipts hold every answer of the year: the gateway takes them one by one and each is let go once
  // its request is sent, instead of all 50,000 living until the last request.
  const results = claims.won.some((row) => row !== 0) ? await ctx.mail.send(handOver(due, claims.won), ctx.envelope) : new Map<string, SendResult>();

  const counts = { sent: 0, failed: 0, unknown: 0, lostClaims: 0 };
  const updates = new Map<number, readonly [status: string, detail: string]>();
  const write = (row: number, status: string, detail: string) => updates.set(row, [status, detail]);
  for (const row of claims.beaten) write(row, STATUS.skipped, 'Một lượt chạy khác đã nhận gửi thư này.');
  for (const row of claims.copies) write(row, STATUS.skipped, 'Bản ghi lặp do yêu cầu ghi nhật ký được gửi lại.');
  keys.forEach((key, i) => {
    const row = claims.won[i]!;
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
  return { statusWrites: statusRanges(updates, col('Trạng thái'), col(LOG_DETAIL_HEADER)), ...counts };
}

/** Everything apply needs from the snapshot and the plan, so both can be let go before the sends and the writes. */
interface Prepared {
  readonly planned: number;
  /** The plan's due emails, in an array of apply's own, which a real run empties as it sends. */
  readonly due: (PlannedEmail | undefined)[];
  readonly alreadySent: number;
  readonly inDoubt: number;
  readonly tabs: EncodedRanges;
  readonly structure: StructureNeeds;
  readonly logHeaders: readonly string[];
  readonly headers: readonly string[];
}

function prepare(snapshot: SheetsSnapshot, plan: JobPlan, dryRun: boolean): Prepared {
  const { emails: due, alreadySent, inDoubt } = plan;
  const logValues = snapshot.tabs.get(TAB.mailLog) ?? [];
  const logHeaders = (logValues[0] ?? []).map(String);
  const headers = logHeaders.length > 0 ? logHeaders : [...LOG_HEADERS, LOG_DETAIL_HEADER, LOG_RUN_HEADER];
  const base = { planned: due.length + alreadySent + inDoubt, due: [...due], alreadySent, inDoubt, logHeaders, headers };
  if (dryRun) return { ...base, tabs: EncodedRanges.of([]), structure: { add: [], grow: [] } };

  const wants = new Map<string, GridSize>();
  const tabWrites = plan.writes.map((w) => {
    const range = rewrite(w, inUse(snapshot, w.tab));
    wants.set(w.tab, needed(range));
    return range;
  });
  if (due.length > 0) wants.set(TAB.mailLog, { rows: Math.max(logValues.length, 1) + due.length, columns: headers.length });
  return { ...base, tabs: EncodedRanges.of(tabWrites), structure: structureNeeds(snapshot, wants) };
}

/**
 * Not async on purpose: the snapshot and the plan are read here, synchronously, and not held by the promise, so a
 * caller that lets go of them too frees them for the sends and the final write.
 */
export function applyPlan(ctx: ApplyContext, snapshot: SheetsSnapshot, plan: JobPlan): Promise<ApplyResult> {
  try {
    return applyPrepared(ctx, prepare(snapshot, plan, ctx.dryRun));
  } catch (error) {
    return Promise.reject(error);
  }
}

async function applyPrepared(ctx: ApplyContext, prepared: Prepared): Promise<ApplyResult> {
  const { planned, due, alreadySent, inDoubt } = prepared;
  if (ctx.dryRun) return { planned, due: due as PlannedEmail[], alreadySent, inDoubt, sent: 0, failed: 0, lostClaims: 0, tabsWritten: 0 };
  const base = { planned, due: [], alreadySent };

  await ensureStructure(ctx.sheets, prepared.structure);
  const mail = due.length > 0 ? await claimAndSend(ctx, due, prepared.headers, prepared.logHeaders.length === 0) : undefined;
  await ctx.sheets.writeValues([prepared.tabs, ...(mail?.statusWrites ?? [])]);
  return {
    ...base,
    inDoubt: inDoubt + (mail?.unknown ?? 0),
    sent: mail?.sent ?? 0,
    failed: mail?.failed ?? 0,
    lostClaims: mail?.lostClaims ?? 0,
    tabsWritten: prepared.tabs.count,
  };
}
