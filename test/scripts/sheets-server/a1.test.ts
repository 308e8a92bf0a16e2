import { describe, expect, it } from 'vitest';
import {
  columnIndex,
  columnLetters,
  formatBox,
  formatOpen,
  parseA1,
  quoteSheetTitle,
} from '../../../scripts/sheets-server/a1.ts';

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
  ])('column %i is %s and back', (index, letters) => {
    expect(columnLetters(index)).toBe(letters);
    expect(columnIndex(letters)).toBe(index);
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
