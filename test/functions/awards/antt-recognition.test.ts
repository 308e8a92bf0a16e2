import { describe, expect, it } from 'vitest';
import { readCatalogue } from '../../../functions/awards/catalogue.ts';
import { evaluateCampaign } from '../../../functions/rules/index.ts';
import { ANTT_AGENCY_CRITERIA } from '../../../sheets-schema/forms/index.ts';
import {
  AWARD_CERTIFICATE,
  AWARD_FLAG,
  AWARD_MINISTER_CERTIFICATE,
  AWARD_PROVINCE_CERTIFICATE,
  CATALOGUE_HEADERS,
  TAB,
  catalogueRows,
  defaultAwards,
} from '../../../sheets-schema/index.ts';
import type { Cell } from '../../../functions/core/cells.ts';
import { campaign } from '../rules/builder.ts';

const NOW = new Date('2026-12-01T00:00:00Z');
const agencyStandard = Object.fromEntries(ANTT_AGENCY_CRITERIA.map((c) => [c.header, 'Có']));

/** Unit A, Sở Tư pháp, rated Xuất sắc; it meets none of the ANTT criteria unless told. */
const unitA = (answers: Record<string, Cell> = {}) =>
  campaign().setting('Năm', 2026).unit({ code: 'A', name: 'Sở Tư pháp' }).report('A', { TC1: 50, TC2: 45 }, answers);
const nomination = (award: string, kind: string, name: string) => ({
  'Đối tượng': kind,
  'Hình thức khen thưởng': award,
  'Họ tên / Tên tập thể': name,
  'Thành tích tóm tắt': 'Nhiều thành tích',
  'Ngày sinh': '01/01/1980',
});
const verdicts = (b: ReturnType<typeof campaign>) =>
  evaluateCampaign(b.snapshot(), NOW).nominations.map((v) => [v.nominee, v.status, v.reason]);

const NOT_RECOGNISED = (award: string) =>
  `Sở Tư pháp (A) chưa được công nhận đạt tiêu chuẩn "An toàn về ANTT" năm 2026 (chưa có quyết định ở trang "Quyết định công nhận ANTT"; tự đánh giá chưa đạt: đăng ký "An toàn về ANTT" từ quý I); ${award} chỉ xét cho tập thể của đơn vị đạt tiêu chuẩn này.`;

describe('Đạt chuẩn An toàn về ANTT (Thông tư 124/2021/TT-BCA: recognition is a basis of the yearly commendation)', () => {
  it('TT 124 / seed 001 §3.5: a collective nominated for Cờ thi đua or a Bằng khen while its unit is not recognised is refused, naming the unit', () => {
    // Meets every criterion but did not register: Chưa đạt by the criteria, and no decision recorded.
    const b = unitA(agencyStandard);
    for (const award of [AWARD_FLAG, AWARD_MINISTER_CERTIFICATE, AWARD_PROVINCE_CERTIFICATE])
      b.nominate('A', nomination(award, 'Tập thể', `Phòng ${award}`));
    expect(verdicts(b)).toEqual([
      [`Phòng ${AWARD_FLAG}`, 'Không đủ điều kiện', NOT_RECOGNISED(AWARD_FLAG)],
      [`Phòng ${AWARD_MINISTER_CERTIFICATE}`, 'Không đủ điều kiện', NOT_RECOGNISED(AWARD_MINISTER_CERTIFICATE)],
      [`Phòng ${AWARD_PROVINCE_CERTIFICATE}`, 'Không đủ điều kiện', NOT_RECOGNISED(AWARD_PROVINCE_CERTIFICATE)],
    ]);
  });

  it('TT 124: a unit recognised by a decision in Quyết định công nhận ANTT passes, whatever it self-assessed', () => {
    const b = unitA()
      .recognised('A')
      .nominate('A', nomination(AWARD_MINISTER_CERTIFICATE, 'Tập thể', 'Phòng Hành chính'));
    expect(verdicts(b)).toEqual([['Phòng Hành chính', 'Đủ điều kiện', '']]);
  });

  it('TT 124: a unit Đạt by its own criteria (registered in Q1, every criterion met) passes without a decision', () => {
    const b = unitA(agencyStandard)
      .register('A', { 'Dấu thời gian': '15/03/2026 08:00:00' })
      .nominate('A', nomination(AWARD_MINISTER_CERTIFICATE, 'Tập thể', 'Phòng Hành chính'));
    expect(evaluateCampaign(b.snapshot(), NOW).results[0].antt).toBe('Đạt');
    expect(verdicts(b)).toEqual([['Phòng Hành chính', 'Đủ điều kiện', '']]);
  });

  it('TT 124 Art. 1: individuals are not judged on it, nor a unit the circular does not cover (Không thuộc phạm vi)', () => {
    const b = unitA()
      .nominate('A', nomination(AWARD_MINISTER_CERTIFICATE, 'Cá nhân', 'Nguyễn Văn An'))
      .unit({ code: 'MN', name: 'Trường mầm non Hoa Sen', type: 'Cơ sở giáo dục' })
      .register('MN', { 'Đăng ký "An toàn về ANTT"': 'Không thuộc phạm vi' })
      .report('MN', { TC1: 50, TC2: 45 })
      .nominate('MN', nomination(AWARD_PROVINCE_CERTIFICATE, 'Tập thể', 'Trường mầm non Hoa Sen'));
    expect(verdicts(b)).toEqual([
      ['Nguyễn Văn An', 'Đủ điều kiện', ''],
      ['Trường mầm non Hoa Sen', 'Đủ điều kiện', ''],
    ]);
  });

  it('awards.md §1: the column is data: Có on Giấy khen applies the rule there; blank (a tab made before it) is no rule', () => {
    const rows: Cell[][] = catalogueRows(defaultAwards());
    const column = rows[0].indexOf(CATALOGUE_HEADERS.requiresAntt);
    const edited = rows.map((row) =>
      row[0] === AWARD_CERTIFICATE ? row.map((c, j) => (j === column ? 'Có' : c)) : row.slice(0, column),
    );
    edited[0] = rows[0];
    const b = unitA(agencyStandard)
      .tab(TAB.catalogue, edited)
      .nominate('A', nomination(AWARD_CERTIFICATE, 'Tập thể', 'Phòng Hành chính'))
      .nominate('A', nomination(AWARD_MINISTER_CERTIFICATE, 'Tập thể', 'Phòng Tổng hợp'));
    expect(verdicts(b)).toEqual([
      ['Phòng Hành chính', 'Không đủ điều kiện', NOT_RECOGNISED(AWARD_CERTIFICATE)],
      ['Phòng Tổng hợp', 'Đủ điều kiện', ''],
    ]);
  });

  it('TT 124: the shipped rows that ask it name the circular in Căn cứ; Giấy khen, models and one-off acts do not ask it', () => {
    const asking = readCatalogue({ spreadsheetId: '', tabs: new Map() }).filter((a) => a.requiresAntt);
    expect(asking.map((a) => a.name)).toEqual([AWARD_MINISTER_CERTIFICATE, AWARD_PROVINCE_CERTIFICATE, AWARD_FLAG]);
    for (const a of asking) expect(a.source).toContain('Thông tư 124/2021/TT-BCA');
  });
});
