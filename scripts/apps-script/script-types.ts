// The shapes of THIDUA_FORMS and THIDUA_NAMES, the data the generated Schema.gs declares. Types only, free of Node:
// the generator builds them and the Apps Script sources (checked without Node's types) read them.
import type { QuestionKind } from '../../sheets-schema/types.ts';

export interface ScriptQuestion {
  readonly title: string;
  readonly kind: QuestionKind;
  /** Forms cannot express "required when another answer is X"; those stay optional here and ingest checks them. */
  readonly required: boolean;
  readonly help: string;
  readonly options?: readonly string[];
  /**
   * The options are read when the form is made (sheets-schema `optionsFrom`): from `Danh mục khen thưởng`, or the unit
   * types of `Tiêu chí` (the final report's branching question).
   */
  readonly optionsFrom?: 'awards' | 'nomineeKinds' | 'unitTypes';
  readonly min?: number;
  readonly max?: number;
  readonly maxLength?: number;
}

export interface ScriptForm {
  /** Script property holding the created form id. */
  readonly key: string;
  readonly tab: string;
  readonly title: string;
  readonly description: string;
  /** True for the final report: score questions are appended from `Tiêu chí` when the form is created. */
  readonly withCriteria: boolean;
  readonly questions: readonly ScriptQuestion[];
}

/** The tab names, headers and link placeholders the script relies on, all from the schema and the functions. */
export interface ScriptNames {
  readonly timestampHeader: string;
  readonly editLinkHeader: string;
  readonly unitsTab: string;
  readonly criteriaTab: string;
  /** `Loại hình` of `Tiêu chí`, and the branching question's choice for a type without criteria of its own. */
  readonly criterionTypesHeader: string;
  readonly otherUnitType: string;
  readonly catalogueTab: string;
  readonly catalogueNameHeader: string;
  readonly catalogueKindsHeader: string;
  /** The shipped catalogue, for a spreadsheet without the tab: award names and every nominee kind. */
  readonly defaultAwards: readonly string[];
  readonly defaultKinds: readonly string[];
  readonly formLinksTab: string;
  readonly documentsTab: string;
  readonly childrenTab: string;
  readonly configTab: string;
  /** The `Cấu hình` key where the new year leaves the link of the spreadsheet it made. */
  readonly nextYearSetting: string;
  readonly unitCodeHeader: string;
  readonly secretHeader: string;
  readonly reissuedHeader: string;
  readonly secretSetting: string;
  readonly secretLength: number;
  readonly everyUnit: string;
  readonly unitPlaceholder: string;
  readonly secretPlaceholder: string;
}
