// The roll-up's pure part: a child's `Tổng hợp` read back, subtrees added up, `Tổng hợp cấp dưới` written with every
// number checked, last good figures kept, and the derived classification of a body.
import { describe, expect, it } from 'vitest';
import { TAB } from '../../../sheets-schema/index.ts';
import type { Cell } from '../../../functions/core/cells.ts';
import type { Settings } from '../../../functions/core/settings.ts';
import { readSettings } from '../../../functions/core/settings.ts';
import { jobContext } from '../../../functions/jobs/jobs.ts';
import { renderDashboard } from '../../../functions/dashboard/index.ts';
import {
  childrenTab,
  childSpreadsheetId,
  dashboardFigures,
  derivedLevel,
  derivedRule,
  readChildRows,
  rollupRows,
  type ChildReading,
  type RollupFigures,
} from '../../../functions/rollup/index.ts';
import { readBodies, type Body } from '../../../functions/rules/index.ts';
import { demoGrids } from '../../../scripts/demo/campaign.ts';
import { DEMO_CHILDREN } from '../../../scripts/demo/children.ts';
import { FIXTURE_UNIT_KEY } from '../../../scripts/bench/campaign.ts';
import { BK, childDashboard, HUYEN_A, HUYEN_B, SHARE, TALKS, type ChildSpec } from './children.ts';

const NOW = new Date('2026-12-05T09:00:00+07:00');
const SETTINGS: Settings = readSettings({ spreadsheetId: 'p', tabs: new Map([[TAB.config, [['Khóa', 'Giá trị']]]]) });

const body = (code: string, spreadsheet: string, name = `Tên ${code}`): Body => ({
  code,
  name,
  cluster: 'Cụm 1',
  spreadsheet,
});

function tabOf(rows: ReturnType<typeof rollupRows>): Map<string, Map<string, Cell>> {
  const [headers, ...body] = childrenTab(rows).rows;
  return new Map(body.map((r) => [String(r[0]), new Map(headers.map((h, i) => [String(h), r[i] ?? ''] as const))]));
}

describe('roll-up of child campaigns (issue 19)', () => {
  it('reads back every figure the dashboard writes for the demo campaign (DOMAIN.md §8: Tổng hợp rolls up)', () => {
    const snapshot = { spreadsheetId: 'demo', tabs: demoGrids(NOW, 'http://127.0.0.1:9/') };
    const context = jobContext(snapshot, NOW, { unitKey: FIXTURE_UNIT_KEY });
    const figures = dashboardFigures(renderDashboard(context.dashboard).rows);
    const model = context.dashboard;
    expect(figures.units).toBe(model.unitCount);
    expect(figures.milestones).toEqual(
      model.milestones.map((m) => ({ code: m.code, units: m.units, submitted: m.onTime + m.late })),
    );
    expect(figures.levels).toEqual(model.levels.map((l) => l.count));
    expect(figures.levels.reduce((a, b) => a + b, 0)).toBe(model.unitCount);
    expect(figures.awards).toEqual(
      model.nominations.map((n) => ({ award: n.award, kind: n.kind, eligible: n.eligible, min: n.min, max: n.max })),
    );
    expect(figures.milestones.some((m) => m.submitted > 0)).toBe(true);
  });

  it('writes one row per child with its units, submission rates, levels, ANTT, indicators and awards', () => {
    const readings = new Map<string, ChildReading>([
      ['HA', { dashboard: childDashboard(HUYEN_A) }],
      ['HB', { dashboard: childDashboard(HUYEN_B), children: [] }],
    ]);
    const rows = rollupRows({
      bodies: [body('HA', 'sheet-a'), body('HB', 'sheet-b')],
      readings,
      previous: undefined,
      settings: SETTINGS,
      now: NOW,
    });
    const tab = tabOf(rows);
    const a = tab.get('HA')!;
    expect(a.get('Tình trạng')).toBe('Đã đọc');
    expect(a.get('Lý do')).toBe('');
    expect(a.get('Số liệu lúc')).toBe('05/12/2026 09:00:00');
    expect(a.get('Số đơn vị')).toBe(10);
    expect([a.get('Xuất sắc'), a.get('Khá'), a.get('Trung bình'), a.get('Yếu'), a.get('Chưa xếp loại')]).toEqual([
      3, 5, 1, 0, 1,
    ]);
    // ANTT over both Loại hình: met 5+2, not met 1, out of scope 2.
    expect([
      a.get('ANTT: Đạt'),
      a.get('ANTT: Chưa đạt'),
      a.get('ANTT: Không thuộc phạm vi'),
      a.get('ANTT: Chưa có báo cáo'),
    ]).toEqual([7, 1, 2, 0]);
    expect([a.get('Mốc DK: Số đơn vị'), a.get('Mốc DK: Đã nộp'), a.get('Mốc DK: Tỷ lệ đã nộp (%)')]).toEqual([
      10, 9, 90,
    ]);
    expect([a.get('Mốc TK: Số đơn vị'), a.get('Mốc TK: Đã nộp'), a.get('Mốc TK: Tỷ lệ đã nộp (%)')]).toEqual([
      10, 6, 60,
    ]);
    // HA has no KT milestone, HB no TK: blank, not zero.
    expect(a.get('Mốc KT: Đã nộp')).toBe('');
    expect([a.get('Sơ kết: Số đơn vị đã báo cáo'), a.get('Tổng kết: Số đơn vị đã báo cáo')]).toEqual([8, 6]);
    expect([a.get(`Sơ kết: ${TALKS}`), a.get(`Tổng kết: ${TALKS}`)]).toEqual([40, 95]);
    expect([a.get(`Sơ kết: ${SHARE}`), a.get(`Tổng kết: ${SHARE}`)]).toEqual([90, 80]);
    expect([
      a.get(`Khen thưởng ${BK} – Tập thể: Số hợp lệ`),
      a.get(`Khen thưởng ${BK} – Tập thể: Tối thiểu`),
      a.get(`Khen thưởng ${BK} – Tập thể: Tối đa`),
    ]).toEqual([2, 1, 3]);
    expect(a.get(`Khen thưởng ${BK} – Cá nhân: Số hợp lệ`)).toBe('');
    // 8 of 10 Khá or better (80%) and 7 of 8 in scope meet ANTT (87.5% ≥ 70%).
    expect(a.get('Xếp loại suy ra')).toBe('Xuất sắc');

    const b = tab.get('HB')!;
    expect(b.get('Số đơn vị')).toBe(4);
    expect([b.get('Mốc DK: Đã nộp'), b.get('Mốc DK: Tỷ lệ đã nộp (%)')]).toEqual([2, 50]);
    expect([b.get('Mốc KT: Số đơn vị'), b.get('Mốc KT: Đã nộp'), b.get('Mốc KT: Tỷ lệ đã nộp (%)')]).toEqual([
      4, 1, 25,
    ]);
    expect(b.get('Mốc TK: Số đơn vị')).toBe('');
    expect([
      b.get(`Khen thưởng ${BK} – Cá nhân: Số hợp lệ`),
      b.get(`Khen thưởng ${BK} – Cá nhân: Tối thiểu`),
      b.get(`Khen thưởng ${BK} – Cá nhân: Tối đa`),
    ]).toEqual([1, '', 2]);
    // 1 of 4 Khá or better (25%), 3 of 4 Trung bình or better (75% ≥ 50%).
    expect(b.get('Xếp loại suy ra')).toBe('Trung bình');
  });

  it('adds a child of a child into its row: ward → district → province, counted once', () => {
    // Huyện A rolled up its ward Phường 1 (3 units) before; the province reads Huyện A's two tabs.
    const ward: ChildSpec = {
      units: 3,
      progress: [
        ['DK', 3, 3, 0],
        ['TK', 3, 1, 1],
      ],
      levels: [1, 1, 0, 0, 1],
      nominations: [],
      reports: [2, 2],
      indicators: [
        [TALKS, 'Tổng', 10, 20],
        [SHARE, 'Bình quân các đơn vị', 60, 50],
      ],
      antt: [['Khu dân cư', 3, 3, 0, 0, 0]],
    };
    const district = rollupRows({
      bodies: [body('P1', 'sheet-p1')],
      readings: new Map([['P1', { dashboard: childDashboard(ward) }]]),
      previous: undefined,
      settings: SETTINGS,
      now: NOW,
    });
    const province = tabOf(
      rollupRows({
        bodies: [body('HA', 'sheet-a')],
        readings: new Map([['HA', { dashboard: childDashboard(HUYEN_A), children: childrenTab(district).rows }]]),
        previous: undefined,
        settings: SETTINGS,
        now: NOW,
      }),
    ).get('HA')!;
    expect(province.get('Số đơn vị')).toBe(13);
    expect([
      province.get('Xuất sắc'),
      province.get('Khá'),
      province.get('Trung bình'),
      province.get('Yếu'),
      province.get('Chưa xếp loại'),
    ]).toEqual([4, 6, 1, 0, 2]);
    expect([province.get('ANTT: Đạt'), province.get('ANTT: Không thuộc phạm vi')]).toEqual([10, 2]);
    expect([province.get('Mốc DK: Số đơn vị'), province.get('Mốc DK: Đã nộp')]).toEqual([13, 12]);
    expect(province.get('Mốc DK: Tỷ lệ đã nộp (%)')).toBe(92.3);
    expect([province.get('Mốc TK: Đã nộp'), province.get('Mốc TK: Tỷ lệ đã nộp (%)')]).toEqual([8, 61.5]);
    expect([province.get('Sơ kết: Số đơn vị đã báo cáo'), province.get('Tổng kết: Số đơn vị đã báo cáo')]).toEqual([
      10, 8,
    ]);
    expect([province.get(`Sơ kết: ${TALKS}`), province.get(`Tổng kết: ${TALKS}`)]).toEqual([50, 115]);
    // Means weighted by the reports: (90×8 + 60×2) / 10 = 84; (80×6 + 50×2) / 8 = 72.5.
    expect([province.get(`Sơ kết: ${SHARE}`), province.get(`Tổng kết: ${SHARE}`)]).toEqual([84, 72.5]);
    // The district's awards are its own line against its own targets.
    expect(province.get(`Khen thưởng ${BK} – Tập thể: Số hợp lệ`)).toBe(2);
    // 10 of 13 Khá or better (76.9% < 80%): Khá.
    expect(province.get('Xếp loại suy ra')).toBe('Khá');
  });

  it('keeps a child that cannot be read with its reason and last good figures, and rolls up the others', () => {
    const first = childrenTab(
      rollupRows({
        bodies: [body('HA', 'sheet-a'), body('HB', 'sheet-b')],
        readings: new Map([
          ['HA', { dashboard: childDashboard(HUYEN_A) }],
          ['HB', { dashboard: childDashboard(HUYEN_B) }],
        ]),
        previous: undefined,
        settings: SETTINGS,
        now: new Date('2026-12-04T09:00:00+07:00'),
      }),
    );
    const later = { ...HUYEN_B, units: 5, levels: [1, 1, 2, 0, 1] as ChildSpec['levels'] };
    const rows = rollupRows({
      bodies: [body('HA', 'sheet-a'), body('HB', 'sheet-b'), body('HC', 'sheet-c'), body('HD', 'sai mã!')],
      readings: new Map<string, ChildReading>([
        ['HA', { failure: 'Không tìm thấy bảng tính cấp dưới.' }],
        ['HB', { dashboard: childDashboard(later) }],
        ['HC', { failure: 'Không có quyền xem bảng tính cấp dưới.' }],
      ]),
      previous: first.rows,
      settings: SETTINGS,
      now: NOW,
    });
    const tab = tabOf(rows);
    const a = tab.get('HA')!;
    expect(a.get('Tình trạng')).toBe('Không đọc được');
    expect(a.get('Lý do')).toBe(
      'Không tìm thấy bảng tính cấp dưới. Đang hiển thị số liệu đọc được lúc 04/12/2026 09:00:00.',
    );
    expect(a.get('Số liệu lúc')).toBe('04/12/2026 09:00:00');
    expect([
      a.get('Số đơn vị'),
      a.get('Mốc DK: Đã nộp'),
      a.get(`Tổng kết: ${TALKS}`),
      a.get('Xếp loại suy ra'),
    ]).toEqual([10, 9, 95, 'Xuất sắc']);
    const b = tab.get('HB')!;
    expect([b.get('Tình trạng'), b.get('Số đơn vị'), b.get('Xuất sắc'), b.get('Số liệu lúc')]).toEqual([
      'Đã đọc',
      5,
      1,
      '05/12/2026 09:00:00',
    ]);
    const c = tab.get('HC')!;
    expect([c.get('Tình trạng'), c.get('Số đơn vị'), c.get('Số liệu lúc')]).toEqual(['Không đọc được', '', '']);
    expect(c.get('Lý do')).toBe('Không có quyền xem bảng tính cấp dưới. Chưa có số liệu nào đọc được.');
    const d = tab.get('HD')!;
    expect(d.get('Lý do')).toMatch(/^Mã bảng tính "sai mã!" không hợp lệ/);
  });

  it('drops the last good figures when the body points at another spreadsheet', () => {
    const first = childrenTab(
      rollupRows({
        bodies: [body('HA', 'sheet-a')],
        readings: new Map([['HA', { dashboard: childDashboard(HUYEN_A) }]]),
        previous: undefined,
        settings: SETTINGS,
        now: NOW,
      }),
    );
    const [row] = rollupRows({
      bodies: [body('HA', 'sheet-a2')],
      readings: new Map([['HA', { failure: 'Không tìm thấy bảng tính cấp dưới.' }]]),
      previous: first.rows,
      settings: SETTINGS,
      now: NOW,
    });
    expect(row.figures).toBeNull();
  });

  it('says which section a malformed child Tổng hợp lacks', () => {
    const rows = childDashboard(HUYEN_A).filter((r) => r[0] !== 'KẾT QUẢ XẾP LOẠI');
    const [row] = rollupRows({
      bodies: [body('HA', 'sheet-a')],
      readings: new Map([['HA', { dashboard: rows }]]),
      previous: undefined,
      settings: SETTINGS,
      now: NOW,
    });
    expect(row.status).toBe('Không đọc được');
    expect(row.reason).toBe('Trang Tổng hợp của cấp dưới thiếu mục "KẾT QUẢ XẾP LOẠI". Chưa có số liệu nào đọc được.');
  });

  it('reads back its own tab as written', () => {
    const rows = rollupRows({
      bodies: [body('HA', 'sheet-a'), body('HB', 'sheet-b')],
      readings: new Map([
        ['HA', { dashboard: childDashboard(HUYEN_A) }],
        ['HB', { dashboard: childDashboard(HUYEN_B) }],
      ]),
      previous: undefined,
      settings: SETTINGS,
      now: NOW,
    });
    const back = readChildRows(childrenTab(rows).rows);
    expect(back.map((r) => r.figures?.units)).toEqual([10, 4]);
    expect(back[0].figures?.indicators).toEqual(rows[0].figures?.indicators);
    expect(back[1].figures?.milestones).toEqual(rows[1].figures?.milestones);
    expect(back[0].figures?.antt).toEqual(rows[0].figures?.antt);
    expect(childrenTab(back).rows).toEqual(childrenTab(rows).rows);
    expect(childrenTab(rows).tab).toBe(TAB.children);
  });
});

describe('derived classification of a body (seed 001 §3.5, defaults ours, keys in Cấu hình)', () => {
  const figures = (levels: RollupFigures['levels'], antt: RollupFigures['antt']): RollupFigures => ({
    units: levels.reduce((a, b) => a + b, 0),
    milestones: [],
    levels,
    antt,
    interimReports: 0,
    finalReports: 0,
    indicators: [],
    awards: [],
  });
  const rule = derivedRule(SETTINGS);
  const antt = (met: number, outOfScope: number, units: number) => ({
    met,
    notMet: units - met - outOfScope,
    outOfScope,
    noReport: 0,
  });

  it('has the defaults 80% Khá or better with 70% ANTT, 50% Khá or better, 50% Trung bình or better', () => {
    expect(rule).toEqual({ excellentGood: 80, excellentAntt: 70, good: 50, average: 50 });
  });

  it.each([
    ['8 of 10 Khá or better, 7 of 10 ANTT', [4, 4, 2, 0, 0], antt(7, 0, 10), 'Xuất sắc'],
    ['8 of 10 Khá or better, 6 of 10 ANTT: capped at Khá', [4, 4, 2, 0, 0], antt(6, 0, 10), 'Khá'],
    ['ANTT share of the units in scope only: 6 of 8', [4, 4, 2, 0, 0], antt(6, 2, 10), 'Xuất sắc'],
    ['no ANTT figures: not Xuất sắc', [8, 0, 2, 0, 0], null, 'Khá'],
    ['7 of 10 Khá or better', [2, 5, 3, 0, 0], antt(10, 0, 10), 'Khá'],
    ['5 of 10 Khá or better', [0, 5, 0, 5, 0], antt(10, 0, 10), 'Khá'],
    ['4 of 10 Khá, 5 of 10 Trung bình or better', [0, 4, 1, 5, 0], antt(10, 0, 10), 'Trung bình'],
    ['unclassified units count against: 4 of 10 Trung bình or better', [0, 2, 2, 0, 6], antt(10, 0, 10), 'Yếu'],
    ['no unit classified', [0, 0, 0, 0, 4], antt(0, 0, 4), 'Chưa xếp loại'],
  ] as const)('%s → %s', (_, levels, a, expected) => {
    expect(derivedLevel(figures([...levels], a), rule)).toBe(expected);
  });

  it('follows the keys of Cấu hình', () => {
    const settings = readSettings({
      spreadsheetId: 'p',
      tabs: new Map([
        [
          TAB.config,
          [
            ['Khóa', 'Giá trị'],
            ['Cấp dưới: tỷ lệ Khá trở lên để Xuất sắc (%)', 60],
            ['Cấp dưới: tỷ lệ đạt ANTT để Xuất sắc (%)', 50],
          ],
        ],
      ]),
    });
    expect(derivedLevel(figures([3, 3, 4, 0, 0], antt(5, 0, 10)), derivedRule(settings))).toBe('Xuất sắc');
    expect(derivedLevel(figures([3, 3, 4, 0, 0], antt(5, 0, 10)), rule)).toBe('Khá');
  });
});

describe('Mã bảng tính', () => {
  it.each([
    ['1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms', '1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms'],
    ['  demo-huyen_A  ', 'demo-huyen_A'],
    ['https://docs.google.com/spreadsheets/d/1Bxi-MVs_0/edit#gid=0', '1Bxi-MVs_0'],
    ['https://docs.google.com/spreadsheets/u/1/d/abc123/edit', 'abc123'],
  ])('takes the id of %s', (text, id) => {
    expect(childSpreadsheetId(text)).toEqual({ id });
  });

  it.each(['abc/def', '../demo', 'abc def', 'https://example.com/spreadsheets/d/abc', 'x'.repeat(101), 'bảng-tính'])(
    'refuses %s with a Vietnamese reason',
    (text) => {
      const ref = childSpreadsheetId(text);
      expect('error' in ref && ref.error).toMatch(/^Mã bảng tính ".*" không hợp lệ/);
    },
  );
});

describe('Đơn vị: a unit with a Mã bảng tính is a body whose results come from below (issue 19 §1)', () => {
  it('owes no milestone and counts in none of the campaign’s own figures; readBodies lists it', () => {
    // The demo province lists its three child campaigns; the same list without their Mã bảng tính has none.
    const tabs = demoGrids(NOW, 'http://127.0.0.1:9/');
    const units = tabs.get(TAB.units)!;
    const at = units[0].indexOf('Mã bảng tính');
    const without = new Map(tabs);
    without.set(TAB.units, [units[0], ...units.slice(1).map((r) => r.map((c, i) => (i === at ? '' : c)))]);
    const bodies = DEMO_CHILDREN.map((c) => c.code);
    const withBodies = jobContext({ spreadsheetId: 'demo', tabs }, NOW, { unitKey: FIXTURE_UNIT_KEY });
    const plain = jobContext({ spreadsheetId: 'demo', tabs: without }, NOW, { unitKey: FIXTURE_UNIT_KEY });
    expect(plain.evaluation.units.filter((u) => bodies.includes(u.code))).toHaveLength(3);
    expect(withBodies.evaluation.units.map((u) => u.code)).toEqual(
      plain.evaluation.units.map((u) => u.code).filter((c) => !bodies.includes(c)),
    );
    expect(withBodies.progress.entries.some((e) => bodies.includes(e.unit.code))).toBe(false);
    expect(plain.progress.entries.some((e) => bodies.includes(e.unit.code))).toBe(true);
    expect(withBodies.dashboard.unitCount).toBe(plain.dashboard.unitCount - 3);
    expect(readBodies({ spreadsheetId: 'demo', tabs })).toEqual(
      DEMO_CHILDREN.map((c) => ({ code: c.code, name: c.name, cluster: c.cluster, spreadsheet: c.spreadsheetId })),
    );
    expect(readBodies({ spreadsheetId: 'demo', tabs: without })).toEqual([]);
  });
});
