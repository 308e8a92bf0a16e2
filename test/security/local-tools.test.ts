// Issue 15, part 6: the local servers (Sheets, mail, web page) on a shared desktop. Each test is named for a defect
// the red-team pass reproduced, and drives the server over raw HTTP, the way a hostile page or process would.
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSheetsClient } from '../../functions/gateways/sheets-client.ts';
import { startDriveServer, type DriveServer } from '../../scripts/drive-server/index.ts';
import { startMailServer, type MailServer } from '../../scripts/mail-server/index.ts';
import { startSheetsServer, type SheetsServer } from '../../scripts/sheets-server/index.ts';
import { startHarness, type Harness } from '../scripts/web/harness.ts';

interface Answer {
  readonly status: number;
  readonly text: string;
}

interface Raw {
  readonly method?: string;
  readonly headers?: Record<string, string>;
  /** Sent whole; or, with `endless`, this many bytes are sent and the request is never finished (unless `finish`). */
  readonly body?: string;
  readonly endless?: number;
  readonly finish?: boolean;
}

/** One request with full control of the head (Host, Origin); resolves with the answer, even mid-upload. */
function raw(base: string, target: string, options: Raw = {}): Promise<Answer> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({
      host: hostname,
      port,
      method: options.method ?? 'GET',
      path: target,
      headers: options.headers,
      setHost: !options.headers?.['host'],
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') });
        req.destroy();
      });
    });
    // A refused upload may see its socket closed under it once the answer is in; only a missing answer fails.
    req.on('error', (e) => setTimeout(() => reject(e), 50));
    if (options.endless !== undefined) {
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < options.endless! && !req.destroyed) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        if (options.finish && !req.destroyed) req.end();
      };
      pump();
    } else req.end(options.body);
  });
}

const JSON_TYPE = { 'content-type': 'application/json' };
const EVIL = 'http://evil.example';

let dataDir: string;
let sheets: SheetsServer;
let mail: MailServer;
let drive: DriveServer;
let web: Harness;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'thidua-local-tools-'));
  sheets = await startSheetsServer({ dataDir: path.join(dataDir, 'sheets') });
  mail = await startMailServer({ dataDir: path.join(dataDir, 'mail') });
  drive = await startDriveServer({ dataDir: path.join(dataDir, 'drive') });
  web = await startHarness(
    { 'Đăng ký thi đua': [['Dấu thời gian', 'Mã đơn vị', 'Người đăng ký', 'Email người đăng ký']] },
    () => new Date(),
  );
  await raw(sheets.url, '/__admin/spreadsheets/demo', { method: 'PUT' });
});

afterAll(async () => {
  await web?.close();
  await mail?.close();
  await drive?.close();
  await sheets?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('defect: the local Sheets server accepted a 150 MB body (RSS 0.27 → 1.17 GB)', () => {
  it('refuses a declared 150 MB body with Google’s 400 before reading it', async () => {
    const answer = await raw(sheets.url, '/v4/spreadsheets/demo/values:batchUpdate', {
      method: 'POST',
      headers: { ...JSON_TYPE, 'content-length': String(150 * 1024 * 1024) },
      endless: 256 * 1024,
    });
    expect(answer.status).toBe(400);
  });

  it('lets a client that sends the whole 150 MB finish its upload and read Google’s 400', async () => {
    const answer = await raw(sheets.url, '/v4/spreadsheets/demo/values:batchUpdate', {
      method: 'POST',
      headers: { ...JSON_TYPE, 'content-length': String(150 * 1024 * 1024) },
      endless: 150 * 1024 * 1024,
      finish: true,
    });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text)).toEqual({
      error: {
        code: 400,
        message: 'Request payload size exceeds the limit: 10485760 bytes.',
        status: 'INVALID_ARGUMENT',
      },
    });
  });

  it('refuses a chunked body as soon as it passes 10 MiB, without waiting for its end', async () => {
    const answer = await raw(sheets.url, '/v4/spreadsheets/demo/values:batchUpdate', {
      method: 'POST',
      headers: { ...JSON_TYPE, 'transfer-encoding': 'chunked' },
      endless: 12 * 1024 * 1024,
    });
    expect(answer.status).toBe(400);
    expect(answer.text).toContain('Request payload size exceeds the limit: 10485760 bytes.');
  });

  it('still serves the official client after refusing one', async () => {
    const api = createSheetsClient(sheets.url);
    const got = await api.spreadsheets.get({ spreadsheetId: 'demo' });
    expect(got.data.spreadsheetId).toBe('demo');
  });
});

describe('defect: a cross-site text/plain POST armed a fault on the admin endpoints', () => {
  const arm = JSON.stringify({ status: 503, count: 5 });

  it('refuses the cross-site POST with 403, and no fault is armed', async () => {
    const answer = await raw(sheets.url, '/__admin/faults', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', origin: EVIL },
      body: arm,
    });
    expect(answer.status).toBe(403);
    expect((await fetch(`${sheets.url}v4/spreadsheets/demo`)).status).toBe(200);
  });

  it('refuses a text/plain or form-encoded body to a JSON endpoint even without an Origin', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      expect(
        (await raw(sheets.url, '/__admin/faults', { method: 'POST', headers: { 'content-type': type }, body: arm }))
          .status,
      ).toBe(415);
      expect(
        (await raw(mail.url, '/__admin/faults', { method: 'POST', headers: { 'content-type': type }, body: arm }))
          .status,
      ).toBe(415);
    }
    expect((await fetch(`${sheets.url}v4/spreadsheets/demo`)).status).toBe(200);
    const templates = await raw(mail.url, '/v3/templates?generations=dynamic&page_size=1', {
      headers: { authorization: 'Bearer SG.x' },
    });
    expect(templates.status).toBe(200);
  });

  it('refuses a cross-site POST to the mail server’s admin and API endpoints', async () => {
    expect(
      (await raw(mail.url, '/__admin/faults', { method: 'POST', headers: { ...JSON_TYPE, origin: EVIL }, body: arm }))
        .status,
    ).toBe(403);
    const send = await raw(mail.url, '/v3/mail/send', {
      method: 'POST',
      headers: { ...JSON_TYPE, origin: EVIL, authorization: 'Bearer SG.x' },
      body: '{}',
    });
    expect(send.status).toBe(403);
    expect(mail.requestCount()).toBe(0);
  });

  it('accepts the same admin request as JSON from this machine', async () => {
    const answer = await raw(sheets.url, '/__admin/faults', {
      method: 'POST',
      headers: { ...JSON_TYPE, origin: sheets.url.replace(/\/$/, '') },
      body: JSON.stringify({ status: 503, count: 1, methods: ['values.get'] }),
    });
    expect(answer.status).toBe(200);
    expect((await fetch(`${sheets.url}v4/spreadsheets/demo/values/A1`)).status).toBe(503);
  });
});

describe('defect: a cross-site form POST to the web page saved a response and sent receipts', () => {
  const fields = new URLSearchParams({
    'Mã đơn vị': 'SO-TP',
    'Người đăng ký': 'Kẻ gian',
    'Email người đăng ký': 'victim@evil.example',
  }).toString();
  const formHeaders = { 'content-type': 'application/x-www-form-urlencoded' };

  it('refuses it with 403: nothing is saved and ingest is not called', async () => {
    const target = '/forms/dang-ky-thi-dua';
    const answer = await raw(web.web, target, {
      method: 'POST',
      headers: { ...formHeaders, origin: EVIL },
      body: fields,
    });
    expect(answer.status).toBe(403);
    expect(answer.text).toContain('Yêu cầu gửi từ một trang web khác bị từ chối.');
    const sheet = await web.api.spreadsheets.values.get({ spreadsheetId: 'demo', range: `'Đăng ký thi đua'` });
    expect(sheet.data.values).toHaveLength(1);
    expect(web.ingestCalls).toEqual([]);
  });

  it('refuses a browser form POST marked cross-site even with no Origin', async () => {
    const answer = await raw(web.web, '/forms/dang-ky-thi-dua', {
      method: 'POST',
      headers: { ...formHeaders, 'sec-fetch-site': 'cross-site' },
      body: fields,
    });
    expect(answer.status).toBe(403);
    expect(web.ingestCalls).toEqual([]);
  });
});

describe('defect: the admin endpoints and the web page did not check Host (DNS rebinding)', () => {
  it('answers 403 to a Host that is not the server’s own loopback address and port', async () => {
    for (const base of [sheets.url, mail.url, web.web, drive.url]) {
      const port = new URL(base).port;
      expect((await raw(base, '/', { headers: { host: `rebind.evil.example:${port}` } })).status).toBe(403);
      expect((await raw(base, '/', { headers: { host: `127.0.0.1:${Number(port) + 1}` } })).status).toBe(403);
    }
  });

  it('answers to 127.0.0.1, localhost and [::1] with its own port', async () => {
    const port = new URL(sheets.url).port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
      expect((await raw(sheets.url, '/v4/spreadsheets/demo', { headers: { host } })).status).toBe(200);
    }
  });
});

describe('defect: a malformed percent-escape answered 500', () => {
  it('answers 400 on every local server', async () => {
    expect((await raw(sheets.url, '/v4/spreadsheets/%E0%A4%A')).status).toBe(400);
    expect((await raw(sheets.url, '/v4/spreadsheets/demo/values/%ZZ')).status).toBe(400);
    expect((await raw(sheets.url, '/__admin/spreadsheets/%E0%A4%A', { method: 'PUT' })).status).toBe(400);
    expect((await raw(mail.url, '/v3/templates/%E0%A4%A', { headers: { authorization: 'Bearer SG.x' } })).status).toBe(
      400,
    );
    expect((await raw(web.web, '/tabs/%E0%A4%A')).status).toBe(400);
    expect((await raw(web.web, '/forms/%ZZ')).status).toBe(400);
    expect((await raw(drive.url, '/drive/v3/files/%E0%A4%A')).status).toBe(400);
  });

  it('answers 400 to a request target that is not a path', async () => {
    for (const base of [sheets.url, mail.url, web.web, drive.url]) {
      expect((await raw(base, '//evil.example:99999/x')).status).toBe(400);
    }
  });
});

describe('request bodies are capped on the mail server and the web page too', () => {
  it('mail: a declared body over SendGrid’s 30 MB is refused with 413 before it is read', async () => {
    const answer = await raw(mail.url, '/v3/mail/send', {
      method: 'POST',
      headers: { ...JSON_TYPE, authorization: 'Bearer SG.x', 'content-length': String(31 * 1024 * 1024) },
      endless: 256 * 1024,
    });
    expect(answer.status).toBe(413);
  });

  it('web: a form body over 1 MB is refused with 413 and nothing is saved', async () => {
    const answer = await raw(web.web, '/forms/dang-ky-thi-dua', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'transfer-encoding': 'chunked' },
      endless: 2 * 1024 * 1024,
    });
    expect(answer.status).toBe(413);
    expect(web.ingestCalls).toEqual([]);
  });
});
