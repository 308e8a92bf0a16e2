// The schema API: tabs, settings keys and forms, the one source for setup, validation and generated forms.
export type { Criterion, FormDef, Question, QuestionKind, TabDef, TabOwner } from './types.ts';
export { EDIT_LINK_HEADER, TAB, TABS, TIMESTAMP_HEADER, tabDef } from './tabs.ts';
export { SETTINGS, type SettingDef, type SettingKey } from './settings.ts';
export { FORMS, formDef } from './forms/index.ts';
