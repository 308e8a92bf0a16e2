import { describe, expect, it } from 'vitest';
import { evaluateCampaign } from '../../../functions/rules/index.ts';
import { TAB, type Criterion } from '../../../sheets-schema/index.ts';
import { campaign } from './builder.ts';

const NOW = new Date('2026-12-01T00:00:00Z');
const CRITERIA: readonly Criterion[] = [
  { code: 'TC1', group: 'Lãnh đạo, chỉ đạo', content: 'Lãnh đạo, chỉ đạo', maxScore: 50 },
  { code: 'TC2', group: 'Kết quả', content: 'Kết quả thực hiện', maxScore: 30 },
  { code: 'CQ1', group: 'Kết quả', content: 'Tuyên truyền cán bộ', maxScore: 20, types: ['Cơ quan'] },
];
const HEADERS = ['Mã đơn vị', 'Điểm thẩm định', '[TC1] Lãnh đạo, chỉ đạo (tối đa 50 điểm)', '[CQ1]', 'Ghi chú'];

/** Agency A self-assesses 45 + 27 + 18 = 90; the inspectors' rows follow the headers above. */
function assessed(...rows: (string | number)[][]) {
  const b = campaign()
    .withCriteria(CRITERIA)
    .unit({ code: 'A', type: 'Cơ quan' })
    .unit({ code: 'K', type: 'Khu dân cư' })
    .report('A', { TC1: 45, TC2: 27, CQ1: 18 })
    .report('K', { TC1: 45, TC2: 27 })
    .tab(TAB.assessment, [HEADERS, ...rows]);
  return new Map(evaluateCampaign(b.snapshot(), NOW).results.map((r) => [r.unitCode, r]));
}

describe('Thẩm định per criterion (QĐ 510/QĐ-BCA-V05: the level above assesses; DOMAIN.md §3)', () => {
  it("QĐ 510: an assessed criterion replaces its self-score only; the others keep the unit's own, with the notes", () => {
    const a = assessed(['A', '', 35, 10, 'Hồ sơ mô hình chưa đủ minh chứng.']).get('A')!;
    // 35 + 27 + 10 instead of 45 + 27 + 18.
    expect(a).toMatchObject({ total: 72, assessed: true, level: 'Khá' });
    expect(a.reason).toBe(
      'Điểm thẩm định các tiêu chí TC1, CQ1 thay cho điểm tự chấm của các tiêu chí đó: tổng 72 thay cho 90. Ghi chú thẩm định: Hồ sơ mô hình chưa đủ minh chứng.',
    );
    expect(a.groupScores).toEqual([
      { group: 'Lãnh đạo, chỉ đạo', score: 35, max: 50 },
      { group: 'Kết quả', score: 37, max: 50 },
    ]);
  });

  it('QĐ 510: total only still works, and a total beside criterion scores wins, saying that they differ', () => {
    expect(assessed(['A', 70, '', '', '']).get('A')).toMatchObject({
      total: 70,
      reason: 'Điểm thẩm định 70 thay cho điểm tự chấm 90.',
    });
    expect(assessed(['A', 70, 35, 10, '']).get('A')!.reason).toBe(
      'Điểm thẩm định 70 khác tổng điểm thẩm định theo từng tiêu chí 72; dùng 70. Điểm thẩm định 70 thay cho điểm tự chấm 90.',
    );
  });

  it('bad cells are said in Vietnamese and the self-score of that criterion stands', () => {
    const a = assessed(['A', '', 'ba lăm', 25, '']).get('A')!;
    expect([a.total, a.assessed]).toEqual([90, false]);
    expect(a.reason).toBe(
      'Điểm thẩm định tiêu chí TC1 "ba lăm" không phải là số từ 0 đến 50; tạm dùng điểm tự chấm của tiêu chí này. Điểm thẩm định tiêu chí CQ1 "25" không phải là số từ 0 đến 20; tạm dùng điểm tự chấm của tiêu chí này.',
    );
  });

  it("QĐ 510 per type: a criterion score for a criterion not of the unit's type is ignored, with the reason", () => {
    const k = assessed(['K', '', 40, 15, '']).get('K')!;
    // 40 + 27 of the residential area's 80 points: 83.75 on the 100 scale.
    expect([k.total, k.level]).toEqual([67, 'Khá']);
    expect(k.reason).toContain(
      'Điểm thẩm định tiêu chí CQ1 bị bỏ qua: tiêu chí này không áp dụng cho loại hình Khu dân cư.',
    );
  });

  it('the last row of a unit with any score wins; a row with only a note is ignored', () => {
    const a = assessed(['A', 60, '', '', 'lần 1'], ['A', '', 40, '', 'lần 2'], ['A', '', '', '', 'chưa chấm']).get(
      'A',
    )!;
    expect(a).toMatchObject({ total: 85 });
    expect(a.reason).toContain('Ghi chú thẩm định: lần 2');
  });
});
