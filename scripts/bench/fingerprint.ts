// `npm run fingerprint [-- --units N]`: one SHA-256 per (campaign, job, now) of what each job leaves for people to see,
// so a refactor can show its outputs are unchanged. Every job runs end to end through the official clients against
// fresh local Sheets and SendGrid servers, over the demo campaign and the bench campaign, at fixed moments of the year.
// What is hashed: the values of every tab after the job, every email it sent as SendGrid rendered it (sorted by key,
// so batching does not count), and its summary lines. Volatile parts are normalised: run ids become their order of
// appearance, and the byte and request counts of the Sheets write line are dropped (they are transport, not output).
// `--dump DIR` writes what was hashed, one JSON file per line, to diff when a fingerprint changes.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { JOB_NAMES } from '../../functions/jobs/jobs.ts';
import { runJob } from '../../functions/jobs/run.ts';
import { createSheetsClient } from '../../functions/gateways/sheets-client.ts';
import { openSpreadsheet } from '../../functions/gateways/spreadsheet.ts';
import { seedDemo } from '../demo/seed.ts';
import { readAllTabs } from '../export/index.ts';
import { startMailServer } from '../mail-server/index.ts';
import { startSheetsServer } from '../sheets-server/index.ts';
import { setupSpreadsheet } from '../../functions/setup/index.ts';
import { syncTemplates } from '../sync-templates.ts';
import { benchCampaign, FIXTURE_UNIT_KEY, toSnapshot } from './campaign.ts';
import { loadGrids } from './load.ts';

/** Moments of the 2026 campaign (UTC; 08:00 or 10:00 in Hà Nội). */
const MOMENTS: readonly { label: string; now: Date }[] = [
  { label: 'nhắc 7 ngày trước hạn sơ kết (thứ Tư)', now: new Date('2026-09-23T01:00:00Z') },
  { label: 'thứ Hai trước hạn sơ kết', now: new Date('2026-09-28T01:00:00Z') },
  { label: 'nhắc 1 ngày trước hạn tổng kết', now: new Date('2026-11-14T01:00:00Z') },
  { label: 'sau hạn cuối (thứ Ba)', now: new Date('2026-12-01T03:00:00Z') },
];
const ID = 'fingerprint';
const API_KEY = 'SG.fingerprint-placeholder-key';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

type Campaign = 'demo' | 'bench';

/** Fresh servers with `campaign` set up and loaded as it stands at `now`; runs the jobs and hashes each. */
async function fingerprintMoment(
  campaign: Campaign,
  units: number,
  now: Date,
  dump: string | undefined,
): Promise<Map<string, { hash: string; emails: number }>> {
  const dir = await mkdtemp(path.join(tmpdir(), 'thidua-fingerprint-'));
  const sheets = await startSheetsServer({ port: 0, dataDir: path.join(dir, 'sheets') });
  const mail = await startMailServer({ port: 0, dataDir: path.join(dir, 'mail') });
  try {
    await fetch(new URL(`__admin/spreadsheets/${ID}`, sheets.url), { method: 'PUT' });
    const book = openSpreadsheet({ api: createSheetsClient(sheets.url), spreadsheetId: ID });
    await setupSpreadsheet(book, {});
    if (campaign === 'demo') {
      await seedDemo(book, { now, formBaseUrl: 'http://127.0.0.1:8080/', unitKey: FIXTURE_UNIT_KEY });
    } else {
      await loadGrids(book, toSnapshot(benchCampaign(units, 2026)).tabs);
    }
    await syncTemplates({ apiKey: API_KEY, baseUrl: mail.url });
    const env = {
      SPREADSHEET_ID: ID,
      GOOGLE_SHEETS_ROOT_URL: sheets.url,
      SENDGRID_API_KEY: API_KEY,
      SENDGRID_BASE_URL: mail.url,
      MAIL_FROM: 'thuongtruc@thidua.example.vn',
      UNIT_SECRET_KEY: FIXTURE_UNIT_KEY,
    };
    const runs = new Map<string, number>();
    const normalise = (text: string) =>
      text.replace(UUID, (id) => {
        if (!runs.has(id)) runs.set(id, runs.size + 1);
        return `<lượt ${runs.get(id)}>`;
      });
    const out = new Map<string, { hash: string; emails: number }>();
    for (const job of JOB_NAMES) {
      const before = mail.outbox().length;
      let lines: readonly string[];
      try {
        lines = (await runJob(job, { now, env })).lines;
      } catch (error) {
        lines = [`Lỗi: ${(error as Error).message}`];
      }
      const emails = mail
        .outbox()
        .slice(before)
        .flatMap((m) => {
          const body = m.body as { from?: unknown; reply_to?: unknown; categories?: unknown };
          return m.rendered.map((r) => ({
            from: body.from,
            reply_to: body.reply_to,
            categories: body.categories,
            ...r,
          }));
        })
        .map((e) => JSON.stringify(e))
        .sort();
      const observed = {
        lines: lines.map((l) => l.replace(/^(Bảng tính: ghi \d+ trang), .*$/, '$1')),
        emails,
        // Every tab's values, in the spreadsheet's tab order. Through the access layer, so a keep-alive socket the
        // server reset after a long job (ECONNRESET on a loaded machine) is a network failure, retried like any other.
        tabs: (await readAllTabs(book)).map((t) => [t.tab, t.values]),
      };
      const text = normalise(JSON.stringify(observed, null, 1));
      if (dump) await writeFile(path.join(dump, `${campaign}-${job}-${now.toISOString().slice(0, 10)}.json`), text);
      out.set(job, { hash: createHash('sha256').update(text).digest('hex'), emails: emails.length });
    }
    return out;
  } finally {
    await sheets.close();
    await mail.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { units: { type: 'string', default: '1000' }, dump: { type: 'string' } },
  });
  if (values.dump) await mkdir(values.dump, { recursive: true });
  const units = Number(values.units);
  if (!Number.isInteger(units) || units < 1) {
    process.stderr.write(`Số đơn vị "${values.units}" không hợp lệ; ví dụ --units 1000.\n`);
    process.exit(2);
  }
  const started = performance.now();
  const total = createHash('sha256');
  for (const campaign of ['demo', 'bench'] as const) {
    for (const { label, now } of MOMENTS) {
      const hashes = await fingerprintMoment(campaign, units, now, values.dump);
      for (const [job, { hash, emails }] of hashes) {
        const name = campaign === 'bench' ? `bench ${units}` : 'demo';
        const sent = `${emails} thư`.padStart(9);
        console.log(`${hash}  ${name.padEnd(10)} ${job.padEnd(7)} ${now.toISOString()} ${sent}  ${label}`);
        total.update(`${name} ${job} ${now.toISOString()} ${hash}\n`);
      }
    }
  }
  console.log(`${total.digest('hex')}  tổng`);
  process.stderr.write(`Thời gian: ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}

await main();
