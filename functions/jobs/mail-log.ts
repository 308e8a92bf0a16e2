// The mail log (`Nhật ký thư`) is the only accumulated state: it decides which planned emails are still due.
// Statuses: `Đang gửi` = claimed by a run, outcome unknown until it finishes (a crash leaves it so, visibly, and it is
// never resent on its own); `Đã gửi`; `Lỗi` = the send finally failed, the next run tries again; `Bỏ qua` = another run
// claimed it first; `Gửi lại` = typed by a coordinator to ask for a resend.
//
// One email may carry several items (a unit's reminders of the day, a unit's receipts of one run): its key is the
// items' keys, one per line, so the log still has one row per email and the coordinator reads what it carried. Every
// item goes out at most once: a row holds each of its items, and a claimed row sends only when it is the first holding
// row of every one of its items.
import { TAB, tabDef } from '../../sheets-schema/index.ts';
import { cellText, type Cell } from '../core/cells.ts';
import type { PlannedEmail, Snapshot } from '../core/snapshot.ts';
import { readTable } from '../core/table.ts';
import type { Column } from '../gateways/sheets.ts';
import type { Bundle, EmailSink } from './plan.ts';

export const LOG_DETAIL_HEADER = 'Chi tiết';
/** Which run wrote a claim: a retried append can land the same claims twice, and both copies are the run's own. */
export const LOG_RUN_HEADER = 'Lượt chạy';

export const STATUS = {
  claimed: 'Đang gửi',
  sent: 'Đã gửi',
  failed: 'Lỗi',
  skipped: 'Bỏ qua',
  resend: 'Gửi lại',
  /** Written by a run that started the log afresh (`Bắt đầu lại nhật ký thư`): due then, deliberately not sent. */
  notResent: 'Không gửi lại',
} as const;

/** Where a log this product started has each column: the declared headers, then the detail and the run. */
export const LOG_LAYOUT: readonly string[] = [
  ...tabDef(TAB.mailLog).headers,
  ...(tabDef(TAB.mailLog).optionalHeaders ?? []),
];
const layoutOf = (headers: readonly string[]): ReadonlyMap<string, number> =>
  new Map(headers.map((h) => [h, LOG_LAYOUT.indexOf(h)]));

/**
 * The only columns a run reads of the log, which grows by one row per email: to know what is due, then to resolve its
 * claims. At 50,000 rows the other columns (recipients, time, run id) were half the bytes of a whole read.
 */
export const DUE_COLUMNS = layoutOf(['Khóa', 'Trạng thái']);
export const CLAIM_COLUMNS = layoutOf(['Khóa', 'Trạng thái', LOG_RUN_HEADER]);

/** Between the items of one email's key: an item never holds a line break (campaignKey and unit codes are one line). */
export const ITEM_SEPARATOR = '\n';

/** The items an email's key carries: itself for a one-item key. */
export function keyItems(key: string): readonly string[] {
  return key.includes(ITEM_SEPARATOR) ? key.split(ITEM_SEPARATOR) : [key];
}

/** The key of an email that carries `items`, in the order given. */
export function bundleKey(items: readonly string[]): string {
  return items.join(ITEM_SEPARATOR);
}

/** Statuses that hold a key: a later run must not send it again. */
const HOLDING: ReadonlySet<string> = new Set([STATUS.claimed, STATUS.sent, STATUS.notResent]);

export function holdsKey(status: Cell | undefined): boolean {
  return HOLDING.has(cellText(status));
}

export interface DueEmails {
  readonly due: readonly PlannedEmail[];
  /** Rows of the log, sent, that hold what this plan would send again. */
  readonly alreadySent: number;
  /** Rows claimed by a run that never reported back (or is still running) that hold what this plan would send. */
  readonly inDoubt: number;
}

const everyItem = (): boolean => true;

/** A holding row of the log, counted at most once however many of its items the plan offers again. */
interface HoldingRow {
  readonly status: string;
  counted: boolean;
}

/**
 * Sorts emails as they are planned: the ones the log holds are counted and dropped on the spot, so a later run
 * neither builds nor keeps 50,000 emails only to find them all sent.
 */
export class DueEmailSorter implements EmailSink {
  /** Item → the holding row that carries it (a sent row rather than a claimed one). */
  private readonly held = new Map<string, HoldingRow>();
  /** The keys of the single emails offered so far (a bundle's items need none: see Bundle.items). */
  private readonly seen = new Set<string>();
  private readonly due: PlannedEmail[] = [];
  private alreadySent = 0;
  private inDoubt = 0;

  constructor(snapshot: Snapshot) {
    const table = readTable(snapshot, TAB.mailLog, snapshot.tabs.has(TAB.mailLog) ? ['Khóa', 'Trạng thái'] : []);
    for (const row of table.rows) {
      const status = cellText(row.get('Trạng thái'));
      if (!HOLDING.has(status)) continue;
      const holding: HoldingRow = { status, counted: false };
      for (const item of keyItems(cellText(row.get('Khóa'))))
        if (this.held.get(item)?.status !== STATUS.sent) this.held.set(item, holding);
    }
  }

  /** Counts the row holding `item` once; false for an item the log does not hold. */
  private count(item: string): boolean {
    const row = this.held.get(item);
    if (row === undefined) return false;
    if (!row.counted) {
      row.counted = true;
      if (row.status === STATUS.sent) this.alreadySent++;
      else this.inDoubt++;
    }
    return true;
  }

  /** Whether `key` is still to send: the log does not hold it (else its row is counted) and no offer had it before. */
  private isNew(key: string): boolean {
    if (this.count(key) || this.seen.has(key)) return false;
    this.seen.add(key);
    return true;
  }

  /** Keeps `email` when the log does not hold its key and this plan has not offered it before. */
  offer(email: PlannedEmail): void {
    if (this.isNew(email.key)) this.due.push(email);
  }

  offerBundle(bundle: Bundle): void {
    const { items, gate } = bundle;
    if (gate !== undefined && this.held.has(gate)) return;
    // Checked against the log and the bundle's own items only: no other bundle of the plan carries them, so the plan's
    // 50,000 receipt items are neither added to a set nor kept in one until it ends. Every item due is the common case
    // (a first run, a unit's new responses): it needs no lookup at all.
    const due = items.filter((item, i) => !this.count(item) && items.indexOf(item) === i);
    if (due.length === 0) return;
    const isDue = due.length === items.length ? everyItem : (item: string) => due.includes(item);
    this.due.push(bundle.build(bundleKey(gate === undefined ? due : [gate, ...due]), isDue));
  }

  result(): DueEmails {
    return { due: this.due, alreadySent: this.alreadySent, inDoubt: this.inDoubt };
  }
}

/** Which planned emails the log does not hold yet; duplicates of a key within one plan count once. */
export function dueEmails(snapshot: Snapshot, planned: readonly PlannedEmail[]): DueEmails {
  const sorter = new DueEmailSorter(snapshot);
  for (const email of planned) sorter.offer(email);
  return sorter.result();
}

/** How this run's claims came out. */
export interface Claims {
  /** Per key, in the order given: the row of ours that sends it, or 0 when none of ours won it. */
  readonly won: readonly number[];
  /** Our further rows of keys we won: copies written by a retried append. */
  readonly copies: readonly number[];
  /** Our rows of keys another run holds. */
  readonly beaten: readonly number[];
  /** Keys with no row of ours at all (an append that failed part-way): not claimed by this run. */
  readonly unclaimed: number;
}

/**
 * After appending our claims, the winner of an item is its first holding row in sheet order, and a row sends only
 * when it is the winner of every item it carries. Appends are serialised by Sheets, so overlapping runs agree on one
 * sender per item without any lock (at worst a row that wins some items and loses others sends nothing, and the next
 * run sends its items). `isOwn` tells our rows (by run id).
 */
export function resolveClaims(
  columns: ReadonlyMap<string, Column>,
  keys: readonly string[],
  isOwn: (rowNumber: number, run: Cell | undefined) => boolean,
): Claims {
  const statusColumn = columns.get('Trạng thái') ?? [];
  const runColumn = columns.get(LOG_RUN_HEADER) ?? [];
  const ours = new Set(keys);
  const firstHolder = new Map<string, number>();
  // Our rows per key, in sheet order: a key has more than one only after a retried append.
  const ownRows = new Map<string, number[]>();
  for (const [r, cell] of (columns.get('Khóa') ?? []).entries()) {
    const key = cellText(cell);
    const rowNumber = r + 2;
    if (holdsKey(statusColumn[r])) {
      for (const item of keyItems(key)) if (!firstHolder.has(item)) firstHolder.set(item, rowNumber);
    }
    if (ours.has(key) && isOwn(rowNumber, runColumn[r])) ownRows.set(key, [...(ownRows.get(key) ?? []), rowNumber]);
  }
  const winsAll = (key: string, rowNumber: number) =>
    keyItems(key).every((item) => firstHolder.get(item) === rowNumber);
  const won = keys.map((key) => ownRows.get(key)?.find((rowNumber) => winsAll(key, rowNumber)) ?? 0);
  const copies: number[] = [];
  const beaten: number[] = [];
  for (const [i, key] of keys.entries()) {
    for (const rowNumber of ownRows.get(key) ?? []) {
      if (won[i] === 0) beaten.push(rowNumber);
      else if (rowNumber !== won[i]) copies.push(rowNumber);
    }
  }
  const unclaimed = keys.filter((key) => !ownRows.has(key)).length;
  return { won, copies, beaten, unclaimed };
}
