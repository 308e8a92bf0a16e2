import { describe, expect, it } from 'vitest';
import {
  earlierAwards,
  levelRequired,
  minimumYears,
  nomineeKind,
  oncePerLifetime,
  oneOffOnly,
  pendingDiscipline,
  shareCap,
} from '../../../functions/awards/rules.ts';
import type { Answer, Answers } from '../../../functions/core/model.ts';
import type { AwardDef } from '../../../sheets-schema/index.ts';
import { AWARD_MEDAL, AWARD_ONE_OFF, defaultAwards } from '../../../sheets-schema/index.ts';

const answers = (fields: Record<string, Answer>): Answers => {
  const map = new Map(Object.entries(fields));
  return { get: (h) => map.get(h), has: (h) => map.has(h) };
};
const award = (name: string): AwardDef => defaultAwards().find((a) => a.name === name)!;
const medal = award(AWARD_MEDAL);
const plain: AwardDef = { ...award('Giấy khen') };

describe('rule kinds of Danh mục khen thưởng', () => {
  it('seed 004: blank levels follow Cấu hình; a unit not yet classified waits', () => {
    expect(levelRequired(plain, { level: 'Khá', commendable: true })).toBeNull();
    expect(levelRequired(plain, { level: 'Trung bình', commendable: false })?.status).toBe('Không đủ điều kiện');
    expect(levelRequired(plain, { level: 'Chưa xếp loại', commendable: false })?.status).toBe('Chờ xếp loại');
    expect(levelRequired(plain, undefined)?.status).toBe('Chờ xếp loại');
  });

  it('Luật Thi đua, khen thưởng 2022 (khen thưởng đột xuất): Không yêu cầu lets any unit, classified or not, nominate', () => {
    expect(levelRequired(award(AWARD_ONE_OFF), undefined)).toBeNull();
    expect(levelRequired(award(AWARD_ONE_OFF), { level: 'Yếu', commendable: false })).toBeNull();
  });

  it('a row’s own levels replace Cấu hình’s: Khá commendable by the campaign is still refused Cờ thi đua', () => {
    expect(levelRequired(award('Cờ thi đua'), { level: 'Khá', commendable: true })?.reason).toBe(
      'Đơn vị xếp loại Khá: Cờ thi đua chỉ xét cho đơn vị xếp loại Xuất sắc.',
    );
    expect(levelRequired(award('Cờ thi đua'), { level: 'Xuất sắc', commendable: true })).toBeNull();
  });

  it('TT 20/2025/TT-BCA: the medal is for individuals only (nominee kinds, compared as people write them)', () => {
    expect(nomineeKind(medal, 'cá nhân')).toBeNull();
    expect(nomineeKind(medal, 'Tập thể')?.reason).toBe(`${AWARD_MEDAL} chỉ xét tặng cá nhân.`);
  });

  it('TT 20/2025/TT-BCA: once in a lifetime, refused when declared already received', () => {
    expect(oncePerLifetime(medal, answers({ 'Đã được tặng huy chương loại trừ': 'Có' }))?.status).toBe(
      'Không đủ điều kiện',
    );
    expect(oncePerLifetime(medal, answers({ 'Đã được tặng huy chương loại trừ': 'Không' }))).toBeNull();
    expect(oncePerLifetime(plain, answers({ 'Đã được tặng huy chương loại trừ': 'Có' }))).toBeNull();
  });

  it('Luật Thi đua, khen thưởng 2022: a nominee under discipline or review waits for the conclusion', () => {
    expect(pendingDiscipline(answers({ 'Đang bị kỷ luật hoặc xem xét': 'Có' }))?.status).toBe('Chưa xét');
    expect(pendingDiscipline(answers({}))).toBeNull();
  });

  it('TT 20/2025/TT-BCA: leaders need 10 years in post, not doubled; grassroots men 15 and women 10, difficult years doubled', () => {
    const leader = (years: number, difficult: number) =>
      answers({
        'Nhóm đối tượng': 'Lãnh đạo',
        'Giới tính': 'Nữ',
        'Số năm công tác': years,
        'Số năm ở vùng đặc biệt khó khăn': difficult,
      });
    expect(minimumYears(medal, leader(10, 0))).toBeNull();
    expect(minimumYears(medal, leader(9, 9))?.reason).toBe('Lãnh đạo cần ít nhất 10 năm giữ chức vụ (mới có 9 năm).');
    const member = (gender: string, years: number, difficult: number) =>
      answers({
        'Nhóm đối tượng': 'Lực lượng cơ sở',
        'Giới tính': gender,
        'Số năm công tác': years,
        'Số năm ở vùng đặc biệt khó khăn': difficult,
      });
    expect(minimumYears(medal, member('Nam', 10, 5))).toBeNull();
    expect(minimumYears(medal, member('Nam', 10, 4))?.reason).toBe(
      'Lực lượng cơ sở (nam) cần ít nhất 15 năm tham gia, tính cả thời gian ở vùng đặc biệt khó khăn nhân đôi (mới có 14 năm).',
    );
    expect(minimumYears(medal, member('Nữ', 10, 0))).toBeNull();
  });

  it('minimum years for everyone: a bare number in the row applies to every nominee', () => {
    const rule: AwardDef = { ...plain, minYears: { all: 5, entries: [] } };
    expect(minimumYears(rule, answers({ 'Số năm công tác': 4 }))?.reason).toContain('cần ít nhất 5 năm');
    expect(minimumYears(rule, answers({ 'Số năm công tác': 4, 'Số năm ở vùng đặc biệt khó khăn': 1 }))).toBeNull();
  });

  it('TT 20/2025/TT-BCA: leaders need at least one earlier ANTQ commendation; grassroots members none', () => {
    expect(earlierAwards(medal, answers({ 'Nhóm đối tượng': 'Lãnh đạo', 'Số lần được khen về ANTQ': 0 }))?.reason).toBe(
      'Lãnh đạo cần ít nhất một lần được khen thưởng về công tác bảo vệ an ninh Tổ quốc.',
    );
    expect(earlierAwards(medal, answers({ 'Nhóm đối tượng': 'Lãnh đạo', 'Số lần được khen về ANTQ': 1 }))).toBeNull();
    expect(
      earlierAwards(medal, answers({ 'Nhóm đối tượng': 'Lực lượng cơ sở', 'Số lần được khen về ANTQ': 0 })),
    ).toBeNull();
  });

  it('seed 003 (QĐ 2447/QĐ-TTg): a one-off award is only for an achievement declared Đột xuất', () => {
    const oneOff = award(AWARD_ONE_OFF);
    expect(oneOffOnly(oneOff, answers({ 'Loại thành tích': 'Đột xuất' }))).toBeNull();
    expect(oneOffOnly(oneOff, answers({ 'Loại thành tích': 'Thường xuyên' }))?.status).toBe('Không đủ điều kiện');
    expect(oneOffOnly(plain, answers({}))).toBeNull();
  });

  it('DOMAIN §3 (Cờ thi đua at most 20%): the cap rounds down and is exact on whole shares', () => {
    expect(shareCap(20, 15)).toBe(3);
    expect(shareCap(20, 14)).toBe(2);
    expect(shareCap(20, 4)).toBe(0);
    expect(shareCap(100, 7)).toBe(7);
  });
});
