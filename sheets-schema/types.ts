// The shapes every tab and form declaration takes; the declarations themselves live beside this file.

/** Who may write a tab: coordinators type it, Google Forms appends to it, or only our functions write it. */
export type TabOwner = 'coordinator' | 'form' | 'system';

export interface TabDef {
  /** Exact tab name (Vietnamese, NFC). */
  readonly name: string;
  readonly owner: TabOwner;
  /** Headers that must exist, in the order setup-sheets creates them. Extra columns are always allowed. */
  readonly headers: readonly string[];
  /** Headers created by setup-sheets but not required when reading (e.g. optional form questions). */
  readonly optionalHeaders?: readonly string[];
  /** One line for coordinators: what the tab holds. */
  readonly description: string;
}

/** How an answer is typed, validated and rendered as a form control. */
export type QuestionKind =
  | 'unitCode' // a code from `Đơn vị`; trimmed and upper-cased before matching
  | 'unitSecret' // the unit's secret, prefilled by its form links; checked by ingest, never shown back
  | 'text' // one line
  | 'paragraph' // several lines
  | 'email'
  | 'url' // an http(s) link, e.g. to a document on Google Drive
  | 'integer' // non-negative integer indicator
  | 'percent' // 0..100
  | 'choice' // one of `options`
  | 'date' // a calendar date dd/MM/yyyy (or a date cell), in 1900–2200; form rules may bound it further
  | 'score'; // a criterion score within 0..`Điểm tối đa` (final report, generated from `Tiêu chí`)

export interface Question {
  /** The column header in the response tab and the question title in the form: identical, always. */
  readonly header: string;
  readonly kind: QuestionKind;
  readonly required: boolean;
  /** Help text shown under the question. */
  readonly help?: string;
  /** For `choice`. */
  readonly options?: readonly string[];
  /** Longest accepted answer, in characters (text kinds). */
  readonly maxLength?: number;
  /** Inclusive bounds for numeric kinds. */
  readonly min?: number;
  readonly max?: number;
  /**
   * Required only when another answer has a given value (e.g. medal fields only for the medal award).
   * When set, `required` means "required when the condition holds".
   */
  readonly requiredWhen?: {
    readonly header: string;
    readonly equals: string;
    readonly oneOf?: readonly string[];
    /** A second condition that must hold as well (a date of birth: an individual, and an award the registry checks). */
    readonly also?: { readonly header: string; readonly equals: string };
  };
  /**
   * The options are the catalogue's (`Danh mục khen thưởng`): its awards, or every nominee kind it names; or the unit
   * types with criteria of their own in `Tiêu chí`, then `Loại hình khác` (the final report's branching question).
   */
  readonly optionsFrom?: 'awards' | 'nomineeKinds' | 'unitTypes';
  /**
   * Required only for the awards whose catalogue row asks for it; resolved by `formQuestions` into `requiredWhen` on
   * the form's `optionsFrom: 'awards'` question (a `requiredWhen` declared beside it becomes its `also`). Declared with
   * `required: false`, so older tabs may lack the column.
   */
  readonly requiredForAward?: AwardNeed;
  /**
   * Asked only of units whose `Loại hình` is one of these (a criterion of `Tiêu chí` with its own `Loại hình`):
   * required of them, left blank by every other type. Absent: asked of every unit.
   */
  readonly unitTypes?: readonly string[];
}

/** What a catalogue row may ask a nomination to carry. */
export type AwardNeed = 'summary' | 'service' | 'oneOff' | 'identity';

/** A rule's figure for everyone, or per `Nhóm đối tượng` / `Giới tính` (`Lãnh đạo: 10; Nam: 15; Nữ: 10`). */
export interface PerGroup {
  readonly all: number | null;
  readonly entries: readonly { readonly label: string; readonly value: number }[];
}

/** One row of `Danh mục khen thưởng`: an award and the rule kinds that apply to it (docs/design/awards.md). */
export interface AwardDef {
  readonly name: string;
  /** Nominee kinds (`Tập thể`, `Cá nhân`, `Mô hình`…). */
  readonly kinds: readonly string[];
  /** Levels the nominating unit must have; null: `Cấu hình`'s `Mức được xét khen thưởng`; empty: none required. */
  readonly levels: readonly string[] | null;
  readonly minYears: PerGroup | null;
  readonly earlierAwards: PerGroup | null;
  readonly oncePerLifetime: boolean;
  /** At most this percentage of the campaign's units receive it. */
  readonly maxShareOfUnits: number | null;
  readonly oneOffOnly: boolean;
  readonly needsSummary: boolean;
  /** A collective's unit classified at the row's levels (or `Xuất sắc`) this many years running, this one included. */
  readonly consecutiveYears: number | null;
  /** A collective's unit must be recognised "An toàn về ANTT" this year (Thông tư 124/2021/TT-BCA). */
  readonly requiresAntt: boolean;
  /** The legal source, as typed. */
  readonly source: string;
}

/** A rule over several answers of one response, checked after each answer's own (functions/rules/validate.ts). */
export type FormRule =
  /** The number answered to `header` may not exceed the one answered to `atMost`; `showValues: false` omits them. */
  | { readonly kind: 'atMost'; readonly header: string; readonly atMost: string; readonly showValues?: false }
  /** At least one of `headers` answered; else the unit reads `message`. */
  | { readonly kind: 'anyAnswered'; readonly headers: readonly string[]; readonly message: string }
  /** `header` answered by every unit whose `Loại hình` is `unitType`; else `Câu "<header>": <message>`. */
  | {
      readonly kind: 'requiredForUnitType';
      readonly header: string;
      readonly unitType: string;
      readonly message: string;
    }
  /** The date answered to `header` falls on or before the submission, at most `maxYears` years before it. */
  | { readonly kind: 'pastDate'; readonly header: string; readonly maxYears: number };

export interface FormDef {
  /** The response tab the form writes to; also the value of `Biểu mẫu` in `Mốc thời gian`. */
  readonly tab: string;
  /** The form's title as units see it. */
  readonly title: string;
  readonly description: string;
  readonly questions: readonly Question[];
  /** One score question per row of `Tiêu chí` follows `questions` (the final report's self-assessment). */
  readonly criterionScores?: true;
  /**
   * Each response stands on its own (one nominee each). Otherwise a unit's latest valid response replaces its earlier
   * ones, which then count nowhere and need no email.
   */
  readonly eachResponseStands?: true;
  /** Checked in order; their errors follow the answers' own. */
  readonly rules?: readonly FormRule[];
}

/** One row of `Tiêu chí`: criteria are data, so the final report's score questions are generated from them. */
export interface Criterion {
  readonly code: string;
  readonly group: string;
  readonly content: string;
  readonly maxScore: number;
  /** `Loại hình` of `Tiêu chí`: the unit types it applies to; none: every type (docs/design/awards.md §4). */
  readonly types?: readonly string[];
}
