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
 * The responses of one unit judged by one run, in one email: `fix-request` when any is to fix (listed first), else
 * `receipt`. It keeps the judged responses and nothing built from them: each one's answers are read from its row, and
 * its form link filled, only when the gateway reads the data to send it, 1,000 emails at a time, so a plan holds no
 * receipt's lines and a run never holds 50,000 at once. Measured at 10,000 units (1/12): a plan allocates 13 MiB less
 * than with a part object per response, and the due emails a first run waits to send keep 95 MiB instead of 90.
 */
class ResponsesEmail implements OutgoingEmail {
  readonly template: 'receipt' | 'fix-request';

  constructor(
    readonly key: string,
    readonly to: readonly Recipient[],
    /** Those to fix first. */
    private readonly responses: readonly JudgedResponse[],
    private readonly titleOf: (form: string) => string,
    private readonly layout: LayoutData,
    private readonly links: FormLinks,
    private readonly unitCode: string,
    private readonly unitName: string,
  ) {
    this.template = responses[0].valid ? 'receipt' : 'fix-request';
  }

  get data(): ResponsesData {
    const { layout, responses, unitCode } = this;
    const several = responses.length > 1;
    const submissions = responses.map((r, i) => this.submission(r, i + 1, several));
    const first = submissions[0];
    let fixCount = 0;
    for (const r of responses) if (!r.valid) fixCount++;
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
      count: responses.length,
      fixCount,
      receivedCount: responses.length - fixCount,
    };
  }

  private submission(response: JudgedResponse, number: number, several: boolean): SubmissionData {
    return {
      formTitle: this.titleOf(response.form),
      submittedAt: submittedText(response),
      valid: response.valid,
      answers: response.valid ? response.answers() : [],
      errors: response.errors,
      notes: response.notes,
      editLink: response.editLink ?? this.links.get(formLinkKey(this.unitCode, response.form)) ?? '',
      number,
      several,
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
  const titleOf = (form: string) => factsOf(form).title;
  // Joined, not a template literal: that leaves a tree of string pieces, three times the memory of the flat item, held
  // while the mail log sorts the plan.
  // No campaign name: the response's time and content already make the key unique, and correcting a typo in
  // `Tên phong trào` must not send every receipt of the year again.
  const itemOf = (r: JudgedResponse) => {
    const template = r.valid ? 'receipt' : 'fix-request';
    return ['ingest', factsOf(r.form).slug, r.unitCode, submittedText(r), r.contentHash, template].join('|');
  };
  for (const [unit, all] of byUnit) {
    // A response sent twice within one second with the same answers is one item. One email lists both copies under
    // it, but split across two emails it would be one item in two bundles, against the mail log's convention
    // (plan.ts, Bundle.items): the second email would lose its claim and wait a run. A unit with more than one email
    // keeps the first copy only.
    const judged = all.length > MAX_RESPONSES_PER_EMAIL ? firstOfEachItem(all, itemOf) : all;
    const items = judged.map(itemOf);
    for (let from = 0; from < items.length; from += MAX_RESPONSES_PER_EMAIL) {
      // Most units' responses fit in one email: its lists are then the unit's own, not copies.
      const whole = items.length <= MAX_RESPONSES_PER_EMAIL;
      const chunk = whole ? items : items.slice(from, from + MAX_RESPONSES_PER_EMAIL);
      const chunkResponses = whole ? judged : judged.slice(from, from + MAX_RESPONSES_PER_EMAIL);
      yield {
        items: chunk,
        build: (key, isDue) => {
          // Most emails carry every response of their chunk, all valid (a unit's receipts of a first run): the chunk is
          // then the email's list, not a copy.
          let plain = true;
          for (let i = 0; plain && i < chunk.length; i++) plain = chunkResponses[i].valid && isDue(chunk[i]);
          const due = plain ? chunkResponses : fixesFirst(chunk, chunkResponses, isDue);
          return new ResponsesEmail(key, unitRecipients(unit), due, titleOf, layout, links, unit.code, unit.name);
        },
      };
    }
  }
  yield* resultsEmails(context);
}

/** The due responses of a chunk: those to fix first, then those received, each in the order judged (tab, row). */
function fixesFirst(
  items: readonly string[],
  responses: readonly JudgedResponse[],
  isDue: (item: string) => boolean,
): JudgedResponse[] {
  const toFix: JudgedResponse[] = [];
  const received: JudgedResponse[] = [];
  for (let i = 0; i < items.length; i++) {
    if (!isDue(items[i])) continue;
    if (responses[i].valid) received.push(responses[i]);
    else toFix.push(responses[i]);
  }
  return toFix.length === 0 ? received : toFix.concat(received);
}

/** `responses` without those whose item an earlier one already has. */
function firstOfEachItem(
  responses: readonly JudgedResponse[],
  itemOf: (r: JudgedResponse) => string,
): JudgedResponse[] {
  const seen = new Set<string>();
  return responses.filter((r) => {
    const item = itemOf(r);
    if (seen.has(item)) return false;
    seen.add(item);
    return true;
  });
}
