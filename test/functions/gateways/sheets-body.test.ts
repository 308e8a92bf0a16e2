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
/** Write requests still to be answered 500 (Google's transient failure), after their body was read whole. */
let failures = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      if (req.method === 'POST' && failures > 0) {
        failures--;
        res.writeHead(500, { 'content-type': 'application/json; charset=UTF-8' });
        return void res.end(JSON.stringify({ error: { code: 500, message: 'Internal error encountered.' } }));
      }
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

  it('splits a long write into requests that each hold whole rows under their own range, retried ones included', async () => {
    seen.length = 0;
    const retry = { retries: 2, baseDelayMs: 1, maxDelayMs: 5 };
    const gateway = createSheetsGateway({
      api: createSheetsClient(root),
      spreadsheetId: 'x',
      retry,
      maxRequestBytes: 20_000,
    });
    const many = Array.from({ length: 1200 }, (_, i) => [`Đơn vị "${i}"`, i, 'Hoàn thành tốt nhiệm vụ']);
    failures = 2; // the first two requests fail once each: each is sent again as it was
    await gateway.writeValues([
      { range: `${quoteSheet('Kiểm tra')}!A1:C1200`, values: many },
      { range: `${quoteSheet('Xếp loại')}!A1`, values: [['Hoàn thành xuất sắc']] },
    ]);
    expect(gateway.writes().requests).toBeGreaterThan(3);
    const sent = seen.map((s) => {
      expect(s.headers['content-length']).toBe(String(Buffer.byteLength(s.body)));
      expect(Buffer.byteLength(s.body)).toBeLessThanOrEqual(20_000);
      return JSON.parse(s.body) as { data: { range: string; values: unknown[][] }[] };
    });
    // Each failed request was sent again with the same body before the next one.
    expect(sent[1]).toEqual(sent[0]);
    expect(sent[2]).toEqual(sent[0]);
    expect(sent[3]).not.toEqual(sent[0]);
    const parts = sent.slice(2).flatMap((body) => body.data);
    const checks = parts.filter((p) => p.range.startsWith(quoteSheet('Kiểm tra')));
    expect(checks.flatMap((p) => p.values)).toEqual(many);
    // Each part's range names exactly its rows, whatever the digits of its row numbers.
    let row = 1;
    for (const part of checks) {
      expect(part.range).toBe(`${quoteSheet('Kiểm tra')}!A${row}:C${row + part.values.length - 1}`);
      row += part.values.length;
    }
    expect(parts.at(-1)).toEqual({
      range: "'Xếp loại'!A1",
      majorDimension: 'ROWS',
      values: [['Hoàn thành xuất sắc']],
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
