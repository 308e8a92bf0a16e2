// Applies a plan: claim due emails in the mail log, send the ones we won, then write system tabs and statuses at once.
// Sheets calls per run: the snapshot read, plus (only with emails) one append and one re-read, plus one final write;
// growing a grid or adding a missing system tab costs one more call, only when it happens.
import { randomUUID } from 'node:crypto';
import type { sheets_v4 } from '@googleapis/sheets';
import { TAB } from '../../sheets-schema/index.ts';
import { formatDateTime, type Cell } from '../core/cells.ts';
import type { PlannedEmail, Recipient, TabWrite } from '../core/snapshot.ts';
import { columnLetters, quoteSheet, type GridSize, type SheetsGateway, type SheetsSnapshot, type ValueRangeWrite } from '../gateways/sheets.ts';
import { dueEmails, LOG_DETAIL_HEADER, LOG_HEADERS, LOG_RUN_HEADER, resolveClaims, STATUS } from './mail-log.ts';
import type { JobPlan } from './plan.ts';

export type SendResult = { status: 'sent' } | { status: 'failed' | 'unknown'; error: string };

/** The narrow face of the mail gateway the apply step needs. */
export interface MailSender {
  send(
    emails: readonly PlannedEmail[],
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
  /** The emails the mail log did not hold yet: sent (or, in a dry run, only rendered by the caller). */
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

/** The range a whole-tab rewrite covers: the new content or the old one, whichever is larger, so old rows are blanked. */
function rewrite(write: TabWrite, old: GridSize): ValueRangeWrite {
  const rows = Math.max(write.rows.length, old.rows, 1);
  let columns = Math.max(1, old.columns);
  for (const row of write.rows) columns = Math.max(columns, row.length);
  const values: Cell[][] = [];
  for (let r = 0; r < rows; r++) {
    const source = write.rows[r] ?? [];
    const row: Cell[] = new Array(columns);
    for (let c = 0; c < columns; c++) row[c] = source[c] ?? '';
    values.push(row);
  }
  return { range: `${quoteSheet(write.tab)}!A1:${columnLetters(columns)}${rows}`, values };
}

function needed(range: ValueRangeWrite): GridSize {
  return { rows: range.values.length, columns: range.values[0]?.length ?? 1 };
}

/** Tabs to add, and grids too small for what we are about to write. */
function structureNeeds(snapshot: SheetsSnapshot, wants: ReadonlyMap<string, GridSize>): { add: [string, GridSize][]; grow: [string, GridSize][] } {
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
async function ensureStructure(sheets: SheetsGateway, snapshot: SheetsSnapshot, wants: ReadonlyMap<string, GridSize>): Promise<void> {
  const { add, grow } = structureNeeds(snapshot, wants);
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

/** Claim the due emails in the mail log, send those this run won, and return the status cells to write. */
async function claimAndSend(ctx: ApplyContext, due: readonly PlannedEmail[], headers: readonly string[], withHeader: boolean): Promise<MailOutcome> {
  const col = (h: string) => headers.indexOf(h);
  const runId = randomUUID();
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
  const appendedAt = (await ctx.sheets.appendRows(TAB.mailLog, withHeader ? [[...headers], ...rows] : rows)) + (withHeader ? 1 : 0);
  // Without a run column (an older log), our rows are the ones this append reported.
  const runCol = col(LOG_RUN_HEADER);
  const isOwn =
    runCol >= 0
      ? (_: number, row: readonly Cell[]) => row[runCol] === runId
      : (rowNumber: number) => rowNumber >= appendedAt && rowNumber < appendedAt + due.length;
  const claims = resolveClaims(await ctx.sheets.readTab(TAB.mailLog), due.map((e) => e.key), isOwn);
  const won = due.filter((e) => claims.get(e.key)?.won);
  const results = won.length > 0 ? await ctx.mail.send(won, ctx.envelope) : new Map<string, SendResult>();

  const counts = { sent: 0, failed: 0, unknown: 0, lostClaims: 0 };
  const updates = new Map<number, readonly [status: string, detail: string]>();
  const write = (row: number, status: string, detail: string) => updates.set(row, [status, detail]);
  for (const email of due) {
    const claim = claims.get(email.key) ?? { won: false, rows: [] };
    if (!claim.won) {
      counts.lostClaims++;
      for (const row of claim.rows) write(row, STATUS.skipped, 'Một lượt chạy khác đã nhận gửi thư này.');
      continue;
    }
    const [first, ...copies] = claim.rows;
    for (const row of copies) write(row, STATUS.skipped, 'Bản ghi lặp do yêu cầu ghi nhật ký được gửi lại.');
    const result = results.get(email.key) ?? { status: 'failed', error: 'Không có kết quả gửi.' };
    if (result.status === 'sent') {
      counts.sent++;
      write(first, STATUS.sent, '');
    } else if (result.status === 'unknown') {
      // SendGrid may have accepted it: keep the claim, so no run resends it unless a coordinator asks.
      counts.unknown++;
      write(
        first,
        STATUS.claimed,
        `Chưa rõ SendGrid đã nhận thư hay chưa (${result.error}); hệ thống không tự gửi lại. Nếu đơn vị chưa nhận được, sửa Trạng thái thành "Gửi lại".`,
      );
    } else {
      counts.failed++;
      write(first, STATUS.failed, result.error);
    }
  }
  return { statusWrites: statusRanges(updates, col('Trạng thái'), col(LOG_DETAIL_HEADER)), ...counts };
}

export async function applyPlan(ctx: ApplyContext, snapshot: SheetsSnapshot, plan: JobPlan): Promise<ApplyResult> {
  const { due, alreadySent, inDoubt } = dueEmails(snapshot, plan.emails);
  const base = { planned: plan.emails.length, due, alreadySent };
  if (ctx.dryRun) return { ...base, inDoubt, sent: 0, failed: 0, lostClaims: 0, tabsWritten: 0 };

  const tabWrites = plan.writes.map((w) => rewrite(w, inUse(snapshot, w.tab)));
  const wants = new Map<string, GridSize>();
  plan.writes.forEach((w, i) => wants.set(w.tab, needed(tabWrites[i])));

  const logValues = snapshot.tabs.get(TAB.mailLog) ?? [];
  const logHeaders = (logValues[0] ?? []).map(String);
  const headers = logHeaders.length > 0 ? logHeaders : [...LOG_HEADERS, LOG_DETAIL_HEADER, LOG_RUN_HEADER];
  if (due.length > 0) {
    wants.set(TAB.mailLog, { rows: Math.max(logValues.length, 1) + due.length, columns: headers.length });
  }
  await ensureStructure(ctx.sheets, snapshot, wants);

  const mail = due.length > 0 ? await claimAndSend(ctx, due, headers, logHeaders.length === 0) : undefined;
  await ctx.sheets.writeValues([...tabWrites, ...(mail?.statusWrites ?? [])]);
  return {
    ...base,
    inDoubt: inDoubt + (mail?.unknown ?? 0),
    sent: mail?.sent ?? 0,
    failed: mail?.failed ?? 0,
    lostClaims: mail?.lostClaims ?? 0,
    tabsWritten: tabWrites.length,
  };
}
