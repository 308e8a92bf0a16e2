// The rules of the movement as the jobs call them: one evaluation of the whole campaign, and the unit list.
export { evaluateCampaign } from './evaluate.ts';
export { readBodies, readUnits, readCriteria, type Body } from './campaign-data.ts';
export { formQuestions, criterionQuestions } from '../../sheets-schema/forms/index.ts';
