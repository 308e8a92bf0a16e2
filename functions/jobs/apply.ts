// Applies a plan: claim due emails in the mail log, send the ones we won, then write system tabs and statuses at once.
// Sheets calls per run: the snapshot read, plus (only with emails) one append and one re-read, plus one final write;
// growing a grid or adding a missing system tab costs one more call, only when it happens.
import type { sheets_v4 } from '@googleapis/sheets';
import { TAB } from '../../sheets-schema/index.ts';
import { dateToSerial, type Cell } from '../core/cells.ts';
import type { PlannedEmail, Recipient, TabWrite } from '../core/snapshot.ts';
import { columnLetters, quoteSheet, type GridSize, type SheetsGateway, type SheetsSnapshot, type ValueRangeWrite } from '../gateways/sheets.ts';
import { claimWinners, dueEmails, LOG_DETAIL_HEADER, LOG_HEADERS, STATUS } from './mail-log.ts';
import type { JobPlan } from './plan.ts';

export type SendResult = { status: 'sent' } | { status: 'failed'; error: string };

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

/** The range a whole-tab rewrite covers: the new content or the old one, whichever is larger, so old rows are blanked. */
function rewrite(write: TabWrite, old: readonly (readonly Cell[])[]): ValueRangeWrite {
  const rows = Math.max(write.rows.length, old.length, 1);
  const columns = Math.max(1, ...write.rows.map((r) => r.length), ...old.map((r) => r.length));
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

/** Requests that add missing tabs and grow grids that are too small for what we are about to write. */
function structureRequests(
  snapshot: SheetsSnapshot,
  sheetIds: ReadonlyMap<string, number>,
  wants: ReadonlyMap<string, GridSize>,
): sheets_v4.Schema$Request[] {
  const requests: sheets_v4.Schema$Request[] = [];
  for (const [tab, want] of wants) {
    const grid = snapshot.grids.get(tab);
    if (!snapshot.tabs.has(tab)) {
      requests.push({
        addSheet: {
          properties: {
            title: tab,
            gridProperties: { rowCount: Math.max(MIN_GRID.rows, want.rows * 2), columnCount: Math.max(MIN_GRID.columns, want.columns), frozenRowCount: 1 },
          },
        },
      });
    } else if (grid && (grid.rows < want.rows || grid.columns < want.columns)) {
      const sheetId = sheetIds.get(tab);
      if (sheetId === undefined) continue;
      requests.push({
        updateSheetProperties: {
          properties: {
            sheetId,
            gridProperties: { rowCount: Math.max(grid.rows, want.rows * 2), columnCount: Math.max(grid.columns, want.columns) },
          },
          fields: 'gridProperties.rowCount,gridProperties.columnCount',
        },
      });
    }
  }
  return requests;
}

function recipientsText(email: PlannedEmail): string {
  return [...email.to, ...(email.cc ?? [])].map((r) => r.email).join(', ');
}

export async function applyPlan(ctx: ApplyContext, snapshot: SheetsSnapshot, plan: JobPlan): Promise<ApplyResult> {
  const { due, alreadySent, inDoubt } = dueEmails(snapshot, plan.emails);
  const base = { planned: plan.emails.length, due, alreadySent, inDoubt };
  if (ctx.dryRun) return { ...base, sent: 0, failed: 0, lostClaims: 0, tabsWritten: 0 };

  const tabWrites = plan.writes.map((w) => rewrite(w, snapshot.tabs.get(w.tab) ?? []));
  const wants = new Map<string, GridSize>();
  plan.writes.forEach((w, i) => wants.set(w.tab, needed(tabWrites[i])));

  const logValues = snapshot.tabs.get(TAB.mailLog) ?? [];
  const logHeaders = (logValues[0] ?? []).map(String);
  const logHasHeader = logHeaders.length > 0;
  const headers = logHasHeader ? logHeaders : [...LOG_HEADERS, LOG_DETAIL_HEADER];
  if (due.length > 0) {
    const logRows = logValues.length + due.length + (logHasHeader ? 0 : 1);
    wants.set(TAB.mailLog, { rows: logRows, columns: headers.length });
  }

  const growing = structureRequests(snapshot, new Map(), wants);
  if (growing.some((r) => r.updateSheetProperties)) {
    const ids = new Map((await ctx.sheets.listSheets()).map((s) => [s.title, s.sheetId]));
    await ctx.sheets.batchUpdate(structureRequests(snapshot, ids, wants));
  } else if (growing.length > 0) {
    await ctx.sheets.batchUpdate(growing);
  }

  let sent = 0;
  let failed = 0;
  let lostClaims = 0;
  const statusWrites: ValueRangeWrite[] = [];
  if (due.length > 0) {
    const col = (h: string) => headers.indexOf(h);
    const when = dateToSerial(ctx.now, ctx.timeZone);
    const claimRow = (email: PlannedEmail): Cell[] => {
      const row: Cell[] = new Array(headers.length).fill('');
      row[col('Khóa')] = email.key;
      row[col('Mẫu thư')] = email.template;
      row[col('Người nhận')] = recipientsText(email);
      row[col('Thời điểm')] = when;
      row[col('Trạng thái')] = STATUS.claimed;
      return row;
    };
    const rows = due.map(claimRow);
    let firstRow = await ctx.sheets.appendRows(TAB.mailLog, logHasHeader ? rows : [headers, ...rows]);
    if (!logHasHeader) firstRow++;
    const winners = claimWinners(await ctx.sheets.readTab(TAB.mailLog), due.map((e) => e.key), firstRow);
    const won = due.filter((_, i) => winners[i]);
    const results = won.length > 0 ? await ctx.mail.send(won, ctx.envelope) : new Map<string, SendResult>();

    const statusCol = columnLetters(col('Trạng thái') + 1);
    const detailIndex = col(LOG_DETAIL_HEADER);
    due.forEach((email, i) => {
      const row = firstRow + i;
      let status: string;
      let detail = '';
      if (!winners[i]) {
        status = STATUS.skipped;
        detail = 'Một lượt chạy khác đã nhận gửi thư này.';
        lostClaims++;
      } else {
        const result = results.get(email.key) ?? { status: 'failed', error: 'Không có kết quả gửi.' };
        if (result.status === 'sent') {
          status = STATUS.sent;
          sent++;
        } else {
          status = STATUS.failed;
          detail = result.error;
          failed++;
        }
      }
      statusWrites.push({ range: `${quoteSheet(TAB.mailLog)}!${statusCol}${row}`, values: [[status]] });
      if (detailIndex >= 0 && detail) {
        statusWrites.push({ range: `${quoteSheet(TAB.mailLog)}!${columnLetters(detailIndex + 1)}${row}`, values: [[detail]] });
      }
    });
  }

  await ctx.sheets.writeValues([...tabWrites, ...statusWrites]);
  return { ...base, sent, failed, lostClaims, tabsWritten: tabWrites.length };
}
