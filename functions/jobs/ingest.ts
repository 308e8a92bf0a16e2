// `ingest`: judge every response, recompute the system tabs, and plan a receipt or a "please fix" email per response.
import { formDef, formSlug, TAB } from '../../sheets-schema/index.ts';
import { isEmail } from '../core/email.ts';
import { formLinkKey, readFormLinks } from '../core/links.ts';
import type { Evaluation, JudgedResponse, Unit } from '../core/model.ts';
import { layoutData, type LayoutData } from '../core/settings.ts';
import type { PlannedEmail, Recipient, Snapshot, TabWrite } from '../core/snapshot.ts';
import type { EmailSink, PlannerOutput } from './plan.ts';

/** What ingest needs beyond the rules: the tabs computed by the calendar, dashboard and results modules. */
export interface IngestParts {
  readonly evaluation: Evaluation;
  readonly extraTabs: readonly TabWrite[];
  readonly extraEmails: readonly PlannedEmail[];
}

/** Per form, what every email of its responses needs: the layout, the title and the headers of its email questions. */
interface FormFacts {
  readonly layout: LayoutData;
  readonly title: string;
  /** The form in email keys: ASCII, so 50,000 keys take one byte per character in memory and in the mail log. */
  readonly slug: string;
  readonly emailHeaders: readonly string[];
}

function formFacts(form: string, layout: LayoutData): FormFacts {
  const def = formDef(form);
  return { layout, title: def?.title ?? form, slug: formSlug(form), emailHeaders: (def?.questions ?? []).filter((q) => q.kind === 'email').map((q) => q.header) };
}

/** The unit's contact addresses, shared by every email to the unit that adds none of its own. */
function unitRecipients(unit: Unit | undefined, cache: Map<string, readonly Recipient[]>): readonly Recipient[] {
  if (!unit) return [];
  let to = cache.get(unit.code);
  if (!to) {
    to = [...new Set(unit.contactEmails)].map((email) => ({ email, name: unit.name }));
    cache.set(unit.code, to);
  }
  return to;
}

/** The unit's contact addresses, plus any address the respondent typed into the form itself. */
function recipients(response: JudgedResponse, base: readonly Recipient[], unit: Unit | undefined, emailHeaders: readonly string[]): readonly Recipient[] {
  let typed: string[] | undefined;
  for (const header of emailHeaders) {
    const email = response.answer(header).trim().toLowerCase();
    if (email && isEmail(email) && !base.some((r) => r.email === email) && !typed?.includes(email)) (typed ??= []).push(email);
  }
  return typed ? [...base, ...typed.map((email) => ({ email, name: unit?.name }))] : base;
}

/**
 * A receipt or "please fix" email. Its data, every answer included, is built each time it is read: only the emails
 * a run actually sends need it, and the gateway reads them 1,000 at a time, so a run never holds 50,000 at once. It
 * keeps only what its data needs, not the judged response, so a run that sends 50,000 emails lets the rest go.
 */
class ResponseEmail implements PlannedEmail {
  private readonly unitCode: string;
  private readonly errors: readonly string[];
  private readonly notes: readonly string[];
  private readonly answers: () => readonly { question: string; answer: string }[];

  constructor(
    readonly key: string,
    readonly template: string,
    readonly to: readonly Recipient[],
    response: JudgedResponse,
    private readonly form: FormFacts,
    private readonly unitName: string,
    private readonly submittedAt: string,
    private readonly editLink: string,
  ) {
    this.unitCode = response.unitCode;
    this.errors = response.errors;
    this.notes = response.notes;
    this.answers = response.detachedAnswers();
  }

  get data(): Readonly<Record<string, unknown>> {
    const { layout, title } = this.form;
    return {
      campaign: layout.campaign,
      organisation: layout.organisation,
      year: layout.year,
      unitName: this.unitName,
      unitCode: this.unitCode,
      formTitle: title,
      submittedAt: this.submittedAt,
      answers: this.answers(),
      errors: this.errors,
      notes: this.notes,
      editLink: this.editLink,
    };
  }
}

/** A response earlier than a valid one of the same unit and form needs no email: the later one speaks for it. */
function replacedResponses(responses: readonly JudgedResponse[]): Set<JudgedResponse> {
  // form → unit → latest valid time; nested maps spare building a composite string key per response, twice.
  const latestValid = new Map<string, Map<string, number>>();
  // Indexed rather than for…of in loops over every response or unit: in a function run once per job, for…of
  // allocates an iterator result per item before V8 optimises it.
  for (let ix = 0; ix < responses.length; ix++) {
    const r = responses[ix];
    if (!r.valid || !r.submittedAt) continue;
    let ofForm = latestValid.get(r.form);
    if (!ofForm) latestValid.set(r.form, (ofForm = new Map()));
    ofForm.set(r.unitCode, Math.max(ofForm.get(r.unitCode) ?? -Infinity, r.submittedAt.getTime()));
  }
  const replaced = new Set<JudgedResponse>();
  for (let ix = 0; ix < responses.length; ix++) {
    const r = responses[ix];
    const latest = latestValid.get(r.form)?.get(r.unitCode);
    if (r.superseded || (latest !== undefined && r.submittedAt && r.submittedAt.getTime() < latest)) replaced.add(r);
  }
  return replaced;
}

/** Plans the system tabs and offers each response's email to `sink`, which builds only the ones still due. */
export function planIngest(snapshot: Snapshot, parts: IngestParts, sink: EmailSink): Omit<PlannerOutput, 'emails'> {
  const { evaluation } = parts;
  const settings = evaluation.settings;
  const units = new Map(evaluation.units.map((u) => [u.code, u]));
  const links = readFormLinks(snapshot);
  const layout = layoutData(settings);
  const replaced = replacedResponses(evaluation.responses);

  const facts = new Map<string, FormFacts>();
  const shared = new Map<string, readonly Recipient[]>();
  for (let ix = 0; ix < evaluation.responses.length; ix++) {
    const response = evaluation.responses[ix];
    if (replaced.has(response)) continue;
    let form = facts.get(response.form);
    if (!form) facts.set(response.form, (form = formFacts(response.form, layout)));
    const unit = units.get(response.unitCode);
    const to = recipients(response, unitRecipients(unit, shared), unit, form.emailHeaders);
    if (to.length === 0) continue; // an unknown unit with no typed address: the `Kiểm tra` row is all we can do
    const template = response.valid ? 'receipt' : 'fix-request';
    const submitted = response.submittedAt ? response.timestampText : '';
    // Joined, not a template literal: that leaves a tree of string pieces, twice the memory of the flat key, per email.
    // No campaign name: the response's time and content already make the key unique, and correcting a typo in
    // `Tên phong trào` must not send every receipt of the year again.
    const key = ['ingest', form.slug, response.unitCode, submitted, response.contentHash, template].join('|');
    sink.offer(key, () => {
      const editLink = response.editLink ?? links.get(formLinkKey(response.unitCode, response.form)) ?? '';
      return new ResponseEmail(key, template, to, response, form, unit?.name ?? '', submitted, editLink);
    });
  }
  for (const email of parts.extraEmails) sink.offer(email.key, () => email);

  const valid = evaluation.responses.filter((r) => r.valid).length;
  const invalid = evaluation.responses.length - valid;
  return {
    writes: [...evaluation.tabs, ...parts.extraTabs].filter((w) => w.tab !== TAB.mailLog),
    summary: [
      `Đã kiểm tra ${evaluation.responses.length} câu trả lời: ${valid} hợp lệ, ${invalid} không hợp lệ.`,
      `Đơn vị: ${evaluation.units.length}.`,
    ],
  };
}
