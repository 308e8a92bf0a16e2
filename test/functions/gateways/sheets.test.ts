// The Sheets access layer and the job gateway over the official client against the local Sheets-compatible server.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSheetsClient } from '../../../functions/gateways/sheets-client.ts';
import { quoteSheet } from '../../../functions/core/a1.ts';
import { createSheetsGateway, gridFromRange } from '../../../functions/gateways/sheets.ts';
import { openSpreadsheet, SheetsError } from '../../../functions/gateways/spreadsheet.ts';
import { startSheetsServer, type SheetsServer } from '../../../scripts/sheets-server/index.ts';

const ID = 'gateway';
let server: SheetsServer;
let dir: string;
const fastRetry = { retries: 4, baseDelayMs: 1, maxDelayMs: 5 };

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'thidua-gw-'));
  server = await startSheetsServer({ port: 0, dataDir: dir });
  await fetch(new URL(`__admin/spreadsheets/${ID}`, server.url), { method: 'PUT' });
  const api = createSheetsClient(server.url);
  await api.spreadsheets.batchUpdate({
    spreadsheetId: ID,
    requestBody: {
      requests: [
        { addSheet: { properties: { title: 'Kiểm tra' } } },
        { addSheet: { properties: { title: "Ý kiến 'đơn vị'" } } },
        { addSheet: { properties: { title: 'Nhật ký thư' } } },
      ],
    },
  });
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const gateway = () => createSheetsGateway({ api: createSheetsClient(server.url), spreadsheetId: ID, retry: fastRetry });
const open = (spreadsheetId = ID) =>
  openSpreadsheet({ api: createSheetsClient(server.url), spreadsheetId, retry: fastRetry });

describe('Sheets gateway', () => {
  it('quotes sheet names with spaces, Vietnamese letters and apostrophes', () => {
    expect(quoteSheet("Ý kiến 'đơn vị'")).toBe("'Ý kiến ''đơn vị'''");
    expect(gridFromRange("'Kiểm tra'!A1:Z1000")).toEqual({ rows: 1000, columns: 26 });
  });

  it('writes RAW, so an answer that looks like a formula comes back as the same text', async () => {
    const gateway = createSheetsGateway({ api: createSheetsClient(server.url), spreadsheetId: ID, retry: fastRetry });
    const formula = '=IMPORTXML("http://example.vn/x";"//a")';
    await gateway.writeValues([
      {
        range: `${quoteSheet('Kiểm tra')}!A1:B2`,
        values: [
          ['Lỗi', 'Số'],
          [formula, '0012'],
        ],
      },
    ]);
    const api = createSheetsClient(server.url);
    const back = await api.spreadsheets.values.get({
      spreadsheetId: ID,
      range: `${quoteSheet('Kiểm tra')}!A2:B2`,
      valueRenderOption: 'FORMULA',
    });
    expect(back.data.values).toEqual([[formula, '0012']]);
  });

  it('reads a whole snapshot in one values call, with each tab’s grid size, the sheet list and the zone beside it', async () => {
    const gateway = createSheetsGateway({ api: createSheetsClient(server.url), spreadsheetId: ID, retry: fastRetry });
    const snapshot = await gateway.readSnapshot(['Kiểm tra', "Ý kiến 'đơn vị'"]);
    expect(gateway.calls()).toBe(2);
    expect(snapshot.sheets.map((s) => s.title)).toContain('Kiểm tra');
    expect(snapshot.timeZone).toBeTruthy();
    expect(snapshot.tabs.get('Kiểm tra')?.[1]).toEqual(['=IMPORTXML("http://example.vn/x";"//a")', '0012']);
    expect(snapshot.grids.get('Kiểm tra')).toEqual({ rows: 1000, columns: 26 });
  });

  it('reduces the rows of the tabs asked for as they are read, in the same call, and keeps the others whole', async () => {
    const gateway = createSheetsGateway({ api: createSheetsClient(server.url), spreadsheetId: ID, retry: fastRetry });
    const runs: unknown[][] = [];
    const count = () => {
      let rows = 0;
      return {
        add: (some: readonly unknown[]) => {
          runs.push([...some]);
          rows += some.length;
        },
        done: () => rows,
      };
    };
    const snapshot = await gateway.readSnapshot(
      ['Kiểm tra', "Ý kiến 'đơn vị'"],
      new Map(),
      new Map([
        ['Kiểm tra', count],
        ["Ý kiến 'đơn vị'", count],
      ]),
    );
    expect(gateway.calls()).toBe(2);
    expect(snapshot.folded).toEqual(
      new Map([
        ['Kiểm tra', 2],
        // An empty tab comes back without values: its folder is given none.
        ["Ý kiến 'đơn vị'", 0],
      ]),
    );
    expect(runs.flat()).toEqual([
      ['Lỗi', 'Số'],
      ['=IMPORTXML("http://example.vn/x";"//a")', '0012'],
    ]);
    expect(snapshot.tabs.has('Kiểm tra')).toBe(false);
    expect(snapshot.grids.get('Kiểm tra')).toEqual({ rows: 1000, columns: 26 });
  });

  it('reads only the named columns of a log in the same call, each cell in its own column', async () => {
    const log = [
      ['Khóa', 'Mẫu thư', 'Người nhận', 'Thời điểm', 'Trạng thái'],
      ['k1', 'receipt', 'a@example.vn', '01/03/2026 09:00:00', 'Đã gửi'],
      ['k2', 'receipt', 'b@example.vn', '01/03/2026 09:00:00'],
      ['', '', '', '', 'Gửi lại'],
    ];
    await gateway().writeValues([
      { range: `${quoteSheet('Nhật ký thư')}!A1:E4`, values: log.map((r) => [...r, '', '', '', '', ''].slice(0, 5)) },
    ]);
    const reader = gateway();
    const layout = new Map([
      ['Khóa', 0],
      ['Trạng thái', 4],
    ]);
    const snapshot = await reader.readSnapshot(['Kiểm tra', 'Nhật ký thư'], new Map([['Nhật ký thư', layout]]));
    // The values read, and beside it the spreadsheet's zone and sheet list.
    expect(reader.calls()).toBe(2);
    const rows = snapshot.tabs.get('Nhật ký thư')!;
    expect(rows[0]).toEqual(log[0]);
    expect(rows.slice(1).map((r) => [r[0], r[2], r[4]])).toEqual([
      ['k1', undefined, 'Đã gửi'],
      ['k2', undefined, undefined],
      [undefined, undefined, 'Gửi lại'],
    ]);
    expect(snapshot.grids.get('Nhật ký thư')).toEqual({ rows: 1000, columns: 26 });
    // Read alone: one array per column, blanks inside a column kept as empty text.
    expect(await reader.readColumns('Nhật ký thư', layout)).toEqual(
      new Map([
        ['Khóa', ['k1', 'k2']],
        ['Trạng thái', ['Đã gửi', '', 'Gửi lại']],
      ]),
    );
    expect(reader.calls()).toBe(3);
  });

  it('reads the whole log, with one more call, when someone has moved its columns', async () => {
    await gateway().writeValues([
      {
        range: `${quoteSheet('Nhật ký thư')}!A1:B2`,
        values: [
          ['Trạng thái', 'Khóa'],
          ['Đã gửi', 'k1'],
        ],
      },
    ]);
    const reader = gateway();
    const layout = new Map([
      ['Khóa', 0],
      ['Trạng thái', 4],
    ]);
    const snapshot = await reader.readSnapshot(['Nhật ký thư'], new Map([['Nhật ký thư', layout]]));
    expect(reader.calls()).toBe(3);
    expect(snapshot.tabs.get('Nhật ký thư')?.[1]?.slice(0, 2)).toEqual(['Đã gửi', 'k1']);
    const moved = await reader.readColumns('Nhật ký thư', layout);
    expect([moved.get('Khóa')?.[0], moved.get('Trạng thái')?.[0]]).toEqual(['k1', 'Đã gửi']);
    expect(reader.calls()).toBe(5);
  });

  it('reads a long log column whole, rows past the first streamed run included, blanks inside it as empty text', async () => {
    const tab = 'Nhật ký dài';
    await open().batchUpdate([{ addSheet: { properties: { title: tab, gridProperties: { rowCount: 5000 } } } }]);
    // About 600 KB of keys: the body's rows are parsed in runs of 256 KB, so the column arrives in several.
    const keys = Array.from({ length: 4000 }, (_, i) =>
      i === 1234 ? '' : `ingest|tong-ket|DV-${i}|${'x'.repeat(120)}`,
    );
    const rows = [
      ['Khóa', 'Mẫu thư', 'Người nhận', 'Thời điểm', 'Trạng thái'],
      ...keys.map((k) => [k, '', '', '', 'Đã gửi']),
    ];
    await gateway().writeValues([{ range: `${quoteSheet(tab)}!A1:E${rows.length}`, values: rows }]);
    const columns = await gateway().readColumns(
      tab,
      new Map([
        ['Khóa', 0],
        ['Trạng thái', 4],
      ]),
    );
    expect(columns.get('Khóa')).toEqual(keys);
    expect(columns.get('Trạng thái')).toEqual(keys.map(() => 'Đã gửi'));
  });

  it('skips tabs the spreadsheet does not have instead of failing the whole read', async () => {
    const gateway = createSheetsGateway({ api: createSheetsClient(server.url), spreadsheetId: ID, retry: fastRetry });
    const snapshot = await gateway.readSnapshot(['Kiểm tra', 'Lịch sử']);
    expect([...snapshot.tabs.keys()]).toEqual(['Kiểm tra']);
  });

  it('retries 429 and 500 answers, POST included, until the write goes through', async () => {
    const book = open();
    server.faults.inject({ status: 429, count: 2, methods: ['values.batchUpdate'] });
    server.faults.inject({ status: 500, count: 1, methods: ['values.append'] });
    await book.valuesBatchUpdate([{ range: `${quoteSheet('Kiểm tra')}!C1`, values: [['sau lỗi 429']] }]);
    const spans = await book.append(quoteSheet("Ý kiến 'đơn vị'"), [['một'], ['hai']]);
    expect(spans).toEqual([{ first: 1, count: 2 }]);
    expect((await book.batchGet([quoteSheet('Kiểm tra')]))[0]?.values?.[0]).toEqual(['Lỗi', 'Số', 'sau lỗi 429']);
    expect(book.stats().calls).toBe(2 + 1 + 1 + 1 + 1);
    expect(book.stats().writes).toEqual({ requests: 2, bytes: book.stats().writes.bytes, splits: 0 });
  });

  it('reports a failure in Vietnamese with Google’s words, without retrying what cannot succeed', async () => {
    const book = open('khong-co');
    const error = await book.batchGet([quoteSheet('Kiểm tra')]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SheetsError);
    expect((error as SheetsError).status).toBe(404);
    // A read streams its body, so the error body arrives as text: it is still Google's own message.
    expect((error as SheetsError).message).toBe('Google Sheets trả lỗi 404: Requested entity was not found.');
    expect(book.stats().calls).toBe(1);
  });

  it('reports the error body of a failed read as Google words it, whole, and of a failed write too', async () => {
    const book = open();
    const read = await book.batchGet([quoteSheet('Không có trang này')]).catch((e: unknown) => e);
    const write = await book
      .valuesBatchUpdate([{ range: `${quoteSheet('Không có trang này')}!A1`, values: [['x']] }])
      .catch((e: unknown) => e);
    expect((read as SheetsError).reason).toBe("Unable to parse range: 'Không có trang này'");
    expect((write as SheetsError).reason).toBe("Unable to parse range: 'Không có trang này'!A1");
  });

  it('counts the bytes it sends and receives, as they went on the wire', async () => {
    const book = open();
    await book.valuesBatchUpdate([{ range: `${quoteSheet('Kiểm tra')}!D1`, values: [['Tiếng Việt có dấu']] }]);
    const body =
      '{"valueInputOption":"RAW","data":[{"range":"\'Kiểm tra\'!D1","majorDimension":"ROWS","values":[["Tiếng Việt có dấu"]]}]}';
    expect(book.stats()).toMatchObject({
      calls: 1,
      sent: Buffer.byteLength(body),
      writes: { requests: 1, bytes: Buffer.byteLength(body) },
    });
    const [read] = await book.batchGet([`${quoteSheet('Kiểm tra')}!D1`]);
    expect(read?.values).toEqual([['Tiếng Việt có dấu']]);
    expect(book.stats().received).toBeGreaterThan(Buffer.byteLength(JSON.stringify(read)));
  });
});
