// The jobs, one planner each, and how any of them is planned: one context, the tabs every job writes, the mail log.
import { computeProgress, progressTab, readMilestones, readOrganiserDeadlines } from '../calendar/index.ts';
import { readFormLinks } from '../core/links.ts';
import type { Evaluation } from '../core/model.ts';
import { layoutData, numberSetting, readSettings, settingWarnings, type Settings } from '../core/settings.ts';
import { modelRegisterTab } from '../results/model-register.ts';
import type { Snapshot } from '../core/snapshot.ts';
import { dashboardModel, renderDashboard } from '../dashboard/index.ts';
import { evaluateCampaign, readBodies } from '../rules/index.ts';
import { digest } from './digest.ts';
import { ingest } from './ingest.ts';
import { DueEmailSorter } from './mail-log.ts';
import type { JobContext, JobPlan, Planner } from './plan.ts';
import { remind } from './remind.ts';
import { rollup } from './rollup.ts';
import {
  childrenTab,
  childrenTotals,
  forwardedTab,
  rollupRows,
  storedChildRows,
  type ChildReading,
} from '../rollup/index.ts';
import { TAB } from '../../sheets-schema/index.ts';

/** Every job: a new one is a file exporting its Planner and a line here. */
export const JOBS = { ingest, remind, digest, rollup } as const satisfies Readonly<Record<string, Planner>>;

export type JobName = keyof typeof JOBS;
export const JOB_NAMES = Object.keys(JOBS) as readonly JobName[];

/** The jobs whose runner reads the child campaigns of `Đơn vị` before planning (JobContext.children). */
export const READS_CHILDREN: ReadonlySet<JobName> = new Set<JobName>(['rollup']);

export interface ContextOptions {
  /** The key of the units' secrets (UNIT_SECRET_KEY), see core/unit-secret.ts. */
  readonly unitKey?: string;
  /** An evaluation built by hand (rule and planner tests); by default the snapshot's own. */
  readonly evaluation?: Evaluation;
  /** What was read from the child campaigns (READS_CHILDREN). */
  readonly children?: ReadonlyMap<string, ChildReading>;
}

/** The context of any job at `now`: the campaign judged, its progress and its figures, each computed once. */
export function jobContext(snapshot: Snapshot, now: Date, options: ContextOptions = {}): JobContext {
  // The roll-up's own run judges with what it just read: the children's rows and forwarded nominations replace the
  // stored ones before the campaign is evaluated (a body's derived level gates its nominations).
  const fresh = options.children ? rolledUp(snapshot, now, options.children) : undefined;
  if (fresh) {
    const tabs = new Map(snapshot.tabs);
    tabs.set(TAB.children, fresh.children.rows);
    tabs.set(TAB.forwarded, fresh.forwarded.rows);
    snapshot = { ...snapshot, tabs };
  }
  const evaluation = options.evaluation ?? evaluateCampaign(snapshot, now, options.unitKey);
  const { settings } = evaluation;
  const warnings = [...settingWarnings(settings), ...(evaluation.warnings ?? [])];
  const progress = computeProgress(evaluation, readMilestones(snapshot, settings, warnings), now);
  // The organiser's own report deadlines: in `Tổng hợp` and the digest, never in a unit's reminders.
  const organiser = readOrganiserDeadlines(snapshot, settings, warnings);
  const dashboard = dashboardModel(evaluation, progress, now, organiser);
  // Freshly rolled up when the runner read the children (the roll-up), else as the last roll-up left them; the
  // bodies are the evaluation's own (an evaluation built by hand may have none).
  const previous = snapshot.tabs.get(TAB.children);
  const childRows =
    fresh?.rows ??
    (previous && previous.length > 1 ? storedChildRows(previous, evaluation.bodies ?? readBodies(snapshot)) : []);
  return {
    snapshot,
    now,
    settings,
    evaluation,
    progress,
    dashboard:
      childRows.length === 0
        ? dashboard
        : { ...dashboard, withChildren: childrenTotals(dashboard.totals.campaign, childRows) },
    layout: layoutData(settings),
    links: readFormLinks(snapshot, evaluation),
    warnings,
    childRows,
    ...(fresh ? { forwarded: fresh.forwarded } : {}),
  };
}

/** `Tổng hợp cấp dưới` and `Đề nghị cấp dưới` from the children read for this run. */
function rolledUp(snapshot: Snapshot, now: Date, readings: ReadonlyMap<string, ChildReading>) {
  const settings = readSettings(snapshot);
  const bodies = readBodies(snapshot);
  const rows = rollupRows({ bodies, readings, previous: snapshot.tabs.get(TAB.children), settings, now });
  const sendUp = new Map([...readings].map(([code, r]) => [code, 'sendUp' in r ? r.sendUp : undefined] as const));
  const forwarded = forwardedTab({ bodies, sendUp, childRows: rows, previous: snapshot.tabs.get(TAB.forwarded) });
  return { rows, children: childrenTab(rows), forwarded };
}

/** Runs `planner`, sorts its emails against the mail log (the ones it holds are never kept) and adds the warnings. */
export function planWith(planner: Planner, context: JobContext): JobPlan {
  const output = planner(context);
  const sorter = new DueEmailSorter(context.snapshot);
  for (const offer of output.emails) {
    if ('items' in offer) sorter.offerBundle(offer);
    else sorter.offer(offer);
  }
  const { due, alreadySent, inDoubt } = sorter.result();
  const { evaluation, progress, dashboard } = context;
  // `Sổ mô hình` keeps the coordinator's cells: its plan is the tab as read plus the new models (results/).
  const models = modelRegisterTab(context.snapshot, evaluation, numberSetting(context.settings, 'Năm'));
  const writes = [
    ...evaluation.tabs,
    progressTab(progress),
    renderDashboard(dashboard),
    ...(models ? [models] : []),
    ...output.writes,
  ];
  return { writes, emails: due, alreadySent, inDoubt, summary: [...output.summary, ...context.warnings] };
}

/** `unitKey`: the key of the units' secrets (UNIT_SECRET_KEY), see core/unit-secret.ts. */
export function planJob(
  name: JobName,
  snapshot: Snapshot,
  now: Date,
  unitKey?: string,
  children?: ReadonlyMap<string, ChildReading>,
): { plan: JobPlan; settings: Settings } {
  const context = jobContext(snapshot, now, { unitKey, children });
  return { plan: planWith(JOBS[name], context), settings: context.settings };
}
