// The schema as plain data for Apps Script: forms, their questions and the names the script relies on.
import { OTHER_UNIT_TYPE } from '../../sheets-schema/forms/index.ts';
import {
  CATALOGUE_HEADERS,
  CRITERION_TYPES_HEADER,
  EDIT_LINK_HEADER,
  FORMS,
  TAB,
  TIMESTAMP_HEADER,
  UNIT_SECRET_HEADER,
  defaultAwards,
  nomineeKinds,
} from '../../sheets-schema/index.ts';
import { EVERY_UNIT, SECRET_PLACEHOLDER, UNIT_PLACEHOLDER } from '../../functions/core/links.ts';
import { UNIT_SECRET_LENGTH } from '../../functions/core/unit-secret.ts';
import { SECRET_REISSUED_HEADER } from '../../functions/rules/campaign-data.ts';
import { NEXT_YEAR_SETTING } from '../../functions/yearend/plan.ts';
import type { ScriptForm, ScriptNames } from './script-types.ts';

export function scriptForms(): ScriptForm[] {
  return FORMS.map((form) => ({
    key: `FORM_ID:${form.tab}`,
    tab: form.tab,
    title: form.title,
    description: form.description,
    withCriteria: form.criterionScores === true,
    questions: form.questions.map((q) => ({
      title: q.header,
      kind: q.kind,
      required: q.required && !q.requiredWhen,
      help: q.help ?? '',
      ...(q.options ? { options: q.options } : {}),
      ...(q.optionsFrom ? { optionsFrom: q.optionsFrom } : {}),
      ...(q.min !== undefined ? { min: q.min } : {}),
      ...(q.max !== undefined ? { max: q.max } : {}),
      ...(q.maxLength !== undefined ? { maxLength: q.maxLength } : {}),
    })),
  }));
}

export function scriptNames(): ScriptNames {
  return {
    timestampHeader: TIMESTAMP_HEADER,
    editLinkHeader: EDIT_LINK_HEADER,
    unitsTab: TAB.units,
    criteriaTab: TAB.criteria,
    criterionTypesHeader: CRITERION_TYPES_HEADER,
    otherUnitType: OTHER_UNIT_TYPE,
    catalogueTab: TAB.catalogue,
    catalogueNameHeader: CATALOGUE_HEADERS.name,
    catalogueKindsHeader: CATALOGUE_HEADERS.kinds,
    defaultAwards: defaultAwards().map((a) => a.name),
    defaultKinds: nomineeKinds(defaultAwards()),
    formLinksTab: TAB.formLinks,
    documentsTab: TAB.documents,
    childrenTab: TAB.children,
    configTab: TAB.config,
    nextYearSetting: NEXT_YEAR_SETTING,
    unitCodeHeader: 'Mã đơn vị',
    secretHeader: UNIT_SECRET_HEADER,
    reissuedHeader: SECRET_REISSUED_HEADER,
    secretSetting: 'Xác thực đơn vị',
    secretLength: UNIT_SECRET_LENGTH,
    everyUnit: EVERY_UNIT,
    unitPlaceholder: UNIT_PLACEHOLDER,
    secretPlaceholder: SECRET_PLACEHOLDER,
  };
}
