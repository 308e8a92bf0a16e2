// A web view over the local Sheets server, with a fake ingest endpoint (recording signed calls) and a fake outbox.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createSheetsClient, type SheetsApi } from '../../../functions/gateways/sheets-client.ts';
import { verifySignature } from '../../../functions/http/signature.ts';
import { startSheetsServer } from '../../../scripts/sheets-server/index.ts';
import { startWebView } from '../../../scripts/web/index.ts';

const SECRET = 'test-secret-0123456789abcdef';

export interface IngestCall {
  readonly body: string;
  readonly verdict: string;
}

export interface Harness {
  readonly api: SheetsApi;
  readonly web: string;
  readonly ingestCalls: IngestCall[];
  /** What GET /outbox answers. */
  outbox: unknown[];
  /** Called on each signed ingest call, e.g. to write a `Kiểm tra` row. */
  onIngest: (body: { tab: string; row: number }) => Promise<void>;
  close(): Promise<void>;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export async function startHarness(tabs: Record<string, string[][]>, now: () => Date): Promise<Harness> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'thidua-web-'));
  const sheets = await startSheetsServer({ port: 0, dataDir });
  const created = await fetch(new URL('__admin/spreadsheets/demo', sheets.url), { method: 'PUT' });
  if (!created.ok) throw new Error(`cannot create spreadsheet: ${created.status}`);
  const api = createSheetsClient(sheets.url);
  await api.spreadsheets.batchUpdate({
    spreadsheetId: 'demo',
    requestBody: { requests: Object.keys(tabs).map((title) => ({ addSheet: { properties: { title } } })) },
  });
  await api.spreadsheets.values.batchUpdate({
    spreadsheetId: 'demo',
    requestBody: {
      valueInputOption: 'RAW',
      data: Object.entries(tabs).map(([t, values]) => ({ range: `'${t}'!A1`, values })),
    },
  });

  const harness: Harness = {
    api,
    web: '',
    ingestCalls: [],
    outbox: [],
    onIngest: async () => undefined,
    close: async () => undefined,
  };
  const fake = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        if (req.method === 'GET' && req.url === '/outbox') {
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(harness.outbox));
          return;
        }
        const body = Buffer.concat(chunks).toString('utf8');
        const verdict = verifySignature(
          body,
          SECRET,
          req.headers['x-thidua-timestamp'] as string | undefined,
          req.headers['x-thidua-signature'] as string | undefined,
          Math.floor(Date.now() / 1000),
        );
        harness.ingestCalls.push({ body, verdict });
        if (verdict === 'ok') await harness.onIngest(JSON.parse(body) as { tab: string; row: number });
        res.writeHead(verdict === 'ok' ? 200 : 401, { 'content-type': 'application/json' }).end('{}');
      })();
    });
  });
  const fakeUrl = await listen(fake);
  const web = await startWebView({
    port: 0,
    sheetsRootUrl: sheets.url,
    mailUrl: fakeUrl,
    spreadsheetId: 'demo',
    ingestUrl: `${fakeUrl}/ingest`,
    ingestSecret: SECRET,
    now,
  });
  return Object.assign(harness, {
    web: web.url.replace(/\/$/, ''),
    close: async () => {
      await web.close();
      await new Promise<void>((resolve) => fake.close(() => resolve()));
      await sheets.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  });
}
