// What the generated Schema.gs declares, as the hand-written files of the project see it.
type ScriptForm = import('../script-types.ts').ScriptForm;
type ScriptQuestion = import('../script-types.ts').ScriptQuestion;
type ScriptNames = import('../script-types.ts').ScriptNames;

/** A row of `Tiêu chí`, as the script reads it to add the final report's score questions. */
interface ScriptCriterion {
  code: string;
  group: string;
  content: string;
  maxScore: number;
  /** `Loại hình`: the unit types it applies to; empty for every type. */
  types: string[];
}

/** A question as the script asks it; a criterion of some types carries its section of the form and their types. */
type ScriptAsked = ScriptQuestion & { section?: number; sectionTypes?: string[] };

/** A cell as Range.getValues() returns it (typed `any` by @types/google-apps-script). */
type CellValue = string | number | boolean | Date;

declare const THIDUA_FORMS: readonly ScriptForm[];
declare const THIDUA_NAMES: ScriptNames;
