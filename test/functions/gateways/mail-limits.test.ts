// The mail gateway stays inside every SendGrid Mail Send limit of docs/limits.md, whatever the planner hands it:
// checked through HTTP against the strict local server, which refuses or drops what real SendGrid would.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutgoingEmail } from '../../../functions/core/snapshot.ts';
import { createMailGateway, MAX_REQUEST_BYTES, type Envelope } from '../../../functions/gateways/mail.ts';
import { displayName, senderName } from '../../../functions/mail/display-name.ts';
import type { ResponsesData } from '../../../functions/mail/index.ts';
import { MAX_BODY_BYTES, startMailServer, type MailServer } from '../../../scripts/mail-server/index.ts';
import { syncTemplates } from '../../../scripts/sync-templates.ts';

const KEY = 'SG.limits-gateway';
const envelope: Envelope = {
  from: { email: 'thuongtruc@thidua.example.vn', name: 'Thường trực thi đua' },
  categories: ['thidua', 'ingest'],
};
const retry = { retries: 1, baseDelayMs: 1, maxDelayMs: 1, sleep: async () => {}, random: () => 0 };
let server: MailServer;

beforeEach(async () => {
  server = await startMailServer({ dataDir: mkdtempSync(join(tmpdir(), 'thidua-gwl-')), apiKey: KEY });
  await syncTemplates({ apiKey: KEY, baseUrl: server.url });
});
afterEach(() => server.close());

function receipt(key: string, unit: number, extra: Partial<OutgoingEmail> = {}, answer = `DV-${unit}`): OutgoingEmail {
  const data: Partial<ResponsesData> = {
    campaign: 'Phong trào thi đua 2026',
    organisation: 'Công an tỉnh',
    year: '2026',
    unitName: `Đơn vị số ${unit}`,
    unitCode: `DV-${unit}`,
    formTitle: 'Báo cáo tổng kết',
    submittedAt: '01/11/2026 09:00:00',
    answers: [{ question: 'Kết quả nổi bật', answer }],
  };
  return {
    key,
    template: 'receipt',
    to: [{ email: `dv${unit}@example.vn`, name: `Đơn vị số ${unit}` }],
    data,
    ...extra,
  };
}

/** Every email key the server delivered, in order, and whether each was delivered exactly once. */
function delivered(): string[] {
  return server.outbox().flatMap((m) => m.rendered.map((r) => r.email_key!));
}

describe('SendGrid errors page: "Each unique email address in the personalizations array should only be included once"', () => {
  it('five receipts to each of 300 units: every one delivered once, in 5 requests (the fewest that can hold them)', async () => {
    const gateway = createMailGateway({ apiKey: KEY, baseUrl: server.url, retry });
    const emails = Array.from({ length: 300 }, (_, u) =>
      Array.from({ length: 5 }, (_, k) => receipt(`r:${u}:${k}`, u)),
    ).flat();
    const results = await gateway.send(emails, envelope);
    expect([...results.values()].every((r) => r.status === 'sent')).toBe(true);
    expect(delivered().sort()).toEqual(emails.map((e) => e.key).sort());
    expect(server.outbox().map((m) => m.rendered.length)).toEqual([300, 300, 300, 300, 300]);
    expect(server.drops()).toEqual([]);
  });

  it('one leader address copied on every unit’s email: it goes once per request, nothing is refused or lost', async () => {
    const gateway = createMailGateway({ apiKey: KEY, baseUrl: server.url, retry });
    const emails = Array.from({ length: 40 }, (_, u) =>
      receipt(`r:${u}`, u, { cc: [{ email: 'Lanhdao@example.vn', name: 'Lãnh đạo' }] }),
    );
    const results = await gateway.send([...emails, receipt('alone', 99)], envelope);
    expect([...results.values()].every((r) => r.status === 'sent')).toBe(true);
    expect(delivered().sort()).toEqual([...emails.map((e) => e.key), 'alone'].sort());
    for (const message of server.outbox())
      expect(message.rendered.filter((r) => r.cc.length > 0).length).toBeLessThanOrEqual(1);
    expect(server.requestCount()).toBe(40);
  });

  it('no repeats: ⌈n ÷ 1,000⌉ requests, as before', async () => {
    const gateway = createMailGateway({ apiKey: KEY, baseUrl: server.url, retry });
    await gateway.send(
      Array.from({ length: 2001 }, (_, u) => receipt(`r:${u}`, u)),
      envelope,
    );
    expect(server.outbox().map((m) => m.rendered.length)).toEqual([1000, 1000, 1]);
  });
});

describe('SendGrid limitations: "The to.name, cc.name, and bcc.name personalizations cannot include either the ; or , characters"', () => {
  it('a unit name with a comma, a semicolon or a line break is cleaned once, and the email is delivered, not dropped', async () => {
    const gateway = createMailGateway({ apiKey: KEY, baseUrl: server.url, retry });
    const email = receipt('so', 1, {
      to: [{ email: 'so-vhttdl@example.vn', name: 'Sở Văn hóa, Thể thao và Du lịch' }],
      cc: [{ email: 'lanhdao@example.vn', name: 'Giám đốc;\r\nSở VHTTDL' }],
    });
    expect((await gateway.send([email], envelope)).get('so')).toEqual({ status: 'sent' });
    expect(server.drops()).toEqual([]);
    const [seen] = server.outbox()[0].rendered;
    expect(seen.to).toEqual([{ email: 'so-vhttdl@example.vn', name: 'Sở Văn hóa Thể thao và Du lịch' }]);
    expect(seen.cc).toEqual([{ email: 'lanhdao@example.vn', name: 'Giám đốc Sở VHTTDL' }]);
  });

  it.each([
    ['Sở Văn hóa, Thể thao và Du lịch', 'Sở Văn hóa Thể thao và Du lịch'],
    ['A;B', 'A B'],
    [' \r\n ', undefined],
    ['Tổ\tbảo vệ\n số 1', 'Tổ bảo vệ số 1'],
  ])('displayName(%j) = %j', (name, expected) => {
    expect(displayName(name)).toBe(expected);
  });
});

describe('SendGrid limitations: "Unicode encoding is not supported for the from field"', () => {
  it('the sender name goes out in ASCII, so no request is dropped for it', async () => {
    const gateway = createMailGateway({ apiKey: KEY, baseUrl: server.url, retry });
    await gateway.send([receipt('r', 1)], {
      ...envelope,
      from: { email: 'thuongtruc@thidua.example.vn', name: 'Đội Thường trực, Phòng PV01' },
    });
    expect(server.outbox()[0].body).toMatchObject({
      from: { email: 'thuongtruc@thidua.example.vn', name: 'Doi Thuong truc Phong PV01' },
    });
    expect(delivered()).toEqual(['r']);
    expect(server.drops()).toEqual([]);
    expect(senderName('Thường trực phong trào Toàn dân bảo vệ an ninh Tổ quốc')).toBe(
      'Thuong truc phong trao Toan dan bao ve an ninh To quoc',
    );
    expect(senderName('中文')).toBeUndefined();
  });
});

describe('SendGrid limitations: "The total size of your email, including attachments, must be less than 30MB"', () => {
  it('requests are capped by bytes as well as by count: receipts embedding 5,000-character answers split by size', async () => {
    const cap = 60_000;
    const gateway = createMailGateway({ apiKey: KEY, baseUrl: server.url, retry, maxRequestBytes: cap });
    const emails = Array.from({ length: 30 }, (_, u) => receipt(`r:${u}`, u, {}, 'Đ'.repeat(5_000)));
    const results = await gateway.send(emails, envelope);
    expect([...results.values()].every((r) => r.status === 'sent')).toBe(true);
    expect(delivered()).toEqual(emails.map((e) => e.key));
    expect(server.requestCount()).toBeGreaterThan(2);
    expect(server.largestMailSendBytes()).toBeLessThanOrEqual(cap);
    expect(server.largestMailSendBytes()).toBeGreaterThan(cap - 11_000); // requests are filled, not one email each
    expect(MAX_REQUEST_BYTES).toBeLessThan(MAX_BODY_BYTES);
  });

  it('an email larger than our request cap goes alone in a request of its own; the others are still batched', async () => {
    const gateway = createMailGateway({ apiKey: KEY, baseUrl: server.url, retry, maxRequestBytes: 8_000 });
    const emails = [receipt('small', 1), receipt('big', 2, {}, 'x'.repeat(9_000)), receipt('small2', 3)];
    const results = await gateway.send(emails, envelope);
    expect([...results.values()]).toEqual([{ status: 'sent' }, { status: 'sent' }, { status: 'sent' }]);
    expect(delivered().sort()).toEqual(['big', 'small', 'small2']);
    expect(server.requestCount()).toBe(2);
    expect(server.largestMailSendBytes()).toBeGreaterThan(9_000);
  });

  it("SendGrid's recommended message size limit (20 MB): a larger email fails alone; the others are sent", async () => {
    const gateway = createMailGateway({
      apiKey: KEY,
      baseUrl: server.url,
      retry,
      maxRequestBytes: 8_000,
      maxEmailBytes: 12_000,
    });
    const results = await gateway.send([receipt('small', 1), receipt('huge', 2, {}, 'x'.repeat(13_000))], envelope);
    expect(results.get('small')).toEqual({ status: 'sent' });
    expect(results.get('huge')).toMatchObject({ status: 'failed', error: expect.stringContaining('12000-byte limit') });
    expect(delivered()).toEqual(['small']);
  });
});

describe('SendGrid limits of the envelope: reply_to, custom_args, categories', () => {
  it('a malformed reply-to is left out rather than have SendGrid refuse every request ("The reply_to object, when used, must at least have an email parameter with a valid email address…")', async () => {
    const gateway = createMailGateway({ apiKey: KEY, baseUrl: server.url, retry });
    const results = await gateway.send([receipt('r', 1)], {
      ...envelope,
      replyTo: { email: 'phongtrao.pv01@example' },
    });
    expect(results.get('r')).toEqual({ status: 'sent' });
    expect(server.outbox()[0].body).not.toHaveProperty('reply_to');
    await gateway.send([receipt('r2', 2)], { ...envelope, replyTo: { email: ' phongtrao.pv01@example.vn ' } });
    expect(server.outbox()[1].body).toMatchObject({ reply_to: { email: 'phongtrao.pv01@example.vn' } });
  });

  it('an address over 320 characters fails its email alone ("The To email exceeds the maximum total length of 320 characters")', async () => {
    const gateway = createMailGateway({ apiKey: KEY, baseUrl: server.url, retry });
    const long = `${'a'.repeat(64)}@${Array.from({ length: 5 }, () => 'b'.repeat(60)).join('.')}.vn`;
    const results = await gateway.send([receipt('long', 1, { to: [{ email: long }] }), receipt('ok', 2)], envelope);
    expect(results.get('long')).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('Invalid recipient address'),
    });
    expect(results.get('ok')).toEqual({ status: 'sent' });
  });

  it('an email key past custom_args’ 10,000 bytes fails alone; categories are kept to 10 unique ASCII ones', async () => {
    const gateway = createMailGateway({ apiKey: KEY, baseUrl: server.url, retry });
    const categories = ['thidua', 'thidua', 'thi đua', ...Array.from({ length: 12 }, (_, i) => `c${i}`)];
    const results = await gateway.send([receipt('k'.repeat(10_000), 1), receipt('ok', 2)], { ...envelope, categories });
    expect(results.get('k'.repeat(10_000))).toMatchObject({ status: 'failed' });
    expect(results.get('ok')).toEqual({ status: 'sent' });
    expect((server.outbox()[0].body as { categories: string[] }).categories).toEqual([
      'thidua',
      'c0',
      'c1',
      'c2',
      'c3',
      'c4',
      'c5',
      'c6',
      'c7',
      'c8',
    ]);
  });
});
