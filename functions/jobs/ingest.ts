// `ingest`: a receipt or a "please fix" email for the responses each unit sent since the last run, and its results.
import { formDef, formSlug } from '../../sheets-schema/index.ts';
import { formLinkKey, type FormLinks } from '../core/links.ts';
import type { JudgedResponse, Unit } from '../core/model.ts';
import type { LayoutData, ResponsesData, SubmissionData } from '../mail/types.ts';
import type { OutgoingEmail, Recipient } from '../core/snapshot.ts';
import { unitRecipients } from '../mail/recipients.ts';
import { resultsEmails } from '../results/index.ts';
import type { EmailOffer, JobContext, Planner } from './plan.ts';

/** Per form, what every email of its responses needs. */
interface FormFacts {
  readonly title: string;
  /** The form in email keys: ASCII, so 50,000 keys take one byte per character in memory and in the mail log. */
  readonly slug: string;
}

const formFacts = (form: string): FormFacts => ({ title: formDef(form)?.title ?? form, slug: oneByte(formSlug(form)) });

/**
 * `ascii` stored one byte a character. formSlug's ASCII comes out of normalize() as a two-byte string, and a string
 * joined from one is two-byte too: a first run's 50,000 items and 10,000 keys took twice their bytes (a receipt key 800
 * bytes instead of 400, 1/12/2026). V8 stores a string of character codes below 256 one byte each.
 */
const oneByte = (ascii: string): string => String.fromCharCode(...Array.from(ascii, (c) => c.charCodeAt(0)));

/**
 * One response's part of a receipt or "please fix" email. Its answers are read from the row, and its form link filled,
 * each time the email's data is read: only the emails a run actually sends need them, and the gateway reads them 1,000
 * at a time, so a run never holds 50,000 at once. It keeps only what its data needs, not the judged response, so a run
 * that sends 50,000 responses lets the rest go.
 */
class ResponsePart {
  readonly valid: boolean;
  readonly form: string;
  /** The response's own edit link, when its row has one. */
  readonly editLink: string | undefined;
  private readonly submittedAt: string;
  private readonly errors: readonly string[];
  private readonly notes: readonly string[];
  private readonly answers: () => readonly { question: string; answer: string }[];

  constructor(
    response: JudgedResponse,
    private readonly title: string,
  ) {
    this.valid = response.valid;
    this.form = response.form;
    this.editLink = response.editLink;
    this.submittedAt = submittedText(response);
    this.errors = response.errors;
    this.notes = response.notes;
    this.answers = response.detachedAnswers();
  }

  data(number: number, several: boolean, editLink: string): SubmissionData {
    return {
      formTitle: this.title,
      submittedAt: this.submittedAt,
      valid: this.valid,
      answers: this.valid ? this.answers() : [],
      errors: this.errors,
      notes: this.notes,
      editLink,
      number,
      several,
    };
  }
}

/**
 * The responses of one unit judged by one run, in one email: `fix-request` when any is to fix (listed first), else
 * `receipt`.
 */
class ResponsesEmail implements OutgoingEmail {
  readonly template: 'receipt' | 'fix-request';

  constructor(
    readonly key: string,
    readonly to: readonly Recipient[],
    /** Those to fix first. */
    private readonly parts: readonly ResponsePart[],
    private readonly layout: LayoutData,
    private readonly links: FormLinks,
    private readonly unitCode: string,
    private readonly unitName: string,
  ) {
    this.template = parts[0].valid ? 'receipt' : 'fix-request';
  }

  get data(): ResponsesData {
    const { layout, parts, links, unitCode } = this;
    const several = parts.length > 1;
    const submissions = parts.map((p, i) =>
      p.data(i + 1, several, p.editLink ?? links.get(formLinkKey(unitCode, p.form)) ?? ''),
    );
    const first = submissions[0];
    const fixCount = parts.filter((p) => !p.valid).length;
    return {
      campaign: layout.campaign,
      organisation: layout.organisation,
      year: layout.year,
      unitName: this.unitName,
      unitCode,
      formTitle: first.formTitle,
      submittedAt: first.submittedAt,
      answers: first.answers,
      errors: first.errors,
      notes: first.notes,
      editLink: first.editLink,
      submissions,
      several,
      count: parts.length,
      fixCount,
      receivedCount: parts.length - fixCount,
    };
  }
}

/**
 * Most responses one email carries: its key, one line per response, must stay well inside the 50,000 characters
 * of a Sheets cell in `Nhật ký thư`, and the email readable. A unit with more in one run gets several emails.
 */
export const MAX_RESPONSES_PER_EMAIL = 50;

/** When the response was sent, as its row shows it; '' when its row has no valid time. */
const submittedText = (response: JudgedResponse): string => (response.submittedAt ? response.timestampText : '');

/**
 * A receipt or "please fix" email per unit with responses still unanswered: when one run judges several responses of a
 * unit (the first run of the year, a sweep after a missed trigger), they go in one email. Then each unit's results.
 */
export const ingest: Planner = (context) => {
  const { responses, units } = context.evaluation;
  // Counted, not filtered: a list of 50,000 valid responses only to take its length was 1.2 MiB a job.
  let valid = 0;
  for (const r of responses) if (r.valid) valid++;
  return {
    writes: [],
    emails: ingestEmails(context),
    summary: [
      `Đã kiểm tra ${responses.length} câu trả lời: ${valid} hợp lệ, ${responses.length - valid} không hợp lệ.`,
      `Đơn vị: ${units.length}.`,
    ],
  };
};

/**
 * The emails' addresses are the unit's registered contact addresses (`Email liên hệ` of `Đơn vị`), never an address
 * typed into a form: that is an answer, whether or not `Xác thực đơn vị` is on, since otherwise anyone with the public
 * form could make the official sender mail any address (issue 15).
 */
function* ingestEmails(context: JobContext): Generator<EmailOffer> {
  const { evaluation, layout, links } = context;
  const units = new Map(evaluation.units.map((u) => [u.code, u]));
  const byUnit = new Map<Unit, JudgedResponse[]>();
  for (const response of evaluation.responses) {
    // A response a later valid one of its unit and form replaces needs no email: the later one speaks for it (the
    // rules mark it, except in a form whose every response stands on its own). A response that could not prove its
    // unit is the `Kiểm tra` row's business alone: no one is mailed about it.
    if (response.superseded || !response.authenticated) continue;
    const unit = units.get(response.unitCode);
    // A code not in `Đơn vị` has no registered address: the `Kiểm tra` row is all we can do.
    if (!unit || unitRecipients(unit).length === 0) continue;
    const ofUnit = byUnit.get(unit);
    if (ofUnit) ofUnit.push(response);
    else byUnit.set(unit, [response]);
  }
  const facts = new Map<string, FormFacts>();
  const factsOf = (form: string) => {
    let known = facts.get(form);
    if (!known) facts.set(form, (known = formFacts(form)));
    return known;
  };
  // Joined, not a template literal: that leaves a tree of string pieces, three times the memory of the flat item, held
  // while the mail log sorts the plan.
  // No campaign name: the response's time and content already make the key unique, and correcting a typo in
  // `Tên phong trào` must not send every receipt of the year again.
  const itemOf = (r: JudgedResponse) => {
    const template = r.valid ? 'receipt' : 'fix-request';
    return ['ingest', factsOf(r.form).slug, r.unitCode, submittedText(r), r.contentHash, template].join('|');
  };
  for (const [unit, judged] of byUnit) {
    const items = judged.map(itemOf);
    for (let from = 0; from < items.length; from += MAX_RESPONSES_PER_EMAIL) {
      // Most units' responses fit in one email: its lists are then the unit's own, not copies.
      const whole = items.length <= MAX_RESPONSES_PER_EMAIL;
      const chunk = whole ? items : items.slice(from, from + MAX_RESPONSES_PER_EMAIL);
      const chunkResponses = whole ? judged : judged.slice(from, from + MAX_RESPONSES_PER_EMAIL);
      yield {
        items: chunk,
        build: (key, isDue) => {
          // Those to fix first, then those received; each in the order judged (tab by tab, row by row).
          const toFix: ResponsePart[] = [];
          const received: ResponsePart[] = [];
          for (let i = 0; i < chunk.length; i++) {
            if (!isDue(chunk[i])) continue;
            const response = chunkResponses[i];
            const part = new ResponsePart(response, factsOf(response.form).title);
            if (response.valid) received.push(part);
            else toFix.push(part);
          }
          const parts = toFix.concat(received);
          return new ResponsesEmail(key, unitRecipients(unit), parts, layout, links, unit.code, unit.name);
        },
      };
    }
  }
  yield* resultsEmails(context);
}
