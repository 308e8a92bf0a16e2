// Calendar API: milestones, unit progress, reminder schedule and Vietnamese dates.
export { readMilestones } from './milestones.ts';
export {
  PROGRESS_HEADERS,
  PROGRESS_STATUSES,
  computeProgress,
  isOutstanding,
  progressTab,
  type Progress,
  type ProgressEntry,
  type ProgressStatus,
} from './progress.ts';
export { latestDueStep, reminderSteps, type ReminderStep } from './schedule.ts';
export { formatWeekdayDate, formatWeekdayDay } from './weekday.ts';
export { isoWeekKey, localDay } from './days.ts';
