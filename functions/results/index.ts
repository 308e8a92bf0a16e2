// Results API: the per-unit summary emails of classification and nomination verdicts.
export { resultsEmails } from './summary.ts';
