// The five forms, in the order of the campaign year, and the question list each unit sees.
import { awardNeeds, defaultAwards, nomineeKinds } from '../awards.ts';
import type { AwardDef, Criterion, FormDef, Question } from '../types.ts';
import { FINAL_FORM, criterionLayout, criterionQuestions, unitTypeOptions } from './final.ts';
import { NOMINATION_FORM } from './nominations.ts';
import { PLAN_FORM } from './plan.ts';
import { REGISTRATION_FORM } from './registration.ts';
import { INTERIM_FORM } from './reports.ts';

export const FORMS: readonly FormDef[] = [REGISTRATION_FORM, PLAN_FORM, INTERIM_FORM, FINAL_FORM, NOMINATION_FORM];

export function formDef(tab: string): FormDef | undefined {
  return FORMS.find((f) => f.tab === tab);
}

/** ASCII name of a response tab, for URLs and email keys: `Đăng ký thi đua` → `dang-ky-thi-dua`. */
export function formSlug(tab: string): string {
  return tab
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * Every question of `form` as a unit sees it: the final report gains one score question per criterion, last; the
 * nominations' award questions take their options and conditions from the catalogue (`awards`).
 */
export function formQuestions(
  form: FormDef,
  criteria: readonly Criterion[],
  awards: readonly AwardDef[] = defaultAwards(),
): Question[] {
  const questions = catalogueQuestions(form.questions, awards);
  if (!form.criterionScores) return questions;
  // Criteria of some types only are asked in their types' sections, after the common ones; without any such
  // criterion the branching question is not asked at all.
  const layout = criterionLayout(criteria);
  const ordered = [...layout.common, ...layout.sections.flatMap((s) => s.criteria)];
  const asked = layout.sections.length === 0 ? questions.filter((q) => q.optionsFrom !== 'unitTypes') : questions;
  return [...unitTypeQuestions(asked, criteria), ...criterionQuestions(ordered)];
}

/** `optionsFrom: 'unitTypes'` resolved against `Tiêu chí`: the types with criteria of their own, then the rest. */
export function unitTypeQuestions(questions: readonly Question[], criteria: readonly Criterion[]): Question[] {
  if (!questions.some((q) => q.optionsFrom === 'unitTypes')) return [...questions];
  const options = unitTypeOptions(criterionLayout(criteria));
  return questions.map((q) => (q.optionsFrom === 'unitTypes' ? { ...q, options } : q));
}

/** `optionsFrom` and `requiredForAward` resolved against the catalogue; other questions are returned as they are. */
export function catalogueQuestions(questions: readonly Question[], awards: readonly AwardDef[]): Question[] {
  const awardHeader = questions.find((q) => q.optionsFrom === 'awards')?.header;
  return questions.map((q) => {
    if (q.optionsFrom === 'awards') return { ...q, options: awards.map((a) => a.name) };
    if (q.optionsFrom === 'nomineeKinds') return { ...q, options: nomineeKinds(awards) };
    if (q.requiredForAward && awardHeader !== undefined) {
      const need = q.requiredForAward;
      const oneOf = awards.filter((a) => awardNeeds(a).includes(need)).map((a) => a.name);
      const also = q.requiredWhen ? { header: q.requiredWhen.header, equals: q.requiredWhen.equals } : undefined;
      return {
        ...q,
        required: true,
        requiredWhen: { header: awardHeader, equals: oneOf[0] ?? '', oneOf, ...(also ? { also } : {}) },
      };
    }
    return q;
  });
}

export { ANTT_REGISTRATION_OPTIONS, REGISTRATION_FORM } from './registration.ts';
export { PLAN_FORM, PLAN_LINK_HEADER, TARGET_QUESTIONS, targetHeader } from './plan.ts';
export { UNIT_CODE, UNIT_SECRET, UNIT_SECRET_HEADER } from './unit.ts';
export { INTERIM_FORM, INDICATOR_QUESTIONS, REPORT_TEXT_HEADERS, REPORT_TEXT_QUESTIONS } from './reports.ts';
export {
  ANTT_AGENCY_CRITERIA,
  ANTT_COMMUNE_CRITERIA,
  ANTT_COMMUNE_RESIDENTIAL,
  ANTT_RESIDENTIAL_CRITERIA,
  CRITERION_TYPES_HEADER,
  FINAL_FORM,
  OTHER_UNIT_TYPE,
  UNIT_TYPE_HEADER,
  criterionLayout,
  unitTypeAnswer,
  unitTypeOptions,
  type CriterionLayout,
  type CriterionSection,
  NO,
  SERIOUS_INCIDENT_HEADER,
  YES,
  criterionHeader,
  criterionQuestions,
  appliesToType,
  parseUnitTypes,
  unitTypeKey,
  type AnttCriterion,
} from './final.ts';
export {
  AWARDS,
  AWARD_CERTIFICATE,
  AWARD_MEDAL,
  AWARD_MINISTER_CERTIFICATE,
  FEMALE,
  GROUP_GRASSROOTS,
  GROUP_LEADER,
  KIND_COLLECTIVE,
  KIND_INDIVIDUAL,
  MALE,
  NOMINATION_FORM,
  NOMINATION_HEADERS,
  ACHIEVEMENT_ONE_OFF,
  ACHIEVEMENT_REGULAR,
} from './nominations.ts';
