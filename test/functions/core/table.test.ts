import { describe, expect, it } from 'vitest';
import { HeaderError, readTable } from '../../../functions/core/table.ts';
import type { Snapshot } from '../../../functions/core/snapshot.ts';

const snapshot = (rows: (string | number)[][]): Snapshot => ({ spreadsheetId: 't', tabs: new Map([['Đơn vị', rows]]) });

describe('readTable (header-driven)', () => {
  it('finds columns by header text, so reordered columns keep their data', () => {
    const table = readTable(
      snapshot([
        ['Tên đơn vị', 'Mã đơn vị'],
        ['Sở Tư pháp', 'SO-TP'],
      ]),
      'Đơn vị',
      ['Mã đơn vị'],
    );
    expect(table.rows[0].get('Mã đơn vị')).toBe('SO-TP');
    expect(table.rows[0].rowNumber).toBe(2);
  });

  it('stops with a Vietnamese error naming the tab and the renamed header', () => {
    expect(() => readTable(snapshot([['Mã ĐV', 'Tên đơn vị']]), 'Đơn vị', ['Mã đơn vị'])).toThrow(
      "Trang tính 'Đơn vị' thiếu cột 'Mã đơn vị'",
    );
  });

  it('refuses a duplicated required header', () => {
    const read = () => readTable(snapshot([['Mã đơn vị', 'Mã đơn vị']]), 'Đơn vị', ['Mã đơn vị']);
    expect(read).toThrow(HeaderError);
    expect(read).toThrow('hai cột cùng tên');
  });

  it('skips blank rows but keeps sheet row numbers', () => {
    const table = readTable(snapshot([['Mã đơn vị'], [''], ['SO-YT']]), 'Đơn vị', ['Mã đơn vị']);
    expect(table.rows.map((r) => r.rowNumber)).toEqual([3]);
  });

  it('treats a missing tab as an error only when headers are required', () => {
    const empty: Snapshot = { spreadsheetId: 't', tabs: new Map() };
    expect(readTable(empty, 'Thẩm định').rows).toEqual([]);
    expect(() => readTable(empty, 'Đơn vị', ['Mã đơn vị'])).toThrow("Không tìm thấy trang tính 'Đơn vị'");
  });
});
