// What the Sheets gateway puts on the wire: large writes as declared JSON, every request asking for compact JSON back,
// and a large read parsed as it streams in.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSheetsClient } from '../../../functions/gateways/sheets-client.ts';
import { quoteSheet } from '../../../functions/core/a1.ts';
import { createSheetsGateway } from '../../../functions/gateways/sheets.ts';

interface Seen {
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** A read answered as Google answers a client that forgot `prettyPrint=false`: indented, here about 1 MB. */
const ROWS = Array.from({ length: 5000 }, (_, i) => [
  46082 + i / 1440,
  `DV-${i}`,
  `Đơn vị "số" ${i}, [Cụm ${i % 25}]`,
  i % 3 === 0,
]);
const BATCH_GET = {
  spreadsheetId: 'x',
  valueRanges: [{ range: "'Đăng ký thi đua'!A1:D5000", majorDimension: 'ROWS', values: ROWS }],
};

let server: Server;
let root: string;
const seen: Seen[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200, { 'content-type': 'application/json; charset=UTF-8' });
      if (req.url?.includes(':batchGet')) return void res.end(JSON.stringify(BATCH_GET, null, 2));
      res.end(JSON.stringify(req.url?.includes(':append') ? { updates: { updatedRange: "'Nhật ký thư'!A7:C8" } } : {}));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  root = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('Sheets gateway requests', () => {
  it('sends one values.batchUpdate of several ranges as application/json, Vietnamese text intact', async () => {
    seen.length = 0;
    const gateway = createSheetsGateway({ api: createSheetsClient(root), spreadsheetId: 'x' });
    const many = Array.from({ length: 4500 }, (_, i) => [`Đơn vị ${i}`, i, i % 2 === 0]);
    await gateway.writeValues([
      { range: `${quoteSheet('Kiểm tra')}!A1:C4500`, values: many },
      { range: `${quoteSheet('Xếp loại')}!A1`, values: [['Hoàn thành xuất sắc']] },
      { range: `${quoteSheet('Nhật ký thư')}!E2:E2`, values: [['Đã gửi']] },
    ]);
    expect(gateway.calls()).toBe(1);
    expect(seen).toHaveLength(1);
    expect(seen[0].headers['content-type']).toBe('application/json');
    // Streamed from its parts, yet sent with its length, not chunked.
    expect(seen[0].headers['content-length']).toBe(String(Buffer.byteLength(seen[0].body)));
    expect(seen[0].headers['transfer-encoding']).toBeUndefined();
    expect(JSON.parse(seen[0].body)).toEqual({
      valueInputOption: 'RAW',
      data: [
        { range: "'Kiểm tra'!A1:C4500", majorDimension: 'ROWS', values: many },
        { range: "'Xếp loại'!A1", majorDimension: 'ROWS', values: [['Hoàn thành xuất sắc']] },
        { range: "'Nhật ký thư'!E2:E2", majorDimension: 'ROWS', values: [['Đã gửi']] },
      ],
    });
  });

  it('makes no request when every range given is empty', async () => {
    seen.length = 0;
    const gateway = createSheetsGateway({ api: createSheetsClient(root), spreadsheetId: 'x' });
    await gateway.writeValues([]);
    await gateway.writeValues([{ range: `${quoteSheet('Kiểm tra')}!A2:C2`, values: [] }]);
    expect(gateway.calls()).toBe(0);
    expect(seen).toHaveLength(0);
  });

  it('appends rows as a JSON value range and reports the first row written', async () => {
    seen.length = 0;
    const gateway = createSheetsGateway({ api: createSheetsClient(root), spreadsheetId: 'x' });
    const spans = await gateway.appendRows('Nhật ký thư', [
      ['khóa-1', 'Đang gửi'],
      ['khóa-2', 'Đang gửi'],
    ]);
    expect(spans).toEqual([{ first: 7, count: 2 }]);
    expect(seen[0].url).toContain('valueInputOption=RAW');
    expect(seen[0].url).toContain('prettyPrint=false');
    expect(seen[0].headers['content-type']).toBe('application/json');
    expect(seen[0].headers['content-length']).toBe(String(Buffer.byteLength(seen[0].body)));
    expect(JSON.parse(seen[0].body)).toEqual({
      majorDimension: 'ROWS',
      values: [
        ['khóa-1', 'Đang gửi'],
        ['khóa-2', 'Đang gửi'],
      ],
    });
  });

  it('asks for compact JSON, and reads every row of a large indented body as sent', async () => {
    seen.length = 0;
    const gateway = createSheetsGateway({ api: createSheetsClient(root), spreadsheetId: 'x' });
    const snapshot = await gateway.readSnapshot(['Đăng ký thi đua']);
    expect(seen[0].url).toContain('prettyPrint=false');
    expect(snapshot.tabs.get('Đăng ký thi đua')).toEqual(ROWS);
    expect(snapshot.grids.get('Đăng ký thi đua')).toEqual({ rows: 5000, columns: 4 });
  });
});
