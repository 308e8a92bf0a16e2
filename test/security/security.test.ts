// Security at the edges of the whole local stack: the signed ingest webhook, secrets and personal data kept out of
// the logs, and form answers escaped in email HTML.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { signPayload, SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../../functions/http/index.ts';
import { createSheetsClient } from '../../functions/gateways/sheets-client.ts';
import { startLocalStack, type LocalStack } from '../../scripts/stack/index.ts';
import { unitSecret } from '../../functions/core/unit-secret.ts';
import { contactEmail, DEMO_UNITS, leaderEmail } from '../../scripts/demo/units.ts';

const NOW = new Date('2026-12-01T03:00:00Z');
const NOW_SEC = Math.floor(NOW.getTime() / 1000);
const BODY = JSON.stringify({ tab: 'Đăng ký thi đua', row: 2 });
const SCRIPT = '<script>alert("xss")</script>';

let stack: LocalStack;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'thidua-sec-'));
  stack = await startLocalStack({ dataDir, now: () => NOW, quiet: true });
});
afterAll(async () => {
  await stack?.close();
  await rm(dataDir, { recursive: true, force: true });
});

function post(headers: Record<string, string>, body = BODY): Promise<Response> {
  return fetch(stack.urls.ingest, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
}

function signed(timestamp = NOW_SEC, secret = String(stack.env.INGEST_SECRET), body = BODY): Record<string, string> {
  return { [TIMESTAMP_HEADER]: String(timestamp), [SIGNATURE_HEADER]: signPayload(body, secret, timestamp) };
}

async function refusal(res: Response): Promise<{ status: number; reason: string }> {
  return { status: res.status, reason: ((await res.json()) as { reason: string }).reason };
}

describe('the ingest webhook', () => {
  it('rejects a request without a signature', async () => {
    expect(await refusal(await post({}))).toEqual({ status: 401, reason: 'missing' });
  });

  it('rejects a signature made with another secret', async () => {
    expect(await refusal(await post(signed(NOW_SEC, 'not-the-secret-0123456789')))).toEqual({
      status: 401,
      reason: 'mismatch',
    });
  });

  it('rejects a signature over another body', async () => {
    expect(await refusal(await post(signed(), JSON.stringify({ tab: 'Đăng ký thi đua', row: 3 })))).toEqual({
      status: 401,
      reason: 'mismatch',
    });
  });

  it('rejects a stale signature', async () => {
    expect(await refusal(await post(signed(NOW_SEC - 3600)))).toEqual({ status: 401, reason: 'stale' });
  });

  it('issue 15 defect 1: refuses an unsigned body larger than ingest needs with 413 before parsing it, as deployed', async () => {
    const huge = `[${'{},'.repeat(100_000)}{}]`;
    expect(await refusal(await post({}, huge))).toEqual({ status: 413, reason: 'too-large' });
    expect(await refusal(await post({}))).toEqual({ status: 401, reason: 'missing' });
  });

  it('rejects a malformed signature', async () => {
    expect(await refusal(await post({ [TIMESTAMP_HEADER]: String(NOW_SEC), [SIGNATURE_HEADER]: 'sha256=zz' }))).toEqual(
      { status: 401, reason: 'malformed' },
    );
  });

  it('accepts a fresh signature once and rejects its replay; no secret or personal data reaches the logs', async () => {
    const lines: string[] = [];
    const capture = (chunk: unknown) => {
      lines.push(String(chunk));
      return true;
    };
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(capture);
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(capture);
    let first: Response;
    let replay: Response;
    try {
      const headers = signed(NOW_SEC - 1);
      first = await post(headers);
      await first.arrayBuffer();
      replay = await post(headers);
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
    expect(first.status).toBe(200);
    expect(await refusal(replay)).toEqual({ status: 401, reason: 'replayed' });

    const log = lines.join('');
    expect(log).toContain('ingest: done'); // the logger did write: the checks below are not vacuous
    const secrets = [String(stack.env.INGEST_SECRET), String(stack.env.SENDGRID_API_KEY)];
    const personal = DEMO_UNITS.flatMap((u) => [contactEmail(u), leaderEmail(u)]);
    expect(secrets.filter((s) => log.includes(s))).toEqual([]);
    expect(personal.filter((e) => log.includes(e))).toEqual([]);
    expect(log).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
  });
});

describe('email HTML', () => {
  it('escapes a <script> answer in the receipt as the recipient sees it', async () => {
    const api = createSheetsClient(stack.urls.sheets);
    const header =
      (await api.spreadsheets.values.get({ spreadsheetId: stack.spreadsheetId, range: "'Đăng ký thi đua'!1:1" })).data
        .values?.[0] ?? [];
    const answers: Record<string, string | number> = {
      'Dấu thời gian': '25/11/2026 09:00:00',
      'Mã đơn vị': 'SO-TP',
      'Mã xác thực': unitSecret(String(stack.env.UNIT_SECRET_KEY), 'SO-TP', 0),
      'Người đăng ký': SCRIPT,
      'Email người đăng ký': 'vanthu.sotp@example.vn',
      'Đăng ký "An toàn về ANTT"': 'Có',
      'Nội dung cam kết': `<img src=x onerror=alert(1)> & "trích dẫn" ${SCRIPT}`,
    };
    await api.spreadsheets.values.append({
      spreadsheetId: stack.spreadsheetId,
      range: "'Đăng ký thi đua'",
      valueInputOption: 'RAW',
      insertDataOption: 'INSERT_ROWS',
      requestBody: { values: [header.map((h) => answers[String(h)] ?? '')] },
    });
    await stack.runJob('ingest');
    const outbox = (await (await fetch(new URL('outbox', stack.urls.mail))).json()) as {
      rendered: { html: string; text: string; email_key?: string }[];
    }[];
    const mine = outbox.flatMap((m) => m.rendered).filter((r) => r.html.includes('alert'));
    expect(mine.length).toBeGreaterThan(0);
    for (const r of mine) {
      expect(r.html).not.toContain('<script>');
      expect(r.html).not.toContain('<img src=x');
      expect(r.html).toContain('&lt;script&gt;');
    }
  });
});
