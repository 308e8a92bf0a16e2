import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { http } from '@google-cloud/functions-framework';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import {
  createHandlers,
  createOidcVerifier,
  signPayload,
  type AnyJobName,
  type FunctionName,
} from '../../../functions/http/index.ts';
import { JobRefusedError } from '../../../functions/core/refused.ts';
import { createLogger } from '../../../functions/logging.ts';
import { startOidcFixture, type OidcFixture } from './oidc-fixture.ts';

const SECRET = 'a-local-test-secret-of-32-chars!';
const AUDIENCE = 'https://asia-southeast1-demo.cloudfunctions.net/ingest';
const SCHEDULER = 'thidua-scheduler@demo.iam.gserviceaccount.com';
const NOW = new Date('2026-05-10T01:00:00Z');
const NOW_SEC = Math.floor(NOW.getTime() / 1000);

let oidc: OidcFixture;
const servers: Server[] = [];
const calls: { name: AnyJobName; dryRun: boolean; now: Date; whenDue?: boolean; into?: string }[] = [];
const logLines: string[] = [];
const urls: Record<FunctionName, string> = {
  ingest: '',
  remind: '',
  digest: '',
  rollup: '',
  documents: '',
  yearend: '',
};
/** The spreadsheet id for which the stub new-year job declines, as the real one does for a second new year. */
const REFUSED_INTO = 'second-new-year';

beforeAll(async () => {
  oidc = await startOidcFixture();
  const handlers = createHandlers({
    runJob: async (name, options) => {
      calls.push({ name, ...options });
      if (options.into === REFUSED_INTO)
        throw new JobRefusedError('Phong trào năm 2027 đã được tạo: không tạo lần thứ hai.');
      return {
        job: name,
        lines: [`Đã gửi 1 thư tới so-tp@example.vn`],
        sheetsCalls: 2,
        mailRequests: 1,
        sheetsWrites: { requests: 0, bytes: 0, splits: 0 },
      };
    },
    verifyOidc: createOidcVerifier({ audience: AUDIENCE, serviceAccount: SCHEDULER, client: oidc.client }),
    secret: SECRET,
    now: () => NOW,
    logger: createLogger({ secrets: [SECRET], write: (line) => logLines.push(line) }),
  });
  for (const name of ['ingest', 'remind', 'digest', 'rollup', 'documents', 'yearend'] as const) {
    http(`test-${name}`, handlers[name]);
    const server = getTestServer(`test-${name}`);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    urls[name] = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  }
});

afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  await oidc.close();
});

function signed(body: string, ts = NOW_SEC, secret = SECRET): RequestInit {
  return {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-thidua-timestamp': String(ts),
      'x-thidua-signature': signPayload(body, secret, ts),
    },
    body,
  };
}

async function post(job: FunctionName, init: RequestInit): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(urls[job], init);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('ingest with the form trigger signature', () => {
  it('runs ingest for a correctly signed submission and answers with the summary', async () => {
    const before = calls.length;
    const res = await post('ingest', signed(JSON.stringify({ tab: 'Đăng ký thi đua', row: 7 })));
    expect(res.status).toBe(200);
    expect(res.body.job).toBe('ingest');
    expect(calls.slice(before)).toEqual([{ name: 'ingest', dryRun: false, now: NOW }]);
  });

  it('refuses the same signed request a second time', async () => {
    const init = signed(JSON.stringify({ tab: 'Đăng ký thi đua', row: 8 }));
    expect((await post('ingest', init)).status).toBe(200);
    const again = await post('ingest', init);
    expect(again.status).toBe(401);
    expect(again.body).toEqual({ error: 'Yêu cầu này đã được nhận trước đó.', reason: 'replayed' });
  });

  it.each([
    [
      'unsigned',
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"tab":"x","row":2}' },
      'missing',
    ],
    ['stale', signed('{"tab":"x","row":3}', NOW_SEC - 301), 'stale'],
    [
      'signed with another secret',
      signed('{"tab":"x","row":4}', NOW_SEC, 'another-secret-of-enough-length'),
      'mismatch',
    ],
    ['tampered after signing', { ...signed('{"tab":"x","row":5}'), body: '{"tab":"x","row":6}' }, 'mismatch'],
    [
      'malformed signature',
      {
        method: 'POST',
        headers: { 'x-thidua-timestamp': String(NOW_SEC), 'x-thidua-signature': 'md5=abc' },
        body: '{}',
      },
      'malformed',
    ],
  ] as const)('refuses a request %s with 401 and runs nothing', async (_label, init, reason) => {
    const before = calls.length;
    const res = await post('ingest', init);
    expect(res.status).toBe(401);
    expect(res.body.reason).toBe(reason);
    expect(typeof res.body.error).toBe('string');
    expect(calls.length).toBe(before);
  });

  it('answers 400 to a signed body that is not {tab,row}', async () => {
    const res = await post('ingest', signed('{"tab":"x"}'));
    expect(res.status).toBe(400);
  });

  it('answers 405 to GET', async () => {
    const res = await fetch(urls.ingest);
    expect(res.status).toBe(405);
  });
});

describe('documents: the menu signed like the form trigger, the scheduler with OIDC', () => {
  it('makes the documents now for a signed {"from":"menu","job":"documents"}', async () => {
    const before = calls.length;
    const res = await post('documents', signed('{"from":"menu","job":"documents"}'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ job: 'documents', dryRun: false });
    expect(calls.slice(before)).toStrictEqual([{ name: 'documents', dryRun: false, now: NOW }]);
  });

  it('refuses an unsigned, a replayed or a mis-shaped menu request and runs nothing', async () => {
    const before = calls.length;
    const unsigned = await post('documents', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"from":"menu","job":"documents"}',
    });
    expect(unsigned).toMatchObject({ status: 401, body: { reason: 'missing' } });
    const stale = await post('documents', signed('{"from":"menu","job":"documents"}', NOW_SEC - 301));
    expect(stale).toMatchObject({ status: 401, body: { reason: 'stale' } });
    const wrong = await post('documents', signed('{"tab":"x","row":2}'));
    expect(wrong).toMatchObject({
      status: 400,
      body: { reason: 'menu-body', error: 'Nội dung yêu cầu phải là JSON {"from": "menu", "job": "<tên công việc>"}.' },
    });
    expect(calls.length).toBe(before);
    // Another spelling of the same body: another signature, accepted once.
    const init = signed('{ "from": "menu", "job": "documents" }');
    expect((await post('documents', init)).status).toBe(200);
    expect(await post('documents', init)).toMatchObject({ status: 401, body: { reason: 'replayed' } });
  });

  it('runs only when due for the scheduler account', async () => {
    const token = oidc.mint({ aud: AUDIENCE, email: SCHEDULER, email_verified: true });
    const before = calls.length;
    const res = await post('documents', { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(calls.slice(before)).toStrictEqual([{ name: 'documents', dryRun: false, now: NOW, whenDue: true }]);
  });
});

describe('rollup: the menu "Tổng hợp cấp dưới" signed like the form trigger, the scheduler with OIDC', () => {
  it('rolls up now for a signed {"from":"menu","job":"rollup"}, and refuses an unsigned or mis-shaped request', async () => {
    const before = calls.length;
    const res = await post('rollup', signed('{"from" :"menu","job":"rollup"}'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ job: 'rollup', dryRun: false });
    expect(calls.slice(before)).toStrictEqual([{ name: 'rollup', dryRun: false, now: NOW }]);
    const unsigned = await post('rollup', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"from":"menu","job":"rollup"}',
    });
    expect(unsigned).toMatchObject({ status: 401, body: { reason: 'missing' } });
    const wrong = await post('rollup', signed('{"from":"web"}'));
    expect(wrong).toMatchObject({ status: 400, body: { reason: 'menu-body' } });
    expect(calls.length).toBe(before + 1);
  });

  it('a menu request signed for the documents is not taken again by the roll-up', async () => {
    const init = signed('{"from":  "menu", "job": "documents"}');
    expect((await post('documents', init)).status).toBe(200);
    expect(await post('rollup', init)).toMatchObject({ status: 401, body: { reason: 'replayed' } });
  });

  it('a menu request signed for the documents, captured before it arrived, never starts the roll-up', async () => {
    // Deployed, each function keeps its own replay guard: only the job named inside the signed body stops this.
    const before = calls.length;
    const captured = await post('rollup', signed('{"job":"documents","from":"menu"}'));
    expect(captured).toMatchObject({
      status: 403,
      body: { reason: 'other-job', error: 'Yêu cầu này được ký cho một công việc khác, không chạy công việc này.' },
    });
    const unnamed = await post('documents', signed('{"from":"menu"}'));
    expect(unnamed).toMatchObject({ status: 400, body: { reason: 'menu-body' } });
    expect(calls.length).toBe(before);
  });
});

describe('yearend: the menu items "Ghi quyết định vào sổ" and "Tạo chiến dịch năm sau" (issue 20), signed only', () => {
  it('records the decisions for a signed {"from":"menu","job":"record-decisions"}', async () => {
    const before = calls.length;
    const res = await post('yearend', signed('{"from":"menu","job":"record-decisions"}'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ job: 'record-decisions', dryRun: false });
    expect(calls.slice(before)).toStrictEqual([{ name: 'record-decisions', dryRun: false, now: NOW }]);
  });

  it('fills the spreadsheet the menu names for a signed new-year request, and passes its id on', async () => {
    const before = calls.length;
    const body = '{"from":"menu","job":"new-year","spreadsheetId":"1AbC-xyz_0123456789"}';
    expect((await post('yearend', signed(body))).status).toBe(200);
    expect(calls.slice(before)).toStrictEqual([
      { name: 'new-year', dryRun: false, now: NOW, into: '1AbC-xyz_0123456789' },
    ]);
  });

  it("answers 409 with the job's own Vietnamese reason when it declines (a second new year)", async () => {
    const body = `{"from":"menu","job":"new-year","spreadsheetId":"${REFUSED_INTO}"}`;
    expect(await post('yearend', signed(body))).toStrictEqual({
      status: 409,
      body: { reason: 'refused', error: 'Phong trào năm 2027 đã được tạo: không tạo lần thứ hai.' },
    });
  });

  it('refuses an unsigned, a wrongly signed, a scheduler-only or a mis-shaped request, and runs nothing', async () => {
    const before = calls.length;
    const plain = { method: 'POST', headers: { 'content-type': 'application/json' } };
    const unsigned = await post('yearend', { ...plain, body: '{"from":"menu","job":"record-decisions"}' });
    expect(unsigned).toMatchObject({ status: 401, body: { reason: 'missing' } });
    const forged = await post('yearend', signed('{"from":"menu","job":"record-decisions"}', NOW_SEC, 'x'.repeat(32)));
    expect(forged).toMatchObject({ status: 401, body: { reason: 'mismatch', error: 'Chữ ký không khớp.' } });
    // No schedule calls it: a scheduler's token is not a signature.
    const token = oidc.mint({ aud: AUDIENCE, email: SCHEDULER, email_verified: true });
    const scheduler = await post('yearend', { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(scheduler).toMatchObject({ status: 401, body: { reason: 'missing' } });
    for (const body of [
      '{"from":"menu","job":"documents" }', // signed for another function's job
      '{"from":"menu","job":"new-year"}', // the new year without the spreadsheet to fill
      '{"from":"menu","job":"new-year","spreadsheetId":"../../etc"}',
      '{"from":"menu","job":"new-year","spreadsheetId":""}',
    ]) {
      expect(await post('yearend', signed(body))).toMatchObject({
        status: 400,
        body: {
          reason: 'yearend-body',
          error:
            'Nội dung yêu cầu phải là JSON {"from": "menu", "job": "record-decisions"} hoặc {"from": "menu", "job": "new-year", "spreadsheetId": "<mã bảng tính>"}.',
        },
      });
    }
    // A year-end request captured on its way is not taken by another menu function.
    const captured = await post('rollup', signed('{"from":"menu","job":"record-decisions","x":1}'));
    expect(captured).toMatchObject({ status: 403, body: { reason: 'other-job' } });
    expect(calls.length).toBe(before);
  });
});

describe('OIDC from Cloud Scheduler', () => {
  const bearer = (token: string): RequestInit => ({ method: 'POST', headers: { authorization: `Bearer ${token}` } });

  it('runs remind, digest, the roll-up and the ingest sweep for the scheduler account', async () => {
    const token = oidc.mint({ aud: AUDIENCE, email: SCHEDULER, email_verified: true });
    for (const job of ['remind', 'digest', 'rollup', 'ingest'] as const) {
      const before = calls.length;
      const res = await post(job, bearer(token));
      expect(res.status).toBe(200);
      expect(calls.slice(before)).toEqual([{ name: job, dryRun: false, now: NOW }]);
    }
  });

  it('passes ?dryRun=true to the job', async () => {
    const token = oidc.mint({ aud: AUDIENCE, email: SCHEDULER, email_verified: true });
    const before = calls.length;
    const res = await fetch(`${urls.digest}?dryRun=true`, bearer(token));
    expect(res.status).toBe(200);
    expect(calls.slice(before)).toEqual([{ name: 'digest', dryRun: true, now: NOW }]);
  });

  it.each([
    ['no token', undefined, 'missing'],
    [
      'a token for another audience',
      { aud: 'https://example.com/other', email: SCHEDULER, email_verified: true },
      'invalid',
    ],
    [
      'a token of another account',
      { aud: AUDIENCE, email: 'someone@example.com', email_verified: true },
      'wrong-account',
    ],
    [
      'an expired token',
      { aud: AUDIENCE, email: SCHEDULER, email_verified: true, iat: 1_000_000, exp: 1_003_600 },
      'invalid',
    ],
    [
      'a token signed by an unknown key',
      { aud: AUDIENCE, email: SCHEDULER, email_verified: true, foreign: true },
      'invalid',
    ],
  ] as const)('refuses remind with %s', async (_label, claims, reason) => {
    const before = calls.length;
    const init: RequestInit = claims
      ? (() => {
          const { foreign, ...rest } = { foreign: false, ...claims };
          return bearer(oidc.mint(rest, { foreignKey: foreign }));
        })()
      : { method: 'POST' };
    const res = await post('remind', init);
    expect(res.status).toBe(401);
    expect(res.body.reason).toBe(reason);
    expect(calls.length).toBe(before);
  });
});

describe('logs', () => {
  it('are one JSON object per line for Cloud Logging, with no email address, secret or token', () => {
    expect(logLines.length).toBeGreaterThan(0);
    for (const line of logLines) {
      const entry = JSON.parse(line) as Record<string, unknown>;
      expect(entry.severity).toMatch(/^(INFO|NOTICE|WARNING|ERROR)$/);
      expect(typeof entry.message).toBe('string');
      expect(line).not.toMatch(/@example|@demo|eyJ/);
      expect(line).not.toContain(SECRET);
    }
  });
});
