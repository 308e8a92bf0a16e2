import { describe, expect, it } from 'vitest';
import { evaluateCampaign } from '../../../functions/rules/index.ts';
import { TAB } from '../../../sheets-schema/index.ts';
import { campaign } from './builder.ts';

const NOW = new Date('2026-12-01T00:00:00Z');
const results = (b: ReturnType<typeof campaign>) =>
  new Map(evaluateCampaign(b.snapshot(), NOW).results.map((r) => [r.unitCode, r]));

describe('classification (QĐ 510/QĐ-BCA-V05)', () => {
  it('QĐ 510: the score is the sum of the criterion scores of the latest valid final report', () => {
    const b = campaign().unit('A').report('A', { TC1: 20, TC2: 20 }).report('A', { TC1: 45, TC2: '47,5' });
    const a = results(b).get('A')!;
    expect(a.total).toBe(92.5);
    expect(a.level).toBe('Xuất sắc');
    expect(a.groupScores).toEqual([
      { group: 'Lãnh đạo, chỉ đạo', score: 45, max: 50 },
      { group: 'Kết quả', score: 47.5, max: 50 },
    ]);
  });

  it.each([
    [90, 'Xuất sắc'],
    [89, 'Khá'],
    [70, 'Khá'],
    [69, 'Trung bình'],
    [50, 'Trung bình'],
    [49, 'Yếu'],
  ])('QĐ 510 (our default thresholds 90/70/50): a total of %i is %s', (total, level) => {
    const b = campaign()
      .unit('A')
      .report('A', { TC1: Math.min(total, 50), TC2: Math.max(total - 50, 0) });
    expect(results(b).get('A')!.level).toBe(level);
  });

  it('QĐ 510: changing Ngưỡng Khá in Cấu hình changes levels', () => {
    const base = () => campaign().unit('A').report('A', { TC1: 40, TC2: 25 });
    expect(results(base()).get('A')!.level).toBe('Trung bình');
    expect(results(base().setting('Ngưỡng Khá', 60)).get('A')!.level).toBe('Khá');
  });

  it('QĐ 510: the assessed score of Thẩm định replaces the self-assessed total', () => {
    const b = campaign().unit('A').report('A', { TC1: 50, TC2: 45 }).assess('a', 72);
    const a = results(b).get('A')!;
    expect([a.total, a.assessed, a.level]).toEqual([72, true, 'Khá']);
    expect(a.reason).toBe('Điểm thẩm định 72 thay cho điểm tự chấm 95.');
  });

  it('QĐ 510: an assessed score that is not a number is reported and the self-assessment kept', () => {
    const a = results(campaign().unit('A').report('A', { TC1: 50, TC2: 45 }).assess('A', 'chưa chấm')).get('A')!;
    expect([a.total, a.assessed]).toEqual([95, false]);
    expect(a.reason).toContain('Điểm thẩm định "chưa chấm" không phải là số');
  });

  it('QĐ 510: a serious ANTT incident caps the level at Mức tối đa khi có vụ việc nghiêm trọng', () => {
    const b = campaign()
      .unit('A')
      .unit('B')
      .report('A', { TC1: 50, TC2: 50 }, { 'Để xảy ra vụ việc nghiêm trọng về ANTT': 'Có' });
    b.report('B', { TC1: 50, TC2: 50 }, { 'Để xảy ra vụ việc nghiêm trọng về ANTT': 'Có' }).setting(
      'Mức tối đa khi có vụ việc nghiêm trọng',
      'Yếu',
    );
    const r = results(b);
    expect(r.get('A')!.level).toBe('Yếu');
    expect(r.get('A')!.total).toBe(100);
    expect(r.get('A')!.reason).toContain('Để xảy ra vụ việc nghiêm trọng về ANTT: xếp loại tối đa Yếu.');
  });

  it('QĐ 510: the incident cap defaults to Trung bình', () => {
    const b = campaign()
      .unit('A')
      .report('A', { TC1: 50, TC2: 50 }, { 'Để xảy ra vụ việc nghiêm trọng về ANTT': 'Có' });
    expect(results(b).get('A')!.level).toBe('Trung bình');
  });

  it('QĐ 510: a unit without a valid final report is Chưa xếp loại, with no rank', () => {
    const b = campaign().unit('A').unit('B').report('B', { TC1: 60 }).assess('A', 80);
    const r = results(b);
    for (const code of ['A', 'B']) {
      expect(r.get(code)).toMatchObject({ total: null, level: 'Chưa xếp loại', rank: null, commendable: false });
    }
  });

  it('QĐ 510: ties in a cluster share a rank and the next rank skips (1, 1, 3)', () => {
    const b = campaign()
      .unit({ code: 'A', cluster: 'Cụm 1' })
      .unit({ code: 'B', cluster: 'Cụm 1' })
      .unit({ code: 'C', cluster: 'Cụm 1' })
      .unit({ code: 'D', cluster: 'Cụm 2' })
      .unit({ code: 'E', cluster: 'Cụm 1' })
      .report('A', { TC1: 45, TC2: 45 })
      .report('B', { TC1: 50, TC2: 40 })
      .report('C', { TC1: 40, TC2: 40 })
      .report('D', { TC1: 10, TC2: 10 });
    const r = results(b);
    expect(['A', 'B', 'C', 'D', 'E'].map((c) => r.get(c)!.rank)).toEqual([1, 1, 3, 1, null]);
  });

  it('seed 004: units rated Trung bình are not considered for commendation', () => {
    const b = campaign().unit('A').unit('B').report('A', { TC1: 30, TC2: 30 }).report('B', { TC1: 40, TC2: 40 });
    const r = results(b);
    expect(r.get('A')).toMatchObject({
      level: 'Trung bình',
      commendable: false,
      reason: 'Xếp loại Trung bình: không được xét thi đua, khen thưởng.',
    });
    expect(r.get('B')).toMatchObject({ level: 'Khá', commendable: true, reason: '' });
  });

  it('seed 004: the levels that pass the gate come from Mức được xét khen thưởng', () => {
    const b = campaign().unit('A').report('A', { TC1: 40, TC2: 40 }).setting('Mức được xét khen thưởng', 'Xuất sắc');
    expect(results(b).get('A')!.commendable).toBe(false);
  });

  it('Xếp loại has the declared headers then the ANTT columns, one row per unit', () => {
    const b = campaign().unit({ code: 'A', name: 'Sở Tư pháp' }).unit('B').report('A', { TC1: 40, TC2: 40 });
    const tab = evaluateCampaign(b.snapshot(), NOW).tabs.find((t) => t.tab === TAB.classification)!;
    expect(tab.rows).toEqual([
      [
        'Mã đơn vị',
        'Tổng điểm',
        'Xếp loại',
        'Hạng trong Cụm/Khối',
        'Được xét khen thưởng',
        'Lý do',
        'Tên đơn vị',
        'Cụm/Khối',
        'Điểm tự chấm',
        'An toàn về ANTT',
        'Quyết định công nhận ANTT',
      ],
      [
        'A',
        80,
        'Khá',
        1,
        'Có',
        '',
        'Sở Tư pháp',
        'Cụm 1',
        80,
        'Chưa đạt: đăng ký "An toàn về ANTT" từ quý I; nghị quyết, kế hoạch bảo đảm ANTT từ quý I; nội quy, quy chế bảo vệ, bảo mật, phòng cháy, an toàn lao động; 100% cán bộ, nhân viên được phổ biến, quán triệt; mô hình phong trào hoạt động hiệu quả',
        '',
      ],
      [
        'B',
        '',
        'Chưa xếp loại',
        '',
        'Không',
        'Chưa có báo cáo tổng kết hợp lệ.',
        'Đơn vị B',
        'Cụm 1',
        '',
        'Chưa có báo cáo',
        '',
      ],
    ]);
  });
});

describe('An toàn về ANTT (TT 124/2021/TT-BCA)', () => {
  const agencyYes = {
    'Cơ quan, doanh nghiệp: có nghị quyết của cấp ủy và kế hoạch bảo đảm ANTT ngay từ quý I': 'Có',
    'Cơ quan, doanh nghiệp: có nội quy, quy chế bảo vệ cơ quan, bảo vệ bí mật nhà nước, phòng cháy, chữa cháy, an toàn lao động':
      'Có',
    'Cơ quan, doanh nghiệp: 100% cán bộ, nhân viên được phổ biến, quán triệt': 'Có',
    'Cơ quan, doanh nghiệp: có ít nhất một mô hình phong trào hoạt động hiệu quả': 'Có',
  };
  const residentialYes = {
    'Khu dân cư: 100% hộ gia đình đăng ký thực hiện "An toàn về ANTT" ngay từ quý I': 'Có',
    'Khu dân cư: không có tụ điểm tệ nạn xã hội, tội phạm được kiềm chế': 'Có',
    'Khu dân cư: không để xảy ra cháy, nổ, tai nạn nghiêm trọng do chủ quan': 'Có',
    'Khu dân cư: có mô hình tự quản về ANTT hoạt động hiệu quả': 'Có',
  };
  const antt = (b: ReturnType<typeof campaign>, code: string) => results(b).get(code)!.antt;

  it('TT 124/2021: an agency meets the standard when registered and every condition holds', () => {
    expect(antt(campaign().unit('A').register('A').report('A', {}, agencyYes), 'A')).toBe('Đạt');
  });

  it('TT 124/2021: an agency fails naming the criterion it misses', () => {
    const b = campaign()
      .unit('A')
      .register('A')
      .report(
        'A',
        {},
        { ...agencyYes, 'Cơ quan, doanh nghiệp: 100% cán bộ, nhân viên được phổ biến, quán triệt': 'Không' },
      );
    expect(antt(b, 'A')).toBe('Chưa đạt: 100% cán bộ, nhân viên được phổ biến, quán triệt');
  });

  it('TT 124/2021: a serious incident fails the standard', () => {
    const b = campaign()
      .unit('A')
      .register('A')
      .report('A', {}, { ...agencyYes, 'Để xảy ra vụ việc nghiêm trọng về ANTT': 'Có' });
    expect(antt(b, 'A')).toBe('Chưa đạt: không để xảy ra vụ việc nghiêm trọng về ANTT');
  });

  it('TT 124/2021: a unit not registered in Q1 fails the standard', () => {
    const b = campaign().unit('A').register('A', { 'Đăng ký "An toàn về ANTT"': 'Không' }).report('A', {}, agencyYes);
    expect(antt(b, 'A')).toBe('Chưa đạt: đăng ký "An toàn về ANTT" từ quý I');
  });

  it('TT 124/2021: a residential area needs 100% of households registered from Q1', () => {
    const b = campaign()
      .unit({ code: 'K1', type: 'Khu dân cư' })
      .unit({ code: 'K2', type: 'Khu dân cư' })
      .register('K1')
      .register('K2')
      .report('K1', {}, residentialYes)
      .report(
        'K2',
        {},
        {
          ...residentialYes,
          'Khu dân cư: 100% hộ gia đình đăng ký thực hiện "An toàn về ANTT" ngay từ quý I': 'Không',
        },
      );
    expect(antt(b, 'K1')).toBe('Đạt');
    expect(antt(b, 'K2')).toBe('Chưa đạt: 100% hộ gia đình đăng ký từ quý I');
  });

  it('TT 124/2021: out of scope by the registration answer (small enterprises, primary schools...)', () => {
    const b = campaign()
      .unit({ code: 'DN', type: 'Doanh nghiệp' })
      .register('DN', { 'Đăng ký "An toàn về ANTT"': 'Không thuộc phạm vi' })
      .report('DN', {});
    expect(antt(b, 'DN')).toBe('Không thuộc phạm vi');
  });

  it('TT 124/2021: out of scope by unit type (a type the circular does not name)', () => {
    expect(antt(campaign().unit({ code: 'LL', type: 'Lực lượng vũ trang' }), 'LL')).toBe('Không thuộc phạm vi');
  });

  it('TT 124/2021: an in-scope unit without a final report has no verdict yet', () => {
    expect(antt(campaign().unit('A').register('A'), 'A')).toBe('Chưa có báo cáo');
  });
});
