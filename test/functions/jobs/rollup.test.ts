// The `rollup` job on the local stack: a province over two districts (one with a ward of its own) and a district that
// cannot be read. Every figure is checked against the children's own machine tabs, not against the roll-up's parser.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROGRESS_HEADERS, TAB } from '../../../sheets-schema/index.ts';
import { DERIVED_LEVEL_REASON } from '../../../functions/rules/output-tabs.ts';
import type { Cell } from '../../../functions/core/cells.ts';
import { createSheetsClient, type SheetsApi } from '../../../functions/gateways/sheets-client.ts';
import { openSpreadsheet } from '../../../functions/gateways/spreadsheet.ts';
import { runJob, type JobSummary } from '../../../functions/jobs/run.ts';
import type { JobName } from '../../../functions/jobs/jobs.ts';
import { benchCampaign, FIXTURE_UNIT_KEY, toSnapshot } from '../../../scripts/bench/campaign.ts';
import { loadGrids } from '../../../scripts/bench/load.ts';
import { startMailServer, type MailServer } from '../../../scripts/mail-server/index.ts';
import { setupSpreadsheet } from '../../../functions/setup/index.ts';
import { startSheetsServer, type SheetsServer } from '../../../scripts/sheets-server/index.ts';
import { syncTemplates } from '../../../scripts/sync-templates.ts';
import { nomineeList } from '../../../scripts/export/lists.ts';
import { readAllTabs, snapshotOf } from '../../../scripts/export/read.ts';

const NOW = new Date('2026-12-01T03:00:00Z');
const API_KEY = 'SG.local-test-key.0123456789abcdef';
const FAST = { retries: 2, baseDelayMs: 5, maxDelayMs: 20 };

let dataDir: string;
let sheets: SheetsServer;
let mail: MailServer;
let api: SheetsApi;

function env(spreadsheetId: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    SPREADSHEET_ID: spreadsheetId,
    GOOGLE_SHEETS_ROOT_URL: sheets.url,
    SENDGRID_API_KEY: API_KEY,
    SENDGRID_BASE_URL: mail.url,
    MAIL_FROM: 'thuongtruc@thidua.example.vn',
    UNIT_SECRET_KEY: FIXTURE_UNIT_KEY,
    THIDUA_DATA_DIR: dataDir,
  };
}

const run = (job: JobName, spreadsheetId: string): Promise<JobSummary> =>
  runJob(job, {
    now: NOW,
    env: env(spreadsheetId),
    retry: FAST,
    childReads: { concurrency: 2, readsPerMinute: Infinity },
  });

async function read(spreadsheetId: string, tab: string): Promise<Cell[][]> {
  const res = await api.spreadsheets.values.get({
    spreadsheetId,
    range: `'${tab}'`,
    valueRenderOption: 'UNFORMATTED_VALUE',
  });
  return (res.data.values ?? []) as Cell[][];
}

/** A campaign of `units` bench units; `bodies` are added to its `Đơn vị` with their spreadsheet. */
async function campaign(id: string, units: number, bodies: [code: string, spreadsheet: string][] = []) {
  const created = await fetch(new URL(`__admin/spreadsheets/${id}`, sheets.url), { method: 'PUT' });
  expect(created.ok).toBe(true);
  const book = openSpreadsheet({ api, spreadsheetId: id });
  await setupSpreadsheet(book, {});
  const grids = toSnapshot(benchCampaign(units, 2026)).tabs as Map<string, Cell[][]>;
  const [headers, ...rows] = grids.get(TAB.units)!;
  const all = [...headers, 'Mã bảng tính'];
  grids.set(TAB.units, [
    all,
    ...rows.map((r) => [...r, '']),
    ...bodies.map(([code, sheet]) => all.map((h) => (h === 'Mã đơn vị' ? code : h === 'Mã bảng tính' ? sheet : ''))),
  ]);
  await loadGrids(book, grids);
}

/** The figures of a campaign's own units, from its machine tabs (`Xếp loại`, `Tiến độ`). */
async function ownFigures(id: string) {
  const [classification, progress] = [await read(id, TAB.classification), await read(id, TAB.progress)];
  const level = classification[0].indexOf('Xếp loại');
  // A body's row (its level derived from below) is not one of the campaign's own units.
  const own = classification.slice(1).filter((r) => r[classification[0].indexOf('Lý do')] !== DERIVED_LEVEL_REASON);
  const levels = new Map<string, number>();
  for (const r of own) levels.set(String(r[level]), (levels.get(String(r[level])) ?? 0) + 1);
  // Typed by the declared headers: a renamed Tiến độ column fails to compile here instead of reading nothing.
  const column = (header: (typeof PROGRESS_HEADERS)[number]) => progress[0].indexOf(header);
  const [code, status] = [column('Mã mốc'), column('Trạng thái')];
  const submitted = new Map<string, number>();
  for (const r of progress.slice(1)) {
    const key = String(r[code]);
    const done = r[status] === 'Đã nộp' || r[status] === 'Nộp muộn' ? 1 : 0;
    submitted.set(key, (submitted.get(key) ?? 0) + done);
  }
  // Every bench unit sends one valid final report: the indicator's total is the column's sum.
  const final = await read(id, TAB.final);
  const talks = final[0].indexOf(TALKS);
  const finalTalks = final.slice(1).reduce((sum, r) => sum + Number(r[talks]), 0);
  return { units: own.length, levels, submitted, finalTalks };
}

const TALKS = 'Số buổi tuyên truyền';
const ANTT = ['ANTT: Đạt', 'ANTT: Chưa đạt', 'ANTT: Không thuộc phạm vi', 'ANTT: Chưa có báo cáo'];

function byHeader(rows: readonly (readonly Cell[])[]): Map<string, Cell>[] {
  const [headers, ...body] = rows;
  return body.map((r) => new Map(headers.map((h, i) => [String(h), r[i] ?? ''] as const)));
}

async function childRows(id: string): Promise<Map<string, Map<string, Cell>>> {
  const [headers, ...rows] = await read(id, TAB.children);
  return new Map(rows.map((r) => [String(r[0]), new Map(headers.map((h, i) => [String(h), r[i] ?? ''] as const))]));
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'thidua-rollup-'));
  sheets = await startSheetsServer({ port: 0, dataDir: path.join(dataDir, 'sheets') });
  mail = await startMailServer({ port: 0, dataDir: path.join(dataDir, 'mail') });
  api = createSheetsClient(sheets.url);
  await syncTemplates({ apiKey: API_KEY, baseUrl: mail.url });
  // Ward → district → province, a second district, and a third whose spreadsheet does not exist.
  await campaign('phuong-1', 3);
  await campaign('huyen-a', 5, [['PHUONG-1', 'phuong-1']]);
  await campaign('huyen-b', 4);
  await campaign('tinh', 2, [
    ['HUYEN-A', 'huyen-a'],
    ['HUYEN-B', `https://docs.google.com/spreadsheets/d/huyen-b/edit#gid=0`],
    ['HUYEN-C', 'huyen-c-da-xoa'],
  ]);
  for (const id of ['phuong-1', 'huyen-a', 'huyen-b']) await run('ingest', id);
  await run('rollup', 'huyen-a');
}, 120_000);

afterAll(async () => {
  await sheets?.close();
  await mail?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('npm run job -- rollup on the local stack (issue 19)', () => {
  it('rolls up every readable child with one batchGet each, and names the one that cannot be read', async () => {
    sheets.resetStats();
    const summary = await run('rollup', 'tinh');
    // The parent's own snapshot, then one read per child (the missing one answers 404 once, never retried).
    expect(sheets.stats().calls['values.batchGet']).toBe(1 + 3);
    expect(summary.lines).toContain('Tổng hợp cấp dưới: đọc được 2/3 bảng tính cấp dưới.');
    const rows = await childRows('tinh');
    expect([...rows.keys()]).toEqual(['HUYEN-A', 'HUYEN-B', 'HUYEN-C']);

    const b = rows.get('HUYEN-B')!;
    const own = await ownFigures('huyen-b');
    expect(b.get('Tình trạng')).toBe('Đã đọc');
    expect(b.get('Số đơn vị')).toBe(own.units);
    for (const level of ['Xuất sắc', 'Khá', 'Trung bình', 'Yếu', 'Chưa xếp loại'])
      expect(b.get(level), level).toBe(own.levels.get(level) ?? 0);
    for (const [code, n] of own.submitted) {
      expect(b.get(`Mốc ${code}: Đã nộp`), code).toBe(n);
      expect(b.get(`Mốc ${code}: Số đơn vị`), code).toBe(own.units);
    }
    expect(b.get(`Tổng kết: ${TALKS}`)).toBe(own.finalTalks);
    expect(b.get('Tổng kết: Số đơn vị đã báo cáo')).toBe(own.units);
    expect(ANTT.reduce((sum, h) => sum + Number(b.get(h)), 0)).toBe(own.units);

    const c = rows.get('HUYEN-C')!;
    expect(c.get('Tình trạng')).toBe('Không đọc được');
    expect(c.get('Lý do')).toBe(
      'Không tìm thấy bảng tính cấp dưới: bảng tính đã bị xóa hoặc Mã bảng tính bị sai. Chưa có số liệu nào đọc được.',
    );
    expect(c.get('Số đơn vị')).toBe('');
  });

  it('adds the ward into its district: three levels, each unit counted once', async () => {
    const a = (await childRows('tinh')).get('HUYEN-A')!;
    const district = await ownFigures('huyen-a');
    const ward = await ownFigures('phuong-1');
    // The ward's body row is not one of the district's own units.
    expect(district.units).toBe(5);
    expect(a.get('Số đơn vị')).toBe(district.units + ward.units);
    for (const level of ['Xuất sắc', 'Khá', 'Trung bình', 'Yếu', 'Chưa xếp loại'])
      expect(a.get(level), level).toBe((district.levels.get(level) ?? 0) + (ward.levels.get(level) ?? 0));
    for (const [code, n] of district.submitted)
      expect(a.get(`Mốc ${code}: Đã nộp`), code).toBe(n + (ward.submitted.get(code) ?? 0));
    expect(a.get(`Tổng kết: ${TALKS}`)).toBe(district.finalTalks + ward.finalTalks);
    expect(ANTT.reduce((sum, h) => sum + Number(a.get(h)), 0)).toBe(district.units + ward.units);
    // The district's own row for its ward says where the figures came from.
    const inDistrict = (await childRows('huyen-a')).get('PHUONG-1')!;
    expect([inDistrict.get('Tình trạng'), inDistrict.get('Số đơn vị')]).toEqual(['Đã đọc', ward.units]);
    // …and classifies the ward at the level derived from its units (seed 001 §3.5), in its own Xếp loại.
    const classification = await read('huyen-a', TAB.classification);
    const wardRow = classification.find((r) => r[0] === 'PHUONG-1')!;
    expect(inDistrict.get('Xếp loại suy ra')).not.toBe('');
    expect(wardRow[classification[0].indexOf('Xếp loại')]).toBe(inDistrict.get('Xếp loại suy ra'));
  });

  it("forwards each child's eligible nominations, its own and its ward's, marked with their origin", async () => {
    const districtUp = byHeader(await read('huyen-a', TAB.sendUp));
    const wardUp = byHeader(await read('phuong-1', TAB.sendUp));
    const otherUp = byHeader(await read('huyen-b', TAB.sendUp));
    const forwarded = byHeader(await read('tinh', TAB.forwarded));
    // The district sends up its ward's eligible nominations that its own rules let through, as its body's, with the
    // ward's unit as their origin.
    const fromWard = districtUp.filter((r) => r.get('Mã đơn vị') === 'PHUONG-1');
    expect(fromWard.length).toBeGreaterThan(0);
    for (const r of fromWard)
      expect(
        wardUp.some(
          (w) =>
            w.get('Họ tên / Tên tập thể') === r.get('Họ tên / Tên tập thể') && w.get('Mã đơn vị') === r.get('Nguồn'),
        ),
      ).toBe(true);
    // The province holds every one of them, as nominations of the district's body, the path from it down.
    const expected = [
      ...districtUp.map((r) => ['HUYEN-A', 'huyen-a', r] as const),
      ...otherUp.map((r) => ['HUYEN-B', 'https://docs.google.com/spreadsheets/d/huyen-b/edit#gid=0', r] as const),
    ].map(([body, sheet, r]) => [
      body,
      sheet,
      r.get('Nguồn') === '' ? r.get('Mã đơn vị') : `${String(r.get('Mã đơn vị'))} › ${String(r.get('Nguồn'))}`,
      r.get('Họ tên / Tên tập thể'),
      r.get('Hình thức khen thưởng'),
    ]);
    expect(
      forwarded.map((r) => [
        r.get('Mã đơn vị'),
        r.get('Mã bảng tính'),
        r.get('Nguồn'),
        r.get('Họ tên / Tên tập thể'),
        r.get('Hình thức khen thưởng'),
      ]),
    ).toEqual(expected);
    // …and counts them: Khen thưởng adds up the verdicts of Kiểm tra, its own nominations and the forwarded ones.
    const checks = byHeader(await read('tinh', TAB.checks));
    const judged = checks.filter((r) => r.get('Biểu mẫu') === TAB.forwarded);
    expect(judged).toHaveLength(forwarded.length);
    const awards = byHeader(await read('tinh', TAB.awards));
    const sum = (h: string) => awards.reduce((n, r) => n + Number(r.get(h)), 0);
    const forms: readonly string[] = [TAB.nominations, TAB.forwarded];
    const nominations = checks.filter((r) => forms.includes(String(r.get('Biểu mẫu'))));
    const verdict = (r: Map<string, Cell>) => String(r.get('Kết luận'));
    expect(sum('Số đề nghị')).toBe(
      nominations.filter((r) => verdict(r) !== '' && !verdict(r).startsWith('Trùng')).length,
    );
    expect(sum('Số hợp lệ')).toBe(nominations.filter((r) => verdict(r) === 'Đủ điều kiện').length);
    const eligible = judged.filter((r) => verdict(r) === 'Đủ điều kiện');
    expect(eligible.length).toBeGreaterThan(0);
    // The nominees' list of npm run export carries them too, each under its body and the unit below that nominated.
    const province = openSpreadsheet({ api, spreadsheetId: 'tinh' });
    const list = nomineeList(snapshotOf('tinh', await readAllTabs(province)), 'Asia/Ho_Chi_Minh');
    const units = byHeader(await read('tinh', TAB.units));
    // A body typed without a name (as here) is listed by its code.
    const bodyName = (code: Cell | undefined) =>
      String(units.find((u) => u.get('Mã đơn vị') === code)!.get('Tên đơn vị') ?? '') || String(code);
    const listed = list.rows.map((r) => `${String(r[1])} | ${String(r[3])}`);
    const eligibleRows = new Set(eligible.map((r) => Number(r.get('Dòng'))));
    for (const [i, r] of forwarded.entries()) {
      const line = `${String(r.get('Họ tên / Tên tập thể'))} | ${String(bodyName(r.get('Mã đơn vị')))} › ${String(r.get('Nguồn'))}`;
      expect(listed.includes(line), line).toBe(eligibleRows.has(i + 2));
    }
  });

  it('keeps the last good figures of a child deleted since, with the reason, and still rolls up the others', async () => {
    const before = (await childRows('tinh')).get('HUYEN-B')!;
    const deleted = await fetch(new URL('__admin/spreadsheets/huyen-b', sheets.url), { method: 'DELETE' });
    expect(deleted.status).toBe(200);
    await run('rollup', 'tinh');
    const rows = await childRows('tinh');
    const b = rows.get('HUYEN-B')!;
    expect(b.get('Tình trạng')).toBe('Không đọc được');
    expect(b.get('Lý do')).toBe(
      `Không tìm thấy bảng tính cấp dưới: bảng tính đã bị xóa hoặc Mã bảng tính bị sai. Đang hiển thị số liệu đọc được lúc ${String(before.get('Số liệu lúc'))}.`,
    );
    for (const [header, value] of before)
      if (!['Tình trạng', 'Lý do'].includes(header)) expect(b.get(header)).toBe(value);
    expect(rows.get('HUYEN-A')!.get('Tình trạng')).toBe('Đã đọc');
  });
});
