// What a job decides from a snapshot: whole system tabs to rewrite, emails to send, and a summary for people.
import type { PlannedEmail, TabWrite } from '../core/snapshot.ts';

export interface JobPlan {
  /** System tabs rewritten whole (header row first). Never `Nhật ký thư`: the apply step owns the mail log. */
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

/** What a job's own planner returns, before its emails are sorted against the mail log. */
export type PlannerOutput = Omit<JobPlan, 'alreadySent' | 'inDoubt'>;

/** An email that carries several items (a unit's reminders of the day, its receipts of one run). */
export interface Bundle {
  /** The items this email would carry, each sent at most once over every run. */
  readonly items: readonly string[];
  /**
   * An item that, once held, stops any further email of the bundle's kind (a unit's reminders of one day): the email
   * carries it too, so two runs of one day agree on a single sender.
   */
  readonly gate?: string;
  /** Builds the email for the items still due (never empty) under `key`, which carries them. */
  build(due: ReadonlySet<string>, key: string): PlannedEmail;
}

/** Where a planner puts emails as it plans them: `build` runs only for an email still due. */
export interface EmailSink {
  offer(key: string, build: () => PlannedEmail): void;
  /** Plans one email with the bundle's items still due, or none when every item is held or its gate is. */
  offerBundle(bundle: Bundle): void;
}
