// The rows setup writes into empty coordinator tabs: `Cấu hình` from SETTINGS, the rest from sheets-schema/defaults.ts.
import { SETTINGS, TAB } from '../../sheets-schema/index.ts';
import { defaultTabRows } from '../../sheets-schema/defaults.ts';

export type DefaultRows = ReadonlyMap<string, readonly Readonly<Record<string, string | number>>[]>;

export function defaultRows(year: number): DefaultRows {
  const rows = new Map<string, Record<string, string | number>[]>();
  rows.set(
    TAB.config,
    SETTINGS.map((s) => ({ Khóa: s.key, 'Giá trị': s.key === 'Năm' ? String(year) : s.default, 'Ghi chú': s.help })),
  );
  for (const [tab, [header, ...data]] of Object.entries(defaultTabRows(year))) {
    rows.set(
      tab,
      data.map((row) => Object.fromEntries(header.map((h, i) => [String(h), row[i] ?? '']))),
    );
  }
  return rows;
}
