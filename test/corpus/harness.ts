// Builds the snapshot a corpus case is judged in: a small valid campaign plus the case's rows, and reads its verdicts.
import { TZDate } from '@date-fns/tz';
import { FORMS, TAB, TIMESTAMP_HEADER } from '../../sheets-schema/index.ts';
import { defaultCriteria } from '../../sheets-schema/defaults.ts';
import type { Cell } from '../../functions/core/cells.ts';
import type { Snapshot } from '../../functions/core/snapshot.ts';
import {
  benchUnit,
  coordinatorTabs,
  formHeaders,
  seeded,
  toGrid,
  validResponse,
  ZONE,
  type Row,
} from '../../scripts/bench/campaign.ts';
import type { CorpusCase, Expect } from '../data/corpus/responses.ts';

const YEAR = 2026;
/** After every deadline of the year, so nothing depends on the calendar. */
export const NOW = new Date('2026-12-01T03:00:00Z');
const UNITS = Array.from({ length: 12 }, (_, i) => benchUnit(i));

const SUBMITTED: Record<string, [number, number]> = {
  [TAB.registration]: [3, 15],
  [TAB.interim]: [9, 20],
  [TAB.final]: [11, 5],
  [TAB.nominations]: [11, 10],
};

/** The rows a case submits, each a valid response of its unit with the case's answers laid over it. */
export function caseRows(c: CorpusCase): Row[] {
  const form = FORMS.find((f) => f.tab === c.form);
  if (!form) throw new Error(`Unknown form '${c.form}' in corpus case ${c.id}`);
  const [month, day] = SUBMITTED[c.form];
  const at = new Date(new TZDate(YEAR, month - 1, day, 8, 0, 0, ZONE).getTime());
  const rnd = seeded(7);
  return c.rows.map((answers) => {
    const row: Row = validResponse(form, defaultCriteria(), UNITS[c.unit], at, rnd);
    for (const [header, value] of Object.entries(answers)) {
      if (value === null) delete row[header];
      else row[header] = value;
    }
    return row;
  });
}

/** Response rows per tab, laid out under the form's headers as Google Forms would. */
function responseGrids(rowsByTab: ReadonlyMap<string, readonly Row[]>): Map<string, Cell[][]> {
  const grids = new Map<string, Cell[][]>();
  for (const form of FORMS) grids.set(form.tab, toGrid(rowsByTab.get(form.tab) ?? [], formHeaders(form.tab)));
  return grids;
}

export function campaignSnapshot(rowsByTab: ReadonlyMap<string, readonly Row[]>): Snapshot {
  const tabs = new Map<string, Cell[][]>();
  for (const [tab, rows] of coordinatorTabs(UNITS, YEAR)) tabs.set(tab, toGrid(rows));
  for (const [tab, grid] of responseGrids(rowsByTab)) tabs.set(tab, grid);
  return { spreadsheetId: 'corpus', tabs };
}

export interface CheckRow {
  readonly form: string;
  readonly row: number;
  readonly unitCode: string;
  readonly status: string;
  readonly errors: string;
  readonly notes: string;
}

/** `Kiểm tra` rows (as written or as read back from the sheet) keyed by their headers. */
export function checkRows(values: readonly (readonly Cell[])[]): CheckRow[] {
  const [header = [], ...rows] = values;
  const col = (h: string) => header.map(String).indexOf(h);
  const at = (r: readonly Cell[], h: string) => (col(h) >= 0 ? String(r[col(h)] ?? '') : '');
  return rows.map((r) => ({
    form: at(r, 'Biểu mẫu'),
    row: Number(at(r, 'Dòng')),
    unitCode: at(r, 'Mã đơn vị'),
    status: at(r, 'Trạng thái'),
    errors: at(r, 'Lỗi'),
    notes: `${at(r, 'Kết luận')}\n${at(r, 'Ghi chú')}`,
  }));
}

/** Differences between a `Kiểm tra` row and what the corpus expects; empty when it matches. */
export function mismatches(actual: CheckRow | undefined, expect: Expect): string[] {
  if (!actual) return ['no Kiểm tra row'];
  const out: string[] = [];
  if (actual.status !== expect.status) out.push(`status ${actual.status} ≠ ${expect.status} (${actual.errors})`);
  if (expect.error !== undefined && !actual.errors.includes(expect.error))
    out.push(`errors lack "${expect.error}": ${actual.errors}`);
  if (expect.status === 'Hợp lệ' && actual.errors !== '') out.push(`unexpected errors: ${actual.errors}`);
  if (expect.unitCode !== undefined && actual.unitCode !== expect.unitCode)
    out.push(`unit ${actual.unitCode} ≠ ${expect.unitCode}`);
  if (expect.note !== undefined && !actual.notes.includes(expect.note))
    out.push(`notes lack "${expect.note}": ${actual.notes}`);
  return out;
}

export { TIMESTAMP_HEADER };

/** The corpus base (one valid registration, one final report) with a structural change applied. */
export function changedGrids(
  change: import('../data/corpus/structure.ts').Change,
  grids: Map<string, Cell[][]>,
): Map<string, Cell[][]> {
  const out = new Map([...grids].map(([tab, rows]) => [tab, rows.map((r) => [...r])]));
  const grid = out.get(change.tab) ?? [];
  const header = grid[0] ?? [];
  switch (change.kind) {
    case 'rename': {
      const i = header.findIndex((h) => String(h) === change.from || String(h).startsWith(change.from));
      if (i < 0) throw new Error(`No header '${change.from}' in '${change.tab}'`);
      header[i] = change.to;
      break;
    }
    case 'duplicate':
      header.push(change.header);
      break;
    case 'empty':
      out.set(change.tab, []);
      break;
    case 'header-only':
      out.set(change.tab, [header]);
      break;
    case 'absent':
      out.delete(change.tab);
      break;
    case 'reverse-columns':
      for (const r of grid) {
        while (r.length < header.length) r.push('');
        r.reverse();
      }
      break;
    case 'append-rows':
      grid.push(...change.rows.map((r) => [...r]));
      break;
  }
  return out;
}

/** One valid registration and one valid final report of unit 0: what the structural cases change. */
export function structureBase(): Map<string, Cell[][]> {
  const c = (form: string): CorpusCase => ({ id: 'base', form, unit: 0, rows: [{}], expect: [] });
  const snapshot = campaignSnapshot(new Map([[TAB.registration, caseRows(c(TAB.registration))]]));
  const tabs = new Map(snapshot.tabs as Map<string, Cell[][]>);
  tabs.set(TAB.final, responseGrids(new Map([[TAB.final, caseRows(c(TAB.final))]])).get(TAB.final)!);
  return tabs;
}
