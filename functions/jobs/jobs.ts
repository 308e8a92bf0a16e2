// The three jobs as pure plans over one snapshot; every job also recomputes all derived system tabs.
import { computeProgress, progressTab, readMilestones } from '../calendar/index.ts';
import { settingWarnings, type Settings } from '../core/settings.ts';
import type { Snapshot } from '../core/snapshot.ts';
import { dashboardTab } from '../dashboard/index.ts';
import { planResultsEmails } from '../results/index.ts';
import { evaluateCampaign } from '../rules/index.ts';
import { planDigest } from './digest.ts';
import { planIngest } from './ingest.ts';
import { DueEmailSorter } from './mail-log.ts';
import type { JobPlan, PlannerOutput } from './plan.ts';
import { planRemind } from './remind.ts';

export type JobName = 'ingest' | 'remind' | 'digest';
export const JOB_NAMES: readonly JobName[] = ['ingest', 'remind', 'digest'];

/** `unitKey`: the key of the units' secrets (UNIT_SECRET_KEY), see core/unit-secret.ts. */
export function planJob(
  name: JobName,
  snapshot: Snapshot,
  now: Date,
  unitKey?: string,
): { plan: JobPlan; settings: Settings } {
  const evaluation = evaluateCampaign(snapshot, now, unitKey);
  const milestoneErrors: string[] = [];
  const milestones = readMilestones(snapshot, evaluation.settings, milestoneErrors);
  const progress = computeProgress(evaluation, milestones, now);
  const derived = [progressTab(progress), dashboardTab(evaluation, progress, now)];

  // Emails are sorted against the mail log as they are planned, so the ones it holds are never kept.
  const sorter = new DueEmailSorter(snapshot);
  let own: Omit<PlannerOutput, 'emails'>;
  if (name === 'ingest') {
    own = planIngest(
      snapshot,
      { evaluation, extraTabs: derived, extraEmails: planResultsEmails(evaluation, snapshot) },
      sorter,
    );
  } else if (name === 'remind') {
    const planned = planRemind(snapshot, evaluation, now, sorter, progress);
    own = { writes: [...evaluation.tabs, ...derived, ...planned.writes], summary: planned.summary };
  } else {
    const planned = planDigest(snapshot, evaluation, now, progress);
    for (const email of planned.emails) sorter.offer(email.key, () => email);
    own = { writes: [...evaluation.tabs, ...derived, ...planned.writes], summary: planned.summary };
  }
  const { due, alreadySent, inDoubt } = sorter.result();
  const warnings = [...settingWarnings(evaluation.settings), ...milestoneErrors];
  const summary = warnings.length > 0 ? [...own.summary, ...warnings] : own.summary;
  return { plan: { writes: own.writes, emails: due, alreadySent, inDoubt, summary }, settings: evaluation.settings };
}
