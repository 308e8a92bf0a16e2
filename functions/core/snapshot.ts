// What every job reads (one values.batchGet) and what it decides to write and send.
import type { TemplateData, TemplateName } from '../mail/types.ts';
import type { Cell } from './cells.ts';

/** Raw values of each tab, row-major, as UNFORMATTED_VALUE; a tab absent from the spreadsheet is absent here. */
export interface Snapshot {
  readonly spreadsheetId: string;
  readonly tabs: ReadonlyMap<string, readonly (readonly Cell[])[]>;
}

/** A whole system tab as it should be: header row then data rows (the apply step writes only what differs). */
export interface TabWrite {
  readonly tab: string;
  readonly rows: readonly (readonly Cell[])[];
  /** Index of a row that only records when the tab was computed: written only when something else changes. */
  readonly stampRow?: number;
}

export interface Recipient {
  readonly email: string;
  readonly name?: string;
}

/** An email as the mail gateway sends it: to one set of recipients, before it is grouped into SendGrid requests. */
export interface OutgoingEmail {
  /** Deterministic idempotency key: the same decision on any run gives the same key. */
  readonly key: string;
  /** A template name under templates/ (e.g. `receipt`). */
  readonly template: string;
  readonly to: readonly Recipient[];
  readonly cc?: readonly Recipient[];
  /** The template's data; everything that differs per recipient. */
  readonly data: object;
}

/** An email a job plans: its data is what its template reads, checked by the compiler. */
export type PlannedEmail<K extends TemplateName = TemplateName> = {
  [T in K]: OutgoingEmail & { readonly template: T; readonly data: TemplateData[T] };
}[K];
