// The three jobs as pure plans over one snapshot; every job also recomputes all derived system tabs.
import { computeProgress, progressTab, readMilestones } from '../calendar/index.ts';
import type { Settings } from '../core/settings.ts';
import type { Snapshot } from '../core/snapshot.ts';
import { dashboardTab } from '../dashboard/index.ts';
import { planResultsEmails } from '../results/index.ts';
import { evaluateCampaign } from '../rules/index.ts';
import { planDigest } from './digest.ts';
import { planIngest } from './ingest.ts';
import type { JobPlan } from './plan.ts';
import { planRemind } from './remind.ts';

export type JobName = 'ingest' | 'remind' | 'digest';
export const JOB_NAMES: readonly JobName[] = ['ingest', 'remind', 'digest'];

export function planJob(name: JobName, snapshot: Snapshot, now: Date): { plan: JobPlan; settings: Settings } {
  const evaluation = evaluateCampaign(snapshot, now);
  const milestoneErrors: string[] = [];
  const milestones = readMilestones(snapshot, evaluation.settings, milestoneErrors);
  const progress = computeProgress(evaluation, milestones, now);
  const derived = [progressTab(progress), dashboardTab(evaluation, progress, now)];

  let plan: JobPlan;
  if (name === 'ingest') {
    plan = planIngest(snapshot, { evaluation, extraTabs: derived, extraEmails: planResultsEmails(evaluation, snapshot) });
  } else {
    const own = name === 'remind' ? planRemind(snapshot, evaluation, now, progress) : planDigest(snapshot, evaluation, now, progress);
    plan = { ...own, writes: [...evaluation.tabs, ...derived, ...own.writes] };
  }
  const summary = milestoneErrors.length > 0 ? [...plan.summary, ...milestoneErrors] : plan.summary;
  return { plan: { ...plan, summary }, settings: evaluation.settings };
}
