import { describe, expect, it } from 'vitest';
import { evaluateCampaign } from '../../../functions/rules/index.ts';
import type { Cell } from '../../../functions/core/cells.ts';
import {
  AWARD_MINISTER_CERTIFICATE,
  TAB,
  YEAR_RESULT_HEADERS,
  catalogueRows,
  defaultAwards,
} from '../../../sheets-schema/index.ts';
import { campaign } from '../rules/builder.ts';

const NOW = new Date('2026-12-01T00:00:00Z');

/** The shipped catalogue with `Số năm liên tục` of the Minister's Bằng khen typed as `years`. */
const catalogue = (years: number | string): Cell[][] => {
  const rows: Cell[][] = catalogueRows(defaultAwards());
  const column = rows[0].indexOf('Số năm liên tục');
  return rows.map((row) =>
    row[0] === AWARD_MINISTER_CERTIFICATE ? row.map((c, j) => (j === column ? years : c)) : row,
  );
};

const history = (...rows: Cell[][]): Cell[][] => [Object.values(YEAR_RESULT_HEADERS), ...rows];
const year = (y: number, unit: string, level: string): Cell[] => [y, unit, `Đơn vị ${unit}`, level, '', '', ''];

/** Unit A (and B) rated Xuất sắc in 2026, each nominating a collective and an individual for the Bằng khen. */
const nominated = (years: number | string, ...rows: Cell[][]) => {
  const b = campaign().setting('Năm', 2026).tab(TAB.catalogue, catalogue(years));
  if (rows.length > 0) b.tab(TAB.yearResults, history(...rows));
  for (const unit of ['A', 'B'])
    b.unit(unit)
      .report(unit, { TC1: 50, TC2: 45 })
      .recognised(unit)
      .nominate(unit, {
        'Đối tượng': 'Tập thể',
        'Hình thức khen thưởng': AWARD_MINISTER_CERTIFICATE,
        'Họ tên / Tên tập thể': `Tổ bảo vệ ${unit}`,
      })
      .nominate(unit, {
        'Đối tượng': 'Cá nhân',
        'Hình thức khen thưởng': AWARD_MINISTER_CERTIFICATE,
        'Họ tên / Tên tập thể': `Người ${unit}`,
      });
  return evaluateCampaign(b.snapshot(), NOW).nominations.map((v) => [v.nominee, v.status, v.reason]);
};

describe('Số năm liên tục, against Xếp loại các năm (Luật Thi đua, khen thưởng 2022: thành tích liên tục)', () => {
  it('Luật Thi đua, khen thưởng 2022: with 2 consecutive years, a collective whose unit was Xuất sắc last year passes; Khá last year is refused, saying the year', () => {
    expect(nominated(2, year(2025, 'A', 'Xuất sắc'), year(2025, 'B', 'Khá'))).toEqual([
      ['Tổ bảo vệ A', 'Đủ điều kiện', ''],
      ['Người A', 'Đủ điều kiện', ''],
      [
        'Tổ bảo vệ B',
        'Không đủ điều kiện',
        `${AWARD_MINISTER_CERTIFICATE} cần 2 năm liên tục xếp loại Xuất sắc: năm 2025 đơn vị xếp loại Khá.`,
      ],
      // The registry holds units' classifications, not a person's: an individual is not judged on them.
      ['Người B', 'Đủ điều kiện', ''],
    ]);
  });

  it('Luật Thi đua, khen thưởng 2022: three years need the two before; a unit missing from a recorded year is refused', () => {
    expect(
      nominated(3, year(2025, 'A', 'Xuất sắc'), year(2024, 'A', 'Xuất sắc'), year(2025, 'B', 'Xuất sắc')).filter((v) =>
        String(v[0]).startsWith('Tổ'),
      ),
    ).toEqual([
      ['Tổ bảo vệ A', 'Đủ điều kiện', ''],
      [
        'Tổ bảo vệ B',
        'Không đủ điều kiện',
        `${AWARD_MINISTER_CERTIFICATE} cần 3 năm liên tục xếp loại Xuất sắc: năm 2024 đơn vị không có trong Xếp loại các năm.`,
      ],
    ]);
  });

  it('awards.md §2: a year the registry does not hold at all waits (Chưa xét), naming the year to record', () => {
    expect(nominated(2)[0]).toEqual([
      'Tổ bảo vệ A',
      'Chưa xét',
      `${AWARD_MINISTER_CERTIFICATE} cần 2 năm liên tục xếp loại Xuất sắc, nhưng "Xếp loại các năm" chưa có năm 2025; Thường trực phong trào ghi xếp loại năm 2025 rồi xét lại.`,
    ]);
  });

  it('awards.md §1: an unreadable Số năm liên tục holds the award, naming the cell; blank means no such rule', () => {
    expect(nominated('hai', year(2025, 'A', 'Xuất sắc'))[0]).toEqual([
      'Tổ bảo vệ A',
      'Chưa xét',
      expect.stringContaining('ô "Số năm liên tục" không đọc được ("hai")'),
    ]);
    expect(nominated('').every((v) => v[1] === 'Đủ điều kiện')).toBe(true);
  });
});
