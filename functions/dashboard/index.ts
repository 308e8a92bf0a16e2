// Dashboard API: the `Tổng hợp` tab, its figures as a model for the digest, the weekly history and campaign identity.
export {
  DASHBOARD_SECTIONS,
  INVALID_EMAILS_SECTION,
  dashboardTab,
  renderDashboard,
  withSpreadsheetRows,
  type SpreadsheetFigures,
} from './tab.ts';
export {
  dashboardModel,
  percent,
  type ChildrenTotals,
  type ClusterLeader,
  type DashboardModel,
  type LevelCount,
  type MilestoneFigures,
  type PendingFix,
  type UnitMilestone,
} from './model.ts';
export { historyTab, previousWeek, readHistory, weeklyFigures, type HistoryRow } from './history.ts';
