// Spreadsheet setup: the applier other scripts call in-process, and the pure planner for tests and tooling.
export { setupSpreadsheet, type SetupResult, type SetupSpreadsheetOptions } from './apply.ts';
export { planSetup, type SetupOptions, type SetupPlan, type ValueWrite } from './plan.ts';
export { toState, type SheetState, type SpreadsheetState } from './state.ts';
