// The planner contract: every job is a pure function from one JobContext to the writes, emails and summary it decides.
import type { Progress } from '../calendar/index.ts';
import type { FormLinks } from '../core/links.ts';
import type { Evaluation } from '../core/model.ts';
import type { Settings } from '../core/settings.ts';
import type { LayoutData } from '../mail/types.ts';
import type { PlannedEmail, Snapshot, TabWrite } from '../core/snapshot.ts';
import type { DashboardModel } from '../dashboard/index.ts';
import type { ChildRow } from '../rollup/index.ts';

/** Everything a job may read, computed once per run before any planner is called (functions/jobs/jobs.ts). */
export interface JobContext {
  readonly snapshot: Snapshot;
  readonly now: Date;
  /** `Cấu hình`, with `Múi giờ` already resolved to a zone that exists. */
  readonly settings: Settings;
  /**
   * The campaign judged: units, responses, results, nominations, and the tabs `Kiểm tra`, `Xếp loại`, `Khen thưởng`.
   */
  readonly evaluation: Evaluation;
  /** Each unit against each milestone of `Mốc thời gian`; `progress.timeZone` is the campaign's zone. */
  readonly progress: Progress;
  /** The figures of `Tổng hợp`, which the digest also mails. */
  readonly dashboard: DashboardModel;
  /** What every email's layout shows (campaign, organisation, year). */
  readonly layout: LayoutData;
  /** Each unit's prefilled form links, with its secret in force now. */
  readonly links: FormLinks;
  /**
   * The rows of `Tổng hợp cấp dưới`: rolled up from the children read for this run (READS_CHILDREN, the roll-up), or
   * as the last roll-up left them; their indicator totals are added into `Tổng hợp`.
   */
  readonly childRows: readonly ChildRow[];
  /** `Đề nghị cấp dưới` as this run rolled it up from the children; undefined when the run read no child. */
  readonly forwarded?: TabWrite;
  /** Problems in `Cấu hình` and `Mốc thời gian`, one line each, which every job's summary ends with. */
  readonly warnings: readonly string[];
}

/**
 * An email that carries several items (a unit's reminders of the day, its receipts of one run), or one whose key is its
 * one item (a unit's results summary). It is built only when the mail log still lacks one of its items, so a later
 * run neither builds nor keeps emails already sent.
 */
export interface Bundle<E extends PlannedEmail = PlannedEmail> {
  /**
   * The items this email would carry, each sent at most once over every run. They name what they are about (a unit's
   * response, a unit's step of a milestone, a unit's results summary), so no other bundle of the plan carries one:
   * the mail log checks them against its rows and the bundle's own items only (test/functions/jobs/bundle-items.test.ts
   * checks what ingest and remind produce).
   */
  readonly items: readonly string[];
  /**
   * An item that, once held, stops any further email of the bundle's kind (a unit's reminders of one day): the email
   * carries it too, so two runs of one day agree on a single sender.
   */
  readonly gate?: string;
  /**
   * Builds the email under `key`, which carries the items still due (at least one): `isDue` tells them from the items
   * the mail log holds or an earlier offer of this plan carried.
   */
  build(key: string, isDue: (item: string) => boolean): E;
}

/** What a planner asks to send: one email under its own key, or a bundle of items. */
export type EmailOffer = PlannedEmail | Bundle;

/** What a job decides. */
export interface JobOutput {
  /**
   * The job's own system tabs, rewritten whole (header row first), beyond `Kiểm tra`, `Xếp loại`, `Khen thưởng`,
   * `Tiến độ` and `Tổng hợp`, which every job writes. Never `Nhật ký thư`: the apply step owns the mail log.
   */
  readonly writes: readonly TabWrite[];
  /** Consumed once, in order, as the mail log sorts them: a generator keeps only the emails still due. */
  readonly emails: Iterable<EmailOffer>;
  /** Vietnamese lines for the CLI and logs; read after `emails`, so a planner may count in it what it built. */
  readonly summary: readonly string[];
}

/** A job. Register it in JOBS (functions/jobs/jobs.ts); the compiler then checks its name everywhere. */
export type Planner = (context: JobContext) => JobOutput;

/** A job's plan once its emails are sorted against the mail log. */
export interface JobPlan {
  /** Every system tab the job rewrites whole. */
  readonly writes: readonly TabWrite[];
  /** The emails the current state calls for that the mail log does not hold yet, one per key. */
  readonly emails: readonly PlannedEmail[];
  /** Planned emails the log already holds as sent. */
  readonly alreadySent: number;
  /** Planned emails claimed by a run that never reported back (or is still running): never resent on their own. */
  readonly inDoubt: number;
  /** Vietnamese lines for the CLI and logs. */
  readonly summary: readonly string[];
}

/** Where the runner puts a planner's emails: a bundle's `build` runs only for an email still due. */
export interface EmailSink {
  /** Keeps the email when the mail log does not hold its key. */
  offer(email: PlannedEmail): void;
  /** Plans one email with the bundle's items still due, or none when every item is held or its gate is. */
  offerBundle(bundle: Bundle): void;
}
