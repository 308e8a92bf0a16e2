// What the jobs send to Sheets (issue 14 parts 3 and 4), seen on the wire between the official client and the local
// server: requests of at most 2 MB, split as few as fit, claims exactly once across split appends, only the rows that
// changed, grids sized to the tabs, and a run that would pass 10 million cells stopped before it writes anything.
import { afterEach, describe, expect, it } from 'vitest';
import type { Cell } from '../../../functions/core/cells.ts';
import { createSheetsClient } from '../../../functions/gateways/sheets-client.ts';
import { createSheetsGateway, MAX_REQUEST_BYTES } from '../../../functions/gateways/sheets.ts';
import { CELL_CAP } from '../../../functions/jobs/apply.ts';
import { planJob } from '../../../functions/jobs/jobs.ts';
import { DUE_COLUMNS } from '../../../functions/jobs/mail-log.ts';
import { runJob, type RunOptions } from '../../../functions/jobs/run.ts';
import { zoneWarning } from '../../../functions/jobs/sheet-zone.ts';
import { TAB, TABS } from '../../../sheets-schema/index.ts';
import { demoGrids } from '../../../scripts/demo/campaign.ts';
import { SPREADSHEET_ID, startCampaignStack, type CampaignStack } from '../../faults/campaign-stack.ts';
import {
  deliveries,
  expectEveryResponseChecked,
  expectNoDuplicateEmails,
  expectWorkComplete,
} from '../../faults/invariants.ts';
import { startWire, type Wire } from './wire.ts';

const NOW = new Date('2026-11-23T08:00:00+07:00');
const FAST = { retries: 2, baseDelayMs: 1, maxDelayMs: 5 };
const DERIVED: readonly string[] = [TAB.checks, TAB.progress, TAB.classification, TAB.awards];

let stack: CampaignStack | undefined;
let wire: Wire | undefined;
const others: CampaignStack[] = [];
afterEach(async () => {
  await wire?.close();
  await stack?.close();
  for (const s of others.splice(0)) await s.close();
  wire = undefined;
  stack = undefined;
});

async function demo(): Promise<{ s: CampaignStack; w: Wire }> {
  stack = await startCampaignStack(demoGrids(NOW, 'http://127.0.0.1:9/'));
  wire = await startWire(stack.sheets.url);
  return { s: stack, w: wire };
}

function ingest(s: CampaignStack, w: Wire, options: RunOptions = {}) {
  return runJob('ingest', { now: NOW, env: { ...s.env, GOOGLE_SHEETS_ROOT_URL: w.url }, retry: FAST, ...options });
}

/** A tab as the values API reads it: no trailing blanks, no blank trailing rows. */
function asRead(rows: readonly (readonly Cell[])[]): Cell[][] {
  const out = rows.map((row) => {
    const r = row.map((c) => (c === undefined || c === null ? '' : c));
    while (r.length > 0 && r[r.length - 1] === '') r.pop();
    return r;
  });
  while (out.length > 0 && out[out.length - 1].length === 0) out.pop();
  return out;
}

/** The derived tabs as a from-scratch run computes them from what the spreadsheet holds now. */
async function computed(s: CampaignStack): Promise<Map<string, Cell[][]>> {
  const gateway = createSheetsGateway({ api: createSheetsClient(s.sheets.url), spreadsheetId: SPREADSHEET_ID });
  const snapshot = await gateway.readSnapshot(
    TABS.map((t) => t.name),
    new Map([[TAB.mailLog, DUE_COLUMNS]]),
  );
  const { plan } = planJob('ingest', snapshot, NOW, String(s.env.UNIT_SECRET_KEY));
  return new Map(plan.writes.filter((w) => DERIVED.includes(w.tab)).map((w) => [w.tab, asRead(w.rows)]));
}

async function expectTabsAsComputed(s: CampaignStack): Promise<void> {
  const want = await computed(s);
  const got = await s.read(DERIVED);
  for (const tab of DERIVED) expect(asRead(got.get(tab)!), tab).toEqual(want.get(tab));
}

/** The ranges a run's values writes named, by tab. */
function writtenRanges(w: Wire): string[] {
  return w
    .writes()
    .filter((x) => x.method === 'values.batchUpdate')
    .flatMap((x) => (JSON.parse(x.body) as { data: { range: string }[] }).data.map((d) => d.range));
}

async function grids(s: CampaignStack): Promise<Map<string, { rows: number; columns: number }>> {
  const book = await s.api.spreadsheets.get({ spreadsheetId: SPREADSHEET_ID });
  return new Map(
    (book.data.sheets ?? []).map((sheet) => [
      sheet.properties!.title!,
      { rows: sheet.properties!.gridProperties!.rowCount!, columns: sheet.properties!.gridProperties!.columnCount! },
    ]),
  );
}

async function sheetId(s: CampaignStack, title: string): Promise<number> {
  const book = await s.api.spreadsheets.get({ spreadsheetId: SPREADSHEET_ID });
  return book.data.sheets!.find((x) => x.properties?.title === title)!.properties!.sheetId!;
}

describe('Sheets requests of at most 2 MB (Sheets API usage limits: "we recommend a 2 MB maximum payload")', () => {
  it('splits every write of a run into requests under the limit, and the tabs and emails come out as from an unsplit run', async () => {
    const { s, w } = await demo();
    const limit = 12_000;
    const split = await ingest(s, w, { maxRequestBytes: limit });
    const writes = w.writes();
    expect(writes.every((x) => x.bytes <= limit)).toBe(true);
    expect(writes.filter((x) => x.method === 'values.append').length).toBeGreaterThan(1);
    expect(writes.filter((x) => x.method === 'values.batchUpdate').length).toBeGreaterThan(1);
    expect(split.sheetsWrites.splits).toBeGreaterThan(0);
    expect(split.sheetsWrites.requests).toBe(writes.length);
    expect(split.sheetsWrites.bytes).toBe(writes.reduce((n, x) => n + x.bytes, 0));

    const whole = await startCampaignStack(demoGrids(NOW, 'http://127.0.0.1:9/'));
    others.push(whole);
    const unsplit = await whole.run('ingest', NOW);
    expect(unsplit.sheetsWrites.splits).toBe(0);
    const tabs = [...DERIVED, TAB.dashboard];
    const [a, b] = [await s.read(tabs), await whole.read(tabs)];
    for (const tab of tabs) expect(asRead(a.get(tab)!), tab).toEqual(asRead(b.get(tab)!));
    expect([...deliveries(s).keys()].sort()).toEqual([...deliveries(whole).keys()].sort());
    expectNoDuplicateEmails(s);
    await expectWorkComplete(s);
  });

  it('sends nothing over 2 MB by default, whatever the client is given', () => {
    expect(MAX_REQUEST_BYTES).toBe(2_000_000);
  });

  it('keeps exactly one sender per email when two overlapping runs split their claims and the parts interleave', async () => {
    const { s, w } = await demo();
    // Each append waits on the server, so the two runs' parts land in turn.
    s.sheets.faults.inject({ latencyMs: 40, count: 1000, methods: ['values.append'] });
    const [one, two] = await Promise.all([
      ingest(s, w, { maxRequestBytes: 9_000 }),
      ingest(s, w, { maxRequestBytes: 9_000 }),
    ]);
    s.sheets.faults.clear();
    const log = (await s.read([TAB.mailLog])).get(TAB.mailLog)!;
    const run = log[0].indexOf('Lượt chạy');
    const runs = log.slice(1).map((r) => r[run]);
    const turns = runs.filter((id, i) => i > 0 && id !== runs[i - 1]).length;
    expect(turns).toBeGreaterThanOrEqual(2);
    const sent = (x: typeof one) => Number(/đã gửi (\d+)/.exec(x.lines.join('\n'))![1]);
    expect(sent(one) + sent(two)).toBe(deliveries(s).size);
    expectNoDuplicateEmails(s);
    await expectEveryResponseChecked(s);
    await expectWorkComplete(s);
  });

  it('sends what a claims append cut short did claim, leaves the rest to the next run, and nothing goes twice', async () => {
    const { s, w } = await demo();
    let appends = 0;
    // The first part goes through; every later part is refused past the retries.
    w.refuse = (x) => (x.method === 'values.append' && ++appends > 1 ? 500 : undefined);
    const first = await ingest(s, w, { maxRequestBytes: 9_000 });
    w.refuse = undefined;
    const text = first.lines.join('\n');
    expect(text).toContain('Ghi nhật ký thư bị gián đoạn');
    const left = Number(/để lượt sau (\d+)/.exec(text)![1]);
    expect(left).toBeGreaterThan(0);
    const sentFirst = deliveries(s).size;
    expect(sentFirst).toBeGreaterThan(0);
    const log = (await s.read([TAB.mailLog])).get(TAB.mailLog)!;
    expect(log.slice(1).filter((r) => r[log[0].indexOf('Trạng thái')] === 'Đang gửi')).toEqual([]);

    const second = await ingest(s, w);
    expect(second.lines.join('\n')).toContain(`đã gửi ${left},`);
    expectNoDuplicateEmails(s);
    await expectEveryResponseChecked(s);
    await expectWorkComplete(s);
  });
});

describe('only what changed is written (issue 14 part 4)', () => {
  it('an idle sweep sends no write request and leaves the spreadsheet as it was', async () => {
    const { s, w } = await demo();
    await ingest(s, w);
    const all = TABS.map((t) => t.name);
    const before = await s.read(all);
    w.seen.length = 0;
    const idle = await ingest(s, w);
    expect(w.writes()).toEqual([]);
    expect(idle.sheetsWrites).toEqual({ requests: 0, bytes: 0, splits: 0 });
    expect(idle.lines.join('\n')).toContain('không có gì thay đổi');
    expect(await s.read(all)).toEqual(before);
  });

  it('writes only the rows of an edited response, and the tabs are what a from-scratch run computes', async () => {
    const { s, w } = await demo();
    await ingest(s, w);
    const reg = (await s.read([TAB.registration])).get(TAB.registration)!;
    const code = reg[0].indexOf('Mã đơn vị');
    await s.api.spreadsheets.values.update({
      spreadsheetId: SPREADSHEET_ID,
      range: `'${TAB.registration}'!${String.fromCharCode(65 + code)}3`,
      valueInputOption: 'RAW',
      requestBody: { values: [['KHONG-CO']] },
    });
    w.seen.length = 0;
    await ingest(s, w);
    const checks = writtenRanges(w).filter((r) => r.startsWith(`'${TAB.checks}'`));
    // The response's own row of `Kiểm tra` (sheet row 3: the second registration), nothing else of that tab.
    expect(checks).toEqual([`'${TAB.checks}'!A3:H3`]);
    expect(w.writes().every((x) => x.bytes < 20_000)).toBe(true);
    await expectTabsAsComputed(s);
  });

  it('deletes the rows of responses that vanished from the middle, and clears the rows past a shorter end', async () => {
    const { s, w } = await demo();
    await ingest(s, w);
    const before = (await s.read([TAB.checks])).get(TAB.checks)!.length;
    const book = await s.api.spreadsheets.batchUpdate({
      spreadsheetId: SPREADSHEET_ID,
      requestBody: {
        requests: [
          {
            deleteDimension: {
              range: { sheetId: await sheetId(s, TAB.registration), dimension: 'ROWS', startIndex: 2, endIndex: 4 },
            },
          },
          {
            deleteDimension: {
              range: { sheetId: await sheetId(s, TAB.nominations), dimension: 'ROWS', startIndex: 1, endIndex: 4 },
            },
          },
        ],
      },
    });
    expect(book.status).toBe(200);
    w.seen.length = 0;
    await ingest(s, w);
    const structure = w
      .writes()
      .filter((x) => x.method === 'spreadsheets.batchUpdate')
      .map((x) => x.body);
    expect(structure.join('\n')).toContain('deleteDimension');
    const after = (await s.read([TAB.checks])).get(TAB.checks)!;
    expect(after).toHaveLength(before - 5);
    await expectTabsAsComputed(s);
    w.seen.length = 0;
    await ingest(s, w);
    expect(w.writes()).toEqual([]);
  });

  it('rewrites a tab whose header a coordinator moved, once, and writes nothing on the next run', async () => {
    const { s, w } = await demo();
    await ingest(s, w);
    await s.api.spreadsheets.values.update({
      spreadsheetId: SPREADSHEET_ID,
      range: `'${TAB.checks}'!C1:D1`,
      valueInputOption: 'RAW',
      requestBody: { values: [['Trạng thái', 'Mã đơn vị']] },
    });
    const rows = (await s.read([TAB.checks])).get(TAB.checks)!.length;
    w.seen.length = 0;
    await ingest(s, w);
    expect(writtenRanges(w).filter((r) => r.startsWith(`'${TAB.checks}'`))).toEqual([`'${TAB.checks}'!A1:H${rows}`]);
    await expectTabsAsComputed(s);
    w.seen.length = 0;
    await ingest(s, w);
    expect(w.writes()).toEqual([]);
  });
});

describe('grids sized to the tabs (10 million cells per spreadsheet, Files you can store in Google Drive)', () => {
  it('gives each system tab as many columns as its header and the rows it needs, never doubling', async () => {
    const { s, w } = await demo();
    await ingest(s, w);
    const sized = await grids(s);
    const content = await s.read(DERIVED);
    for (const tab of DERIVED) {
      const rows = content.get(tab)!;
      expect(sized.get(tab)!.columns, tab).toBe(rows[0].length);
      expect(sized.get(tab)!.rows, tab).toBeGreaterThanOrEqual(rows.length);
      expect(sized.get(tab)!.rows, tab).toBeLessThanOrEqual(rows.length + Math.max(100, Math.ceil(rows.length / 10)));
    }
    // A system tab deleted by mistake comes back at its size, not 1,000 × 26.
    await s.api.spreadsheets.batchUpdate({
      spreadsheetId: SPREADSHEET_ID,
      requestBody: { requests: [{ deleteSheet: { sheetId: await sheetId(s, TAB.progress) } }] },
    });
    await ingest(s, w);
    const progress = (await s.read([TAB.progress])).get(TAB.progress)!;
    expect((await grids(s)).get(TAB.progress)).toEqual({ rows: progress.length + 100, columns: progress[0].length });
  });

  it('shows the spreadsheet’s cells against the cap in Tổng hợp', async () => {
    const { s, w } = await demo();
    await ingest(s, w);
    let cells = 0;
    for (const g of (await grids(s)).values()) cells += g.rows * g.columns;
    const dashboard = (await s.read([TAB.dashboard])).get(TAB.dashboard)!;
    const row = dashboard.find((r) => r[0] === 'Số ô của bảng tính')!;
    expect(row[1]).toBe(cells);
    expect(String(row[2])).toContain('giới hạn 10.000.000 ô');
  });

  it('stops a run that would pass 10 million cells before it writes or sends anything, and says so in Vietnamese', async () => {
    const { s, w } = await demo();
    await ingest(s, w);
    let cells = 0;
    for (const g of (await grids(s)).values()) cells += g.rows * g.columns;
    // An archive sheet a coordinator keeps fills the spreadsheet to the cap exactly.
    await s.api.spreadsheets.batchUpdate({
      spreadsheetId: SPREADSHEET_ID,
      requestBody: {
        requests: [
          {
            addSheet: {
              properties: { title: 'Lưu trữ', gridProperties: { rowCount: CELL_CAP - cells, columnCount: 1 } },
            },
          },
        ],
      },
    });
    // A new registration, in a row the form tab's grid already has: its `Kiểm tra` row and its receipt's claim row
    // would take the spreadsheet past the cap.
    const reg = (await s.read([TAB.registration])).get(TAB.registration)!;
    await s.api.spreadsheets.values.update({
      spreadsheetId: SPREADSHEET_ID,
      range: `'${TAB.registration}'!A${reg.length + 1}`,
      valueInputOption: 'RAW',
      requestBody: { values: [[(reg[1][0] as number) + 1, ...reg[1].slice(1)]] },
    });
    const all = TABS.map((t) => t.name);
    const before = await s.read(all);
    const outbox = s.mail.outbox().length;
    w.seen.length = 0;
    const stopped = await ingest(s, w);
    const text = stopped.lines.join('\n');
    expect(text).toMatch(/Dừng: sau lượt chạy này bảng tính sẽ có [\d.]+ ô, vượt giới hạn 10\.000\.000 ô/);
    expect(text).toContain('chưa ghi gì vào bảng tính và chưa gửi thư nào');
    expect(text).toContain("'Lưu trữ'");
    expect(w.writes()).toEqual([]);
    expect(await s.read(all)).toEqual(before);
    expect(s.mail.outbox()).toHaveLength(outbox);
  });
});

describe('the spreadsheet’s own time zone against Múi giờ (Forms writes timestamps in the spreadsheet’s zone)', () => {
  it('warns in the summary and in Tổng hợp while they differ, and not once they agree', async () => {
    const { s, w } = await demo();
    const zone = (timeZone: string) =>
      s.api.spreadsheets.batchUpdate({
        spreadsheetId: SPREADSHEET_ID,
        requestBody: { requests: [{ updateSpreadsheetProperties: { properties: { timeZone }, fields: 'timeZone' } }] },
      });
    await zone('Europe/Paris');
    const warned = await ingest(s, w);
    expect(warned.lines.join('\n')).toContain(
      'Cảnh báo: múi giờ của bảng tính (Europe/Paris) khác "Múi giờ" trong Cấu hình (Asia/Ho_Chi_Minh)',
    );
    const row = () =>
      s.read([TAB.dashboard]).then((t) => t.get(TAB.dashboard)!.find((r) => r[0] === 'Múi giờ của bảng tính')!);
    expect(String((await row())[2])).toContain('Cảnh báo');
    // The sheet list read beside the snapshot carries the zone: no call is added for it.
    expect(w.seen.filter((x) => x.method === 'spreadsheets.get')).toHaveLength(1);

    await zone('Asia/Ho_Chi_Minh');
    const calm = await ingest(s, w);
    expect(calm.lines.join('\n')).not.toContain('Cảnh báo: múi giờ');
    expect((await row()).slice(1)).toEqual(['Asia/Ho_Chi_Minh']);
  });

  it('treats another name of the same zone as the same, and an invalid Múi giờ as Asia/Ho_Chi_Minh', () => {
    expect(zoneWarning('Asia/Saigon', 'Asia/Ho_Chi_Minh', NOW)).toBeUndefined();
    expect(zoneWarning('Asia/Ho_Chi_Minh', 'Giờ Hà Nội', NOW)).toBeUndefined();
    expect(zoneWarning('Etc/GMT', 'Giờ Hà Nội', NOW)).toContain('(Asia/Ho_Chi_Minh)');
    expect(zoneWarning(undefined, 'Asia/Ho_Chi_Minh', NOW)).toBeUndefined();
  });
});
