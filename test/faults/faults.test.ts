// Fault injection on the local servers: 429 storms, 5xx, timeouts, crashes and overlapping runs never lose a
// response nor send an email twice, and the next run completes the work.
import { afterEach, describe, expect, it } from 'vitest';
import { TAB } from '../../sheets-schema/index.ts';
import { applyPlan } from '../../functions/jobs/apply.ts';
import type { MailSender } from '../../functions/gateways/mail.ts';
import { planJob } from '../../functions/jobs/jobs.ts';
import { createMailGateway } from '../../functions/gateways/mail.ts';
import { createSheetsClient } from '../../functions/gateways/sheets-client.ts';
import { createSheetsGateway } from '../../functions/gateways/sheets.ts';
import { TABS } from '../../sheets-schema/index.ts';
import { benchCampaign, FIXTURE_UNIT_KEY, toSnapshot } from '../../scripts/bench/campaign.ts';
import type { Cell } from '../../functions/core/cells.ts';
import { SPREADSHEET_ID, startCampaignStack, type CampaignStack } from './campaign-stack.ts';
import { deliveries, expectEveryResponseChecked, expectNoDuplicateEmails, expectWorkComplete } from './invariants.ts';

const NOW = new Date('2026-12-01T03:00:00Z');
/** 8 units × 5 responses, plus one invalid registration so "please fix" emails are in play. */
function campaign(): Map<string, Cell[][]> {
  const tabs = benchCampaign(8, 2026);
  const reg = tabs.get(TAB.registration)!;
  reg.push({ ...reg[0], 'Dấu thời gian': '20/03/2026 08:00:00', 'Nội dung cam kết': '' });
  return toSnapshot(tabs).tabs as Map<string, Cell[][]>;
}
const FAST = { retries: 5, baseDelayMs: 5, maxDelayMs: 20 };

let stack: CampaignStack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

async function fresh(grids = campaign()): Promise<CampaignStack> {
  stack = await startCampaignStack(grids);
  return stack;
}

async function expectAllGood(s: CampaignStack): Promise<void> {
  await expectEveryResponseChecked(s);
  expectNoDuplicateEmails(s);
  await expectWorkComplete(s);
}

describe('faults on the Sheets API', () => {
  it('a 429 storm on the snapshot read is waited out (Retry-After honoured) and the run completes', async () => {
    const s = await fresh();
    s.sheets.faults.inject({ status: 429, count: 3, methods: ['values.batchGet'], retryAfterSec: 0 });
    const summary = await s.run('ingest', NOW);
    // Sheet list and values read, grids sized on this first run, the tabs' write, append, read-back, the statuses'
    // write; three refusals.
    expect(summary.sheetsCalls).toBe(7 + 3);
    await expectAllGood(s);
    expect(deliveries(s).size).toBeGreaterThan(0);
  });

  it('5xx answers on the snapshot read and on the read-back of the claims are retried; every email goes once', async () => {
    const s = await fresh();
    s.sheets.faults.inject({ status: 503, count: 2, methods: ['values.batchGet'] });
    const sheets = createSheetsGateway({
      api: createSheetsClient(s.sheets.url),
      spreadsheetId: SPREADSHEET_ID,
      retry: FAST,
    });
    const mail = createMailGateway({ apiKey: String(s.env.SENDGRID_API_KEY), baseUrl: s.mail.url, retry: FAST });
    const snapshot = await sheets.readSnapshot([...TABS.map((t) => t.name)]);
    // Two refused values reads and the one that went through, beside the sheet list.
    expect(sheets.calls()).toBe(4);
    const { plan } = planJob('ingest', snapshot, NOW, FIXTURE_UNIT_KEY);
    // The next values.batchGet is the read-back of the claims this run appends.
    s.sheets.faults.inject({ status: 500, count: 2, methods: ['values.batchGet'] });
    const ctx = {
      sheets,
      mail,
      envelope: { from: { email: 'thuongtruc@thidua.example.vn' }, categories: ['thidua'] },
      now: NOW,
      timeZone: 'Asia/Ho_Chi_Minh',
      dryRun: false,
    };
    const result = await applyPlan(ctx, snapshot, plan, new Map());
    expect(result.sent).toBe(plan.emails.length);
    // The reads; the grids, the tabs' write and the append; the read-back and its two refusals; the statuses' write.
    expect(sheets.calls()).toBe(4 + 1 + 1 + 1 + 3 + 1);
    await expectAllGood(s);
  });

  it('500s on the claim append and the writes are retried', async () => {
    const s = await fresh();
    s.sheets.faults.inject({ status: 500, count: 2, methods: ['values.append'] });
    s.sheets.faults.inject({ status: 503, count: 2, methods: ['values.batchUpdate'] });
    await s.run('ingest', NOW);
    await expectAllGood(s);
  });

  it('a crash between the snapshot and the write (writes failing past every retry) loses nothing; the next run completes', async () => {
    const s = await fresh();
    s.sheets.faults.inject({ status: 500, count: 50, methods: ['values.append', 'values.batchUpdate'] });
    await expect(s.run('ingest', NOW)).rejects.toThrow(/500/);
    expect(deliveries(s).size).toBe(0);
    s.sheets.faults.clear();
    await s.run('ingest', NOW);
    await expectAllGood(s);
  });

  it("the statuses' write failing after the mails went out leaves claims in doubt, never resent", async () => {
    const s = await fresh();
    // The tabs' write, before the claims, goes through (a fault that only delays it); the statuses' write does not.
    s.sheets.faults.inject({ latencyMs: 1, count: 1, methods: ['values.batchUpdate'] });
    s.sheets.faults.inject({ status: 503, count: 50, methods: ['values.batchUpdate'] });
    await expect(s.run('ingest', NOW)).rejects.toThrow(/503/);
    const sent = deliveries(s).size;
    expect(sent).toBeGreaterThan(0);
    s.sheets.faults.clear();
    const next = await s.run('ingest', NOW);
    expect(next.mailRequests).toBe(0);
    expect(next.lines.join('\n')).toContain(`chưa rõ kết quả ${sent}`);
    await expectAllGood(s);
  });

  it('an answer slower than the client timeout counts as a failure and is retried', async () => {
    const s = await fresh();
    s.sheets.faults.inject({ latencyMs: 1500, count: 1, methods: ['values.batchGet'] });
    const sheets = createSheetsGateway({
      api: createSheetsClient(s.sheets.url),
      spreadsheetId: SPREADSHEET_ID,
      timeoutMs: 300,
      retry: FAST,
    });
    const snapshot = await sheets.readSnapshot(TABS.map((t) => t.name));
    expect(sheets.calls()).toBe(1 + 2);
    expect(snapshot.tabs.get(TAB.registration)?.length).toBe(10);
  });
});

describe('faults on SendGrid', () => {
  it('a 429 storm on mail sends is waited out and every email goes once', async () => {
    const s = await fresh();
    s.mail.faults.inject({ status: 429, count: 3, retryAfterSec: 0 });
    await s.run('ingest', NOW);
    await expectAllGood(s);
  });

  it('sends failing past every retry are logged `Lỗi` and sent by the next run', async () => {
    const s = await fresh();
    s.mail.faults.inject({ status: 500, count: 100 });
    const first = await s.run('ingest', NOW);
    expect(first.lines.join('\n')).toMatch(/đã gửi 0, lỗi [1-9]/);
    expect(deliveries(s).size).toBe(0);
    s.mail.faults.clear();
    const second = await s.run('ingest', NOW);
    expect(second.lines.join('\n')).toMatch(/đã gửi [1-9]\d*, lỗi 0/);
    await expectAllGood(s);
  });

  it('a crash after SendGrid accepted a batch but before its log write: claims stay `Đang gửi`, nothing is resent', async () => {
    // In-process: the crash comes the instant SendGrid has answered, before apply does anything else. kill.test.ts
    // kills a real job process (SIGKILL) at the statuses' write, which leaves the same state on both servers.
    const s = await fresh();
    const sheets = createSheetsGateway({
      api: createSheetsClient(s.sheets.url),
      spreadsheetId: SPREADSHEET_ID,
      retry: FAST,
    });
    const mail = createMailGateway({ apiKey: String(s.env.SENDGRID_API_KEY), baseUrl: s.mail.url, retry: FAST });
    const crashing: MailSender = {
      async send(emails, envelope) {
        await mail.send(emails, envelope);
        throw new Error('process killed after the send');
      },
    };
    const snapshot = await sheets.readSnapshot([...TABS.map((t) => t.name)]);
    const { plan } = planJob('ingest', snapshot, NOW, FIXTURE_UNIT_KEY);
    const ctx = {
      sheets,
      mail: crashing,
      envelope: { from: { email: 'thuongtruc@thidua.example.vn' }, categories: ['thidua'] },
      now: NOW,
      timeZone: 'Asia/Ho_Chi_Minh',
      dryRun: false,
    };
    await expect(applyPlan(ctx, snapshot, plan, new Map())).rejects.toThrow('process killed');
    const sent = deliveries(s).size;
    expect(sent).toBeGreaterThan(0);
    const next = await s.run('ingest', NOW);
    expect(next.mailRequests).toBe(0);
    await expectAllGood(s);
    expect(deliveries(s).size).toBe(sent);
  });
});

describe('overlapping runs', () => {
  it('two ingest runs at once send each email once and both leave every response checked', async () => {
    const s = await fresh();
    const results = await Promise.allSettled([s.run('ingest', NOW), s.run('ingest', NOW)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    await expectEveryResponseChecked(s);
    expectNoDuplicateEmails(s);
    await s.run('ingest', NOW);
    await expectAllGood(s);
  });

  it('two remind runs at once send each reminder once', async () => {
    const tabs = benchCampaign(8, 2026);
    tabs.set(TAB.registration, tabs.get(TAB.registration)!.slice(0, 3)); // five units have not registered yet
    for (const form of [TAB.interim, TAB.final, TAB.nominations]) tabs.set(form, []);
    const s = await fresh(toSnapshot(tabs).tabs as Map<string, Cell[][]>);
    const march = new Date('2026-03-28T02:00:00Z'); // 3 days before the 31/03 registration deadline
    await Promise.all([s.run('remind', march), s.run('remind', march)]);
    const reminders = [...deliveries(s).keys()].filter((k) => !k.startsWith('ingest|'));
    expect(reminders.length).toBeGreaterThanOrEqual(5);
    expectNoDuplicateEmails(s);
    await s.run('remind', march);
    expectNoDuplicateEmails(s);
    await expectWorkComplete(s);
  });
});
