import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planRecordDecisions } from '../../../functions/awards/record.ts';
import { registryKey } from '../../../functions/awards/registry.ts';
import { createSheetsClient, type SheetsApi } from '../../../functions/gateways/sheets-client.ts';
import { evaluateCampaign } from '../../../functions/rules/index.ts';
import {
  AWARD_MEDAL,
  DECISION_ANTT,
  DECISION_CLASSIFICATION,
  DECISION_HEADERS,
  TAB,
} from '../../../sheets-schema/index.ts';
import { FIXTURE_UNIT_KEY } from '../../../scripts/bench/campaign.ts';
import { seedDemo } from '../../../scripts/demo/seed.ts';
import { readAllTabs, snapshotOf } from '../../../scripts/export/index.ts';
import { createNextYear, NEXT_YEAR_SETTING, recordDecisions } from '../../../functions/yearend/index.ts';
import { JobRefusedError } from '../../../functions/core/refused.ts';
import { setupSpreadsheet } from '../../../functions/setup/index.ts';
import { startSheetsServer } from '../../../scripts/sheets-server/index.ts';
import { quoteSheet } from '../../../functions/core/a1.ts';
import { openSpreadsheet } from '../../../functions/gateways/spreadsheet.ts';
import { nextYear, textDatesPlusOneYear } from '../../../functions/yearend/plan.ts';
import { modelRegisterTab } from '../../../functions/results/model-register.ts';

const NOW = new Date('2026-11-20T08:00:00+07:00');
const NEXT = new Date('2027-02-01T08:00:00+07:00');
let server: Awaited<ReturnType<typeof startSheetsServer>>;
let dataDir: string;
let api: SheetsApi;

const read = async (id: string) => snapshotOf(id, await readAllTabs(openSpreadsheet({ api, spreadsheetId: id })));

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'thidua-new-year-'));
  server = await startSheetsServer({ port: 0, dataDir });
  api = createSheetsClient(server.url);
  expect((await fetch(`${server.url}__admin/spreadsheets/demo`, { method: 'PUT' })).ok).toBe(true);
  const demo = openSpreadsheet({ api, spreadsheetId: 'demo' });
  await setupSpreadsheet(demo, { year: 2026 });
  await seedDemo(demo, { now: NOW, formBaseUrl: 'http://127.0.0.1:1/', unitKey: FIXTURE_UNIT_KEY });
}, 60_000);

afterAll(async () => {
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('npm run record-decisions, then npm run new-year, on the demo', () => {
  it("records the eligible medal holders and the units' year once, then the new year carries both and refuses the medal to one of them, with the decision", async () => {
    const demo = openSpreadsheet({ api, spreadsheetId: 'demo' });
    await demo.valuesBatchUpdate([
      {
        range: `${quoteSheet(TAB.decisions)}!A1`,
        values: [
          Object.values(DECISION_HEADERS),
          [AWARD_MEDAL, '812/QĐ-BCA', '19/08/2026', 'Bộ Công an'],
          [DECISION_CLASSIFICATION, '95/QĐ-UBND', '20/11/2026', 'UBND tỉnh'],
          [DECISION_ANTT, '96/QĐ-UBND', '20/11/2026', 'UBND tỉnh'],
        ],
      },
    ]);
    const key = registryKey(FIXTURE_UNIT_KEY);
    const before = await read('demo');
    const evaluated = evaluateCampaign(before, NOW, FIXTURE_UNIT_KEY);
    const plan = planRecordDecisions(before, evaluated, key, 2026, 'Asia/Ho_Chi_Minh');
    expect(plan.rows.map((r) => [r[1], r[2], r[4], r[5]])).toEqual([
      ['Vũ Thị Hạnh', 'XA-TIENHUNG', AWARD_MEDAL, '812/QĐ-BCA'],
      ['Lê Hoàng Cường', 'PH-TANTHIEN', AWARD_MEDAL, '812/QĐ-BCA'],
      ['Ngô Thị Mai', 'KDC-KP1', AWARD_MEDAL, '812/QĐ-BCA'],
    ]);
    expect(plan.awaitingDecision).toEqual(['Bằng khen của Bộ trưởng Bộ Công an', 'Giấy khen']);
    // Each classified unit's year, with the classification decision, and the ANTT decision where it met the standard.
    const classified = evaluated.results.filter((r) => r.level !== 'Chưa xếp loại');
    expect(classified.length).toBeGreaterThan(3);
    expect(plan.yearRows).toEqual(
      classified.map((r) => [
        2026,
        r.unitCode,
        evaluated.units.find((u) => u.code === r.unitCode)!.name,
        r.level,
        '95/QĐ-UBND ngày 20/11/2026',
        r.antt,
        r.anttDecision ?? (r.antt === 'Đạt' ? '96/QĐ-UBND ngày 20/11/2026' : ''),
      ]),
    );
    // The demo's own recognitions (Quyết định công nhận ANTT) are recorded with their own numbers, not the campaign's.
    const recognised = classified.filter((r) => r.anttDecision !== undefined);
    expect(recognised.length).toBeGreaterThan(0);
    for (const r of recognised) {
      const row = plan.yearRows.find((y) => y[1] === r.unitCode)!;
      expect(row[6]).toBe(r.anttDecision);
      expect(row[6]).not.toContain('96/QĐ-UBND');
    }
    expect(plan.yearRows.some((r) => r[6] !== '') && plan.yearRows.some((r) => r[6] === '')).toBe(true);
    await demo.append(quoteSheet(TAB.registry), plan.rows);
    await demo.append(quoteSheet(TAB.yearResults), plan.yearRows);
    const again = await read('demo');
    const second = planRecordDecisions(
      again,
      evaluateCampaign(again, NOW, FIXTURE_UNIT_KEY),
      key,
      2026,
      'Asia/Ho_Chi_Minh',
    );
    expect([second.rows.length, second.alreadyRecorded]).toEqual([0, 3]);
    expect([second.yearRows.length, second.yearsAlreadyRecorded]).toEqual([0, classified.length]);

    // The models register as the jobs keep it (functions/results/model-register.ts).
    const models = modelRegisterTab(again, evaluateCampaign(again, NOW, FIXTURE_UNIT_KEY), 2026)!;
    await demo.valuesBatchUpdate([{ range: `${quoteSheet(TAB.models)}!A1`, values: models.rows.map((r) => [...r]) }]);

    const result = await createNextYear(api, 'demo', NOW, { unitSecretKey: FIXTURE_UNIT_KEY });
    expect(result.year).toBe(2027);
    const next = await read(result.spreadsheetId);
    const old = await read('demo');
    expect(old.tabs.get(TAB.models)!.length).toBeGreaterThan(1);
    for (const tab of [TAB.units, TAB.criteria, TAB.catalogue, TAB.targets, TAB.registry, TAB.yearResults, TAB.models])
      expect(next.tabs.get(tab)).toEqual(old.tabs.get(tab));
    const evaluation = evaluateCampaign(next, NEXT, FIXTURE_UNIT_KEY);
    expect(evaluation.settings.get('Năm')).toBe('2027');
    expect(old.tabs.get(TAB.config)!.find((r) => r[0] === 'Năm')![1]).toBe('2026'); // the archive is untouched
    const deadlines = next.tabs
      .get(TAB.milestones)!
      .slice(1)
      .map((r) => String(r[3]));
    expect(deadlines.every((d) => d.endsWith('/2027'))).toBe(true);
    expect(evaluation.responses).toEqual([]);
    // The units that fill the forms; the demo's child campaigns (a Mã bảng tính) carry over as bodies.
    const [unitHeaders, ...unitRows] = old.tabs.get(TAB.units)!;
    const body = unitHeaders.indexOf('Mã bảng tính');
    expect(evaluation.units.length).toBe(unitRows.filter((r) => (r[body] ?? '') === '').length);
    expect(next.tabs.get(TAB.units)!.length).toBe(unitRows.length + 1);

    // A unit nominates its 2026 medal holder again in 2027: refused at once, with the decision.
    const nominations = next.tabs.get(TAB.nominations)!;
    const header = nominations[0].map(String);
    const answers: Record<string, string | number> = {
      'Dấu thời gian': '01/02/2027 08:00:00',
      'Mã đơn vị': 'XA-TIENHUNG',
      'Đối tượng': 'Cá nhân',
      'Hình thức khen thưởng': AWARD_MEDAL,
      'Họ tên / Tên tập thể': 'Vũ Thị Hạnh',
      'Ngày sinh': '17/01/1974', // as the demo's 2026 nomination gave it: the registry knows her by name and birth
      'Chức vụ': 'Công an viên',
      'Giới tính': 'Nữ',
      'Nhóm đối tượng': 'Lực lượng cơ sở',
      'Số năm công tác': 20,
      'Số năm ở vùng đặc biệt khó khăn': 0,
      'Số lần được khen về ANTQ': 1,
      'Đã được tặng huy chương loại trừ': 'Không',
      'Đang bị kỷ luật hoặc xem xét': 'Không',
    };
    const withNomination = {
      ...next,
      tabs: new Map([
        ...next.tabs,
        [TAB.config, [...next.tabs.get(TAB.config)!, ['Xác thực đơn vị', 'Không']]],
        [TAB.nominations, [nominations[0], header.map((h) => answers[h] ?? '')]],
      ]),
    };
    expect(
      evaluateCampaign(withNomination, NEXT, FIXTURE_UNIT_KEY).nominations.map((v) => [v.status, v.reason]),
    ).toEqual([
      [
        'Không đủ điều kiện',
        `Sổ theo dõi khen thưởng: đã được tặng ${AWARD_MEDAL} năm 2026 (Quyết định số 812/QĐ-BCA ngày 19/08/2026); hình thức này chỉ tặng một lần.`,
      ],
    ]);
  }, 60_000);

  it('issue 20: a second new year for the same year is refused, naming the first, and creates nothing', async () => {
    const marker = (await read('demo')).tabs.get(TAB.config)!.find((r) => r[0] === NEXT_YEAR_SETTING)!;
    expect(String(marker[1])).toMatch(/^https:\/\/docs\.google\.com\/spreadsheets\/d\/[\w-]+/);
    const files = await readdir(dataDir);
    const again = createNextYear(api, 'demo', NOW, { unitSecretKey: FIXTURE_UNIT_KEY });
    await expect(again).rejects.toBeInstanceOf(JobRefusedError);
    await expect(again).rejects.toThrow(
      `Phong trào năm 2027 đã được tạo: ${String(marker[1])}. Không tạo lần thứ hai (khóa "${NEXT_YEAR_SETTING}" của trang ${TAB.config}); nếu bảng tính đó đã bị xóa, hãy xóa ô này rồi làm lại.`,
    );
    expect(await readdir(dataDir)).toEqual(files);
  });

  it('issue 20: waits for decisions typed but not recorded, then fills an empty spreadsheet it is given and never a campaign', async () => {
    const demo = openSpreadsheet({ api, spreadsheetId: 'demo' });
    const config = (await read('demo')).tabs.get(TAB.config)!;
    const markerRow = config.findIndex((r) => r[0] === NEXT_YEAR_SETTING) + 1;
    // The coordinator deleted last run's spreadsheet and cleared the cell; then the Giấy khen decision is signed.
    await demo.valuesBatchUpdate([{ range: `${quoteSheet(TAB.config)}!B${markerRow}`, values: [['']] }]);
    await demo.append(quoteSheet(TAB.decisions), [['Giấy khen', '120/QĐ-UBND', '25/11/2026', 'UBND tỉnh']]);
    const options = { unitSecretKey: FIXTURE_UNIT_KEY, into: 'empty-2027' };
    await expect(createNextYear(api, 'demo', NOW, options)).rejects.toThrow(
      /^Chưa tạo phong trào năm 2027: quyết định năm 2026 đã có số nhưng \d+ khen thưởng chưa ghi vào "Sổ theo dõi khen thưởng"\. Hãy ghi quyết định vào sổ trước/,
    );
    const recorded = await recordDecisions(demo, NOW, FIXTURE_UNIT_KEY);
    expect(recorded[0]).toMatch(/^Đã ghi [1-9]\d* dòng vào "Sổ theo dõi khen thưởng" \(năm 2026\)\.$/);
    expect((await recordDecisions(demo, NOW, FIXTURE_UNIT_KEY))[0]).toBe(
      'Không có gì mới để ghi vào sổ năm 2026: sổ giữ nguyên.',
    );

    // Never this campaign, nor a spreadsheet that already holds one (last run's 2027).
    const first = (await readdir(dataDir)).map((f) => f.replace(/\.json$/, '')).find((f) => f !== 'demo')!;
    for (const [into, reason] of [
      ['demo', 'không phải chính bảng tính phong trào này'],
      [first, `Bảng tính ${first} đã có trang "${TAB.config}" của một phong trào: không ghi đè`],
    ]) {
      const before = await read(into);
      await expect(createNextYear(api, 'demo', NOW, { ...options, into })).rejects.toThrow(reason);
      expect(await read(into)).toEqual(before);
    }

    expect((await fetch(`${server.url}__admin/spreadsheets/empty-2027`, { method: 'PUT' })).ok).toBe(true);
    const result = await createNextYear(api, 'demo', NOW, options);
    expect(result.spreadsheetId).toBe('empty-2027');
    const made = await api.spreadsheets.get({ spreadsheetId: 'empty-2027' });
    expect(made.data.properties?.title).toBe(result.title);
    expect(result.title).toMatch(/ năm 2027$/);
    expect(result.lines[0]).toBe(`Đã tạo bảng tính "${result.title}": ${made.data.spreadsheetUrl}`);
    const next = await read('empty-2027');
    expect(next.tabs.get(TAB.registry)).toEqual((await read('demo')).tabs.get(TAB.registry));
    expect(evaluateCampaign(next, NEXT, FIXTURE_UNIT_KEY).settings.get('Năm')).toBe('2027');
    // The new year's own cell starts blank; the archive's names the new spreadsheet.
    expect(next.tabs.get(TAB.config)!.find((r) => r[0] === NEXT_YEAR_SETTING)![1] ?? '').toBe('');
    expect((await read('demo')).tabs.get(TAB.config)![markerRow - 1][1]).toBe(made.data.spreadsheetUrl);
  }, 60_000);

  it('moves every dd/MM/yyyy date of a setting a year on; 29/02 becomes 28/02', () => {
    expect(textDatesPlusOneYear('31/03/2026, 29/02/2028')).toBe('31/03/2027, 28/02/2029');
    expect(textDatesPlusOneYear('Có')).toBe('Có');
  });

  it('issue 20 (docs/design/awards.md §4, Thẩm định per criterion): next year’s Thẩm định has a [code] column per carried criterion, not the defaults setup wrote', () => {
    const snapshot = {
      spreadsheetId: 'old',
      tabs: new Map([
        [
          TAB.criteria,
          [
            ['Mã tiêu chí', 'Nhóm', 'Nội dung', 'Điểm tối đa', 'Loại hình'],
            ['TC1', 'Lãnh đạo', 'Có kế hoạch', 40, ''],
            ['TC9', 'Mô hình', 'Mô hình tự quản', 60, 'Khu dân cư'],
          ],
        ],
      ]),
    };
    expect(nextYear(snapshot, 2026, 'Asia/Ho_Chi_Minh').tabs.get(TAB.assessment)).toEqual([
      [
        'Mã đơn vị',
        'Điểm thẩm định',
        'Ghi chú',
        '[TC1] Có kế hoạch (tối đa 40 điểm)',
        '[TC9] Mô hình tự quản (tối đa 60 điểm)',
      ],
    ]);
  });
});
