// The roll-up of child campaigns (docs/design/rollup.md): the pure figures and tab, and the reading of the children.
export { childSpreadsheetId } from './source.ts';
export { derivedLevel, derivedRule, type DerivedRule } from './derive.ts';
export { dashboardFigures, subtreeFigures, MalformedTabError, type RollupFigures } from './figures.ts';
export {
  CHILD_STATUS,
  childrenTab,
  childrenTotals,
  readChildRows,
  rollupRows,
  storedChildRows,
  type ChildReading,
  type ChildRow,
} from './tab.ts';
export { failureReason, readChildren, type ChildReadings, type ChildSpreadsheet } from './read.ts';
export {
  ForwardedNomination,
  forwardedTab,
  originPath,
  readForwarded,
  sendUpTab,
  type ForwardInput,
} from './forward.ts';
