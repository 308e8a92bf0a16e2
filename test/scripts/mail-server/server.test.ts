import { appendFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@sendgrid/client';
import { MailService } from '@sendgrid/mail';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startMailServer, type MailServer } from '../../../scripts/mail-server/index.ts';

const KEY = 'SG.test-key';
const JSON_TYPE = { 'content-type': 'application/json' };
let server: MailServer;
let dataDir: string;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'thidua-mail-'));
  server = await startMailServer({ dataDir, apiKey: KEY });
});
afterEach(() => server.close());

/** The official client, pointed at our server (base URL set after the key, which resets it). */
function official(apiKey: string | null = KEY): { mail: MailService; client: Client } {
  const client = new Client();
  if (apiKey !== null) client.setApiKey(apiKey);
  client.setDefaultRequest('baseUrl', `${server.url}/`);
  const mail = new MailService();
  mail.setClient(client);
  return { mail, client };
}

interface Rejection {
  code: number;
  response: { body: { errors: { message: string; field: string | null; help: string | null }[] } };
}
async function rejection(promise: Promise<unknown>): Promise<Rejection> {
  try {
    await promise;
  } catch (error) {
    return error as Rejection;
  }
  throw new Error('expected the request to be rejected');
}
const fields = (r: Rejection) => r.response.body.errors.map((e) => e.field);

const valid = {
  from: { email: 'thuongtruc@thidua.example.vn' },
  to: 'donvi@example.vn',
  subject: 'Thử',
  text: 'Nội dung',
  html: '<p>Nội dung</p>',
};

describe('POST /v3/mail/send through @sendgrid/mail', () => {
  it('accepts a valid message: 202, X-Message-Id, stored with the body as sent', async () => {
    const [response] = await official().mail.send({ ...valid, customArgs: { email_key: 'k-1' } });
    expect(response.statusCode).toBe(202);
    const id = response.headers['x-message-id'];
    expect(id).toMatch(/^[\w-]{22}$/);
    const [stored] = server.outbox();
    expect(stored.id).toBe(id);
    expect(stored.body).toMatchObject({ subject: 'Thử', personalizations: [{ to: [{ email: 'donvi@example.vn' }] }] });
    expect(stored.rendered).toEqual([
      {
        to: [{ email: 'donvi@example.vn' }],
        cc: [],
        subject: 'Thử',
        html: '<p>Nội dung</p>',
        text: 'Nội dung',
        email_key: 'k-1',
      },
    ]);
  });

  it('401 without an Authorization header, and with a wrong key', async () => {
    const missing = await rejection(official(null).mail.send(valid));
    expect(missing.code).toBe(401);
    expect(missing.response.body.errors[0].message).toBe('authorization required');
    const wrong = await rejection(official('SG.wrong').mail.send(valid));
    expect(wrong.code).toBe(401);
    expect(wrong.response.body.errors).toEqual([
      { message: 'The provided authorization grant is invalid, expired, or revoked', field: null, help: null },
    ]);
    expect(server.outbox()).toHaveLength(0);
  });

  it.each([
    ['no sender', { ...valid, from: undefined }, ['from.email']],
    ['an invalid sender', { ...valid, from: 'not-an-address' }, ['from.email']],
    ['an invalid recipient', { ...valid, to: 'donvi.example.vn' }, ['personalizations.0.to.0.email']],
    ['no personalization', { ...valid, to: undefined, personalizations: [] }, ['personalizations']],
    [
      'a personalization without to',
      { ...valid, to: undefined, personalizations: [{ cc: [{ email: 'a@example.vn' }] }] },
      ['personalizations.0.to'],
    ],
    ['the same address in to and cc', { ...valid, to: 'a@example.vn', cc: 'A@example.vn' }, ['personalizations.0']],
    ['no subject', { ...valid, subject: undefined }, ['subject']],
    ['no content and no template', { from: valid.from, to: valid.to, subject: 'S' }, ['content']],
    [
      'an unknown template',
      { from: valid.from, to: valid.to, templateId: 'd-0123456789abcdef0123456789abcdef' },
      ['template_id', 'subject'],
    ],
  ])('400 for %s, naming the field', async (_, message, expected) => {
    const r = await rejection(official().mail.send(message as never));
    expect(r.code).toBe(400);
    expect(fields(r)).toEqual(expected);
    for (const e of r.response.body.errors) expect(e.message.length).toBeGreaterThan(10);
    expect(server.outbox()).toHaveLength(0);
  });

  it('400 for more than 1,000 personalizations', async () => {
    const personalizations = Array.from({ length: 1001 }, (_, i) => ({ to: [{ email: `u${i}@example.vn` }] }));
    const r = await rejection(official().mail.send({ ...valid, to: undefined, personalizations }));
    expect(r.code).toBe(400);
    expect(r.response.body.errors[0]).toMatchObject({
      field: 'personalizations',
      message: expect.stringContaining('You have provided 1001 personalizations'),
    });
  });

  it('sandbox mode: validated, 200, nothing stored', async () => {
    const [response] = await official().mail.send({ ...valid, mailSettings: { sandboxMode: { enable: true } } });
    expect(response.statusCode).toBe(200);
    expect(server.outbox()).toHaveLength(0);
    const r = await rejection(
      official().mail.send({ ...valid, subject: undefined, mailSettings: { sandboxMode: { enable: true } } }),
    );
    expect(r.code).toBe(400);
  });

  it('renders each personalization with the active template version, escaping HTML', async () => {
    const { client, mail } = official();
    const [, template] = await client.request({
      method: 'POST',
      url: '/v3/templates',
      body: { name: 'thidua-x', generation: 'dynamic' },
    });
    const id = (template as { id: string }).id;
    expect(id).toMatch(/^d-[0-9a-f]{32}$/);
    await client.request({
      method: 'POST',
      url: `/v3/templates/${id}/versions`,
      body: {
        name: 'v1',
        subject: 'Chào {{{name}}}',
        html_content: '<p>{{name}}</p>',
        plain_content: 'Chào {{{name}}}',
        active: 1,
      },
    });
    await mail.send({
      from: valid.from,
      templateId: id,
      personalizations: [
        { to: 'a@example.vn', dynamicTemplateData: { name: '<script>x</script>' }, customArgs: { email_key: 'a' } },
        {
          to: 'b@example.vn',
          cc: 'c@example.vn',
          dynamicTemplateData: { name: 'Bình "B"' },
          customArgs: { email_key: 'b' },
        },
      ],
    });
    const rendered = server.outbox()[0].rendered;
    expect(rendered[0]).toMatchObject({
      subject: 'Chào <script>x</script>',
      html: '<p>&lt;script&gt;x&lt;/script&gt;</p>',
      email_key: 'a',
    });
    expect(rendered[1]).toMatchObject({
      to: [{ email: 'b@example.vn' }],
      cc: [{ email: 'c@example.vn' }],
      text: 'Chào Bình "B"',
      email_key: 'b',
    });
  });
});

describe('templates API', () => {
  it('lists dynamic templates in SendGrid’s shape, page by page', async () => {
    const { client } = official();
    for (const name of ['a', 'b', 'c'])
      await client.request({ method: 'POST', url: '/v3/templates', body: { name, generation: 'dynamic' } });
    await client.request({ method: 'POST', url: '/v3/templates', body: { name: 'legacy' } });
    const [, page1] = await client.request({
      method: 'GET',
      url: '/v3/templates',
      qs: { generations: 'dynamic', page_size: 2 },
    });
    const body = page1 as {
      result: { name: string; generation: string }[];
      _metadata: { count: number; next?: string; self: string };
    };
    expect(body.result.map((t) => t.name)).toEqual(['a', 'b']);
    expect(body._metadata.count).toBe(3);
    const [, page2] = await client.request({
      method: 'GET',
      url: new URL(body._metadata.next!).pathname + new URL(body._metadata.next!).search,
    });
    expect((page2 as typeof body).result.map((t) => t.name)).toEqual(['c']);
  });

  it('keeps one active version: a new active version deactivates the previous one; PATCH edits it', async () => {
    const { client } = official();
    const [, t] = await client.request({
      method: 'POST',
      url: '/v3/templates',
      body: { name: 't', generation: 'dynamic' },
    });
    const id = (t as { id: string }).id;
    const version = (name: string) => ({
      method: 'POST' as const,
      url: `/v3/templates/${id}/versions`,
      body: { name, subject: name, active: 1 },
    });
    const [, v1] = await client.request(version('v1'));
    await client.request(version('v2'));
    await client.request({
      method: 'PATCH',
      url: `/v3/templates/${id}/versions/${(v1 as { id: string }).id}`,
      body: { subject: 'sửa' },
    });
    const [, detail] = await client.request({ method: 'GET', url: `/v3/templates/${id}` });
    expect((detail as { versions: { name: string; active: number; subject: string }[] }).versions).toMatchObject([
      { name: 'v1', active: 0, subject: 'sửa' },
      { name: 'v2', active: 1, subject: 'v2' },
    ]);
  });
});

describe('persistence and faults', () => {
  it('keeps templates and the outbox across a restart', async () => {
    const { client, mail } = official();
    await client.request({ method: 'POST', url: '/v3/templates', body: { name: 'kept', generation: 'dynamic' } });
    await mail.send(valid);
    await server.close();
    server = await startMailServer({ dataDir, apiKey: KEY });
    expect(server.outbox()).toHaveLength(1);
    const [, list] = await official().client.request({
      method: 'GET',
      url: '/v3/templates',
      qs: { generations: 'dynamic', page_size: 10 },
    });
    expect((list as { result: { name: string }[] }).result.map((t) => t.name)).toEqual(['kept']);
    const outbox = (await (await fetch(`${server.url}/outbox`)).json()) as { id: string }[];
    expect(outbox.map((m) => m.id)).toEqual(server.outbox().map((m) => m.id));
  });

  it('survives a write torn by kill -9: the torn line is skipped and later messages are kept', async () => {
    const { mail } = official();
    await mail.send(valid);
    await server.close();
    appendFileSync(join(dataDir, 'outbox.jsonl'), '{"id":"torn","rece');
    server = await startMailServer({ dataDir, apiKey: KEY });
    await official().mail.send(valid);
    await server.close();
    server = await startMailServer({ dataDir, apiKey: KEY });
    expect(server.outbox()).toHaveLength(2);
  });

  it('answers injected faults over HTTP, with Retry-After, then recovers; counts requests', async () => {
    const injected = await fetch(`${server.url}/__admin/faults`, {
      method: 'POST',
      headers: JSON_TYPE,
      body: JSON.stringify({ status: 429, count: 2, retryAfterSec: 3 }),
    });
    expect(injected.status).toBe(201);
    const { mail } = official();
    for (let i = 0; i < 2; i++) {
      const r = await rejection(mail.send(valid));
      expect(r.code).toBe(429);
      expect((r as unknown as { response: { headers: Record<string, string> } }).response.headers['retry-after']).toBe(
        '3',
      );
    }
    await mail.send(valid);
    server.faults.inject({ status: 503, count: 5 });
    expect((await rejection(mail.send(valid))).code).toBe(503);
    await fetch(`${server.url}/__admin/faults`, { method: 'DELETE' });
    await mail.send(valid);
    expect(await (await fetch(`${server.url}/__admin/stats`)).json()).toEqual({
      mailSend: 5,
      total: 5,
      largestMailSendBytes: server.largestMailSendBytes(),
    });
    expect(server.largestMailSendBytes()).toBeGreaterThan(100);
    expect(server.requestCount()).toBe(5);
    expect(server.outbox()).toHaveLength(2);
  });

  it('refuses a malformed fault', async () => {
    const r = await fetch(`${server.url}/__admin/faults`, {
      method: 'POST',
      headers: JSON_TYPE,
      body: JSON.stringify({ status: 418, count: 1 }),
    });
    expect(r.status).toBe(400);
  });
});
