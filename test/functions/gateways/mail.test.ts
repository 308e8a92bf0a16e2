import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutgoingEmail } from '../../../functions/core/snapshot.ts';
import { createMailGateway } from '../../../functions/gateways/mail.ts';
import type { RetryPolicy } from '../../../functions/gateways/retry.ts';
import { loadTemplates, type ResponsesData } from '../../../functions/mail/index.ts';
import { startMailServer, type MailServer } from '../../../scripts/mail-server/index.ts';
import { syncTemplates } from '../../../scripts/sync-templates.ts';

const KEY = 'SG.gateway-test';
const envelope = {
  from: { email: 'thuongtruc@thidua.example.vn', name: 'Thường trực thi đua' },
  categories: ['thidua', 'ingest'],
};
let server: MailServer;
let slept: number[];
let retry: RetryPolicy;

beforeEach(async () => {
  server = await startMailServer({ dataDir: mkdtempSync(join(tmpdir(), 'thidua-gw-')), apiKey: KEY });
  await syncTemplates({ apiKey: KEY, baseUrl: server.url });
  slept = [];
  retry = { retries: 3, baseDelayMs: 1, maxDelayMs: 60_000, sleep: async (ms) => void slept.push(ms), random: () => 0 };
});
afterEach(() => server.close());

function receipt(i: number): OutgoingEmail {
  const data: Partial<ResponsesData> = {
    campaign: 'Phong trào thi đua 2025',
    organisation: 'Công an tỉnh',
    year: '2025',
    unitName: `Đơn vị số ${i}`,
    unitCode: `DV-${i}`,
    formTitle: 'Đăng ký thi đua',
    submittedAt: '01/03/2025 09:00:00',
    answers: [{ question: 'Mã đơn vị', answer: `DV-${i}` }],
  };
  return {
    key: `receipt:${i}`,
    template: 'receipt',
    to: [{ email: `dv${i}@example.vn`, name: `Đơn vị số ${i}` }],
    data,
  };
}

describe('MailGateway.send', () => {
  it('sends 2,500 emails in 3 requests, each recipient reading their own email', async () => {
    const gateway = createMailGateway({ apiKey: KEY, baseUrl: server.url, retry });
    const emails = Array.from({ length: 2500 }, (_, i) => receipt(i));
    const results = await gateway.send(emails, envelope);
    expect([...results.values()].every((r) => r.status === 'sent')).toBe(true);
    expect(results.size).toBe(2500);
    expect(server.requestCount()).toBe(3);
    expect(gateway.requests()).toBe(3);
    const outbox = server.outbox();
    expect(outbox.map((m) => m.rendered.length)).toEqual([1000, 1000, 500]);
    const byKey = new Map(outbox.flatMap((m) => m.rendered).map((r) => [r.email_key, r]));
    const templates = loadTemplates();
    for (const i of [0, 999, 1000, 2499]) {
      const seen = byKey.get(`receipt:${i}`)!;
      expect(seen.to).toEqual([{ email: `dv${i}@example.vn`, name: `Đơn vị số ${i}` }]);
      expect(seen.subject).toBe(`[Phong trào thi đua 2025] Xác nhận đã nhận: Đăng ký thi đua – Đơn vị số ${i}`);
      expect({ subject: seen.subject, html: seen.html, text: seen.text }).toEqual(
        templates.render('receipt', emails[i].data),
      );
    }
    expect(outbox[0].body).toMatchObject({
      from: { email: envelope.from.email },
      categories: ['thidua', 'ingest'],
      template_id: expect.stringMatching(/^d-/),
    });
  });

  it('takes emails one at a time and sends each template’s request as soon as it is full, holding 1,000 at most', async () => {
    const gateway = createMailGateway({ apiKey: KEY, baseUrl: server.url, retry });
    // Requests already sent when the gateway asks for the email at each position.
    const sentBefore: number[] = [];
    function* emails(): Generator<OutgoingEmail> {
      for (let i = 0; i < 2500; i++) {
        sentBefore.push(gateway.requests());
        yield i % 2 === 0
          ? receipt(i)
          : { ...receipt(i), template: 'fix-request', data: { ...receipt(i).data, errors: ['Thiếu "Mã đơn vị".'] } };
      }
    }
    const results = await gateway.send(emails(), envelope);
    expect(results.size).toBe(2500);
    // Each template's 1,000th email (the 1,999th and 2,000th taken) sends its request before the next email is asked
    // for.
    expect(sentBefore[1998]).toBe(0);
    expect(sentBefore[1999]).toBe(1);
    expect(sentBefore[2000]).toBe(2);
    expect(server.outbox().map((m) => m.rendered.length)).toEqual([1000, 1000, 250, 250]);
  });

  it('groups by template, one request each', async () => {
    const gateway = createMailGateway({ apiKey: KEY, baseUrl: server.url, retry });
    const errors = ['Thiếu "Mã đơn vị".'];
    const submissions = [
      { formTitle: 'Đăng ký thi đua', submittedAt: '01/03/2025 09:00:00', valid: false, answers: [], errors },
    ];
    const fix: OutgoingEmail = {
      ...receipt(9),
      key: 'fix:9',
      template: 'fix-request',
      data: { ...receipt(9).data, errors, submissions },
    };
    await gateway.send([receipt(1), fix, receipt(2)], envelope);
    expect(server.outbox().map((m) => m.rendered.map((r) => r.email_key))).toEqual([
      ['receipt:1', 'receipt:2'],
      ['fix:9'],
    ]);
    expect(server.outbox()[1].rendered[0].text).toContain('- Thiếu "Mã đơn vị".');
  });

  it('retries after an injected 429, waiting at least Retry-After', async () => {
    server.faults.inject({ status: 429, count: 1, retryAfterSec: 2 });
    const gateway = createMailGateway({ apiKey: KEY, baseUrl: server.url, retry });
    const results = await gateway.send([receipt(1)], envelope);
    expect(results.get('receipt:1')).toEqual({ status: 'sent' });
    expect(slept).toEqual([2000]);
    expect(server.requestCount()).toBe(2);
    expect(server.outbox()).toHaveLength(1);
  });

  it('marks every email of a request that finally fails as failed, and does not throw', async () => {
    server.faults.inject({ status: 503, count: 100 });
    const gateway = createMailGateway({ apiKey: KEY, baseUrl: server.url, retry });
    const results = await gateway.send([receipt(1), receipt(2)], envelope);
    for (const key of ['receipt:1', 'receipt:2']) {
      expect(results.get(key)).toEqual({ status: 'failed', error: 'SendGrid API error - [503] service unavailable' });
    }
    expect(server.requestCount()).toBe(4); // the first try and 3 retries
    expect(server.outbox()).toHaveLength(0);
  });

  it('does not retry a 400, and reports SendGrid’s messages', async () => {
    server.faults.inject({ status: 400, count: 1 });
    const gateway = createMailGateway({ apiKey: KEY, baseUrl: server.url, retry });
    const results = await gateway.send([receipt(1)], envelope);
    expect(results.get('receipt:1')).toEqual({ status: 'failed', error: 'SendGrid API error - [400] Bad Request' });
    expect(server.requestCount()).toBe(1);
  });

  it('fails only the emails with a bad address or an unknown template', async () => {
    const gateway = createMailGateway({ apiKey: KEY, baseUrl: server.url, retry });
    const bad: OutgoingEmail = { ...receipt(2), key: 'bad', to: [{ email: 'khong-phai-email' }] };
    const unknown: OutgoingEmail = { ...receipt(3), key: 'unknown', template: 'digest-x' };
    const results = await gateway.send([receipt(1), bad, unknown], envelope);
    expect(results.get('receipt:1')).toEqual({ status: 'sent' });
    expect(results.get('bad')).toEqual({ status: 'failed', error: "Invalid recipient address 'khong-phai-email'" });
    expect(results.get('unknown')).toEqual({
      status: 'failed',
      error: "SendGrid has no template 'thidua-digest-x': run npm run sync-templates",
    });
  });

  it('drops a cc that repeats a to address rather than have the request refused', async () => {
    const gateway = createMailGateway({ apiKey: KEY, baseUrl: server.url, retry });
    const email: OutgoingEmail = { ...receipt(1), cc: [{ email: 'DV1@example.vn' }, { email: 'lanhdao@example.vn' }] };
    expect((await gateway.send([email], envelope)).get('receipt:1')).toEqual({ status: 'sent' });
    expect(server.outbox()[0].rendered[0].cc).toEqual([{ email: 'lanhdao@example.vn' }]);
  });

  it('keeps gateways independent: each its own key and base URL', async () => {
    const other = await startMailServer({ dataDir: mkdtempSync(join(tmpdir(), 'thidua-gw2-')), apiKey: 'SG.other' });
    try {
      await syncTemplates({ apiKey: 'SG.other', baseUrl: other.url });
      const a = createMailGateway({ apiKey: KEY, baseUrl: server.url, retry });
      const b = createMailGateway({ apiKey: 'SG.other', baseUrl: other.url, retry });
      await a.send([receipt(1)], envelope);
      await b.send([receipt(2)], envelope);
      expect(server.outbox().map((m) => m.rendered[0].email_key)).toEqual(['receipt:1']);
      expect(other.outbox().map((m) => m.rendered[0].email_key)).toEqual(['receipt:2']);
    } finally {
      await other.close();
    }
  });
});
