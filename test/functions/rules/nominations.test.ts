import { describe, expect, it } from 'vitest';
import { evaluateCampaign } from '../../../functions/rules/index.ts';
import { AWARD_CERTIFICATE, AWARD_MEDAL, AWARD_MINISTER_CERTIFICATE } from '../../../sheets-schema/forms/index.ts';
import { TAB, catalogueRows, defaultAwards } from '../../../sheets-schema/index.ts';
import { campaign } from './builder.ts';

const NOW = new Date('2026-12-01T00:00:00Z');
const verdicts = (b: ReturnType<typeof campaign>) =>
  evaluateCampaign(b.snapshot(), NOW).nominations.map((v) => [v.nominee, v.status, v.reason]);

/** A unit rated Xuất sắc (or the given scores) with nothing else. */
/** Recognised "An toàn về ANTT" too, as the default Bằng khen row asks of a collective's unit. */
const rated = (scores: Record<string, number> = { TC1: 50, TC2: 45 }) =>
  campaign().unit('A').report('A', scores).recognised('A');

const certificate = (name: string, kind = 'Cá nhân') => ({
  'Đối tượng': kind,
  'Hình thức khen thưởng': AWARD_MINISTER_CERTIFICATE,
  'Họ tên / Tên tập thể': name,
});

const medal = (name: string, fields: Record<string, string | number>) => ({
  'Đối tượng': 'Cá nhân',
  'Hình thức khen thưởng': AWARD_MEDAL,
  'Họ tên / Tên tập thể': name,
  'Giới tính': 'Nam',
  'Nhóm đối tượng': 'Lực lượng cơ sở',
  'Số năm công tác': 20,
  'Số năm ở vùng đặc biệt khó khăn': 0,
  'Số lần được khen về ANTQ': 0,
  'Đã được tặng huy chương loại trừ': 'Không',
  'Đang bị kỷ luật hoặc xem xét': 'Không',
  'Ngày sinh': '01/01/1970',
  ...fields,
});

describe('commendation gate (seed 004)', () => {
  it('seed 004: nominations of a unit rated Trung bình are ineligible with that reason', () => {
    const b = rated({ TC1: 30, TC2: 30 }).nominate('A', certificate('Nguyễn Văn An'));
    expect(verdicts(b)).toEqual([
      ['Nguyễn Văn An', 'Không đủ điều kiện', 'Đơn vị xếp loại Trung bình: không được xét thi đua, khen thưởng.'],
    ]);
  });

  it('seed 004: nominations of a unit not yet classified are Chờ xếp loại', () => {
    const b = campaign().unit('A').nominate('A', certificate('Nguyễn Văn An'));
    expect(verdicts(b)).toEqual([
      ['Nguyễn Văn An', 'Chờ xếp loại', 'Đơn vị chưa được xếp loại (chưa có báo cáo tổng kết hợp lệ).'],
    ]);
  });

  it('seed 004: nominations of a unit rated Khá are eligible', () => {
    expect(verdicts(rated({ TC1: 40, TC2: 35 }).nominate('A', certificate('Nguyễn Văn An')))).toEqual([
      ['Nguyễn Văn An', 'Đủ điều kiện', ''],
    ]);
  });
});

describe('quotas and duplicates', () => {
  it('seed 001: eligible nominations beyond the unit quota are ineligible, latest first', () => {
    const b = rated()
      .quota('A', AWARD_MINISTER_CERTIFICATE, 'Cá nhân', 2)
      .nominate('A', certificate('Người một'))
      .nominate('A', certificate('Người hai'))
      .nominate('A', certificate('Người ba'))
      .nominate('A', certificate('Tập thể một', 'Tập thể'));
    expect(verdicts(b)).toEqual([
      ['Người một', 'Đủ điều kiện', ''],
      ['Người hai', 'Đủ điều kiện', ''],
      ['Người ba', 'Không đủ điều kiện', 'Vượt chỉ tiêu phân bổ (đơn vị được đề nghị 2 cá nhân).'],
      ['Tập thể một', 'Đủ điều kiện', ''],
    ]);
  });

  it('seed 001: an ineligible nomination does not use up the quota', () => {
    const b = rated()
      .quota('A', AWARD_MEDAL, 'Cá nhân', 1)
      .nominate('A', medal('Chưa đủ năm', { 'Số năm công tác': 3 }))
      .nominate('A', medal('Đủ năm', {}));
    expect(verdicts(b).map((v) => v[1])).toEqual(['Không đủ điều kiện', 'Đủ điều kiện']);
  });

  it('DOMAIN §6: the same nominee (normalised name + unit) for the same award counts once; the later is marked', () => {
    const b = rated()
      .nominate('A', certificate('Nguyễn Văn An'))
      .nominate('A', certificate('  nguyễn   văn an '.normalize('NFD')))
      .nominate('A', { ...certificate('Nguyễn Văn An'), 'Hình thức khen thưởng': AWARD_CERTIFICATE });
    const ev = evaluateCampaign(b.snapshot(), NOW);
    expect(ev.nominations.map((v) => v.status)).toEqual(['Đủ điều kiện', 'Trùng', 'Đủ điều kiện']);
    expect(ev.nominations[1].reason).toBe('Trùng với đề nghị ở dòng 2; chỉ tính một lần.');
    const tally = ev.awards.find((t) => t.award === AWARD_MINISTER_CERTIFICATE && t.kind === 'Cá nhân')!;
    expect([tally.nominated, tally.eligible]).toEqual([1, 1]);
  });

  it('the verdict is written in the Kết luận column of Kiểm tra', () => {
    const b = rated({ TC1: 30, TC2: 30 }).nominate('A', certificate('Nguyễn Văn An'));
    const checks = evaluateCampaign(b.snapshot(), NOW).tabs.find((t) => t.tab === TAB.checks)!.rows;
    expect(checks[0]).toEqual([
      'Biểu mẫu',
      'Dấu thời gian',
      'Mã đơn vị',
      'Trạng thái',
      'Lỗi',
      'Dòng',
      'Kết luận',
      'Ghi chú',
    ]);
    const row = checks.find((r) => r[0] === TAB.nominations)!;
    expect(row.slice(2)).toEqual([
      'A',
      'Hợp lệ',
      '',
      2,
      'Không đủ điều kiện: Đơn vị xếp loại Trung bình: không được xét thi đua, khen thưởng.',
      '',
    ]);
  });
});

describe('Kỷ niệm chương "Bảo vệ an ninh Tổ quốc" (TT 20/2025/TT-BCA)', () => {
  it('TT 20/2025: women in grassroots forces qualify after 10 years, difficult-area years counting double', () => {
    const b = rated()
      .nominate('A', medal('Chị Đủ', { 'Giới tính': 'Nữ', 'Số năm công tác': 6, 'Số năm ở vùng đặc biệt khó khăn': 4 }))
      .nominate(
        'A',
        medal('Chị Thiếu', { 'Giới tính': 'Nữ', 'Số năm công tác': 6, 'Số năm ở vùng đặc biệt khó khăn': 3 }),
      );
    expect(verdicts(b)).toEqual([
      ['Chị Đủ', 'Đủ điều kiện', ''],
      [
        'Chị Thiếu',
        'Không đủ điều kiện',
        'Lực lượng cơ sở (nữ) cần ít nhất 10 năm tham gia, tính cả thời gian ở vùng đặc biệt khó khăn nhân đôi (mới có 9 năm).',
      ],
    ]);
  });

  it('TT 20/2025: men in grassroots forces qualify after 15 years', () => {
    const b = rated()
      .nominate('A', medal('Anh 15', { 'Số năm công tác': 15 }))
      .nominate('A', medal('Anh 14', { 'Số năm công tác': 14 }));
    expect(verdicts(b).map((v) => v[1])).toEqual(['Đủ điều kiện', 'Không đủ điều kiện']);
  });

  it('TT 20/2025: leaders qualify after 10 years in post with at least one ANTQ commendation', () => {
    const leader = (name: string, years: number, times: number) =>
      medal(name, { 'Nhóm đối tượng': 'Lãnh đạo', 'Số năm công tác': years, 'Số lần được khen về ANTQ': times });
    const b = rated()
      .nominate('A', leader('Đủ', 10, 1))
      .nominate('A', leader('Ít năm', 9, 3))
      .nominate('A', leader('Chưa được khen', 12, 0));
    expect(verdicts(b)).toEqual([
      ['Đủ', 'Đủ điều kiện', ''],
      ['Ít năm', 'Không đủ điều kiện', 'Lãnh đạo cần ít nhất 10 năm giữ chức vụ (mới có 9 năm).'],
      [
        'Chưa được khen',
        'Không đủ điều kiện',
        'Lãnh đạo cần ít nhất một lần được khen thưởng về công tác bảo vệ an ninh Tổ quốc.',
      ],
    ]);
  });

  it('TT 20/2025: the years are configurable in Danh mục khen thưởng (5 under the old TT 11/2021)', () => {
    const leader = medal('Lãnh đạo', {
      'Nhóm đối tượng': 'Lãnh đạo',
      'Số năm công tác': 6,
      'Số lần được khen về ANTQ': 1,
    });
    expect(verdicts(rated().nominate('A', leader))[0][1]).toBe('Không đủ điều kiện');
    const catalogue = catalogueRows(defaultAwards()).map((row) =>
      row[0] === AWARD_MEDAL ? row.map((cell, i) => (i === 3 ? 'Lãnh đạo: 5; Nam: 15; Nữ: 10' : cell)) : row,
    );
    expect(verdicts(rated().tab(TAB.catalogue, catalogue).nominate('A', leader))[0][1]).toBe('Đủ điều kiện');
  });

  it('TT 20/2025: holders of the medal or an excluding medal are ineligible', () => {
    const b = rated().nominate('A', medal('Đã có', { 'Đã được tặng huy chương loại trừ': 'Có' }));
    expect(verdicts(b)[0][1]).toBe('Không đủ điều kiện');
    expect(verdicts(b)[0][2]).toContain('chỉ tặng một lần');
  });

  it('TT 20/2025: a nominee under discipline or review is deferred (Chưa xét)', () => {
    const b = rated().nominate('A', medal('Đang xem xét', { 'Đang bị kỷ luật hoặc xem xét': 'Có' }));
    expect(verdicts(b)[0].slice(1)).toEqual([
      'Chưa xét',
      'Đang bị kỷ luật hoặc đang bị khiếu nại, thanh tra, kiểm tra: chưa xét cho đến khi có kết luận.',
    ]);
  });

  it('TT 20/2025: the medal is for individuals only', () => {
    const b = rated().nominate('A', medal('Tổ bảo vệ dân phố', { 'Đối tượng': 'Tập thể' }));
    expect(verdicts(b)[0].slice(1)).toEqual([
      'Không đủ điều kiện',
      'Kỷ niệm chương "Bảo vệ an ninh Tổ quốc" chỉ xét tặng cá nhân.',
    ]);
  });

  it('TT 20/2025: difficult-area years cannot exceed the years of service', () => {
    const b = rated().nominate(
      'A',
      medal('Sai số năm', { 'Số năm công tác': 5, 'Số năm ở vùng đặc biệt khó khăn': 6 }),
    );
    const r = evaluateCampaign(b.snapshot(), NOW).responses.find((x) => x.form === TAB.nominations)!;
    expect(r.errors).toEqual(['Câu "Số năm ở vùng đặc biệt khó khăn": không được lớn hơn câu "Số năm công tác".']);
  });
});

describe('Khen thưởng: tallies against Chỉ tiêu (seed 000)', () => {
  it('seed 000: at least 2 collectives and 2 individuals for the Bằng khen, 5 medals: Đủ / Thiếu N / Vượt N', () => {
    const b = rated()
      .target(AWARD_MINISTER_CERTIFICATE, 'Tập thể', 2, '')
      .target(AWARD_MINISTER_CERTIFICATE, 'Cá nhân', 2, '')
      .target(AWARD_MEDAL, 'Cá nhân', 0, 1)
      .nominate('A', certificate('Phòng Một', 'Tập thể'))
      .nominate('A', certificate('Phòng Hai', 'Tập thể'))
      .nominate('A', certificate('Người một'))
      .nominate('A', medal('Anh A', {}))
      .nominate('A', medal('Anh B', {}))
      .nominate('A', medal('Anh C', {}))
      .nominate('A', {
        'Đối tượng': 'Tập thể',
        'Hình thức khen thưởng': AWARD_CERTIFICATE,
        'Họ tên / Tên tập thể': 'Tổ Ba',
      });
    const tab = evaluateCampaign(b.snapshot(), NOW).tabs.find((t) => t.tab === TAB.awards)!;
    expect(tab.rows).toEqual([
      ['Hình thức khen thưởng', 'Đối tượng', 'Số đề nghị', 'Số hợp lệ', 'Tối thiểu', 'Tối đa', 'Tình trạng'],
      [AWARD_MINISTER_CERTIFICATE, 'Tập thể', 2, 2, 2, '', 'Đủ'],
      [AWARD_MINISTER_CERTIFICATE, 'Cá nhân', 1, 1, 2, '', 'Thiếu 1'],
      [AWARD_MEDAL, 'Cá nhân', 3, 3, 0, 1, 'Vượt 2'],
      [AWARD_CERTIFICATE, 'Tập thể', 1, 1, '', '', 'Đủ'],
    ]);
  });
});
