// The mail log (`Nhật ký thư`) is the only accumulated state: it decides which planned emails are still due.
// Statuses: `Đang gửi` = claimed by a run, outcome unknown until it finishes (a crash leaves it so, visibly, and it is
// never resent on its own); `Đã gửi`; `Lỗi` = the send finally failed, the next run tries again; `Bỏ qua` = another run
// claimed it first; `Gửi lại` = typed by a coordinator to ask for a resend.
import { TAB } from '../../sheets-schema/index.ts';
import { cellText, type Cell } from '../core/cells.ts';
import type { PlannedEmail, Snapshot } from '../core/snapshot.ts';
import { readTable } from '../core/table.ts';

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

export interface Claim {
  /** Whether this run holds the key: the key's first holding row in sheet order is one of ours. */
  readonly won: boolean;
  /** This run's own rows for the key (more than one when an append was retried), in sheet order. */
  readonly rows: readonly number[];
}

/**
 * After appending our claims, the winner of a key is its first holding row in sheet order. Appends are serialised by
 * Sheets, so two overlapping runs agree on the winner without any lock. `isOwn` tells our rows (by run id).
 */
export function resolveClaims(
  logValues: readonly (readonly Cell[])[],
  keys: readonly string[],
  isOwn: (rowNumber: number, row: readonly Cell[]) => boolean,
): Map<string, Claim> {
  const headers = (logValues[0] ?? []).map((h) => cellText(h));
  const keyCol = headers.indexOf('Khóa');
  const statusCol = headers.indexOf('Trạng thái');
  const wanted = new Set(keys);
  const firstHolder = new Map<string, number>();
  const own = new Map<string, number[]>();
  for (let r = 1; r < logValues.length; r++) {
    const row = logValues[r] ?? [];
    const key = cellText(row[keyCol]);
    if (!wanted.has(key)) continue;
    const rowNumber = r + 1;
    if (holdsKey(row[statusCol]) && !firstHolder.has(key)) firstHolder.set(key, rowNumber);
    if (isOwn(rowNumber, row)) own.set(key, [...(own.get(key) ?? []), rowNumber]);
  }
  const claims = new Map<string, Claim>();
  for (const key of keys) {
    const rows = own.get(key) ?? [];
    claims.set(key, { won: rows.includes(firstHolder.get(key) ?? -1), rows });
  }
  return claims;
}
