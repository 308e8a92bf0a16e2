// `Văn bản`: one row per document, its kind, when it was last put on Drive, its link and what happened this run.
import { TAB, TABS } from '../../sheets-schema/index.ts';
import { cellText, type Cell } from '../core/cells.ts';
import type { Snapshot, TabWrite } from '../core/snapshot.ts';

export const DOCUMENTS_HEADERS = TABS.find((t) => t.name === TAB.documents)!.headers;

/** What people read for each kind of document (the generator's `kind`). */
export const KIND_LABELS: Readonly<Record<string, string>> = {
  'bao-cao-so-ket': 'Báo cáo sơ kết',
  'bao-cao-tong-ket': 'Báo cáo tổng kết',
  'to-trinh': 'Tờ trình đề nghị khen thưởng',
  'danh-sach': 'Danh sách đề nghị khen thưởng',
  'bao-cao-thanh-tich': 'Báo cáo thành tích',
};

export interface DocumentRow {
  readonly name: string;
  readonly kind: string;
  /** When the file on Drive was last written (dd/MM/yyyy HH:mm), '' when it never was. */
  readonly time: string;
  readonly link: string;
  readonly status: string;
}

/** The rows `Văn bản` holds now, by document name (the tab may be absent, or have its columns moved). */
export function previousDocuments(snapshot: Snapshot): Map<string, DocumentRow> {
  const values = snapshot.tabs.get(TAB.documents) ?? [];
  const header = (values[0] ?? []).map((h) => cellText(h));
  const at = (name: string) => header.indexOf(name);
  const [name, kind, time, link, status] = DOCUMENTS_HEADERS.map(at);
  const rows = new Map<string, DocumentRow>();
  if (name === undefined || name < 0) return rows;
  const text = (row: readonly Cell[], i: number | undefined) => (i === undefined || i < 0 ? '' : cellText(row[i]));
  for (const row of values.slice(1)) {
    const n = text(row, name);
    if (n === '' || rows.has(n)) continue;
    rows.set(n, {
      name: n,
      kind: text(row, kind),
      time: text(row, time),
      link: text(row, link),
      status: text(row, status),
    });
  }
  return rows;
}

export function documentsTab(rows: readonly DocumentRow[]): TabWrite {
  return {
    tab: TAB.documents,
    rows: [[...DOCUMENTS_HEADERS], ...rows.map((r) => [r.name, r.kind, r.time, r.link, r.status])],
  };
}
