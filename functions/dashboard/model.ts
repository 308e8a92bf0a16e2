// The figures of the coordinator dashboard and the weekly digest, computed once from the evaluation and progress.
import {
  countdowns,
  lateUnitDeadlines,
  type Countdown,
  type LateUnitDeadline,
  type OrganiserDeadline,
  type Progress,
  type ProgressStatus,
} from '../calendar/index.ts';
import type { AwardTally, Evaluation } from '../core/model.ts';
import {
  percentOf,
  type ClusterLeader,
  type LevelCount,
  indicatorTotals,
  type IndicatorTotals,
} from '../results/indicators.ts';
import { layoutData, setting } from '../core/settings.ts';
import { FOLDER_SETTING, parseFolderSetting, type FolderSetting } from '../publish/folder.ts';
import type { LayoutData } from '../mail/types.ts';

export interface MilestoneFigures {
  readonly code: string;
  readonly name: string;
  readonly deadline: Date;
  readonly units: number;
  readonly onTime: number;
  readonly late: number;
  readonly overdue: number;
  readonly invalid: number;
  /** `Chưa đến hạn` and `Sắp đến hạn`. */
  readonly notYetDue: number;
  /** `Không bắt buộc`: an optional milestone past its deadline that the unit had nothing to send for. */
  readonly notRequired: number;
  /** Units with a valid submission (on time or late), % of units, one decimal. */
  readonly submittedPercent: number;
}

export interface UnitMilestone {
  readonly unitCode: string;
  readonly unitName: string;
  readonly cluster: string;
  readonly milestoneCode: string;
  readonly milestoneName: string;
  readonly deadline: Date;
  readonly status: ProgressStatus;
}

export type { ClusterLeader, LevelCount };

export interface PendingFix {
  readonly form: string;
  readonly submittedAt: Date | null;
  readonly unitCode: string;
  /** '' when the code typed in the form is not in `Đơn vị`. */
  readonly unitName: string;
  readonly errors: readonly string[];
}

/** An address typed in `Đơn vị` that is not one: its unit's other addresses still get their mail. */
export interface InvalidEmail {
  readonly unitCode: string;
  readonly unitName: string;
  /** `Email liên hệ` or `Email lãnh đạo`. */
  readonly header: string;
  readonly address: string;
}

export interface DashboardModel extends LayoutData {
  readonly updatedAt: Date;
  readonly timeZone: string;
  readonly unitCount: number;
  readonly milestones: readonly MilestoneFigures[];
  /** Past the deadline with no valid submission (`Quá hạn`, or `Không hợp lệ` once the deadline has passed). */
  readonly overdue: readonly UnitMilestone[];
  /** Submitted after the deadline (`Nộp muộn`). */
  readonly late: readonly UnitMilestone[];
  /** Every level, highest first, then `Chưa xếp loại`; zero counts included so columns stay stable. */
  readonly levels: readonly LevelCount[];
  /** Rank 1 of each cluster (several on a tie), clusters in `Đơn vị` order. */
  readonly leaders: readonly ClusterLeader[];
  readonly nominations: readonly AwardTally[];
  readonly pendingFixes: readonly PendingFix[];
  readonly invalidEmails: readonly InvalidEmail[];
  /** The organiser's own report deadlines, soonest first, with the days left. */
  readonly reportDeadlines: readonly Countdown[];
  /** Unit deadlines that fall after an organiser report they feed. */
  readonly lateUnitDeadlines: readonly LateUnitDeadline[];
  /** The figures of the báo cáo sơ kết and tổng kết. */
  readonly totals: IndicatorTotals;
  /** `Thư mục Drive văn bản` of `Cấu hình`, read: where the documents go, or what is wrong with it. */
  readonly documentsFolder: FolderSetting;
  /** The same figures with the child campaigns' added (Tổng hợp cấp dưới), when the campaign has children. */
  readonly withChildren?: ChildrenTotals;
}

/** The campaign's indicator totals with its child campaigns' whole subtrees added (functions/rollup). */
export interface ChildrenTotals {
  /** Child campaigns in `Tổng hợp cấp dưới`, and those whose figures are in the sums. */
  readonly children: number;
  readonly counted: number;
  readonly interimReports: number;
  readonly finalReports: number;
  readonly figures: readonly {
    readonly header: string;
    readonly kind: 'count' | 'percent';
    readonly interim: number | null;
    readonly final: number | null;
  }[];
}

export const percent = percentOf;

/** `organiser`: the `Báo cáo cấp trên` rows of `Mốc thời gian` (readOrganiserDeadlines). */
export function dashboardModel(
  evaluation: Evaluation,
  progress: Progress,
  now: Date,
  organiser: readonly OrganiserDeadline[] = [],
): DashboardModel {
  const unitCount = evaluation.units.length;
  // One pass over the unit × milestone entries for all milestones' counts and both lists.
  const countsOf = new Map(progress.milestones.map((m) => [m, new Map<ProgressStatus, number>()]));
  const overdue: UnitMilestone[] = [];
  const late: UnitMilestone[] = [];
  const { entries } = progress;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    const counts = countsOf.get(e.milestone);
    if (counts) counts.set(e.status, (counts.get(e.status) ?? 0) + 1);
    const pastDeadline = now.getTime() > e.milestone.deadline.getTime();
    if (e.status === 'Quá hạn' || (e.status === 'Không hợp lệ' && pastDeadline)) overdue.push(toRow(e));
    else if (e.status === 'Nộp muộn') late.push(toRow(e));
  }
  const milestones = progress.milestones.map((m): MilestoneFigures => {
    const counts = countsOf.get(m)!;
    const n = (s: ProgressStatus) => counts.get(s) ?? 0;
    return {
      code: m.code,
      name: m.name,
      deadline: m.deadline,
      units: unitCount,
      onTime: n('Đã nộp'),
      late: n('Nộp muộn'),
      overdue: n('Quá hạn'),
      invalid: n('Không hợp lệ'),
      notYetDue: n('Chưa đến hạn') + n('Sắp đến hạn'),
      notRequired: n('Không bắt buộc'),
      submittedPercent: percent(n('Đã nộp') + n('Nộp muộn'), unitCount),
    };
  });

  // The same spread and leaders as the report figures: computed once, there.
  const totals = indicatorTotals(evaluation);

  return {
    ...layoutData(evaluation.settings),
    updatedAt: now,
    timeZone: progress.timeZone,
    unitCount,
    milestones,
    overdue,
    late,
    levels: totals.levels,
    leaders: totals.leaders,
    nominations: evaluation.awards,
    pendingFixes: pendingFixes(evaluation),
    invalidEmails: invalidEmails(evaluation.units),
    reportDeadlines: countdowns(organiser, now, progress.timeZone),
    lateUnitDeadlines: lateUnitDeadlines(progress.milestones, organiser, progress.timeZone),
    totals,
    documentsFolder: parseFolderSetting(setting(evaluation.settings, FOLDER_SETTING)),
  };
}

function toRow(e: Progress['entries'][number]): UnitMilestone {
  return {
    unitCode: e.unit.code,
    unitName: e.unit.name,
    cluster: e.unit.cluster,
    milestoneCode: e.milestone.code,
    milestoneName: e.milestone.name,
    deadline: e.milestone.deadline,
    status: e.status,
  };
}

/** Invalid responses no later valid response of the same unit to the same form has replaced. */
function pendingFixes(evaluation: Evaluation): PendingFix[] {
  // Few responses wait for a fix: found first, so only their units' valid responses are looked at, not every one.
  const waiting = evaluation.responses.filter((r) => !r.valid && !r.superseded && r.authenticated);
  if (waiting.length === 0) return [];
  // form → unit → latest valid time, for the units that have a response waiting (-Infinity: none yet).
  const latestValid = new Map<string, Map<string, number>>();
  for (const r of waiting) {
    let ofForm = latestValid.get(r.form);
    if (!ofForm) latestValid.set(r.form, (ofForm = new Map<string, number>()));
    ofForm.set(r.unitCode, -Infinity);
  }
  for (const r of evaluation.responses) {
    if (!r.valid) continue;
    const ofForm = latestValid.get(r.form);
    const latest = ofForm?.get(r.unitCode);
    if (latest === undefined) continue;
    const at = r.submittedAt?.getTime() ?? 0;
    if (at >= latest) ofForm!.set(r.unitCode, at);
  }
  const names = new Map<string, string>();
  for (const u of evaluation.units) names.set(u.code, u.name);
  return waiting
    .filter((r) => {
      const fixedAt = latestValid.get(r.form)!.get(r.unitCode)!;
      return fixedAt === -Infinity || fixedAt < (r.submittedAt?.getTime() ?? 0);
    })
    .map((r) => ({
      form: r.form,
      submittedAt: r.submittedAt,
      unitCode: r.unitCode,
      unitName: names.get(r.unitCode) ?? '',
      errors: r.errors,
    }));
}

/** The addresses of `Đơn vị` that are not addresses, unit by unit. */
function invalidEmails(units: Evaluation['units']): InvalidEmail[] {
  const out: InvalidEmail[] = [];
  for (const u of units) {
    if (u.invalidEmails) for (const e of u.invalidEmails) out.push({ unitCode: u.code, unitName: u.name, ...e });
  }
  return out;
}
