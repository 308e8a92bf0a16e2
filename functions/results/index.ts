// Results API: the per-unit summary emails, and the indicator totals of the sơ kết and tổng kết reports.
export { resultsEmails } from './summary.ts';
export {
  REPORT_INDICATORS,
  classificationSpread,
  clusterLeaders,
  countedResponses,
  indicatorTotals,
  modelNames,
  type AnttByType,
  type ClusterFigures,
  type ClusterLeader,
  type Indicator,
  type IndicatorFigure,
  type IndicatorKind,
  type IndicatorTotals,
  type LevelCount,
  type ReportedModel,
  type ScopeFigures,
} from './indicators.ts';
