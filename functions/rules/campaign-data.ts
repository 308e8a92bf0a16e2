// The coordinator-owned tabs the rules read: units, criteria, targets, quotas and assessed scores.
import type { Criterion } from '../../sheets-schema/index.ts';
import { CHILD_SPREADSHEET_HEADER, CRITERION_TYPES_HEADER, TAB, parseUnitTypes } from '../../sheets-schema/index.ts';
import { splitAddresses } from '../core/address.ts';
import { cellDate, cellText, formatDate, nameKey, unitCode, type Cell } from '../core/cells.ts';
import type { Unit } from '../core/model.ts';
import type { Snapshot } from '../core/snapshot.ts';
import type { Table } from '../core/table.ts';
import { readDeclaredTable, readTable } from '../core/table.ts';
import { parseLooseNumber } from './numbers.ts';

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** The optional column of `Đơn vị` where a coordinator dates each reissue of a unit's secret. */
export const SECRET_REISSUED_HEADER = 'Ngày cấp lại mã xác thực';

/**
 * `Ngày cấp lại mã xác thực`: a date cell, or dates `dd/MM/yyyy [HH:mm]` separated by `,`, `;` or new lines, in the
 * campaign zone. A day alone starts at 00:00. What is not a date is skipped (Apps Script reads the cell the same way).
 */
export function readReissues(cell: Cell | undefined, timeZone: string): Date[] {
  if (cell === undefined || cell === '') return [];
  const parts = typeof cell === 'number' ? [cell] : cellText(cell).split(/[,;\n]+/);
  const dates: Date[] = [];
  for (const part of parts) {
    const date = cellDate(typeof part === 'string' ? part.trim() : part, timeZone);
    if (date) dates.push(date);
  }
  return dates.sort((a, b) => a.getTime() - b.getTime());
}

/**
 * `Đơn vị`, codes normalised; a repeated code keeps its first row, a row without code is skipped. `units`: only the
 * units that fill this campaign's forms. `bodies`: the rows with a `Mã bảng tính`, bodies whose results come from their
 * own campaign (docs/design/rollup.md), owing no milestone here; in sheet order. Both from one reading of the tab.
 */
export function readUnitsAndBodies(snapshot: Snapshot, timeZone: string): { units: Unit[]; bodies: Body[] } {
  const table = readDeclaredTable(snapshot, TAB.units);
  const seen = new Set<string>();
  const units: Unit[] = [];
  const bodies: Body[] = [];
  const reissues = table.has(SECRET_REISSUED_HEADER);
  for (const row of table.rows) {
    const code = unitCode(row.get('Mã đơn vị'));
    if (code === '' || seen.has(code)) continue;
    seen.add(code);
    const spreadsheet = cellText(row.get(CHILD_SPREADSHEET_HEADER));
    if (spreadsheet !== '') {
      bodies.push({ code, name: cellText(row.get('Tên đơn vị')), cluster: cellText(row.get('Cụm/Khối')), spreadsheet });
      continue;
    }
    const contact = splitAddresses(cellText(row.get('Email liên hệ')));
    const leader = splitAddresses(cellText(row.get('Email lãnh đạo')));
    const unit: Writable<Unit> = {
      code,
      name: cellText(row.get('Tên đơn vị')),
      type: cellText(row.get('Loại hình')),
      cluster: cellText(row.get('Cụm/Khối')),
      contactEmails: contact.valid,
      leaderEmails: leader.valid,
    };
    // Set only when there is one: spreading `{}` otherwise left two empty objects and a list behind per unit.
    if (contact.invalid.length + leader.invalid.length > 0)
      unit.invalidEmails = [
        ...contact.invalid.map((address) => ({ header: 'Email liên hệ', address })),
        ...leader.invalid.map((address) => ({ header: 'Email lãnh đạo', address })),
      ];
    if (reissues) unit.secretReissued = readReissues(row.get(SECRET_REISSUED_HEADER), timeZone);
    units.push(unit);
  }
  return { units, bodies };
}

/** The units of readUnitsAndBodies. */
export function readUnits(snapshot: Snapshot, timeZone: string): Unit[] {
  return readUnitsAndBodies(snapshot, timeZone).units;
}

/** A unit of `Đơn vị` with a child campaign's spreadsheet: its results come from below. */
export interface Body {
  readonly code: string;
  readonly name: string;
  readonly cluster: string;
  /** `Mã bảng tính` as typed (an id or an address), NFC and trimmed. */
  readonly spreadsheet: string;
}

/**
 * The bodies of readUnitsAndBodies, for a reader that needs no unit: their email addresses and secrets are not read.
 */
export function readBodies(snapshot: Snapshot): Body[] {
  const table = readDeclaredTable(snapshot, TAB.units);
  const seen = new Set<string>();
  const bodies: Body[] = [];
  for (const row of table.rows) {
    const code = unitCode(row.get('Mã đơn vị'));
    if (code === '' || seen.has(code)) continue;
    seen.add(code);
    const spreadsheet = cellText(row.get(CHILD_SPREADSHEET_HEADER));
    if (spreadsheet === '') continue;
    bodies.push({ code, name: cellText(row.get('Tên đơn vị')), cluster: cellText(row.get('Cụm/Khối')), spreadsheet });
  }
  return bodies;
}

/**
 * `Tiêu chí` in sheet order; a row without code or with a maximum that is not a non-negative number is ignored. A
 * criterion with a `Loại hình` applies to those types only; blank (or a tab without the column) applies to every type.
 */
export function readCriteria(snapshot: Snapshot): Criterion[] {
  const table = readDeclaredTable(snapshot, TAB.criteria);
  const seen = new Set<string>();
  const criteria: Criterion[] = [];
  for (const row of table.rows) {
    const code = unitCode(row.get('Mã tiêu chí'));
    const max = parseLooseNumber(row.get('Điểm tối đa'));
    if (code === '' || seen.has(code) || max === null || max < 0) continue;
    seen.add(code);
    const types = parseUnitTypes(cellText(row.get(CRITERION_TYPES_HEADER)));
    criteria.push({
      code,
      group: cellText(row.get('Nhóm')),
      content: cellText(row.get('Nội dung')),
      maxScore: max,
      ...(types.length > 0 ? { types } : {}),
    });
  }
  return criteria;
}

/** An optional coordinator tab: absent means empty, present means its declared headers are required. */
function optionalTable(snapshot: Snapshot, tab: string): Table {
  return snapshot.tabs.has(tab) ? readDeclaredTable(snapshot, tab) : readTable(snapshot, tab);
}

export interface Target {
  readonly award: string;
  readonly kind: string;
  readonly min: number | null;
  readonly max: number | null;
}

export function readTargets(snapshot: Snapshot): Target[] {
  const table = optionalTable(snapshot, TAB.targets);
  return table.rows
    .map((row) => ({
      award: cellText(row.get('Hình thức khen thưởng')),
      kind: cellText(row.get('Đối tượng')),
      min: parseLooseNumber(row.get('Số lượng tối thiểu')),
      max: parseLooseNumber(row.get('Số lượng tối đa')),
    }))
    .filter((t) => t.award !== '');
}

/** award → kind → key: few distinct pairs, looked up once per nomination without building a string to look up. */
const awardKeys = new Map<string, Map<string, string>>();

/** Key for an (award, kind) pair compared as people mean it: case and spacing do not matter. Memoised. */
export function awardKey(award: string, kind: string): string {
  let kinds = awardKeys.get(award);
  if (!kinds) {
    if (awardKeys.size >= 10_000) awardKeys.clear();
    awardKeys.set(award, (kinds = new Map<string, string>()));
  }
  let key = kinds.get(kind);
  if (key === undefined) {
    key = `${nameKey(award)}\u0000${nameKey(kind)}`;
    if (kinds.size < 10_000) kinds.set(kind, key);
  }
  return key;
}

/** `Phân bổ chỉ tiêu`: unit × award × kind → quota. Rows for the same key add up. */
export function readQuotas(snapshot: Snapshot): Map<string, number> {
  const table = optionalTable(snapshot, TAB.quotas);
  const quotas = new Map<string, number>();
  for (const row of table.rows) {
    const count = parseLooseNumber(row.get('Số lượng'));
    const unit = unitCode(row.get('Mã đơn vị'));
    if (count === null || unit === '') continue;
    const key = quotaKey(unit, cellText(row.get('Hình thức khen thưởng')), cellText(row.get('Đối tượng')));
    quotas.set(key, (quotas.get(key) ?? 0) + count);
  }
  return quotas;
}

export function quotaKey(unit: string, award: string, kind: string): string {
  return `${unit}\u0000${awardKey(award, kind)}`;
}

/** One cell of `Thẩm định`: its number, or null when it is filled but not a number of 0 or more. */
export interface AssessedCell {
  readonly score: number | null;
  readonly typed: string;
}

export interface Assessment {
  /** The total (`Điểm thẩm định`); null when filled but not a number; undefined when blank. */
  readonly score?: number | null;
  readonly typed: string;
  /** Per criterion code, from the `[TC1] …` columns: each replaces the unit's self-score for that criterion. */
  readonly criteria: ReadonlyMap<string, AssessedCell>;
  /** `Ghi chú`: the inspectors' notes, shown with the result. */
  readonly note: string;
}

/** The criterion code a `Thẩm định` column stands for: its header's `[code]` prefix, as the final report's columns. */
export function assessmentColumnCode(header: string): string | null {
  const m = /^\[([^\]]+)\]/.exec(header.trim());
  return m ? unitCode(m[1]) : null;
}

function assessedCell(cell: Cell | undefined): AssessedCell | null {
  const typed = cellText(cell);
  if (typed === '') return null;
  const score = parseLooseNumber(cell);
  return { score: score !== null && score >= 0 ? score : null, typed };
}

/**
 * `Thẩm định`: the assessed total and, in columns whose header begins with a criterion's `[code]` (`[TC3]`, or the
 * final report's own header), assessed scores per criterion, with the inspectors' `Ghi chú`. The last row of a unit
 * with any score wins; rows without one are ignored.
 */
export function readAssessments(snapshot: Snapshot): Map<string, Assessment> {
  const table = optionalTable(snapshot, TAB.assessment);
  const columns = table.headers.flatMap((h) => {
    const code = assessmentColumnCode(h);
    return code === null ? [] : [{ header: h, code }];
  });
  const out = new Map<string, Assessment>();
  for (const row of table.rows) {
    const unit = unitCode(row.get('Mã đơn vị'));
    if (unit === '') continue;
    const total = assessedCell(row.get('Điểm thẩm định'));
    const criteria = new Map<string, AssessedCell>();
    for (const { header, code } of columns) {
      const cell = assessedCell(row.get(header));
      if (cell) criteria.set(code, cell);
    }
    if (!total && criteria.size === 0) continue;
    out.set(unit, {
      ...(total ? { score: total.score } : {}),
      typed: total?.typed ?? '',
      criteria,
      note: cellText(row.get('Ghi chú')),
    });
  }
  return out;
}

/** A recognition as "An toàn về ANTT" recorded in `Quyết định công nhận ANTT`. */
export interface AnttDecision {
  readonly number: string;
  /** dd/MM/yyyy, or the cell as typed when it is not a date (then `problem` says so). */
  readonly date: string;
  readonly body: string;
  /** What the coordinator should fix in the row, Vietnamese; the decision still counts (it has its number). */
  readonly problem?: string;
}

/**
 * `Quyết định công nhận ANTT`: each unit's recognition (Thông tư 124/2021/TT-BCA: recognised yearly by decision). A row
 * counts when it names a unit of `Đơn vị` and a `Số quyết định`; the last such row of a unit wins. Rows that cannot
 * count are reported in `problems`, one Vietnamese line each, for the run's summary.
 */
export function readAnttDecisions(
  snapshot: Snapshot,
  units: ReadonlyMap<string, unknown>,
  timeZone: string,
): { decisions: Map<string, AnttDecision>; problems: string[] } {
  const decisions = new Map<string, AnttDecision>();
  const problems: string[] = [];
  if (!snapshot.tabs.has(TAB.anttDecisions)) return { decisions, problems };
  const table = readDeclaredTable(snapshot, TAB.anttDecisions);
  table.rows.forEach((row, i) => {
    const line = i + 2;
    const unit = unitCode(row.get('Mã đơn vị'));
    const number = cellText(row.get('Số quyết định'));
    const body = cellText(row.get('Cơ quan quyết định'));
    const typedDate = row.get('Ngày');
    if (unit === '' && number === '') return;
    const where = `Trang "${TAB.anttDecisions}", dòng ${line}`;
    if (unit === '') return void problems.push(`${where}: thiếu Mã đơn vị; quyết định ${number} chưa được tính.`);
    if (!units.has(unit))
      return void problems.push(
        `${where}: không có đơn vị mã "${unit}" trong trang Đơn vị; quyết định chưa được tính.`,
      );
    if (number === '')
      return void problems.push(`${where}: đơn vị ${unit} chưa có Số quyết định; công nhận chưa được tính.`);
    const date = cellDate(typedDate, timeZone);
    const typed = cellText(typedDate);
    const problem =
      date || typed === ''
        ? undefined
        : `Ngày quyết định "${typed}" không đọc được (ghi theo dạng dd/MM/yyyy) ở dòng ${line} trang "${TAB.anttDecisions}".`;
    decisions.set(unit, {
      number,
      date: date ? formatDate(date, timeZone) : typed,
      body,
      ...(problem ? { problem } : {}),
    });
  });
  return { decisions, problems };
}

/** How `Xếp loại` shows a recorded decision: `Số 12/QĐ-UBND ngày 15/12/2026, UBND huyện`. */
export function decisionText(d: AnttDecision): string {
  const text = `Số ${d.number}${d.date === '' ? '' : ` ngày ${d.date}`}${d.body === '' ? '' : `, ${d.body}`}`;
  return d.problem ? `${text}. ${d.problem}` : text;
}
