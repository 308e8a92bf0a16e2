// Calendar API: milestones, unit progress, reminder schedule, the organiser's own deadlines and Vietnamese dates.
export { readMilestones } from './milestones.ts';
export {
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
export {
  countdowns,
  lateUnitDeadlines,
  organiserDeadlinesDue,
  readOrganiserDeadlines,
  type Countdown,
  type LateUnitDeadline,
  type OrganiserDeadline,
  type OrganiserDeadlineDue,
} from './organiser.ts';
