// The year's end: recording the decisions into the registry, and the new year's campaign spreadsheet. Each is one
// function shared by its command (`npm run record-decisions`, `npm run new-year`) and its menu item (the `yearend`
// function, runner.ts).
export { recordDecisions } from './record.ts';
export { createNextYear, type NewYearOptions, type NewYearResult } from './new-year.ts';
export { NEXT_YEAR_SETTING, nextYear, textDatesPlusOneYear, type NextYear } from './plan.ts';
