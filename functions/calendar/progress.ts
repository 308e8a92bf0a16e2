// Where each unit stands on each milestone (`Tiến độ`), the shared view of the dashboard, reminders and the digest.
import { PROGRESS_HEADERS, TAB } from '../../sheets-schema/index.ts';
import type { Evaluation, JudgedResponse, Milestone, Unit } from '../core/model.ts';
import type { TabWrite } from '../core/snapshot.ts';
import { localDay } from './days.ts';
import { formatDate, type Cell } from '../core/cells.ts';
import { campaignTimeZone } from '../core/zone.ts';

export type ProgressStatus =
  'Chưa đến hạn' | 'Sắp đến hạn' | 'Đã nộp' | 'Nộp muộn' | 'Quá hạn' | 'Không hợp lệ' | 'Không bắt buộc';

export const PROGRESS_STATUSES: readonly ProgressStatus[] = [
  'Đã nộp',
  'Nộp muộn',
  'Quá hạn',
  'Không hợp lệ',
  'Sắp đến hạn',
  'Chưa đến hạn',
  'Không bắt buộc',
];

export interface ProgressEntry {
  readonly unit: Unit;
  readonly milestone: Milestone;
  readonly status: ProgressStatus;
  /**
   * `Đã nộp`: the latest valid submission on or before the deadline (a later edit does not make an on-time unit late);
   * `Nộp muộn`: the latest valid submission; `Không hợp lệ`: the latest (invalid) submission; otherwise null.
   */
  readonly submittedAt: Date | null;
  /** For `Không hợp lệ`: the latest invalid response, whose errors the reminder repeats. */
  readonly invalidResponse?: JudgedResponse;
}

export interface Progress {
  readonly timeZone: string;
  readonly now: Date;
  readonly milestones: readonly Milestone[];
  /** Units in `Đơn vị` order, each with its milestones in `Mốc thời gian` order. */
  readonly entries: readonly ProgressEntry[];
}

/** True when the unit still owes something for the milestone (no valid submission yet, and one is expected). */
export function isOutstanding(status: ProgressStatus): boolean {
  return status !== 'Đã nộp' && status !== 'Nộp muộn' && status !== 'Không bắt buộc';
}

export function computeProgress(evaluation: Evaluation, milestones: readonly Milestone[], now: Date): Progress {
  const timeZone = campaignTimeZone(evaluation.settings);
  // unit → its responses to every form, scanned for each milestone's form: a unit sends a handful, and a list per
  // unit and form was 50,000 lists for a 10,000-unit campaign.
  const byUnit = new Map<string, JudgedResponse[]>();
  const { responses, units } = evaluation;
  for (let i = 0; i < responses.length; i++) {
    const r = responses[i];
    // A response that could not prove its unit is not the unit's: it neither counts nor makes the unit "Không hợp lệ".
    if (r.unitCode === '' || r.submittedAt === null || !r.authenticated) continue;
    const list = byUnit.get(r.unitCode);
    if (list) list.push(r);
    else byUnit.set(r.unitCode, [r]);
  }
  const today = localDay(now, timeZone);
  // What a unit's status on each milestone depends on besides its responses, worked out once per milestone rather than
  // once per unit.
  const facts = milestones.map((milestone): MilestoneFacts => {
    const deadline = milestone.deadline.getTime();
    const window = Math.max(0, ...milestone.remindBefore);
    return {
      milestone,
      deadline,
      past: now.getTime() > deadline,
      dueSoon: localDay(milestone.deadline, timeZone) - today <= window,
    };
  });
  // Made at its final length: 60,000 entries pushed one by one left the list with room for half as many more.
  const entries = new Array<ProgressEntry>(units.length * facts.length);
  for (let u = 0; u < units.length; u++) {
    const unit = units[u];
    const sent = byUnit.get(unit.code) ?? NOTHING_SENT;
    for (let m = 0; m < facts.length; m++) entries[u * facts.length + m] = statusOf(unit, facts[m], sent);
  }
  return { timeZone, now, milestones, entries };
}

const NOTHING_SENT: readonly JudgedResponse[] = [];

interface MilestoneFacts {
  readonly milestone: Milestone;
  /** The deadline in milliseconds. */
  readonly deadline: number;
  /** `now` is past the deadline. */
  readonly past: boolean;
  /** The deadline's day is within the milestone's reminder window of today. */
  readonly dueSoon: boolean;
}

/** `responses`: the unit's, to every form. */
function statusOf(unit: Unit, facts: MilestoneFacts, responses: readonly JudgedResponse[]): ProgressEntry {
  const { milestone, deadline } = facts;
  let latestValid: Date | null = null;
  let latestOnTime: Date | null = null;
  let latestInvalid: JudgedResponse | null = null;
  // Times compared as numbers: `>` on two Dates goes through their valueOf, 60,000 times a run.
  for (let i = 0; i < responses.length; i++) {
    const r = responses[i];
    if (r.form !== milestone.form) continue;
    const at = r.submittedAt!;
    const ms = at.getTime();
    if (r.valid) {
      if (!latestValid || ms > latestValid.getTime()) latestValid = at;
      if (ms <= deadline && (!latestOnTime || ms > latestOnTime.getTime())) latestOnTime = at;
    } else if (!latestInvalid || ms > latestInvalid.submittedAt!.getTime()) {
      latestInvalid = r;
    }
  }
  if (latestOnTime) return { unit, milestone, status: 'Đã nộp', submittedAt: latestOnTime };
  if (latestValid) return { unit, milestone, status: 'Nộp muộn', submittedAt: latestValid };
  if (latestInvalid) {
    return {
      unit,
      milestone,
      status: 'Không hợp lệ',
      submittedAt: latestInvalid.submittedAt,
      invalidResponse: latestInvalid,
    };
  }
  // An optional milestone past its deadline with nothing sent: the unit had nothing to send (no nominee), not late.
  if (facts.past)
    return { unit, milestone, status: milestone.required ? 'Quá hạn' : 'Không bắt buộc', submittedAt: null };
  return { unit, milestone, status: facts.dueSoon ? 'Sắp đến hạn' : 'Chưa đến hạn', submittedAt: null };
}

/** `Tiến độ`, one row per unit × milestone; dates as dd/MM/yyyy text in the campaign zone. */
export function progressTab(progress: Progress): TabWrite {
  // A handful of milestones, one row per unit × milestone: each deadline is formatted once, and each day units
  // submitted on (a few hundred) once, not once per row.
  const deadlines = new Map(progress.milestones.map((m) => [m, formatDate(m.deadline, progress.timeZone)]));
  const days = new Map<number, string>();
  const dayText = (at: Date): string => {
    const day = localDay(at, progress.timeZone);
    let text = days.get(day);
    if (text === undefined) days.set(day, (text = formatDate(at, progress.timeZone)));
    return text;
  };
  const { entries } = progress;
  // Made at its final length, as the entries are.
  const rows = new Array<readonly Cell[]>(entries.length + 1);
  rows[0] = [...PROGRESS_HEADERS];
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    rows[i + 1] = [
      e.unit.code,
      e.unit.name,
      e.milestone.code,
      deadlines.get(e.milestone) ?? formatDate(e.milestone.deadline, progress.timeZone),
      e.status,
      e.submittedAt ? dayText(e.submittedAt) : '',
    ];
  }
  return { tab: TAB.progress, rows };
}
