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

/** `receipt`: a newly valid response was received. */
export type ReceiptData = LayoutData & {
  readonly unitName: string;
  readonly unitCode: string;
  readonly formTitle: string;
  /** `dd/MM/yyyy HH:mm:ss` in the campaign's time zone. */
  readonly submittedAt: string;
  readonly answers: readonly AnswerLine[];
  /** An http(s) link to edit the response, when the form gives one. */
  readonly editLink?: string;
};

/** `fix-request`: a newly invalid response; the unit must correct it. */
export type FixRequestData = LayoutData & {
  readonly unitName: string;
  readonly unitCode: string;
  readonly formTitle: string;
  /** `dd/MM/yyyy HH:mm:ss` in the campaign's time zone. */
  readonly submittedAt: string;
  /** The exact Vietnamese validation errors, one per item. */
  readonly errors: readonly string[];
  /** An http(s) edit or prefilled link to fix the response. */
  readonly editLink?: string;
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
