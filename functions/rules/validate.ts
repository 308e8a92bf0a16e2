// Judging every response of the five forms: field rules from the schema, cross-question and cross-row rules.
import type { AwardDef, Criterion, FormDef, Question } from '../../sheets-schema/index.ts';
import { EDIT_LINK_HEADER, TIMESTAMP_HEADER, UNIT_SECRET_HEADER } from '../../sheets-schema/index.ts';
import {
  appliesToType,
  catalogueQuestions,
  criterionQuestions,
  unitTypeAnswer,
  unitTypeQuestions,
} from '../../sheets-schema/forms/index.ts';
import { defaultAwards } from '../../sheets-schema/awards.ts';
import { cellDate, cellText, formatDateTime, PLAUSIBLE_YEARS } from '../core/cells.ts';
import { fingerprint } from '../core/fingerprint.ts';
import type { Answer, Answers, JudgedResponse, Scores, Unit } from '../core/model.ts';
import type { Snapshot } from '../core/snapshot.ts';
import type { Cell } from '../core/cells.ts';
import type { UnitSecrets } from '../core/unit-secret.ts';
import { readTable } from '../core/table.ts';
import { msg } from './messages.ts';
import { Invalid, judgeAnswer } from './validate-answer.ts';

const NONE: readonly string[] = Object.freeze([]);
const DEFAULT_AWARDS = defaultAwards();

/** A cell read as an answer without any change: blank (and a checkbox, which no question takes) is no answer. */
const asAnswer = (cell: Cell | undefined): Answer | undefined =>
  cell === '' || typeof cell === 'boolean' ? undefined : cell;

/** An absolute http(s) address's start; a literal in editLink would be a new object per call. */
const HTTP = /^https?:\/\//;

/** An answer as the unit sees it: numbers as digits, text NFC and trimmed; '' when blank. */
const answerText = (cell: Cell | undefined): string => (typeof cell === 'number' ? String(cell) : cellText(cell));

/**
 * What every response of one form shares: its tab, where each answer is kept and how the answers are read back from
 * the row for receipts.
 */
class FormSheet {
  /** Column positions by title, found once per form rather than by a scan of the columns per response. */
  private positions: Map<string, number[]> | undefined;

  constructor(
    readonly form: string,
    /** Declared header → the slot of a response's answers that holds it. */
    readonly slotOf: ReadonlyMap<string, number>,
    /**
     * Per slot, the position in the row of the one column answering it; -1 when the tab lacks it, -2 when several
     * columns share it (then no row reads that slot from its cells).
     */
    private readonly slotColumn: readonly number[],
    /** Criterion code → its score column's declared header; empty when the form has no scores. */
    readonly scoreHeaders: ReadonlyMap<string, string>,
    /** The columns a receipt shows, in form order. */
    private readonly shown: readonly { readonly seen: string; readonly index: number }[],
    /** Position of the edit link the trigger records, -1 when the tab has none. */
    private readonly editLinkColumn: number,
  ) {}

  /** The response's own edit link in `raw`, when the trigger recorded one. */
  editLink(raw: readonly Cell[]): string | undefined {
    const link = this.editLinkColumn < 0 ? '' : cellText(raw[this.editLinkColumn]);
    return link !== '' && HTTP.test(link) ? link : undefined;
  }

  /** Slot `slot` of a row that keeps no answers of its own: its cell as typed, blank as undefined. */
  cellAnswer(raw: readonly Cell[], slot: number): Answer | undefined {
    const index = this.slotColumn[slot];
    return index < 0 ? undefined : asAnswer(raw[index]);
  }

  /** Whether every answer in `slots` is the row's own cell unchanged, so the row can be read instead of a copy. */
  sameAsRow(raw: readonly Cell[], slots: readonly (Answer | undefined)[]): boolean {
    for (let s = 0; s < slots.length; s++) {
      if (this.slotColumn[s] === -2 || slots[s] !== this.cellAnswer(raw, s)) return false;
    }
    return true;
  }

  /** The non-empty answers of `raw`, in form order; the same texts the content fingerprint was taken of. */
  lines(raw: readonly Cell[]): { question: string; answer: string }[] {
    const lines: { question: string; answer: string }[] = [];
    for (const { seen, index } of this.shown) {
      const answer = index < 0 ? '' : answerText(raw[index]);
      if (answer !== '') lines.push({ question: seen, answer });
    }
    return lines;
  }

  /** The first non-empty answer under a column titled `question`, '' when none. */
  answer(raw: readonly Cell[], question: string): string {
    if (!this.positions) {
      this.positions = new Map();
      for (const { seen, index } of this.shown) {
        if (index < 0) continue;
        const list = this.positions.get(seen);
        if (list) list.push(index);
        else this.positions.set(seen, [index]);
      }
    }
    for (const index of this.positions.get(question) ?? []) {
      const answer = answerText(raw[index]);
      if (answer !== '') return answer;
    }
    return '';
  }
}

/**
 * The normalised answer for `header`, undefined when blank, refused or not a question of the form: from `slots`, or
 * from the row itself when the row keeps none (its answers are its cells unchanged).
 */
function slotAnswer(
  sheet: FormSheet,
  raw: readonly Cell[],
  slots: readonly (Answer | undefined)[] | undefined,
  header: string,
): Answer | undefined {
  const slot = sheet.slotOf.get(header);
  if (slot === undefined) return undefined;
  return slots ? slots[slot] : sheet.cellAnswer(raw, slot);
}

/** The row being checked, read through one reader per form (requiredWhen and the form's rules look at its answers). */
class CheckedAnswers implements Answers {
  constructor(
    private readonly sheet: FormSheet,
    /** The scratch the row's answers are judged into (RowLayout.slots). */
    private readonly slots: readonly (Answer | undefined)[],
  ) {}

  get(header: string): Answer | undefined {
    const slot = this.sheet.slotOf.get(header);
    return slot === undefined ? undefined : this.slots[slot];
  }

  has(header: string): boolean {
    return this.get(header) !== undefined;
  }
}

const NO_SCORES: Scores = new Map<string, number>();

/** A report's scores read through its answers: a Map per report would copy what the answers already hold. */
class RowScores implements Scores {
  constructor(
    private readonly headerOf: ReadonlyMap<string, string>,
    private readonly values: Answers,
  ) {}

  get(code: string): number | undefined {
    const header = this.headerOf.get(code);
    const v = header === undefined ? undefined : this.values.get(header);
    return typeof v === 'number' ? v : undefined;
  }
}

/**
 * A response with its verdict, the one object kept per row for the whole job. It answers `values.get` itself: from the
 * row's cells when its answers are those cells unchanged (most rows), else from one array of answers of its own (the
 * form's header → slot map is shared). Its receipt lines are read back from the row only when an email shows them.
 */
export class Judged implements JudgedResponse, Answers {
  /** Replaced, never pushed to: most responses share one empty list. */
  notes: readonly string[] = NONE;
  superseded = false;
  readonly scores: Scores;

  constructor(
    private readonly sheet: FormSheet,
    private readonly raw: readonly Cell[],
    /** Undefined when the row's cells are its answers (FormSheet.sameAsRow). */
    private readonly slots: readonly (Answer | undefined)[] | undefined,
    readonly rowNumber: number,
    readonly submittedAt: Date | null,
    readonly timestampText: string,
    readonly unitCode: string,
    readonly errors: readonly string[],
    readonly authenticated: boolean,
    readonly contentHash: string,
  ) {
    this.scores = sheet.scoreHeaders.size > 0 ? new RowScores(sheet.scoreHeaders, this) : NO_SCORES;
  }

  get form(): string {
    return this.sheet.form;
  }

  get valid(): boolean {
    return this.errors.length === 0;
  }

  get values(): Answers {
    return this;
  }

  get(header: string): Answer | undefined {
    return slotAnswer(this.sheet, this.raw, this.slots, header);
  }

  has(header: string): boolean {
    return this.get(header) !== undefined;
  }

  /**
   * Adds a line to `notes` (superseded, a nomination's verdict). By concat: a spread leaves the new array room for 17
   * lines, 180 bytes kept per nomination instead of 56 (3.6 MiB of a 10,000-unit plan, measured 1/12).
   */
  note(line: string): void {
    this.notes = this.notes.concat(line);
  }

  answers(): { question: string; answer: string }[] {
    return this.sheet.lines(this.raw);
  }

  answer(question: string): string {
    return this.sheet.answer(this.raw, question);
  }

  /** Read from the row when asked: only the emails a run sends show it. */
  get editLink(): string | undefined {
    return this.sheet.editLink(this.raw);
  }
}

interface Column {
  readonly question: Question;
  /** The column's header in the tab (what the unit saw), or the declared header when the column is missing. */
  readonly seen: string;
  /** Position in the row, -1 when the tab has no such column. */
  readonly index: number;
  readonly criterion?: string;
  /** A criterion of some unit types only (`Loại hình` of `Tiêu chí`): required of them, refused from the others. */
  readonly unitTypes?: readonly string[];
}

/**
 * Columns of a form in its tab; a criterion's score column is found by its `[code]` prefix, so retitling is harmless.
 * Questions that follow the award catalogue take its options and conditions.
 */
function columnsOf(
  form: FormDef,
  index: ReadonlyMap<string, number>,
  criteria: readonly Criterion[],
  awards: readonly AwardDef[],
): Column[] {
  const questions = catalogueQuestions(form.questions, awards);
  const resolved = form.criterionScores ? unitTypeQuestions(questions, criteria) : questions;
  const columns: Column[] = resolved.map((question) => ({
    question,
    seen: question.header,
    index: index.get(question.header) ?? -1,
  }));
  if (!form.criterionScores) return columns;
  const scoreQuestions = criterionQuestions(criteria);
  criteria.forEach((c, i) => {
    const prefix = `[${c.code}]`;
    const header = [...index.keys()].find((h) => h.toUpperCase().startsWith(prefix));
    const seen = header ?? scoreQuestions[i].header;
    const question = scoreQuestions[i];
    // Whether a typed criterion is required depends on the unit, known only once the row is read (unitTypeScores).
    const { unitTypes } = question;
    if (unitTypes)
      columns.push({
        question: { ...question, required: false },
        seen,
        index: index.get(seen) ?? -1,
        criterion: c.code,
        unitTypes,
      });
    else columns.push({ question, seen, index: index.get(seen) ?? -1, criterion: c.code });
  });
  return columns;
}

/** Header → first column, after checking the required headers the way every tab is checked (HeaderError). */
function headerIndex(
  snapshot: Snapshot,
  tab: string,
  values: readonly (readonly Cell[])[],
  required: readonly string[],
): Map<string, number> {
  // Only the header row goes through readTable: building a record per row is too slow for 50,000 responses.
  readTable({ spreadsheetId: snapshot.spreadsheetId, tabs: new Map([[tab, values.slice(0, 1)]]) }, tab, required);
  const index = new Map<string, number>();
  (values[0] ?? []).forEach((h, i) => {
    const text = cellText(h);
    if (text !== '' && !index.has(text)) index.set(text, i);
  });
  return index;
}

function isBlank(raw: readonly Cell[]): boolean {
  for (const c of raw) if (typeof c !== 'string' || c.trim() !== '') return false;
  return true;
}

/**
 * Headers a response tab must have: the timestamp and every required static question. Optional questions added to a
 * form later may be absent from older tabs; a missing criterion column makes each report incomplete instead.
 */
function requiredHeaders(form: FormDef): string[] {
  return [TIMESTAMP_HEADER, ...form.questions.filter((q) => q.required && q.kind !== 'score').map((q) => q.header)];
}

export interface ValidationContext {
  readonly units: ReadonlyMap<string, Unit>;
  readonly criteria: readonly Criterion[];
  /** `Danh mục khen thưởng`; absent, the shipped defaults. */
  readonly awards?: readonly AwardDef[];
  readonly timeZone: string;
  /** The units' secrets; absent, responses are not checked for them (rule tests of other matters). */
  readonly secrets?: UnitSecrets;
}

/** A form's responses, judged. */
export interface FormResponses {
  /** Every non-blank row of the form's tab, in sheet order. */
  readonly responses: Judged[];
  /** Unit code → the unit's standing response, its latest valid one; empty when every response stands on its own. */
  readonly standing: ReadonlyMap<string, Judged>;
}

/** Every row of `form`'s tab, judged; a tab that does not exist yet has no responses. */
export function validateForm(snapshot: Snapshot, form: FormDef, ctx: ValidationContext): FormResponses {
  const values = snapshot.tabs.get(form.tab);
  if (!values) return { responses: [], standing: new Map() };
  const index = headerIndex(snapshot, form.tab, values, requiredHeaders(form));
  const columns = columnsOf(form, index, ctx.criteria, ctx.awards ?? DEFAULT_AWARDS);
  const at = (h: string) => index.get(h) ?? -1;
  const special = {
    timestamp: at(TIMESTAMP_HEADER),
    unit: at('Mã đơn vị'),
    secret: at(UNIT_SECRET_HEADER),
    // The question reading that column, whose text checkRow already has: the cell is not read a second time.
    secretColumn: columns.findIndex((c) => c.question.kind === 'unitSecret' && c.index === at(UNIT_SECRET_HEADER)),
  };
  // Conditions come first so that `requiredWhen` can look at the answers they depend on.
  const order = columns
    .map((_, i) => i)
    .sort((a, b) => Number(!!columns[a].question.requiredWhen) - Number(!!columns[b].question.requiredWhen));
  const slotOf = new Map<string, number>();
  for (const c of columns) if (!slotOf.has(c.question.header)) slotOf.set(c.question.header, slotOf.size);
  const scoreHeaders = new Map<string, string>();
  for (const c of columns) if (c.criterion !== undefined) scoreHeaders.set(c.criterion, c.question.header);
  const slotOfColumn = columns.map((c) => slotOf.get(c.question.header)!);
  // Every slot has a column; a second column of one header makes that slot -2.
  const slotColumn: number[] = [];
  columns.forEach((c, i) => {
    const slot = slotOfColumn[i];
    slotColumn[slot] = slotColumn[slot] === undefined ? c.index : -2;
  });
  const typedColumns = columns.flatMap((c, i) => (c.unitTypes ? [i] : []));
  // The branching question is checked only where some criterion has types: otherwise it is not asked.
  const typeColumn = typedColumns.length > 0 ? columns.findIndex((c) => c.question.optionsFrom === 'unitTypes') : -1;
  // The secret is never read back to anyone: receipts list every answer but it.
  const shown = columns.filter((c) => c.question.kind !== 'unitSecret');
  const sheet = new FormSheet(form.tab, slotOf, slotColumn, scoreHeaders, shown, at(EDIT_LINK_HEADER));
  // A campaign has a handful of unit types: what each must answer is worked out once per type, not per response.
  const byType = new Map<string, TypeRules>();
  const typeRules = (type: string): TypeRules => {
    let rules = byType.get(type);
    if (!rules) {
      const options = typeColumn < 0 ? [] : (columns[typeColumn].question.options ?? []);
      rules = {
        expected: unitTypeAnswer(options, type),
        applies: typedColumns.map((i) => appliesToType(columns[i].unitTypes, type)),
      };
      byType.set(type, rules);
    }
    return rules;
  };
  const slots = new Array<Answer | undefined>(slotOf.size);
  const layout = {
    columns,
    order,
    special,
    slotOfColumn,
    typedColumns,
    typeColumn,
    typeRules,
    rules: form.rules ?? [],
    sheet,
    texts: new Array<string>(columns.length),
    slots,
    errors: [],
    answers: new CheckedAnswers(sheet, slots),
  };
  const responses: Judged[] = [];
  for (let r = 1; r < values.length; r++) {
    const raw = values[r] ?? [];
    if (!isBlank(raw)) responses.push(checkRow(raw, r + 1, layout, ctx));
  }
  return { responses, standing: form.eachResponseStands ? new Map() : markSuperseded(responses) };
}

interface TypeRules {
  /** The branching question's option for the type. */
  readonly expected: string;
  /** Per entry of `typedColumns`: whether that criterion applies to the type. */
  readonly applies: readonly boolean[];
}

/** What every row of one form's tab shares. */
interface RowLayout {
  readonly columns: readonly Column[];
  /** Column positions in checking order. */
  readonly order: readonly number[];
  readonly special: {
    readonly timestamp: number;
    readonly unit: number;
    readonly secret: number;
    /** The column of `columns` asking for the secret in that column, -1 when the form has no such question. */
    readonly secretColumn: number;
  };
  /** Each column's answer slot, so a row's answers are stored without a map lookup per answer. */
  readonly slotOfColumn: readonly number[];
  /** Positions of the criteria of some unit types only; empty for most forms and campaigns. */
  readonly typedColumns: readonly number[];
  /** Position of `Loại hình đơn vị` when the form branches on it, else -1. */
  readonly typeColumn: number;
  /** What a unit of a type must answer to the branching question, and which typed criteria apply to it. */
  readonly typeRules: (type: string) => TypeRules;
  /** The form's rules over several answers. */
  readonly rules: NonNullable<FormDef['rules']>;
  readonly sheet: FormSheet;
  /**
   * Scratch for one row's answer texts, reused row after row (checkRow keeps none of the array itself): an array per
   * row added 12 MiB to the 380 MiB a 10,000-unit plan allocates (1/12/2026), while the bench guard is over budget.
   */
  readonly texts: string[];
  /**
   * Scratch for one row's normalised answers, by slot: only a row whose answers differ from its cells (a code typed in
   * lower case, a date or decimal rewritten, an answer refused) keeps a copy. Most keep none: an array per row was
   * 11 MiB of the 29 MiB the five forms' 50,000 judged responses keep for a whole 10,000-unit plan (1/12/2026).
   */
  readonly slots: (Answer | undefined)[];
  /** Scratch for one row's errors: only an invalid row keeps a list, of its own errors' length. */
  readonly errors: string[];
  /** The answers of the row being checked, for the questions and rules that look at other answers. */
  readonly answers: CheckedAnswers;
}

function checkRow(
  raw: readonly Cell[],
  rowNumber: number,
  {
    columns,
    order,
    special,
    slotOfColumn,
    typedColumns,
    typeColumn,
    typeRules,
    rules,
    sheet,
    texts,
    slots,
    errors,
    answers,
  }: RowLayout,
  ctx: ValidationContext,
): Judged {
  errors.length = 0;
  const stamp = raw[special.timestamp];
  const submittedAt = cellDate(stamp, ctx.timeZone);
  const timestampText = submittedAt ? formatDateTime(submittedAt, ctx.timeZone) : cellText(stamp);
  if (!submittedAt) {
    // A number is a serial date that is out of range (1e9 is the year 2739877); text is simply unreadable.
    errors.push(
      typeof stamp === 'number'
        ? msg.implausibleTimestamp(TIMESTAMP_HEADER, timestampText, PLAUSIBLE_YEARS.first, PLAUSIBLE_YEARS.last)
        : msg.badTimestamp(TIMESTAMP_HEADER, timestampText),
    );
  }

  slots.fill(undefined);
  let results: (string | undefined)[] | undefined; // most responses have no error: allocate on the first
  for (let o = 0; o < order.length; o++) {
    const i = order[o];
    const { question, seen, index } = columns[i];
    const cell = index < 0 ? undefined : raw[index];
    texts[i] = answerText(cell);
    const v = judgeAnswer(question, seen, cell, answers, texts[i]);
    if (v instanceof Invalid) (results ??= new Array<string | undefined>(columns.length))[i] = v.error;
    else if (v !== null) slots[slotOfColumn[i]] = v;
  }
  if (results) for (const error of results) if (error) errors.push(error);

  const unitCode = String(answers.get('Mã đơn vị') ?? cellText(raw[special.unit]).toUpperCase());
  const unit = ctx.units.get(unitCode);
  if (unitCode !== '' && !unit) errors.push(msg.unknownUnit('Mã đơn vị', unitCode));
  let authenticated = true;
  if (unit && ctx.secrets?.required) {
    const typed =
      special.secretColumn >= 0 ? texts[special.secretColumn] : special.secret < 0 ? '' : cellText(raw[special.secret]);
    const verdict = ctx.secrets.verify(unit, submittedAt, typed);
    if (verdict !== 'ok') {
      authenticated = false;
      errors.push(msg.notAuthenticated(UNIT_SECRET_HEADER, unitCode, verdict === 'missing'));
    }
  }
  crossRules(rules, answers, unit, submittedAt ? timestampText : null, errors);
  if (unit && typedColumns.length > 0) {
    const { expected, applies } = typeRules(unit.type);
    const chosen = typeColumn < 0 ? undefined : slots[slotOfColumn[typeColumn]];
    if (typeof chosen === 'string' && chosen !== expected)
      errors.push(msg.wrongUnitType(columns[typeColumn].seen, unit.code, unit.type, expected));
    for (let t = 0; t < typedColumns.length; t++) {
      const i = typedColumns[t];
      const { seen } = columns[i];
      if (results?.[i] !== undefined) continue;
      const answered = slots[slotOfColumn[i]] !== undefined;
      if (applies[t]) {
        if (!answered) errors.push(msg.required(seen));
      } else if (answered) {
        errors.push(msg.notForUnitType(seen, unit.type));
        // Never counted, even if the error is overlooked: the score is not part of this unit's total.
        slots[slotOfColumn[i]] = undefined;
      }
    }
  }

  return new Judged(
    sheet,
    raw,
    sheet.sameAsRow(raw, slots) ? undefined : slots.slice(),
    rowNumber,
    submittedAt,
    timestampText,
    unitCode,
    // Most responses have none: one shared empty list instead of an array kept per response.
    errors.length > 0 ? errors.slice() : NONE,
    authenticated,
    // Questions by position in the form: headers are long, answers short.
    fingerprint(sheet.form, texts),
  );
}

/** The form's own rules over several answers, as sheets-schema declares them. */
function crossRules(
  rules: NonNullable<FormDef['rules']>,
  values: Answers,
  unit: Unit | undefined,
  /** The response's timestamp text when its time was read, else null. */
  stamp: string | null,
  errors: string[],
): void {
  for (const rule of rules) {
    if (rule.kind === 'pastDate') {
      const error = pastDate(rule.header, values.get(rule.header), stamp, rule.maxYears);
      if (error) errors.push(error);
      continue;
    }
    if (rule.kind === 'atMost') {
      const a = values.get(rule.header);
      const b = values.get(rule.atMost);
      if (typeof a === 'number' && typeof b === 'number' && a > b)
        errors.push(msg.atMost(rule.header, rule.atMost, rule.showValues === false ? null : [a, b]));
    } else if (rule.kind === 'anyAnswered') {
      if (!rule.headers.some((h) => values.has(h))) errors.push(rule.message);
    } else if (unit?.type === rule.unitType && !values.has(rule.header)) {
      errors.push(msg.because(rule.header, rule.message));
    }
  }
}

/** `dd/MM/yyyy` (and whatever follows it, such as a time) as yyyyMMdd, so that days compare as numbers. */
const dayNumber = (day: string) => Number(day.slice(6, 10) + day.slice(3, 5) + day.slice(0, 2));

/**
 * A day answered (already `dd/MM/yyyy`) that cannot be in the past of the submission, or lies too far back. The
 * submission's day is the first ten characters of its timestamp text (formatDateTime), not formatted a second time.
 */
function pastDate(header: string, answer: Answer | undefined, stamp: string | null, maxYears: number): string | null {
  if (typeof answer !== 'string' || stamp === null) return null;
  const [day, sent] = [dayNumber(answer), dayNumber(stamp)];
  if (day > sent) return msg.dateAfter(header, answer, stamp.slice(0, 10));
  return day < sent - maxYears * 10_000 ? msg.dateTooEarly(header, answer, maxYears) : null;
}

/** (time, row) order; a row whose time is unreadable is placed by its row number alone. */
function before(a: JudgedResponse, b: JudgedResponse): boolean {
  const ta = a.submittedAt?.getTime();
  const tb = b.submittedAt?.getTime();
  if (ta !== undefined && tb !== undefined && ta !== tb) return ta < tb;
  return a.rowNumber < b.rowNumber;
}

/**
 * Each unit's latest valid response stands; every earlier one of that unit, valid or not, is replaced by it. Returns
 * the standing ones by unit code: a valid response has a time, so every other valid one of its unit comes before it.
 */
function markSuperseded(checked: Judged[]): Map<string, Judged> {
  const latest = new Map<string, Judged>();
  for (const c of checked) {
    if (!c.valid) continue;
    const current = latest.get(c.unitCode);
    if (!current || before(current, c)) latest.set(c.unitCode, c);
  }
  // Every response valid and the only one of its unit (most forms, most runs): none is replaced, no second look.
  if (latest.size === checked.length) return latest;
  for (const c of checked) {
    const last = latest.get(c.unitCode);
    if (!last || last === c || !before(c, last)) continue;
    c.superseded = true;
    // Its time as its own row of `Kiểm tra` shows it: the text checkRow made, not a second one.
    c.note(msg.superseded(last.submittedAt ? last.timestampText : `dòng ${last.rowNumber}`));
  }
  return latest;
}
