// The one A1 module: the local Sheets server parses with it what the gateway, setup and the web view build with it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatBox,
  formatOpen,
  fromLetters,
  parseA1,
  quoteSheet,
  quoteSheetTitle,
  rangeOf,
  toLetters,
} from '../../../functions/core/a1.ts';

describe('parseA1', () => {
  const cases: [string, ReturnType<typeof parseA1>][] = [
    [
      "'Cấu hình'!A1:B",
      { sheet: 'Cấu hình', wholeSheet: false, startRow: 0, startCol: 0, endRow: undefined, endCol: 2 },
    ],
    ["'It''s'!A1", { sheet: "It's", wholeSheet: false, startRow: 0, startCol: 0, endRow: 1, endCol: 1 }],
    ['Sheet1!A1:C3', { sheet: 'Sheet1', wholeSheet: false, startRow: 0, startCol: 0, endRow: 3, endCol: 3 }],
    ['Sheet1!C3:A1', { sheet: 'Sheet1', wholeSheet: false, startRow: 0, startCol: 0, endRow: 3, endCol: 3 }],
    ['Sheet1!A:C', { sheet: 'Sheet1', wholeSheet: false, startRow: 0, startCol: 0, endRow: undefined, endCol: 3 }],
    ['Sheet1!A2:C', { sheet: 'Sheet1', wholeSheet: false, startRow: 1, startCol: 0, endRow: undefined, endCol: 3 }],
    ['Sheet1!2:5', { sheet: 'Sheet1', wholeSheet: false, startRow: 1, startCol: 0, endRow: 5, endCol: undefined }],
    ['Sheet1!$B$2', { sheet: 'Sheet1', wholeSheet: false, startRow: 1, startCol: 1, endRow: 2, endCol: 2 }],
    ['Sheet1!aa10', { sheet: 'Sheet1', wholeSheet: false, startRow: 9, startCol: 26, endRow: 10, endCol: 27 }],
    ['Sheet1', { sheet: 'Sheet1', wholeSheet: true, startRow: 0, startCol: 0 }],
    ["'Kiểm tra'", { sheet: 'Kiểm tra', wholeSheet: true, startRow: 0, startCol: 0 }],
    ['Đơn vị!A1', { sheet: 'Đơn vị', wholeSheet: false, startRow: 0, startCol: 0, endRow: 1, endCol: 1 }],
    ['A1:B2', { wholeSheet: false, startRow: 0, startCol: 0, endRow: 2, endCol: 2 }],
    ['B:B', { wholeSheet: false, startRow: 0, startCol: 1, endRow: undefined, endCol: 2 }],
    ['', null],
    ["'Unclosed!A1", null],
    ["''!A1", null],
    ['Sheet1!A0', null],
    ['Sheet1!A1:B2:C3', null],
    ['Sheet1!', null],
    ["'Đơn vị'X", null],
  ];
  it.each(cases)('%s', (text, expected) => {
    expect(parseA1(text)).toEqual(expected);
  });
});

describe('quoteSheetTitle', () => {
  it.each([
    ['Sheet1', 'Sheet1'],
    ['My_Data', 'My_Data'],
    ['Kiểm tra', "'Kiểm tra'"],
    ['Lỗi', "'Lỗi'"],
    ["It's", "'It''s'"],
    ['A1', "'A1'"],
    ['2024', "'2024'"],
    ['Q3 Budget', "'Q3 Budget'"],
  ])('%s → %s', (title, quoted) => {
    expect(quoteSheetTitle(title)).toBe(quoted);
  });
});

describe('columns and boxes', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [701, 'ZZ'],
    [702, 'AAA'],
    [18277, 'ZZZ'],
  ])('column %i is %s and back', (index, letters) => {
    expect(toLetters(index)).toBe(letters);
    expect(fromLetters(letters)).toBe(index);
  });

  it('ZZZ is the 18,278th column, the last Google allows', () => {
    expect(fromLetters('ZZZ') + 1).toBe(18_278);
  });

  it('round trip: every index of the 18,278 columns to letters and back, letters only from A to Z', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 18_277 }), (index) => {
        const letters = toLetters(index);
        expect(letters).toMatch(/^[A-Z]{1,3}$/);
        expect(fromLetters(letters)).toBe(index);
        expect(fromLetters(letters.toLowerCase())).toBe(index);
      }),
    );
  });

  it('letters sort like columns: a later index never gets letters that sort before shorter or equal ones', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 18_276 }), (index) => {
        const [a, b] = [toLetters(index), toLetters(index + 1)];
        expect(a.length < b.length || (a.length === b.length && a < b)).toBe(true);
      }),
    );
  });

  it('prints a single cell once and a box with both corners', () => {
    expect(formatBox({ startRow: 0, startCol: 0, endRow: 1, endCol: 1 })).toBe('A1');
    expect(formatBox({ startRow: 0, startCol: 0, endRow: 1000, endCol: 26 })).toBe('A1:Z1000');
  });

  it('prints open ends the way Google names them in errors', () => {
    expect(formatOpen({ startRow: 1000, startCol: 0, endCol: 2 })).toBe('A1001:B');
    expect(formatOpen({ startRow: 0, startCol: 26, endRow: 2 })).toBe('AA1:2');
  });
});

describe('ranges built here are read back the same by the parser the local server uses', () => {
  const title = fc.string({ minLength: 1, maxLength: 20 }).filter((t) => t.trim() === t && !t.includes('!'));
  const box = fc
    .record({
      startRow: fc.integer({ min: 0, max: 9_999_999 }),
      startCol: fc.integer({ min: 0, max: 18_277 }),
      rows: fc.integer({ min: 1, max: 1000 }),
      cols: fc.integer({ min: 1, max: 100 }),
    })
    .filter((b) => b.startCol + b.cols <= 18_278)
    .map((b) => ({
      startRow: b.startRow,
      startCol: b.startCol,
      endRow: b.startRow + b.rows,
      endCol: b.startCol + b.cols,
    }));

  it('rangeOf → parseA1 gives back the sheet and the box, whatever the title (quotes, Vietnamese, spaces)', () => {
    fc.assert(
      fc.property(title, box, (sheet, b) => {
        expect(parseA1(rangeOf(sheet, b))).toEqual({ sheet, wholeSheet: false, ...b });
      }),
    );
  });

  it('an open-ended column range keeps its open end', () => {
    fc.assert(
      fc.property(title, fc.integer({ min: 0, max: 18_277 }), fc.integer({ min: 0, max: 1000 }), (sheet, col, row) => {
        const range = rangeOf(sheet, { startRow: row, startCol: col, endCol: col + 1 });
        expect(parseA1(range)).toEqual({
          sheet,
          wholeSheet: false,
          startRow: row,
          startCol: col,
          endRow: undefined,
          endCol: col + 1,
        });
      }),
    );
  });

  it('a quoted title alone is the whole sheet, and Google’s own quoting reads back the same title', () => {
    fc.assert(
      fc.property(title, (sheet) => {
        expect(parseA1(quoteSheet(sheet))).toEqual({ sheet, wholeSheet: true, startRow: 0, startCol: 0 });
        expect(parseA1(`${quoteSheetTitle(sheet)}!A1`)?.sheet).toBe(sheet);
      }),
    );
  });
});
