import { describe, expect, it } from 'vitest';
import { evaluateCampaign } from '../../../functions/rules/index.ts';
import { jobContext } from '../../../functions/jobs/jobs.ts';
import {
  ANTT_AGENCY_CRITERIA,
  ANTT_COMMUNE_CRITERIA,
  ANTT_COMMUNE_RESIDENTIAL,
} from '../../../sheets-schema/forms/index.ts';
import { TAB } from '../../../sheets-schema/index.ts';
import { campaign } from './builder.ts';

const NOW = new Date('2026-12-01T00:00:00Z');
const yes = (criteria: readonly { header: string }[]) => Object.fromEntries(criteria.map((c) => [c.header, 'Có']));
const communeYes = yes([...ANTT_COMMUNE_CRITERIA, ...ANTT_COMMUNE_RESIDENTIAL]);
const DECISIONS = ['Mã đơn vị', 'Số quyết định', 'Ngày', 'Cơ quan quyết định'];
/** Seed 002: a grassroots union registers at least one model. */
const UNION_MODEL = { 'Mô hình điển hình đăng ký': 'Tổ công nhân tự quản về an ninh, trật tự' };
/** A job's context needs the milestones tab; none is due here. */
const NO_MILESTONES = [['Mã mốc', 'Tên mốc', 'Biểu mẫu', 'Hạn nộp', 'Nhắc trước (ngày)']];

function results(b: ReturnType<typeof campaign>) {
  const evaluation = evaluateCampaign(b.snapshot(), NOW);
  return { evaluation, byCode: new Map(evaluation.results.map((r) => [r.unitCode, r])) };
}

describe('"An toàn về ANTT" per unit type (Thông tư 124/2021/TT-BCA)', () => {
  it('TT 124 Art. 5: a commune meets the standard on its own criteria, without the households question of Art. 4 §1', () => {
    const b = campaign().unit({ code: 'XA', type: 'Xã/Phường' }).register('XA').report('XA', {}, communeYes);
    expect(results(b).byCode.get('XA')!.antt).toBe('Đạt');
  });

  it('TT 124 Art. 5: a commune whose police had a member disciplined, or under 70% recognised, does not', () => {
    const b = campaign()
      .unit({ code: 'XA', type: 'Xã/Phường' })
      .register('XA')
      .report(
        'XA',
        {},
        {
          ...communeYes,
          [ANTT_COMMUNE_CRITERIA[2].header]: 'Không',
          [ANTT_COMMUNE_CRITERIA[3].header]: 'Không',
        },
      );
    expect(results(b).byCode.get('XA')!.antt).toBe(
      'Chưa đạt: 100% đăng ký, ít nhất 70% được công nhận trên địa bàn; Công an xã, phường không có cá nhân bị kỷ luật',
    );
  });

  it('seed 002 (unions build their agency "đạt chuẩn An toàn về ANTT theo TT 124"): a Công đoàn cơ sở is judged on the agencies\' criteria', () => {
    const met = campaign()
      .unit({ code: 'CD', type: 'Công đoàn cơ sở' })
      .register('CD', UNION_MODEL)
      .report('CD', {}, yes(ANTT_AGENCY_CRITERIA));
    expect(results(met).byCode.get('CD')!.antt).toBe('Đạt');
    const notMet = campaign()
      .unit({ code: 'CD', type: 'Công đoàn cơ sở' })
      .register('CD', UNION_MODEL)
      .report('CD', {});
    expect(results(notMet).byCode.get('CD')!.antt).toMatch(/^Chưa đạt: nghị quyết, kế hoạch bảo đảm ANTT từ quý I;/);
  });
});

describe('Quyết định công nhận ANTT (TT 124/2021/TT-BCA: recognition by decision, a basis for commendation)', () => {
  it('TT 124: a recorded decision wins over a failed self-assessment and over a missing report, and Xếp loại shows it', () => {
    const b = campaign()
      .unit({ code: 'A', type: 'Cơ quan' })
      .unit({ code: 'K', type: 'Khu dân cư' })
      .register('A', { 'Đăng ký "An toàn về ANTT"': 'Không' })
      .report('A', {})
      .tab(TAB.anttDecisions, [
        DECISIONS,
        ['a', '12/QĐ-UBND', '15/12/2026', 'UBND huyện Đồng Phú'],
        ['K', '13/QĐ-UBND', 46371, 'UBND xã Tiến Hưng'],
      ]);
    const { evaluation, byCode } = results(b);
    expect(byCode.get('A')).toMatchObject({
      antt: 'Đạt',
      anttDecision: 'Số 12/QĐ-UBND ngày 15/12/2026, UBND huyện Đồng Phú',
    });
    // A date cell (serial 46371 is 15/12/2026) reads as the sheet shows it.
    expect(byCode.get('K')).toMatchObject({
      antt: 'Đạt',
      anttDecision: 'Số 13/QĐ-UBND ngày 15/12/2026, UBND xã Tiến Hưng',
    });
    const tab = evaluation.tabs.find((t) => t.tab === TAB.classification)!;
    const column = tab.rows[0].indexOf('Quyết định công nhận ANTT');
    expect(tab.rows.slice(1).map((r) => [r[0], r[column - 1], r[column]])).toEqual([
      ['A', 'Đạt', 'Số 12/QĐ-UBND ngày 15/12/2026, UBND huyện Đồng Phú'],
      ['K', 'Đạt', 'Số 13/QĐ-UBND ngày 15/12/2026, UBND xã Tiến Hưng'],
    ]);
  });

  it("TT 124: a recognised unit counts as meeting the standard in Tổng hợp (and so in its parent's derived level)", () => {
    const b = campaign()
      .unit({ code: 'K', type: 'Khu dân cư' })
      .tab(TAB.milestones, NO_MILESTONES)
      .tab(TAB.anttDecisions, [DECISIONS, ['K', '13/QĐ-UBND', '10/12/2026', 'UBND xã']]);
    const context = jobContext(b.snapshot(), NOW);
    const residential = context.dashboard.totals.antt.find((a) => a.type === 'Khu dân cư')!;
    expect(residential).toMatchObject({ met: 1, noReport: 0 });
  });

  it("rows that cannot count are said in Vietnamese in the run's warnings; an unreadable date keeps the decision", () => {
    const b = campaign()
      .unit('A')
      .unit('B')
      .tab(TAB.milestones, NO_MILESTONES)
      .tab(TAB.anttDecisions, [
        DECISIONS,
        ['X9', '1/QĐ', '01/12/2026', 'UBND'],
        ['A', '', '01/12/2026', 'UBND'],
        ['B', '2/QĐ', '31/13/2026', 'UBND'],
        ['', '', '', ''],
      ]);
    const { evaluation, byCode } = results(b);
    expect(evaluation.warnings).toEqual([
      'Trang "Quyết định công nhận ANTT", dòng 2: không có đơn vị mã "X9" trong trang Đơn vị; quyết định chưa được tính.',
      'Trang "Quyết định công nhận ANTT", dòng 3: đơn vị A chưa có Số quyết định; công nhận chưa được tính.',
    ]);
    expect(byCode.get('A')!.antt).toBe('Chưa có báo cáo');
    expect(byCode.get('B')).toMatchObject({
      antt: 'Đạt',
      anttDecision:
        'Số 2/QĐ ngày 31/13/2026, UBND. Ngày quyết định "31/13/2026" không đọc được (ghi theo dạng dd/MM/yyyy) ở dòng 4 trang "Quyết định công nhận ANTT".',
    });
    expect(jobContext(b.snapshot(), NOW).warnings).toEqual(evaluation.warnings);
  });
});
