// `Sổ mô hình` (seed 002; DOMAIN.md §5): the models the units register, one row per unit and model, kept across runs
// and years. A run adds the models first registered and keeps two columns of its own; every other cell stays as the
// coordinator left it. Pure: a function of the snapshot, the evaluation and the campaign year.
import { MODEL_REGISTER_HEADERS as M, MODEL_STATUSES, REGISTRATION_FORM, TAB } from '../../sheets-schema/index.ts';
import type { Cell } from '../core/cells.ts';
import { cellText, nameKey, unitCode } from '../core/cells.ts';
import type { Evaluation } from '../core/model.ts';
import type { TabWrite } from '../core/snapshot.ts';
import type { Snapshot } from '../core/snapshot.ts';
import { countedResponses, MODEL_HEADER, modelNames } from './indicators.ts';

const key = (unit: string, name: string) => `${unit}\u0000${nameKey(name)}`;

/** Why a coordinator's cell cannot be read, '' when every cell can; a plain Vietnamese line for `Ghi chú`. */
function problems(row: readonly Cell[], at: (header: string) => number, year: number): string {
  const lines: string[] = [];
  const status = cellText(row[at(M.status)]);
  if (at(M.status) >= 0 && status !== '' && !MODEL_STATUSES.some((s) => nameKey(s) === nameKey(status)))
    lines.push(`"${M.status}" là "${status}": hãy ghi ${MODEL_STATUSES.join(', ')}.`);
  const start = cellText(row[at(M.startYear)]);
  if (
    at(M.startYear) >= 0 &&
    start !== '' &&
    !(/^\d{4}$/.test(start) && Number(start) >= 1945 && Number(start) <= year)
  )
    lines.push(`"${M.startYear}" là "${start}": hãy ghi năm gồm 4 chữ số, từ 1945 đến ${year}.`);
  return lines.join(' ');
}

/**
 * The register as it should be: its rows as read, with `Năm đăng ký gần nhất` = `year` for the models this year's
 * counted registrations name and `Ghi chú` saying which coordinator cell cannot be read; then one new row per model no
 * row holds yet (`Năm bắt đầu` = `year`, `Tình trạng` = `Đang hoạt động`), in `Đơn vị` order. Null when the tab does
 * not exist or lacks `Mã đơn vị` or `Tên mô hình`: the run then leaves it alone, and setup-sheets adds it.
 */
export function modelRegisterTab(snapshot: Snapshot, evaluation: Evaluation, year: number): TabWrite | null {
  const values = snapshot.tabs.get(TAB.models);
  if (!values || values.length === 0) return null;
  const header = values[0].map((h) => cellText(h));
  const at = (h: string) => header.indexOf(h);
  if (at(M.unit) < 0 || at(M.name) < 0) return null;
  const width = Math.max(header.length, ...values.map((r) => r.length));
  const pad = (row: readonly Cell[]): Cell[] => Array.from({ length: width }, (_, i) => row[i] ?? '');

  const registered = new Map<string, { unit: string; unitName: string; name: string }>();
  const names = new Map(evaluation.units.map((u) => [u.code, u.name]));
  for (const [code, reg] of countedResponses(evaluation, REGISTRATION_FORM.tab)) {
    const text = reg.values.get(MODEL_HEADER);
    for (const name of typeof text === 'string' ? modelNames(text) : [])
      if (!registered.has(key(code, name)))
        registered.set(key(code, name), { unit: code, unitName: names.get(code) ?? '', name });
  }

  const set = (row: Cell[], h: string, v: Cell) => {
    if (at(h) >= 0) row[at(h)] = v;
  };
  const seen = new Set<string>();
  const rows: Cell[][] = [pad(values[0])];
  for (const old of values.slice(1)) {
    const row = pad(old);
    const k = key(unitCode(row[at(M.unit)]), cellText(row[at(M.name)]));
    if (cellText(row[at(M.name)]) !== '') {
      if (registered.has(k)) set(row, M.lastYear, year);
      seen.add(k);
    }
    set(row, M.note, problems(row, at, year));
    rows.push(row);
  }
  for (const [k, m] of registered) {
    if (seen.has(k)) continue;
    const row = pad([]);
    set(row, M.unit, m.unit);
    set(row, M.unitName, m.unitName);
    set(row, M.name, m.name);
    set(row, M.startYear, year);
    set(row, M.status, MODEL_STATUSES[0]);
    set(row, M.lastYear, year);
    rows.push(row);
  }
  return { tab: TAB.models, rows };
}
