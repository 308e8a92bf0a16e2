// The figures of the báo cáo sơ kết / tổng kết, from a small campaign whose every figure is worked out by hand below.
import { describe, expect, it } from 'vitest';
import { ANTT_AGENCY_CRITERIA } from '../../../sheets-schema/forms/index.ts';
import { RECOGNISED_UNITS_HEADER, REGISTERED_UNITS_HEADER } from '../../../sheets-schema/forms/reports.ts';
import { TAB } from '../../../sheets-schema/index.ts';
import { indicatorTotals, modelNames, REPORT_INDICATORS } from '../../../functions/results/index.ts';
import type { IndicatorFigure, ScopeFigures } from '../../../functions/results/index.ts';
import { evaluateCampaign } from '../../../functions/rules/index.ts';
import { campaign } from '../rules/builder.ts';

const NOW = new Date('2026-12-01T08:00:00+07:00');
const SESSIONS = 'Số buổi tuyên truyền';
const PEOPLE = 'Số lượt người dự tuyên truyền';
const STAFF_PERCENT = 'Tỷ lệ cán bộ, nhân viên được tuyên truyền (%)';
const HOUSEHOLD_PERCENT = 'Tỷ lệ hộ gia đình ký cam kết (%)';
const agencyStandard = Object.fromEntries(ANTT_AGENCY_CRITERIA.map((c) => [c.header, 'Có']));

/**
 * Cụm 1: A (Cơ quan), B (Khu dân cư). Cụm 2: C (Doanh nghiệp), D (Cơ quan, reports nothing).
 * Sơ kết: A sends 3 sessions, then corrects to 10 (only 10 counts); B 5; C's report is invalid (recognised >
 * registered) and a code nobody issued reports 500: neither counts. Tổng kết: A 25, B 12, C 7.
 */
function demoOfHand() {
  return campaign()
    .unit({ code: 'A', name: 'Sở Tư pháp', type: 'Cơ quan', cluster: 'Cụm 1' })
    .unit({ code: 'B', name: 'Khu phố 1', type: 'Khu dân cư', cluster: 'Cụm 1' })
    .unit({ code: 'C', name: 'Công ty Điện lực', type: 'Doanh nghiệp', cluster: 'Cụm 2' })
    .unit({ code: 'D', name: 'Sở Nội vụ', type: 'Cơ quan', cluster: 'Cụm 2' })
    .register('A', {
      'Mô hình điển hình đăng ký': '- Tổ tự quản an ninh, trật tự\n- Camera an ninh khu phố',
      'Số điểm áp dụng mô hình': 3,
      'Số tổ': 4,
    })
    .register('C', { 'Đăng ký "An toàn về ANTT"': 'Không thuộc phạm vi', 'Mô hình điển hình đăng ký': 'Tổ hòa giải' })
    .respond(TAB.interim, { 'Mã đơn vị': 'A', [SESSIONS]: 3, [PEOPLE]: 50, [STAFF_PERCENT]: 70 })
    .respond(TAB.interim, { 'Mã đơn vị': 'A', [SESSIONS]: 10, [PEOPLE]: 200, [STAFF_PERCENT]: 90 })
    .respond(TAB.interim, { 'Mã đơn vị': 'B', [SESSIONS]: 5, [PEOPLE]: '1.300', [STAFF_PERCENT]: 80 })
    .respond(TAB.interim, {
      'Mã đơn vị': 'C',
      [SESSIONS]: 1000,
      [REGISTERED_UNITS_HEADER]: 2,
      [RECOGNISED_UNITS_HEADER]: 5,
    })
    .respond(TAB.interim, { 'Mã đơn vị': 'X', [SESSIONS]: 500 })
    .report('A', { TC1: 50, TC2: 45 }, { [SESSIONS]: 25, [PEOPLE]: 900, [STAFF_PERCENT]: 95, ...agencyStandard })
    .report('B', { TC1: 40, TC2: 35 }, { [SESSIONS]: 12, [PEOPLE]: 2000, [STAFF_PERCENT]: 90, [HOUSEHOLD_PERCENT]: 85 })
    .report('C', { TC1: 30, TC2: 30 }, { [SESSIONS]: 7, [PEOPLE]: 100, [STAFF_PERCENT]: 100 })
    .snapshot();
}

const figure = (s: ScopeFigures, header: string): IndicatorFigure => s.figures.find((f) => f.header === header)!;

describe('indicatorTotals', () => {
  const totals = indicatorTotals(evaluateCampaign(demoOfHand(), NOW));

  it('DOMAIN §7: every numeric indicator of the sơ kết and tổng kết forms is totalled, in form order', () => {
    expect(totals.campaign.figures.map((f) => f.header)).toEqual(REPORT_INDICATORS.map((i) => i.header));
    expect(REPORT_INDICATORS.map((i) => i.header)).toContain('Số tin báo, tố giác tiếp nhận');
    expect(REPORT_INDICATORS.filter((i) => i.kind === 'percent').map((i) => i.header)).toEqual([
      STAFF_PERCENT,
      HOUSEHOLD_PERCENT,
    ]);
  });

  it('DOMAIN §9 (báo cáo kết quả): campaign totals count only valid, latest reports of units in Đơn vị', () => {
    expect(totals.campaign).toMatchObject({ units: 4, interimReports: 2, finalReports: 3 });
    // Sơ kết: A's correction (10, not 3) + B's 5; C's invalid 1000 and X's 500 are left out. Tổng kết: 25 + 12 + 7.
    expect(figure(totals.campaign, SESSIONS)).toEqual({
      header: SESSIONS,
      kind: 'count',
      interim: 15,
      final: 44,
      change: 29,
    });
    // B typed 1.300 with a Vietnamese thousands dot.
    expect(figure(totals.campaign, PEOPLE)).toMatchObject({ interim: 1500, final: 3000, change: 1500 });
  });

  it('issue 18 §1: a percent indicator is the mean of the units that answered it; the change is in points', () => {
    expect(figure(totals.campaign, STAFF_PERCENT)).toMatchObject({ interim: 85, final: 95, change: 10 });
    // Only B answered the household rate, in the tổng kết only: no sơ kết figure, so no change.
    expect(figure(totals.campaign, HOUSEHOLD_PERCENT)).toMatchObject({ interim: null, final: 85, change: null });
  });

  it('issue 18 §1: per Cụm/Khối, in Đơn vị order; a cluster without a sơ kết report has no sơ kết figure', () => {
    expect(totals.clusters.map((c) => c.cluster)).toEqual(['Cụm 1', 'Cụm 2']);
    const [one, two] = totals.clusters;
    expect(one).toMatchObject({ units: 2, interimReports: 2, finalReports: 2 });
    expect(figure(one, SESSIONS)).toMatchObject({ interim: 15, final: 37, change: 22 });
    expect(two).toMatchObject({ units: 2, interimReports: 0, finalReports: 1 });
    expect(figure(two, SESSIONS)).toMatchObject({ interim: null, final: 7, change: null });
  });

  it('TT 124/2021/TT-BCA: units meeting "An toàn về ANTT" by Loại hình, every unit counted once', () => {
    expect(totals.antt).toEqual([
      { type: 'Cơ quan', units: 2, met: 1, notMet: 0, outOfScope: 0, noReport: 1 },
      // B never registered in Q1: not met.
      { type: 'Khu dân cư', units: 1, met: 0, notMet: 1, outOfScope: 0, noReport: 0 },
      { type: 'Doanh nghiệp', units: 1, met: 0, notMet: 0, outOfScope: 1, noReport: 0 },
    ]);
  });

  it('QĐ 510/QĐ-BCA-V05: the classification spread and the cluster leaders by the final total', () => {
    expect(totals.levels.map((l) => [l.level, l.count, l.percent])).toEqual([
      ['Xuất sắc', 1, 25],
      ['Khá', 1, 25],
      ['Trung bình', 1, 25],
      ['Yếu', 0, 0],
      ['Chưa xếp loại', 1, 25],
    ]);
    expect(totals.leaders).toEqual([
      { cluster: 'Cụm 1', unitCode: 'A', unitName: 'Sở Tư pháp', total: 95, level: 'Xuất sắc' },
      { cluster: 'Cụm 2', unitCode: 'C', unitName: 'Công ty Điện lực', total: 60, level: 'Trung bình' },
    ]);
  });

  it('HD 22/HD-BCA-V05: the models each unit registered, by name, places and teams', () => {
    expect(totals.models).toEqual([
      {
        unitCode: 'A',
        unitName: 'Sở Tư pháp',
        cluster: 'Cụm 1',
        type: 'Cơ quan',
        names: ['Tổ tự quản an ninh, trật tự', 'Camera an ninh khu phố'],
        places: 3,
        teams: 4,
      },
      {
        unitCode: 'C',
        unitName: 'Công ty Điện lực',
        cluster: 'Cụm 2',
        type: 'Doanh nghiệp',
        names: ['Tổ hòa giải'],
        places: null,
        teams: null,
      },
    ]);
  });

  it('issue 18 §1: a campaign with no report yet has units but no figures', () => {
    const empty = indicatorTotals(evaluateCampaign(campaign().unit('A').snapshot(), NOW));
    expect(empty.campaign).toMatchObject({ units: 1, interimReports: 0, finalReports: 0 });
    expect(empty.campaign.figures.every((f) => f.interim === null && f.final === null && f.change === null)).toBe(true);
    expect(empty.models).toEqual([]);
  });
});

describe('modelNames', () => {
  it('HD 22/HD-BCA-V05 (a model is counted by its name): one name per line or item, list markers dropped', () => {
    expect(modelNames('1. Tổ hòa giải ở cơ sở\r\n2) Dòng họ tự quản; • Camera an ninh\n\n')).toEqual([
      'Tổ hòa giải ở cơ sở',
      'Dòng họ tự quản',
      'Camera an ninh',
    ]);
    expect(modelNames('   ')).toEqual([]);
  });
});
