// What a job decides from a snapshot: whole system tabs to rewrite, emails to send, and a summary for people.
import type { PlannedEmail, TabWrite } from '../core/snapshot.ts';

export interface JobPlan {
  /** System tabs rewritten whole (header row first). Never `Nhật ký thư`: the apply step owns the mail log. */
  readonly writes: readonly TabWrite[];
  /** Every email the current state calls for; the apply step drops those the mail log already holds. */
  readonly emails: readonly PlannedEmail[];
  /** Vietnamese lines for the CLI and logs. */
  readonly summary: readonly string[];
}
