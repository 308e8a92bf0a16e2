// The data each email template expects, and the shapes of a template version and of a rendered email.

/** What every email carries for the shared layout; the caller puts it into each personalization's data. */
// Type aliases rather than interfaces: they fit PlannedEmail.data (Record<string, unknown>) without a cast.
export type LayoutData = {
  /** Campaign name, shown in the header (e.g. `Phong trào "Toàn dân bảo vệ an ninh Tổ quốc" năm 2025`). */
  readonly campaign: string;
  /** The issuing body, shown in the footer. */
  readonly organisation: string;
  readonly year: number | string;
  /** The grey line some mail clients show after the subject; keep it under ~100 characters. */
  readonly preheader?: string;
};

/** One line of the answers summary in a receipt. */
export type AnswerLine = {
  readonly question: string;
  readonly answer: string;
};

/** One response in a receipt or "please fix" email. */
export type SubmissionData = {
  readonly formTitle: string;
  /** `dd/MM/yyyy HH:mm:ss` in the campaign's time zone. */
  readonly submittedAt: string;
  readonly valid: boolean;
  /** The non-empty answers (valid responses). */
  readonly answers: readonly AnswerLine[];
  /** The exact Vietnamese validation errors, one per item (invalid responses). */
  readonly errors: readonly string[];
  /** Rule verdicts that are not errors (a nomination's eligibility), one line each. */
  readonly notes?: readonly string[];
  /** An http(s) link to edit or fix the response. */
  readonly editLink?: string;
  /** Position in the email from 1, and whether the email has others (SendGrid's subset has no `@index` or `../`). */
  readonly number?: number;
  readonly several?: boolean;
};

/**
 * `receipt` (every response valid) and `fix-request` (at least one to fix): the responses of one unit judged by one
 * run, in one email, the ones to fix first. The top-level form fields are the first response's, for the subject.
 */
export type ReceiptData = LayoutData & {
  readonly unitName: string;
  readonly unitCode: string;
  readonly formTitle: string;
  /** `dd/MM/yyyy HH:mm:ss` in the campaign's time zone. */
  readonly submittedAt: string;
  readonly answers: readonly AnswerLine[];
  /** An http(s) link to edit the response, when the form gives one. */
  readonly editLink?: string;
  readonly submissions?: readonly SubmissionData[];
  /** More than one response: the subject counts them. */
  readonly several?: boolean;
  readonly count?: number;
  /** Responses to fix, and responses received valid. */
  readonly fixCount?: number;
  readonly receivedCount?: number;
};

/** `fix-request`: at least one response must be corrected; `errors` are the first response's. */
export type FixRequestData = Omit<ReceiptData, 'answers'> & {
  readonly answers?: readonly AnswerLine[];
  readonly errors: readonly string[];
};

/** Template name → its data, for callers that want the compiler to check what they pass. */
export type TemplateDataMap = {
  readonly receipt: ReceiptData;
  readonly 'fix-request': FixRequestData;
};

/** One self-contained SendGrid dynamic template version (layout and partials already inlined). */
export interface TemplateVersion {
  /** The SendGrid template name: `thidua-<name>`. */
  readonly name: string;
  readonly subject: string;
  readonly html_content: string;
  readonly plain_content: string;
}

/** What a recipient sees. */
export interface RenderedEmail {
  readonly subject: string;
  readonly html: string;
  readonly text: string;
}
