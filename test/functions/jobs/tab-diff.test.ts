// The difference a run writes (issue 14 part 4): applied to the tab the sheet holds, it must give exactly the tab the
// plan computed, and it must be small when little changed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../../functions/core/cells.ts';
import { diffTab, rowFingerprint, tabState, tabStateFold, type TabChange } from '../../../functions/jobs/tab-diff.ts';

type Grid = Cell[][];

/** What the Sheets API does with the change: row inserts and deletes in order, then each block written at its rows. */
function applyChange(sheet: Grid, change: TabChange): Grid {
  const out = sheet.map((row) => [...row]);
  for (const op of change.rowOps) {
    if (op.insert) out.splice(op.at, 0, ...Array.from({ length: op.count }, () => [] as Cell[]));
    else out.splice(op.at, op.count);
  }
  for (const block of change.blocks) {
    block.rows.forEach((row, i) => {
      const r = block.first - 1 + i;
      while (out.length <= r) out.push([]);
      row.forEach((cell, c) => {
        out[r][c] = cell;
      });
    });
  }
  return out;
}

/** A tab as the values API reads it back: '' is no value, trailing blanks and blank trailing rows left out. */
function asRead(grid: Grid): Grid {
  const rows = grid.map((row) => {
    const r = row.map((c) => (c === undefined || c === null ? '' : c));
    while (r.length > 0 && r[r.length - 1] === '') r.pop();
    return r;
  });
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}

const HEADER = ['Biểu mẫu', 'Dấu thời gian', 'Mã đơn vị', 'Trạng thái', 'Lỗi'];
const row = (i: number, status = 'Hợp lệ'): Cell[] => [
  'Đăng ký thi đua',
  `01/03/2026 08:${String(i % 60).padStart(2, '0')}:00`,
  `DV-${i}`,
  status,
  '',
];
const tab = (n: number, status?: (i: number) => string): Grid => [
  HEADER,
  ...Array.from({ length: n }, (_, i) => row(i, status?.(i))),
];

describe('diffTab (issue 14 part 4: write only what changed)', () => {
  it('writes nothing when the tab is as the sheet holds it', () => {
    const change = diffTab(tab(500), tabState(tab(500)), { shift: true });
    expect(change.blocks).toEqual([]);
    expect(change.rowOps).toEqual([]);
  });

  it('writes only the row whose cells differ', () => {
    const next = tab(500, (i) => (i === 250 ? 'Không hợp lệ' : 'Hợp lệ'));
    const change = diffTab(next, tabState(tab(500)), { shift: true });
    expect(change.rowOps).toEqual([]);
    expect(change.blocks).toEqual([{ first: 252, rows: [next[251]] }]);
  });

  it('inserts a new row in the middle instead of rewriting every row after it', () => {
    const old = tab(1000);
    const next = [
      ...old.slice(0, 11),
      ['Đăng ký thi đua', '02/03/2026 09:00:00', 'DV-MỚI', 'Hợp lệ', ''],
      ...old.slice(11),
    ];
    const change = diffTab(next, tabState(old), { shift: true });
    expect(change.rowOps).toEqual([{ insert: true, at: 11, count: 1 }]);
    expect(change.blocks).toEqual([{ first: 12, rows: [next[11]] }]);
    expect(asRead(applyChange(old, change))).toEqual(asRead(next));
  });

  it('deletes a vanished row in the middle, and clears rows past a shorter end', () => {
    const old = tab(100);
    const middle = [...old.slice(0, 41), ...old.slice(42)];
    const deleted = diffTab(middle, tabState(old), { shift: true });
    expect(deleted.rowOps).toEqual([{ insert: false, at: 41, count: 1 }]);
    expect(deleted.blocks).toEqual([]);
    const shorter = old.slice(0, 91);
    const cleared = diffTab(shorter, tabState(old), { shift: true });
    expect(cleared.rowOps).toEqual([]);
    expect(cleared.blocks).toEqual([{ first: 92, rows: Array(10).fill(['', '', '', '', '']) }]);
  });

  it('rewrites a tab whose header moved, once, blanking the old rows past the new end', () => {
    const old = tab(20);
    const next = [
      ['Mã đơn vị', ...HEADER.filter((h) => h !== 'Mã đơn vị')],
      ...old.slice(1, 11).map((r) => [r[2], r[0], r[1], r[3], r[4]]),
    ];
    const change = diffTab(next, tabState(old), { shift: true });
    expect(change.rewritten).toBe(true);
    expect(change.blocks).toHaveLength(1);
    expect(change.blocks[0].first).toBe(1);
    expect(change.blocks[0].rows).toHaveLength(21);
    expect(asRead(applyChange(old, change))).toEqual(asRead(next));
    expect(diffTab(next, tabState(asRead(applyChange(old, change))), { shift: true }).blocks).toEqual([]);
  });

  it('blanks the cells a row no longer fills, and tells a number or a checkbox from the same text', () => {
    const old: Grid = [
      ['A', 'B', 'C'],
      ['x', 5, 'ghi chú'],
    ];
    const next: Grid = [
      ['A', 'B', 'C'],
      ['x', '5'],
    ];
    const change = diffTab(next, tabState(old), { shift: false });
    expect(change.blocks).toEqual([{ first: 2, rows: [['x', '5', '']] }]);
    const ticked: Grid = [
      ['A', 'B', 'C'],
      ['x', true, 1],
      ['y', 'true', 1],
    ];
    const texts: Grid = [
      ['A', 'B', 'C'],
      ['x', 'true', 1],
      ['y', 'true', true],
    ];
    expect(diffTab(texts, tabState(ticked), { shift: false }).blocks).toEqual([
      {
        first: 2,
        rows: [
          ['x', 'true', 1],
          ['y', 'true', true],
        ],
      },
    ]);
  });

  it('compares in place where rows must not move (a dashboard with charts), and flags a lone stamp', () => {
    const old: Grid = [['TỔNG HỢP'], ['Cập nhật lúc', '01/12/2026 10:00:00'], ['Số đơn vị', 4]];
    const next: Grid = [['TỔNG HỢP'], ['Cập nhật lúc', '01/12/2026 10:10:00'], ['Số đơn vị', 4]];
    const stamp = diffTab(next, tabState(old), { shift: false, stampRow: 1 });
    expect(stamp.stampOnly).toBe(true);
    const more = diffTab([...next.slice(0, 2), ['Số đơn vị', 5]], tabState(old), { shift: false, stampRow: 1 });
    expect(more.stampOnly).toBe(false);
    expect(more.rowOps).toEqual([]);
  });

  it('turns any old tab into any new one, shifting or in place (property, 300 cases)', () => {
    const cell = fc.oneof(fc.constantFrom('', 'Hợp lệ', 'Không hợp lệ', 'a', 'b'), fc.integer({ min: 0, max: 3 }));
    const body = fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 30 });
    fc.assert(
      fc.property(body, body, fc.boolean(), fc.boolean(), (oldBody, newBody, shift, sameHeader) => {
        const old: Grid = [['H1', 'H2'], ...oldBody];
        const next: Grid = [sameHeader ? ['H1', 'H2'] : ['H2', 'H1'], ...newBody];
        const sheet = asRead(old);
        const change = diffTab(next, tabState(sheet), { shift });
        expect(asRead(applyChange(sheet, change))).toEqual(asRead(next));
      }),
      { numRuns: 300 },
    );
  });

  it('writes every row below a tab that holds only its header, in one block (a first run)', () => {
    const change = diffTab(tab(500), tabState(tab(0)), { shift: true });
    expect(change.rowOps).toEqual([]);
    expect(change.blocks).toEqual([{ first: 2, rows: tab(500).slice(1) }]);
  });

  it('folds the rows of a tab read in runs of any length into the fingerprints of the whole tab', () => {
    const sheet = asRead(tab(50, (i) => (i % 7 === 0 ? 'Không hợp lệ' : 'Hợp lệ')));
    for (const run of [1, 3, 50, 1_000]) {
      const fold = tabStateFold();
      for (let i = 0; i < sheet.length; i += run) fold.add(sheet.slice(i, i + run));
      expect(fold.done()).toEqual({ rows: sheet.map((r) => rowFingerprint(r)), width: HEADER.length });
    }
    // Trailing empty rows are not content, however they arrive.
    const fold = tabStateFold();
    fold.add(tab(2));
    fold.add([[], ['']]);
    expect(fold.done().rows).toHaveLength(3);
  });
});
