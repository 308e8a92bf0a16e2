// `npx tsx scripts/bench/tools-io.ts`: the Sheets calls and bytes of the tools around the jobs (setup, the demo seed,
// export, the web view), counted on the wire by a hop between the official client and a fresh local Sheets server, so
// the figures do not depend on the access layer's own counters. Prints a Markdown table.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createSheetsClient } from '../../functions/gateways/sheets-client.ts';
import { openSpreadsheet } from '../../functions/gateways/spreadsheet.ts';
import { REGISTRATION_FORM } from '../../sheets-schema/index.ts';
import { seedDemo } from '../demo/seed.ts';
import { readAllTabs } from '../export/index.ts';
import { setupSpreadsheet } from '../../functions/setup/index.ts';
import { startSheetsServer } from '../sheets-server/index.ts';
import { startWebView } from '../web/index.ts';

const NOW = new Date('2026-11-14T01:00:00Z');
/** An answer of each kind the web form accepts (the unit code for text). */
const EXAMPLE: Record<string, string> = {
  email: 'an@sotp.example.vn',
  integer: '3',
  number: '3',
  url: 'https://x.vn/',
};
const dir = await mkdtemp(path.join(tmpdir(), 'thidua-tools-io-'));
const sheets = await startSheetsServer({ port: 0, dataDir: dir });
const target = new URL(sheets.url);
const wire = { calls: 0, sent: 0, received: 0 };
const hop = createServer((req, res) => {
  wire.calls++;
  const up = request(
    // The local server answers only requests addressed to it (Host), as the hop's are not.
    {
      host: target.hostname,
      port: target.port,
      path: req.url,
      method: req.method,
      headers: { ...req.headers, host: target.host },
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.on('data', (c: Buffer) => (wire.received += c.length));
      answer.pipe(res);
    },
  );
  req.on('data', (c: Buffer) => (wire.sent += c.length));
  req.pipe(up);
});
await new Promise<void>((resolve) => hop.listen(0, '127.0.0.1', resolve));
const root = `http://127.0.0.1:${(hop.address() as AddressInfo).port}/`;
await fetch(new URL('__admin/spreadsheets/demo', sheets.url), { method: 'PUT' });
const book = openSpreadsheet({ api: createSheetsClient(root), spreadsheetId: 'demo' });
const web = await startWebView({
  port: 0,
  sheetsRootUrl: root,
  mailUrl: 'http://127.0.0.1:9/',
  spreadsheetId: 'demo',
  ingestUrl: 'http://127.0.0.1:9/',
  ingestSecret: 'tools-io',
  now: () => NOW,
});

const rows: string[] = [];
async function measure(step: string, run: () => Promise<unknown>): Promise<void> {
  Object.assign(wire, { calls: 0, sent: 0, received: 0 });
  await run();
  rows.push(`| ${step} | ${wire.calls} | ${wire.sent} | ${wire.received} |`);
}
async function page(pathname: string, init?: RequestInit): Promise<string> {
  const res = await fetch(new URL(pathname, web.url), init);
  const text = await res.text();
  if (!res.ok) throw new Error(`${pathname}: ${res.status}`);
  return text;
}

try {
  await measure('setup-sheets, empty spreadsheet', () => setupSpreadsheet(book));
  await measure('setup-sheets again, nothing to do', () => setupSpreadsheet(book));
  await measure('demo seed', () =>
    seedDemo(book, { now: NOW, formBaseUrl: 'http://127.0.0.1:8080/', unitKey: 'k'.repeat(32) }),
  );
  await measure('export: every tab', () => readAllTabs(book));
  await measure('web: overview', () => page('/'));
  await measure("web: tab 'Đơn vị'", () => page(`/tabs/${encodeURIComponent('Đơn vị')}`));
  await measure('web: registration form', () => page('/forms/dang-ky-thi-dua'));
  const answers = new URLSearchParams();
  for (const q of REGISTRATION_FORM.questions) answers.set(q.header, q.options?.[0] ?? EXAMPLE[q.kind] ?? 'SO-TP');
  let saved = '';
  await measure('web: submit a registration', async () => {
    saved = await page('/forms/dang-ky-thi-dua', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: answers.toString(),
    });
  });
  const row = /\/check\/dang-ky-thi-dua\/(\d+)/.exec(saved)?.[1];
  if (!row) throw new Error('the registration was not saved');
  await measure('web: check page of that response', () => page(`/check/dang-ky-thi-dua/${row}`));
  console.log('| step | Sheets calls | bytes sent | bytes received |\n| --- | ---: | ---: | ---: |');
  console.log(rows.join('\n'));
} finally {
  await web.close();
  hop.close();
  await sheets.close();
  await rm(dir, { recursive: true, force: true });
}
