// Recording the year's decisions: into `Sổ theo dõi khen thưởng` one row per eligible nominee of an award whose
// decision is typed in `Quyết định khen thưởng`, into `Xếp loại các năm` one row per classified unit once the
// classification decision is typed. Pure; running it twice adds nothing.
import { DECISION_ANTT, DECISION_CLASSIFICATION, DECISION_HEADERS as D, TAB } from '../../sheets-schema/index.ts';
import { KIND_INDIVIDUAL, NOMINATION_HEADERS as H } from '../../sheets-schema/forms/index.ts';
import type { Cell } from '../core/cells.ts';
import { cellDate, cellText, formatDate, nameKey } from '../core/cells.ts';
import type { Evaluation } from '../core/model.ts';
import { UNCLASSIFIED } from '../core/model.ts';
import { ANTT_MET } from '../rules/antt.ts';
import type { YearResults } from './years.ts';
import { readYearResults } from './years.ts';
import type { Snapshot } from '../core/snapshot.ts';
import { readTable } from '../core/table.ts';
import type { RegistryEntry } from './registry.ts';
import { nomineeId, readRegistry, registryRow, registryRowKey } from './registry.ts';

export interface Decision {
  readonly award: string;
  readonly number: string;
  /** dd/MM/yyyy, '' when not typed. */
  readonly date: string;
}

/**
 * `Quyết định khen thưởng`: one decision per award (the last row of an award wins); rows without a number skipped.
 * Every column it reads is required, so a deleted `Ngày quyết định` stops the run instead of dropping the dates.
 */
export function readDecisions(snapshot: Snapshot, timeZone: string): Map<string, Decision> {
  const out = new Map<string, Decision>();
  if (!snapshot.tabs.has(TAB.decisions)) return out;
  for (const row of readTable(snapshot, TAB.decisions, [D.award, D.decision, D.date]).rows) {
    const award = cellText(row.get(D.award));
    const number = cellText(row.get(D.decision));
    if (award === '' || number === '') continue;
    const dateCell: Cell | undefined = row.get(D.date);
    const date = cellDate(dateCell, timeZone);
    out.set(nameKey(award), { award, number, date: date ? formatDate(date, timeZone) : cellText(dateCell) });
  }
  return out;
}

export interface RecordPlan {
  /** Registry rows to append, in the tab's column order. */
  readonly rows: (string | number)[][];
  /** Eligible nominees already in the registry for this year and award. */
  readonly alreadyRecorded: number;
  /** Awards with eligible nominees (and `Xếp loại thi đua` with classified units) but no decision typed yet. */
  readonly awaitingDecision: readonly string[];
  /** `Xếp loại các năm` rows to append: each classified unit's year, once the classification decision is typed. */
  readonly yearRows: (string | number)[][];
  /** Classified units whose year is already in `Xếp loại các năm`. */
  readonly yearsAlreadyRecorded: number;
}

/** `Số` + ` ngày dd/MM/yyyy`, as one cell reads it. */
export function decisionText(d: Decision): string {
  return `${d.number}${d.date ? ` ngày ${d.date}` : ''}`;
}

/**
 * The year's classifications and ANTT verdicts (docs/design/awards.md §2), in the order of `Đơn vị`; the ANTT
 * recognition decision goes only to the units that met the standard or were recognised by a decision of their own.
 */
function planYearResults(
  evaluation: Evaluation,
  decisions: ReadonlyMap<string, Decision>,
  present: YearResults,
  year: number,
): { rows: (string | number)[][]; already: number; awaiting: boolean } {
  const classified = evaluation.results.filter((r) => r.level !== UNCLASSIFIED);
  const decision = decisions.get(nameKey(DECISION_CLASSIFICATION));
  if (!decision) return { rows: [], already: 0, awaiting: classified.length > 0 };
  const antt = decisions.get(nameKey(DECISION_ANTT));
  const names = new Map(evaluation.units.map((u) => [u.code, u.name]));
  const rows: (string | number)[][] = [];
  let already = 0;
  for (const r of classified) {
    if (present.byUnit.get(r.unitCode)?.has(year)) {
      already += 1;
      continue;
    }
    // A unit's own recognition in `Quyết định công nhận ANTT` names its decision; the campaign-wide row of `Quyết định
    // khen thưởng` covers every other unit that met the standard.
    const recognition = r.anttDecision ?? (r.antt === ANTT_MET && antt ? decisionText(antt) : '');
    rows.push([year, r.unitCode, names.get(r.unitCode) ?? '', r.level, decisionText(decision), r.antt, recognition]);
  }
  return { rows, already, awaiting: false };
}

export function planRecordDecisions(
  snapshot: Snapshot,
  evaluation: Evaluation,
  key: string,
  year: number,
  timeZone: string,
): RecordPlan {
  const decisions = readDecisions(snapshot, timeZone);
  const registry = readRegistry(snapshot);
  const present = new Set<string>();
  for (const entries of registry.byId.values())
    for (const e of entries) present.add(registryRowKey(e.id, e.year, e.award));
  // By form and row: a child's forwarded nomination (`Đề nghị cấp dưới`) has row numbers of its own tab.
  const responses = new Map(
    [...evaluation.responses.filter((r) => r.form === TAB.nominations), ...(evaluation.forwarded ?? [])].map(
      (r) => [`${r.form}\u0000${r.rowNumber}`, r] as const,
    ),
  );
  const rows: (string | number)[][] = [];
  const awaiting: string[] = [];
  let alreadyRecorded = 0;
  for (const v of evaluation.nominations) {
    if (v.status !== 'Đủ điều kiện') continue;
    const decision = decisions.get(nameKey(v.award));
    if (!decision) {
      if (!awaiting.some((a) => nameKey(a) === nameKey(v.award))) awaiting.push(v.award);
      continue;
    }
    const individual = nameKey(v.kind) === nameKey(KIND_INDIVIDUAL);
    const birth = individual
      ? String(responses.get(`${v.form}\u0000${v.rowNumber}`)?.values.get(H.birthDate) ?? '')
      : '';
    const entry: RegistryEntry = {
      id: nomineeId(key, v.nominee, birth, v.unitCode),
      name: v.nominee,
      unitCode: v.unitCode,
      year,
      award: v.award,
      decision: decision.number,
      decisionDate: decision.date,
    };
    const rowKey = registryRowKey(entry.id, year, entry.award);
    if (present.has(rowKey)) {
      alreadyRecorded += 1;
      continue;
    }
    present.add(rowKey);
    rows.push(registryRow(entry));
  }
  const years = planYearResults(evaluation, decisions, readYearResults(snapshot), year);
  if (years.awaiting) awaiting.push(DECISION_CLASSIFICATION);
  return {
    rows,
    alreadyRecorded,
    awaitingDecision: awaiting,
    yearRows: years.rows,
    yearsAlreadyRecorded: years.already,
  };
}
