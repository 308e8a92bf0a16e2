// The system tabs the rules own, `Kiểm tra`, `Xếp loại` and `Khen thưởng`, as complete rewrites (header row first).
import { TAB, tabDef } from '../../sheets-schema/index.ts';
import type { AwardTally, JudgedResponse, NominationVerdict, Unit, UnitResult } from '../core/model.ts';
import type { TabWrite } from '../core/snapshot.ts';
import type { UnitStanding } from '../awards/rules.ts';
import type { Body } from './campaign-data.ts';

type Row = (string | number)[];

/** Declared headers first, in their declared order, then our extra columns. */
function header(tab: string, extra: readonly string[]): Row {
  return [...tabDef(tab).headers, ...extra];
}

export function verdictLine(v: NominationVerdict): string {
  return v.reason === '' ? v.status : `${v.status}: ${v.reason}`;
}

/**
 * One row per response of `lists`, in order. A judged nomination (a key of `verdictOf`) has its verdict as its last
 * note: in `Kết luận`, the notes before it in `Ghi chú`.
 */
export function checksTab(
  lists: readonly (readonly JudgedResponse[])[],
  verdictOf: ReadonlyMap<JudgedResponse, NominationVerdict>,
): TabWrite {
  // Made at its final length: 50,000 rows pushed one by one copied the list as it grew.
  let count = 1;
  for (const list of lists) count += list.length;
  const rows = new Array<Row>(count);
  rows[0] = header(TAB.checks, ['Dòng', 'Kết luận', 'Ghi chú']);
  let at = 1;
  for (const list of lists) {
    for (let i = 0; i < list.length; i++) {
      const r = list[i];
      const { notes } = r;
      const others = verdictOf.has(r) ? notes.length - 1 : notes.length;
      rows[at++] = [
        r.form,
        r.timestampText,
        r.unitCode,
        r.valid ? 'Hợp lệ' : 'Không hợp lệ',
        r.errors.join('\n'),
        r.rowNumber,
        others < notes.length ? notes[others] : '',
        // Most rows have no other note: no list sliced for them.
        others === 0 ? '' : notes.slice(0, others).join('\n'),
      ];
    }
  }
  return { tab: TAB.checks, rows };
}

/** Why a body's row of `Xếp loại` has a level but no score. */
export const DERIVED_LEVEL_REASON =
  'Cấp dưới có bảng tính riêng: xếp loại suy ra từ kết quả của các đơn vị cấp dưới (trang Tổng hợp cấp dưới).';

/** `results[i]` belongs to `units[i]`. */
export function classificationTab(
  units: readonly Unit[],
  results: readonly (UnitResult & { selfTotal: number | null })[],
  bodies: readonly Body[] = [],
  standings: ReadonlyMap<string, UnitStanding> = new Map(),
): TabWrite {
  const rows: Row[] = [
    header(TAB.classification, [
      'Tên đơn vị',
      'Cụm/Khối',
      'Điểm tự chấm',
      'An toàn về ANTT',
      'Quyết định công nhận ANTT',
    ]),
  ];
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    const r = results[i];
    rows.push([
      u.code,
      r.total ?? '',
      r.level,
      r.rank ?? '',
      r.commendable ? 'Có' : 'Không',
      r.reason,
      u.name,
      u.cluster,
      r.selfTotal ?? '',
      r.antt,
      r.anttDecision ?? '',
    ]);
  }
  // After the units, so a unit's row number does not move when a body is added.
  for (const b of bodies) {
    const standing = standings.get(b.code);
    if (!standing) continue;
    rows.push([
      b.code,
      '',
      standing.level,
      '',
      standing.commendable ? 'Có' : 'Không',
      DERIVED_LEVEL_REASON,
      b.name,
      b.cluster,
      '',
      '',
    ]);
  }
  return { tab: TAB.classification, rows };
}

export function awardsTab(tallies: readonly AwardTally[]): TabWrite {
  const rows: Row[] = [header(TAB.awards, [])];
  for (const t of tallies) rows.push([t.award, t.kind, t.nominated, t.eligible, t.min ?? '', t.max ?? '', t.status]);
  return { tab: TAB.awards, rows };
}
