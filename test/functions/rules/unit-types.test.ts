import { describe, expect, it } from 'vitest';
import { evaluateCampaign } from '../../../functions/rules/index.ts';
import { settingWarnings } from '../../../functions/core/settings.ts';
import { TAB, type Criterion } from '../../../sheets-schema/index.ts';
import { campaign } from './builder.ts';

const NOW = new Date('2026-12-01T00:00:00Z');

/** 80 common points, and 20 of the agencies' own (QĐ 510 sets criteria "đối với cơ quan, doanh nghiệp, …"). */
const CRITERIA: readonly Criterion[] = [
  { code: 'TC1', group: 'Lãnh đạo, chỉ đạo', content: 'Lãnh đạo, chỉ đạo', maxScore: 50 },
  { code: 'TC2', group: 'Kết quả', content: 'Kết quả thực hiện', maxScore: 30 },
  { code: 'CQ1', group: 'Tuyên truyền', content: 'Tuyên truyền cán bộ', maxScore: 20, types: ['Cơ quan'] },
];

const both = () =>
  campaign().withCriteria(CRITERIA).unit({ code: 'KDC', type: 'Khu dân cư' }).unit({ code: 'CQ', type: 'Cơ quan' });

function evaluate(b: ReturnType<typeof campaign>) {
  const evaluation = evaluateCampaign(b.snapshot(), NOW);
  const results = new Map(evaluation.results.map((r) => [r.unitCode, r]));
  const checks = new Map(evaluation.responses.map((r) => [r.unitCode, r]));
  return { evaluation, results, checks };
}

describe('criteria per unit type (issue 20; QĐ 510/QĐ-BCA-V05, TT 124/2021/TT-BCA)', () => {
  it('QĐ 510: a Khu dân cư and a Cơ quan with the same answers are classified on their own criteria, differently', () => {
    // Both score 72 of the 80 common points; the Cơ quan also answers its own criterion, and scores 10 of 20 there.
    const b = both().report('KDC', { TC1: 45, TC2: 27 }).report('CQ', { TC1: 45, TC2: 27, CQ1: 10 });
    const { results } = evaluate(b);
    // 72 of 80 is 90 on the 100 scale: Xuất sắc; 82 of 100 is Khá.
    expect(results.get('KDC')).toMatchObject({ total: 72, level: 'Xuất sắc' });
    expect(results.get('KDC')!.reason).toBe(
      'Tổng điểm 72 trên 80 điểm tối đa của các tiêu chí loại hình Khu dân cư, quy đổi thang 100 là 90.',
    );
    expect(results.get('CQ')).toMatchObject({ total: 82, level: 'Khá', reason: '' });
    // Each sees only its own criteria's groups.
    expect(results.get('KDC')!.groupScores.map((g) => g.group)).toEqual(['Lãnh đạo, chỉ đạo', 'Kết quả']);
    expect(results.get('CQ')!.groupScores.map((g) => g.group)).toEqual([
      'Lãnh đạo, chỉ đạo',
      'Kết quả',
      'Tuyên truyền',
    ]);
  });

  it('QĐ 510: thresholds per type (Ngưỡng Xuất sắc: Khu dân cư) classify identical reports differently', () => {
    const b = campaign()
      .unit({ code: 'KDC', type: 'Khu dân cư' })
      .unit({ code: 'CQ', type: 'Cơ quan' })
      .report('KDC', { TC1: 46, TC2: 46 })
      .report('CQ', { TC1: 46, TC2: 46 })
      .setting('Ngưỡng Xuất sắc: khu  dân cư', 95)
      .setting('Ngưỡng Khá: Khu dân cư', '75');
    const { results } = evaluate(b);
    expect(results.get('CQ')).toMatchObject({ total: 92, level: 'Xuất sắc', reason: '' });
    expect(results.get('KDC')).toMatchObject({ total: 92, level: 'Khá' });
    expect(results.get('KDC')!.reason).toBe(
      'Ngưỡng riêng của loại hình Khu dân cư: Xuất sắc 95, Khá 75, Trung bình 50.',
    );
  });

  it('QĐ 510: a per-type threshold that is not a number is a warning, and that type keeps the common threshold', () => {
    const b = campaign()
      .unit({ code: 'KDC', type: 'Khu dân cư' })
      .report('KDC', { TC1: 46, TC2: 46 })
      .setting('Ngưỡng Xuất sắc: Khu dân cư', 'chín lăm');
    const { evaluation, results } = evaluate(b);
    expect(results.get('KDC')!.level).toBe('Xuất sắc');
    expect(settingWarnings(evaluation.settings)).toEqual([
      'Cấu hình: khóa "Ngưỡng Xuất sắc: Khu dân cư" có giá trị "chín lăm" không phải là số; loại hình Khu dân cư dùng "Ngưỡng Xuất sắc" chung.',
    ]);
  });

  it('QĐ 510: a score for a criterion of another unit type is refused in Vietnamese and never counted', () => {
    const b = both().report('KDC', { TC1: 40, TC2: 20, CQ1: 15 });
    const { checks, results } = evaluate(b);
    expect(checks.get('KDC')!.valid).toBe(false);
    expect(checks.get('KDC')!.errors).toEqual([
      'Câu "[CQ1] Tuyên truyền cán bộ (tối đa 20 điểm)": tiêu chí này không áp dụng cho đơn vị loại hình "Khu dân cư" (theo trang Tiêu chí); hãy để trống và chỉ chấm các tiêu chí của loại hình mình.',
    ]);
    expect(results.get('KDC')!.level).toBe('Chưa xếp loại');
  });

  it("QĐ 510: a criterion of the unit's own type left blank is missing, as a common one is", () => {
    const b = both().report('CQ', { TC1: 40, TC2: 20, CQ1: '' });
    const { checks } = evaluate(b);
    expect(checks.get('CQ')!.errors).toEqual([
      'Câu "[CQ1] Tuyên truyền cán bộ (tối đa 20 điểm)": bắt buộc trả lời nhưng đang để trống.',
    ]);
    // The residential area leaves it blank and is valid.
    expect(evaluate(both().report('KDC', { TC1: 40, TC2: 20 })).checks.get('KDC')!.valid).toBe(true);
  });

  it("DOMAIN §1: the final report's Loại hình đơn vị must be the unit's type of Đơn vị (or Loại hình khác), in Vietnamese", () => {
    const b = both()
      .unit({ code: 'CD', type: 'Công đoàn cơ sở' })
      .report('KDC', { TC1: 40, TC2: 20 }, { 'Loại hình đơn vị': 'Cơ quan' })
      .report('CQ', { TC1: 40, TC2: 20, CQ1: 10 }, { 'Loại hình đơn vị': 'Cơ quan' })
      .report('CD', { TC1: 40, TC2: 20 }, { 'Loại hình đơn vị': 'Loại hình khác' });
    const { checks } = evaluate(b);
    expect(checks.get('KDC')!.errors).toEqual([
      'Câu "Loại hình đơn vị": đơn vị "KDC" thuộc loại hình "Khu dân cư" trong danh sách đơn vị, nên phải chọn "Loại hình khác" và chấm các tiêu chí của loại hình đó; nếu danh sách đơn vị ghi sai loại hình, hãy báo Thường trực phong trào.',
    ]);
    expect(checks.get('CQ')!.valid).toBe(true);
    expect(checks.get('CD')!.valid).toBe(true);
  });

  it('DOMAIN §1: Loại hình lists several types (`Khu dân cư, Xã/Phường`), compared without case or spacing', () => {
    const criteria: Criterion[] = [
      { code: 'TC1', group: 'Chung', content: 'Chung', maxScore: 50 },
      {
        code: 'DC1',
        group: 'Dân cư',
        content: 'Hộ gia đình đăng ký',
        maxScore: 50,
        types: ['Khu dân cư', 'xã/phường'],
      },
    ];
    const b = campaign()
      .withCriteria(criteria)
      .unit({ code: 'XA', type: 'Xã/Phường' })
      .unit({ code: 'SO', type: 'Cơ quan' })
      .report('XA', { TC1: 40, DC1: 50 })
      .report('SO', { TC1: 40 });
    const { results, checks } = evaluate(b);
    expect(checks.get('XA')!.valid).toBe(true);
    expect(results.get('XA')).toMatchObject({ total: 90, level: 'Xuất sắc' });
    // 40 of the agency's 50 points: 80 on the 100 scale.
    expect(results.get('SO')).toMatchObject({ total: 40, level: 'Khá' });
  });

  it('QĐ 510: units of different types in one cluster are ranked on the 100 scale', () => {
    const b = both().report('KDC', { TC1: 45, TC2: 27 }).report('CQ', { TC1: 45, TC2: 27, CQ1: 10 });
    const { results } = evaluate(b);
    // 72 of 80 (90) ranks above 82 of 100 (82), although its total is lower.
    expect([results.get('KDC')!.rank, results.get('CQ')!.rank]).toEqual([1, 2]);
  });

  it('a Tiêu chí tab without the Loại hình column (set up before it existed) scores every unit on every criterion', () => {
    const b = campaign()
      .unit({ code: 'KDC', type: 'Khu dân cư' })
      .report('KDC', { TC1: 45, TC2: 45 })
      .tab(TAB.criteria, [
        ['Mã tiêu chí', 'Nhóm', 'Nội dung', 'Điểm tối đa'],
        ['TC1', 'Lãnh đạo, chỉ đạo', 'Lãnh đạo, chỉ đạo', 50],
        ['TC2', 'Kết quả', 'Kết quả thực hiện', 50],
      ]);
    expect(evaluate(b).results.get('KDC')).toMatchObject({ total: 90, level: 'Xuất sắc', reason: '' });
  });
});
