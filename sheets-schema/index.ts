// The schema API: tabs, settings keys, forms and defaults — the one source for setup, validation and generated forms.
export type { Criterion, FormDef, Question, QuestionKind, TabDef, TabOwner } from './types.ts';
export {
  EDIT_LINK_HEADER,
  MILESTONE_KIND_HEADER,
  MILESTONE_KIND_ORGANISER,
  MILESTONE_KIND_UNIT,
  MILESTONE_RECIPIENT_HEADER,
  REQUIRED_HEADER,
  TAB,
  TABS,
  TIMESTAMP_HEADER,
  tabDef,
} from './tabs.ts';
export { SETTINGS, type SettingDef, type SettingKey } from './settings.ts';
export {
  AWARDS,
  AWARD_CERTIFICATE,
  AWARD_MEDAL,
  AWARD_MINISTER_CERTIFICATE,
  FINAL_FORM,
  FORMS,
  INTERIM_FORM,
  KIND_COLLECTIVE,
  KIND_INDIVIDUAL,
  NOMINATION_FORM,
  PLAN_FORM,
  REGISTRATION_FORM,
  UNIT_SECRET_HEADER,
  criterionHeader,
  criterionQuestions,
  formDef,
  formQuestions,
  formSlug,
} from './forms/index.ts';
export { defaultCriteria, defaultMilestones, defaultRequired, defaultTabRows, defaultTargets } from './defaults.ts';
