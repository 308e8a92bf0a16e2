// Results API: the per-unit summary emails of classification and nomination verdicts.
export { planResultsEmails, type ResultsData } from './summary.ts';
