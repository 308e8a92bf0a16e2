// The reminder steps of a milestone and which one is due: only the latest, so a job that missed days sends no burst.
import type { Milestone } from '../core/model.ts';
import { localDay } from './days.ts';

export interface ReminderStep {
  /** `before-7`, `due-day`, `overdue-1`, … : part of the email key, so never renamed. */
  readonly step: string;
  readonly kind: 'before' | 'due-day' | 'overdue';
  /** The calendar day (campaign zone) from which the step is due. */
  readonly day: number;
  /** Days before the deadline (before-N), or the overdue notice's number (overdue-N); 0 on the day. */
  readonly n: number;
}

/** Days between weekly overdue notices. */
const OVERDUE_INTERVAL_DAYS = 7;

/** A year of weekly notices: a mistyped `Số lần nhắc quá hạn tối đa` (1e12) must not build a step per week of it. */
export const MAX_OVERDUE_NOTICES = 52;

/**
 * Every step of `milestone`, in time order: one per reminder offset, the deadline day, then up to `maxOverdue` weekly
 * notices, none for an optional milestone.
 */
export function reminderSteps(milestone: Milestone, maxOverdue: number, timeZone: string): ReminderStep[] {
  const deadlineDay = localDay(milestone.deadline, timeZone);
  const steps: ReminderStep[] = milestone.remindBefore
    .filter((n) => n > 0)
    .toSorted((a, b) => b - a)
    .map((n) => ({ step: `before-${n}`, kind: 'before', day: deadlineDay - n, n }));
  steps.push({ step: 'due-day', kind: 'due-day', day: deadlineDay, n: 0 });
  const overdue = Math.min(maxOverdue, MAX_OVERDUE_NOTICES);
  for (let k = 1; milestone.required && k <= overdue; k++) {
    steps.push({ step: `overdue-${k}`, kind: 'overdue', day: deadlineDay + 1 + (k - 1) * OVERDUE_INTERVAL_DAYS, n: k });
  }
  return steps;
}

/**
 * The latest step whose day has come at `now`, or null before the first one, and null once the deadline day is past
 * with no overdue notice to give (an optional milestone, or no overdue notices configured): nothing is left to say.
 */
export function latestDueStep(
  milestone: Milestone,
  now: Date,
  maxOverdue: number,
  timeZone: string,
): ReminderStep | null {
  const today = localDay(now, timeZone);
  let latest: ReminderStep | null = null;
  for (const step of reminderSteps(milestone, maxOverdue, timeZone)) if (step.day <= today) latest = step;
  if (latest && latest.kind !== 'overdue' && today > localDay(milestone.deadline, timeZone)) return null;
  return latest;
}
