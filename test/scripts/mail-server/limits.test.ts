// The local SendGrid refuses, or accepts and silently drops, exactly what docs/limits.md lists for real SendGrid v3.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@sendgrid/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_TEMPLATE_VERSIONS,
  MAX_BODY_BYTES,
  startMailServer,
  type Drop,
  type MailServer,
} from '../../../scripts/mail-server/index.ts';

const KEY = 'SG.limits-test';
let server: MailServer;
let client: Client;

async function start(options: { maxTemplateVersions?: number } = {}): Promise<void> {
  server = await startMailServer({ dataDir: mkdtempSync(join(tmpdir(), 'thidua-limits-')), apiKey: KEY, ...options });
  client = new Client();
  client.setApiKey(KEY);
  client.setDefaultRequest('baseUrl', `${server.url}/`);
}
beforeEach(() => start());
afterEach(() => server.close());

type Errors = { message: string; field: string | null }[];
/** Sends a raw v3 body through the official client; the status and SendGrid's errors, if any. */
async function post(body: unknown): Promise<{ status: number; errors: Errors }> {
  try {
    const [response] = await client.request({
      method: 'POST',
      url: '/v3/mail/send',
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.statusCode, errors: [] };
  } catch (error) {
    const e = error as { code: number; response: { body: { errors: Errors } } };
    return { status: e.code, errors: e.response.body.errors };
  }
}

const base = {
  from: { email: 'thuongtruc@thidua.example.vn' },
  subject: 'Nhắc hạn',
  content: [{ type: 'text/plain', value: 'Nội dung' }],
};
const to = (email: string, name?: string) => ({ to: [name === undefined ? { email } : { email, name }] });
const drops = async (): Promise<Drop[]> => (await (await fetch(`${server.url}/__admin/drops`)).json()) as Drop[];

describe('SendGrid Mail Send errors page (400)', () => {
  it('"Each unique email address in the personalizations array should only be included once": the same address in two personalizations', async () => {
    const r = await post({
      ...base,
      personalizations: [
        to('donvi@example.vn'),
        to('khac@example.vn'),
        { to: [{ email: 'x@example.vn' }], cc: [{ email: 'DonVi@example.vn' }] },
      ],
    });
    expect(r.status).toBe(400);
    expect(r.errors).toEqual([
      {
        message:
          'Each unique email address in the personalizations array should only be included once. You have included DonVi@example.vn more than once.',
        field: 'personalizations',
        help: expect.any(String),
      },
    ]);
    expect(server.outbox()).toHaveLength(0);
  });

  it('"There is a limit of 1000 total recipients (to + cc + bcc) per request": 500 personalizations of two recipients and one more', async () => {
    const personalizations = Array.from({ length: 501 }, (_, i) => ({
      to: [{ email: `a${i}@example.vn` }],
      cc: [{ email: `b${i}@example.vn` }],
    }));
    const r = await post({ ...base, personalizations });
    expect(r.status).toBe(400);
    expect(r.errors.map((e) => e.message)).toEqual([
      'There is a limit of 1000 total recipients (to + cc + bcc) per request.',
    ]);
    expect((await post({ ...base, personalizations: personalizations.slice(0, 500) })).status).toBe(202);
  });

  it.each([
    [
      '11 categories',
      { categories: Array.from({ length: 11 }, (_, i) => `c${i}`) },
      'There is a limit of 10 categories for each email that is sent. You provided 11 categories.',
    ],
    [
      'a category of 256 characters',
      { categories: ['x'.repeat(256)] },
      `Each category must not be longer than 255 characters. ${'x'.repeat(256)} exceeds this limit`,
    ],
    [
      'a repeated category',
      { categories: ['thidua', 'thidua'] },
      'The categories must be a unique list, and you have included thidua more than once.',
    ],
    ['a non-ASCII category', { categories: ['thi đua'] }, 'Categories can not contain non-ASCII characters.'],
  ])('categories errors: %s', async (_, extra, message) => {
    const r = await post({ ...base, ...extra, personalizations: [to('a@example.vn')] });
    expect(r.status).toBe(400);
    expect(r.errors.map((e) => e.message)).toEqual([message]);
  });

  it('"The combined size of both global and personalization custom arguments may not exceed 10,000 bytes per personalization" (limitations: less than 10000 bytes)', async () => {
    const args = (n: number) => ({ email_key: 'k'.repeat(n - '{"email_key":""}'.length) });
    const over = await post({ ...base, personalizations: [{ ...to('a@example.vn'), custom_args: args(10_000) }] });
    expect(over.status).toBe(400);
    expect(over.errors[0]).toMatchObject({
      field: 'personalizations.0.custom_args',
      message: expect.stringContaining('may not exceed 10,000 bytes'),
    });
    expect(
      (await post({ ...base, personalizations: [{ ...to('a@example.vn'), custom_args: args(9_999) }] })).status,
    ).toBe(202);
    const notString = await post({ ...base, personalizations: [{ ...to('a@example.vn'), custom_args: { n: 1 } }] });
    expect(notString.errors.map((e) => e.message)).toEqual(['All values of custom arguments object must be strings']);
  });

  it('"The To email exceeds the maximum total length of 320 characters"', async () => {
    const long = `${'a'.repeat(64)}@${'b'.repeat(253)}.vn`; // 321 characters
    const r = await post({ ...base, personalizations: [to(long)] });
    expect(r.status).toBe(400);
    expect(r.errors.map((e) => e.message)).toEqual(['The To email exceeds the maximum total length of 320 characters']);
  });

  it('"The reply_to object, when used, must at least have an email parameter with a valid email address": a malformed reply_to is refused', async () => {
    const r = await post({
      ...base,
      reply_to: { email: 'phongtrao.pv01@example' },
      personalizations: [to('a@example.vn')],
    });
    expect(r.status).toBe(400);
    expect(r.errors).toMatchObject([
      {
        field: 'reply_to.email',
        message: expect.stringMatching(
          /^The reply_to object, when used, must at least have an email parameter with a valid email address/,
        ),
      },
    ]);
  });

  it('limitations "Unicode encoding is not supported for the from field": a Unicode from address is refused', async () => {
    const r = await post({ ...base, from: { email: 'thườngtrực@example.vn' }, personalizations: [to('a@example.vn')] });
    expect(r.status).toBe(400);
    expect(r.errors).toMatchObject([
      { field: 'from.email', message: 'The from email does not contain a valid address.' },
    ]);
  });

  it.each([
    [
      'a to name',
      { personalizations: [to('a@example.vn', 'Đơn vị\r\nBcc: x@example.vn')] },
      'personalizations.0.to.0.name',
    ],
    [
      'the from name',
      { from: { email: 'f@example.vn', name: 'Thuong truc\n' }, personalizations: [to('a@example.vn')] },
      'from.name',
    ],
    [
      'a personalization subject',
      { personalizations: [{ ...to('a@example.vn'), subject: 'Nhắc\r\nhạn' }] },
      'personalizations.0.subject',
    ],
  ])('CR or LF in %s: refused like the documented CRLF errors of header fields', async (_, extra, field) => {
    const r = await post({ ...base, ...extra });
    expect(r.status).toBe(400);
    expect(r.errors.map((e) => e.field)).toEqual([field]);
  });
});

describe('SendGrid Mail Send limitations: accepted with 202, then dropped (recorded under /__admin/drops)', () => {
  it('"The to.name, cc.name, and bcc.name personalizations cannot include either the ; or , characters"', async () => {
    const r = await post({
      ...base,
      personalizations: [
        { ...to('so-vhttdl@example.vn', 'Sở Văn hóa, Thể thao và Du lịch'), custom_args: { email_key: 'k-comma' } },
        { ...to('ubnd@example.vn', 'UBND phường Bến Nghé'), custom_args: { email_key: 'k-clean' } },
        {
          to: [{ email: 'cax@example.vn' }],
          cc: [{ email: 'lanhdao@example.vn', name: 'Lãnh đạo; Công an xã' }],
          custom_args: { email_key: 'k-semicolon' },
        },
      ],
    });
    expect(r.status).toBe(202);
    expect(server.outbox()[0].rendered.map((m) => m.email_key)).toEqual(['k-clean']);
    expect(await drops()).toMatchObject([
      {
        personalization: 0,
        email_key: 'k-comma',
        field: 'personalizations.0.to.0.name',
        messageId: server.outbox()[0].id,
      },
      { personalization: 2, email_key: 'k-semicolon', field: 'personalizations.2.cc.0.name' },
    ]);
  });

  it('"Unicode encoding is not supported for the from field": a non-ASCII from name loses every personalization', async () => {
    const r = await post({
      ...base,
      from: { email: 'f@example.vn', name: 'Thường trực' },
      personalizations: [to('a@example.vn'), to('b@example.vn')],
    });
    expect(r.status).toBe(202);
    expect(server.outbox()[0].rendered).toHaveLength(0);
    expect((await drops()).map((d) => [d.personalization, d.field])).toEqual([
      [0, 'from.name'],
      [1, 'from.name'],
    ]);
  });

  it('a Unicode recipient address is accepted, then dropped as invalid', async () => {
    expect((await post({ ...base, personalizations: [to('đơnvị@example.vn')] })).status).toBe(202);
    expect(await drops()).toMatchObject([{ field: 'personalizations.0.to.0.email' }]);
  });
});

describe('SendGrid Mail Send limitations: "The total size of your email, including attachments, must be less than 30MB"', () => {
  it('413 "content too large" for a body of 30,000,000 bytes, through the official client; one byte less is accepted', async () => {
    const body = (total: number) => {
      const shell = JSON.stringify({
        ...base,
        content: [{ type: 'text/plain', value: '' }],
        personalizations: [to('a@example.vn')],
      });
      return JSON.stringify({
        ...base,
        content: [{ type: 'text/plain', value: 'x'.repeat(total - Buffer.byteLength(shell)) }],
        personalizations: [to('a@example.vn')],
      });
    };
    const over = await post(body(MAX_BODY_BYTES));
    expect(over).toEqual({ status: 413, errors: [{ message: 'content too large', field: null, help: null }] });
    expect((await post(body(MAX_BODY_BYTES - 1))).status).toBe(202);
    expect(server.largestMailSendBytes()).toBe(MAX_BODY_BYTES - 1);
  });
});

describe('SendGrid Transactional Templates Versions: "Each user can have up to 300 versions across all templates"', () => {
  const template = async () => {
    const [, t] = await client.request({
      method: 'POST',
      url: '/v3/templates',
      body: { name: 'thidua-x', generation: 'dynamic' },
    });
    return (t as { id: string }).id;
  };
  const addVersion = async (id: string, name: string) => {
    try {
      const [response, v] = await client.request({
        method: 'POST',
        url: `/v3/templates/${id}/versions`,
        body: { name, subject: name, active: 1 },
      });
      return { status: response.statusCode, id: (v as { id: string }).id };
    } catch (error) {
      return { status: (error as { code: number }).code, id: '' };
    }
  };

  it('refuses version 301 by default; the limit is set at start-up; deleting a version makes room', async () => {
    expect(DEFAULT_MAX_TEMPLATE_VERSIONS).toBe(300);
    const a = await template();
    for (let i = 0; i < 150; i++) expect((await addVersion(a, `a${i}`)).status).toBe(201);
    const b = await template();
    const versions: string[] = [];
    for (let i = 0; i < 150; i++) versions.push((await addVersion(b, `b${i}`)).id);
    expect((await addVersion(b, 'one too many')).status).toBe(400);
    await client.request({ method: 'DELETE', url: `/v3/templates/${b}/versions/${versions[0]}` });
    expect((await addVersion(b, 'fits again')).status).toBe(201);

    await server.close();
    await start({ maxTemplateVersions: 2 });
    const c = await template();
    expect([
      (await addVersion(c, 'v1')).status,
      (await addVersion(c, 'v2')).status,
      (await addVersion(c, 'v3')).status,
    ]).toEqual([201, 201, 400]);
  });
});
