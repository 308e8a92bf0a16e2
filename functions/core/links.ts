// Each unit's prefilled form links from `Liên kết biểu mẫu` (written by the form tooling, read by reminders and receipts).
import { TAB } from '../../sheets-schema/index.ts';
import { cellText, unitCode } from './cells.ts';
import type { Snapshot } from './snapshot.ts';
import { readTable } from './table.ts';

/** Key: `${unitCode}\u0000${form tab}` → link. Absent tab → empty map (links are optional). */
export type FormLinks = ReadonlyMap<string, string>;

export function readFormLinks(snapshot: Snapshot): FormLinks {
  const table = readTable(snapshot, TAB.formLinks);
  const links = new Map<string, string>();
  if (!table.has('Mã đơn vị') || !table.has('Biểu mẫu') || !table.has('Liên kết')) return links;
  for (const row of table.rows) {
    const link = cellText(row.get('Liên kết'));
    if (/^https?:\/\//.test(link)) links.set(formLinkKey(unitCode(row.get('Mã đơn vị')), cellText(row.get('Biểu mẫu'))), link);
  }
  return links;
}

export function formLinkKey(unit: string, form: string): string {
  return `${unit}\u0000${form}`;
}
