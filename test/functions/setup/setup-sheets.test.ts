import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SETTINGS, TAB, TABS } from '../../../sheets-schema/index.ts';
import { createSheetsClient, type SheetsApi } from '../../../functions/gateways/sheets-client.ts';
import { openSpreadsheet } from '../../../functions/gateways/spreadsheet.ts';
import { startSheetsServer } from '../../../scripts/sheets-server/index.ts';
import { setupSpreadsheet } from '../../../functions/setup/index.ts';
import { startWire } from '../../functions/jobs/wire.ts';
import { readAssessments } from '../../../functions/rules/campaign-data.ts';
import { readAllTabs, snapshotOf } from '../../../scripts/export/index.ts';
import { criterionHeader, defaultCriteria } from '../../../sheets-schema/index.ts';

const SA = 'thidua-functions@demo.iam.gserviceaccount.com';
let server: Awaited<ReturnType<typeof startSheetsServer>>;
let dataDir: string;
let api: SheetsApi;

const book = (spreadsheetId: string, root = server.url) =>
  openSpreadsheet({
    api: createSheetsClient(root),
    spreadsheetId,
    retry: { retries: 3, baseDelayMs: 1, maxDelayMs: 5 },
  });

async function createSpreadsheet(id: string): Promise<void> {
  const res = await fetch(`${server.url}__admin/spreadsheets/${id}`, { method: 'PUT' });
  expect(res.ok).toBe(true);
}

async function tab(id: string, name: string): Promise<string[][]> {
  const res = await api.spreadsheets.values.get({ spreadsheetId: id, range: `'${name}'` });
  return (res.data.values ?? []) as string[][];
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'thidua-setup-'));
  server = await startSheetsServer({ port: 0, dataDir });
  api = createSheetsClient(server.url);
});

afterAll(async () => {
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('setupSpreadsheet against the local Sheets server', () => {
  it('sets the spreadsheet’s own time zone Asia/Ho_Chi_Minh and locale vi_VN, read back by spreadsheets.get', async () => {
    await createSpreadsheet('zoned');
    const before = await api.spreadsheets.get({ spreadsheetId: 'zoned', fields: 'properties(timeZone,locale)' });
    expect(before.data.properties).toMatchObject({ timeZone: 'Etc/GMT', locale: 'en_US' });
    const { changes } = await setupSpreadsheet(book('zoned'), {});
    expect(changes).toContain('Đặt múi giờ của bảng tính là Asia/Ho_Chi_Minh.');
    const after = await api.spreadsheets.get({ spreadsheetId: 'zoned' });
    expect(after.data.properties).toMatchObject({ timeZone: 'Asia/Ho_Chi_Minh', locale: 'vi_VN' });
  });

  it('a refused chart costs only itself: every tab, value and the other chart are in place, with a Vietnamese warning', async () => {
    await createSpreadsheet('chartless');
    // Google refuses the histogram's request (here by a 400 armed as it goes by); the rest was sent before it.
    const wire = await startWire(server.url);
    wire.refuse = (seen) => {
      if (seen.body.includes('histogramChart')) server.faults.inject({ status: 400, count: 1 });
      return undefined;
    };
    const { changes, warnings } = await setupSpreadsheet(book('chartless', wire.url), {}).finally(() => wire.close());
    expect(warnings).toEqual([
      `Không thêm được biểu đồ 'Số đơn vị theo khoảng tổng điểm' vào 'Tổng hợp': Injected fault.`,
    ]);
    expect(changes).toContain(`Thêm biểu đồ 'Đề nghị khen thưởng so với chỉ tiêu' vào 'Tổng hợp'.`);
    const meta = await api.spreadsheets.get({ spreadsheetId: 'chartless' });
    for (const def of TABS) expect(meta.data.sheets!.map((s) => s.properties!.title)).toContain(def.name);
    expect(
      meta.data.sheets!.find((s) => s.properties!.title === TAB.dashboard)!.charts!.map((c) => c.spec!.title),
    ).toEqual(['Đề nghị khen thưởng so với chỉ tiêu']);
    expect((await tab('chartless', TAB.config)).length).toBe(SETTINGS.length + 1);
    // The next run adds only the missing chart.
    const again = await setupSpreadsheet(book('chartless'), {});
    expect(again).toEqual({
      changes: [`Thêm biểu đồ 'Số đơn vị theo khoảng tổng điểm' vào 'Tổng hợp'.`],
      warnings: [],
    });
  });

  it('builds the whole structure in an empty spreadsheet with five API calls (each chart in its own)', async () => {
    await createSpreadsheet('fresh');
    server.resetStats();
    const { changes, warnings } = await setupSpreadsheet(book('fresh'), { serviceAccount: SA });
    expect(server.stats().total).toBeLessThanOrEqual(5);
    expect(warnings).toEqual([]);
    expect(changes).toContain(`Tạo trang tính 'Đơn vị'.`);

    const meta = await api.spreadsheets.get({ spreadsheetId: 'fresh' });
    const titles = (meta.data.sheets ?? []).map((s) => s.properties!.title);
    for (const def of TABS) expect(titles).toContain(def.name);
    const checks = meta.data.sheets!.find((s) => s.properties!.title === TAB.checks)!;
    expect(checks.properties!.gridProperties!.frozenRowCount).toBe(1);
    expect(checks.protectedRanges).toHaveLength(1);
    expect(meta.data.sheets!.find((s) => s.properties!.title === TAB.dashboard)!.charts).toHaveLength(2);

    expect((await tab('fresh', TAB.units))[0]).toEqual([
      'Mã đơn vị',
      'Tên đơn vị',
      'Loại hình',
      'Cụm/Khối',
      'Email liên hệ',
      'Email lãnh đạo',
      'Mã bảng tính',
    ]);
    const config = await tab('fresh', TAB.config);
    expect(config).toHaveLength(SETTINGS.length + 1);
    expect(config[1].slice(0, 2)).toEqual(['Tên phong trào', SETTINGS[0].default]);
    expect((await tab('fresh', TAB.milestones)).length).toBeGreaterThan(1);
  });

  it('changes nothing on a second run: no batchUpdate at all', async () => {
    server.resetStats();
    const { changes } = await setupSpreadsheet(book('fresh'), { serviceAccount: SA });
    expect(changes).toEqual([]);
    expect(server.stats().calls['spreadsheets.batchUpdate'] ?? 0).toBe(0);
    expect(server.stats().calls['values.batchUpdate'] ?? 0).toBe(0);
  });

  it('keeps a coordinator’s own columns and rows, adding only what is missing at the end', async () => {
    await createSpreadsheet('kept');
    await setupSpreadsheet(book('kept'), {});
    await api.spreadsheets.values.update({
      spreadsheetId: 'kept',
      range: `'Đơn vị'!A1:D3`,
      valueInputOption: 'RAW',
      requestBody: {
        values: [
          ['Mã đơn vị', 'Tên đơn vị', 'Số điện thoại', ''],
          ['SO-TP', 'Sở Tư pháp', '0123', ''],
          ['UBND-X', 'UBND xã A', '0456', ''],
        ],
      },
    });
    await api.spreadsheets.values.clear({ spreadsheetId: 'kept', range: `'Đơn vị'!E1:G1` });
    await api.spreadsheets.values.update({
      spreadsheetId: 'kept',
      range: `'Cấu hình'!B2`,
      valueInputOption: 'RAW',
      requestBody: { values: [['Phong trào của tỉnh']] },
    });

    const { changes } = await setupSpreadsheet(book('kept'), {});
    expect(changes).toEqual([
      `Thêm cột 'Loại hình', 'Cụm/Khối', 'Email liên hệ', 'Email lãnh đạo', 'Mã bảng tính' vào cuối dòng tiêu đề của 'Đơn vị'.`,
    ]);
    const units = await tab('kept', TAB.units);
    expect(units[0]).toEqual([
      'Mã đơn vị',
      'Tên đơn vị',
      'Số điện thoại',
      'Loại hình',
      'Cụm/Khối',
      'Email liên hệ',
      'Email lãnh đạo',
      'Mã bảng tính',
    ]);
    expect(units.slice(1)).toEqual([
      ['SO-TP', 'Sở Tư pháp', '0123'],
      ['UBND-X', 'UBND xã A', '0456'],
    ]);
    expect((await tab('kept', TAB.config))[1][1]).toBe('Phong trào của tỉnh');
  });

  it('adds Bắt buộc, Loại and Nơi nhận to the milestones of a spreadsheet set up before they existed, keeping every row: nominations Không, the rest Có, every row the units’', async () => {
    await createSpreadsheet('older');
    await setupSpreadsheet(book('older'), {});
    // The tab as an older version wrote it, with a coordinator's own note column and a changed deadline.
    await api.spreadsheets.values.clear({ spreadsheetId: 'older', range: `'Mốc thời gian'` });
    const older = [
      ['Mã mốc', 'Tên mốc', 'Biểu mẫu', 'Hạn nộp', 'Nhắc trước (ngày)', 'Ghi chú'],
      ['DK', 'Đăng ký thi đua', 'Đăng ký thi đua', '15/03/2026', '7,3,1', 'lùi hạn'],
      ['TK', 'Báo cáo tổng kết', 'Báo cáo tổng kết', '15/11/2026', '7,3,1', ''],
      ['KT', 'Đề nghị khen thưởng', 'Đề nghị khen thưởng', '15/11/2026', '7,3,1', ''],
    ];
    await api.spreadsheets.values.update({
      spreadsheetId: 'older',
      range: `'Mốc thời gian'!A1`,
      valueInputOption: 'RAW',
      requestBody: { values: older },
    });

    const { changes } = await setupSpreadsheet(book('older'), {});
    expect(changes).toContain(`Thêm cột 'Bắt buộc', 'Loại', 'Nơi nhận' vào cuối dòng tiêu đề của 'Mốc thời gian'.`);
    // A blank Loại is a units' deadline, as every row was before the column existed.
    expect(await tab('older', TAB.milestones)).toEqual([
      [...older[0], 'Bắt buộc', 'Loại', 'Nơi nhận'],
      [...older[1], 'Có'],
      [...older[2].slice(0, 5), '', 'Có'],
      [...older[3].slice(0, 5), '', 'Không'],
    ]);
    expect((await setupSpreadsheet(book('older'), {})).changes).toEqual([]);
  });

  it('issue 20 (docs/design/awards.md §4, Thẩm định per criterion): a fresh setup gives Thẩm định Ghi chú and a [code] column per criterion of Tiêu chí', async () => {
    await createSpreadsheet('assess-fresh');
    await setupSpreadsheet(book('assess-fresh'), {});
    expect((await tab('assess-fresh', TAB.assessment))[0]).toEqual([
      'Mã đơn vị',
      'Điểm thẩm định',
      'Ghi chú',
      ...defaultCriteria().map(criterionHeader),
    ]);
  });

  it('issue 20 (docs/design/awards.md §4, Thẩm định per criterion): on an older spreadsheet, adds the notes and the coordinator’s criteria at the end, keeps the inspectors’ rows, and the assessment reader reads a score typed there', async () => {
    await createSpreadsheet('assess-older');
    await setupSpreadsheet(book('assess-older'), {});
    // Thẩm định as an older version made it (total only, with the coordinator's own column and rows), and a Tiêu chí
    // the coordinator rewrote: TC1 kept, TC9 added.
    await api.spreadsheets.values.clear({ spreadsheetId: 'assess-older', range: `'Thẩm định'` });
    await api.spreadsheets.values.clear({ spreadsheetId: 'assess-older', range: `'Tiêu chí'` });
    const older = [
      ['Mã đơn vị', 'Điểm thẩm định', 'Người thẩm định'],
      ['SO-TP', '85', 'Đoàn kiểm tra số 1'],
      ['UBND-X', '72', 'Đoàn kiểm tra số 2'],
    ];
    await api.spreadsheets.values.batchUpdate({
      spreadsheetId: 'assess-older',
      requestBody: {
        valueInputOption: 'RAW',
        data: [
          { range: `'Thẩm định'!A1`, values: older },
          {
            range: `'Tiêu chí'!A1`,
            values: [
              ['Mã tiêu chí', 'Nhóm', 'Nội dung', 'Điểm tối đa', 'Loại hình'],
              ['TC1', 'Lãnh đạo', 'Có kế hoạch', '40', ''],
              ['TC9', 'Mô hình', 'Mô hình tự quản', '60', ''],
            ],
          },
        ],
      },
    });

    const { changes } = await setupSpreadsheet(book('assess-older'), {});
    const added = ['Ghi chú', '[TC1] Có kế hoạch (tối đa 40 điểm)', '[TC9] Mô hình tự quản (tối đa 60 điểm)'];
    expect(changes).toEqual([
      `Thêm cột ${added.map((h) => `'${h}'`).join(', ')} vào cuối dòng tiêu đề của 'Thẩm định'.`,
    ]);
    expect(await tab('assess-older', TAB.assessment)).toEqual([[...older[0], ...added], older[1], older[2]]);
    expect((await setupSpreadsheet(book('assess-older'), {})).changes).toEqual([]);

    await api.spreadsheets.values.update({
      spreadsheetId: 'assess-older',
      range: `'Thẩm định'!D2:F2`,
      valueInputOption: 'RAW',
      requestBody: { values: [['Thiếu minh chứng mô hình', '', '45']] },
    });
    const snapshot = snapshotOf('assess-older', await readAllTabs(book('assess-older')));
    const read = readAssessments(snapshot).get('SO-TP')!;
    expect(read.note).toBe('Thiếu minh chứng mô hình');
    expect([...read.criteria]).toEqual([['TC9', { score: 45, typed: '45' }]]);
  });
});
