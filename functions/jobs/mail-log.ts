// The mail log (`Nhật ký thư`) is the only accumulated state: it decides which planned emails are still due.
// Statuses: `Đang gửi` = claimed by a run, outcome unknown until it finishes (a crash leaves it so, visibly, and it is
// never resent on its own); `Đã gửi`; `Lỗi` = the send finally failed, the next run tries again; `Bỏ qua` = another run
// claimed it first; `Gửi lại` = typed by a coordinator to ask for a resend.
import { TAB } from '../../sheets-schema/index.ts';
import { cellText, type Cell } from '../core/cells.ts';
import type { PlannedEmail, Snapshot } from '../core/snapshot.ts';
import { readTable } from '../core/table.ts';
import type { Column } from '../gateways/sheets.ts';

export const LOG_HEADERS = ['Khóa', 'Mẫu thư', 'Người nhận', 'Thời điểm', 'Trạng thái'] as const;
export const LOG_DETAIL_HEADER = 'Chi tiết';
/** Which run wrote a claim: a retried append can land the same claims twice, and both copies are the run's own. */
export const LOG_RUN_HEADER = 'Lượt chạy';

export const STATUS = {
  claimed: 'Đang gửi',
  sent: 'Đã gửi',
  failed: 'Lỗi',
  skipped: 'Bỏ qua',
  resend: 'Gửi lại',
} as const;

/** Where a log this product started has each column: LOG_HEADERS, then the detail and the run. */
const LOG_LAYOUT: readonly string[] = [...LOG_HEADERS, LOG_DETAIL_HEADER, LOG_RUN_HEADER];
const layoutOf = (headers: readonly string[]): ReadonlyMap<string, number> => new Map(headers.map((h) => [h, LOG_LAYOUT.indexOf(h)]));

/**
 * The only columns a run reads of the log, which grows by one row per email: to know what is due, then to resolve its
 * claims. At 50,000 rows the other columns (recipients, time, run id) were half the bytes of a whole read.
 */
export const DUE_COLUMNS = layoutOf(['Khóa', 'Trạng thái']);
export const CLAIM_COLUMNS = layoutOf(['Khóa', 'Trạng thái', LOG_RUN_HEADER]);

/** Statuses that hold a key: a later run must not send it again. */
const HOLDING: ReadonlySet<string> = new Set([STATUS.claimed, STATUS.sent]);

export function holdsKey(status: Cell | undefined): boolean {
  return HOLDING.has(cellText(status));
}

export interface DueEmails {
  readonly due: readonly PlannedEmail[];
  /** Planned emails the log already holds as sent. */
  readonly alreadySent: number;
  /** Planned emails claimed by a run that never reported back (or is still running). */
  readonly inDoubt: number;
}

/** Marks a held key already counted, so a key planned twice counts once. */
const COUNTED = '';

/**
 * Sorts emails as they are planned: the ones the log holds are counted and dropped on the spot, so a later run
 * neither builds nor keeps 50,000 emails only to find them all sent.
 */
export class DueEmailSorter {
  private readonly held = new Map<string, string>();
  private readonly seen = new Set<string>();
  private readonly due: PlannedEmail[] = [];
  private alreadySent = 0;
  private inDoubt = 0;

  constructor(snapshot: Snapshot) {
    const table = readTable(snapshot, TAB.mailLog, snapshot.tabs.has(TAB.mailLog) ? ['Khóa', 'Trạng thái'] : []);
    for (const row of table.rows) {
      const status = cellText(row.get('Trạng thái'));
      if (!HOLDING.has(status)) continue;
      const key = cellText(row.get('Khóa'));
      if (this.held.get(key) !== STATUS.sent) this.held.set(key, status);
    }
  }

  /** `build` runs only for a key the log does not hold that this plan has not offered before. */
  offer(key: string, build: () => PlannedEmail): void {
    const status = this.held.get(key);
    if (status === undefined) {
      if (this.seen.has(key)) return;
      this.seen.add(key);
      this.due.push(build());
    } else if (status !== COUNTED) {
      this.held.set(key, COUNTED);
      if (status === STATUS.sent) this.alreadySent++;
      else this.inDoubt++;
    }
  }

  result(): DueEmails {
    return { due: this.due, alreadySent: this.alreadySent, inDoubt: this.inDoubt };
  }
}

/** Which planned emails the log does not hold yet; duplicates of a key within one plan count once. */
export function dueEmails(snapshot: Snapshot, planned: readonly PlannedEmail[]): DueEmails {
  const sorter = new DueEmailSorter(snapshot);
  for (const email of planned) sorter.offer(email.key, () => email);
  return sorter.result();
}

/** How this run's claims came out, per due key, without an object per key (a first run claims 50,000). */
export interface Claims {
  /** Per key, in the order given: the row of ours that holds it, or 0 when another run's row holds it first. */
  readonly won: Int32Array;
  /** Our further rows of keys we won: copies written by a retried append. */
  readonly copies: readonly number[];
  /** Our rows of keys another run holds. */
  readonly beaten: readonly number[];
}

/**
 * After appending our claims, the winner of a key is its first holding row in sheet order. Appends are serialised by
 * Sheets, so two overlapping runs agree on the winner without any lock. `isOwn` tells our rows (by run id).
 */
export function resolveClaims(
  columns: ReadonlyMap<string, Column>,
  keys: readonly string[],
  isOwn: (rowNumber: number, run: Cell | undefined) => boolean,
): Claims {
  const keyColumn = columns.get('Khóa') ?? [];
  const statusColumn = columns.get('Trạng thái') ?? [];
  const runColumn = columns.get(LOG_RUN_HEADER) ?? [];
  const index = new Map<string, number>();
  keys.forEach((key, i) => index.set(key, i));
  const firstHolder = new Int32Array(keys.length);
  const firstOwn = new Int32Array(keys.length);
  // [key index, row] pairs: a key has more than one own row only after a retried append.
  const moreOwn: number[] = [];
  for (let r = 0; r < keyColumn.length; r++) {
    const i = index.get(cellText(keyColumn[r]));
    if (i === undefined) continue;
    const rowNumber = r + 2;
    if (firstHolder[i] === 0 && holdsKey(statusColumn[r])) firstHolder[i] = rowNumber;
    if (!isOwn(rowNumber, runColumn[r])) continue;
    if (firstOwn[i] === 0) firstOwn[i] = rowNumber;
    else moreOwn.push(i, rowNumber);
  }
  const won = new Int32Array(keys.length);
  for (let i = 0; i < keys.length; i++) if (firstOwn[i] !== 0 && firstOwn[i] === firstHolder[i]) won[i] = firstOwn[i];
  for (let k = 0; k < moreOwn.length; k += 2) if (moreOwn[k + 1] === firstHolder[moreOwn[k]!]) won[moreOwn[k]!] = moreOwn[k + 1]!;
  const copies: number[] = [];
  const beaten: number[] = [];
  const place = (i: number, rowNumber: number) => {
    if (won[i] === 0) beaten.push(rowNumber);
    else if (won[i] !== rowNumber) copies.push(rowNumber);
  };
  for (let i = 0; i < keys.length; i++) if (firstOwn[i] !== 0) place(i, firstOwn[i]!);
  for (let k = 0; k < moreOwn.length; k += 2) place(moreOwn[k]!, moreOwn[k + 1]!);
  return { won, copies, beaten };
}
