// Issue 19, the menu item "Tổng hợp cấp dưới": the request the generated Apps Script makes (its own signing code, run
// as Apps Script runs it) goes over HTTP to the rollup function of the local stack, which reads the demo province's
// three child campaigns (one of them three levels deep) and writes their figures and eligible nominations into the
// province's spreadsheet; the coordinator's alert shows what it did.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TAB } from '../../sheets-schema/index.ts';
import type { Cell } from '../../functions/core/cells.ts';
import { createSheetsClient } from '../../functions/gateways/sheets-client.ts';
import { DEMO_CHILDREN } from '../../scripts/demo/children.ts';
import { startLocalStack, type LocalStack } from '../../scripts/stack/index.ts';
import { menuProject, type ScriptRequest } from '../scripts/apps-script/menu-harness.ts';

let stack: LocalStack;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'thidua-e2e-rollup-'));
  // The real clock: the script signs with it and the function refuses a stale signature.
  stack = await startLocalStack({ dataDir, quiet: true });
  // Each child campaign runs its own jobs (the district its own roll-up of its commune); the province waits for the
  // menu.
  await stack.rollUp({ parent: false });
}, 180_000);

afterAll(async () => {
  await stack?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function tab(name: string, spreadsheetId = stack.spreadsheetId): Promise<Map<string, Cell>[]> {
  const api = createSheetsClient(stack.urls.sheets);
  const got = await api.spreadsheets.values.get({
    spreadsheetId,
    range: `'${name}'`,
    valueRenderOption: 'UNFORMATTED_VALUE',
  });
  const [headers, ...rows] = (got.data.values ?? []) as Cell[][];
  return rows.map((r) => new Map(headers.map((h, i) => [String(h), r[i] ?? ''] as const)));
}

/** Chooses "Tổng hợp cấp dưới": the script signs its request, which is sent as it is, and renders the real answer. */
async function chooseMenuItem(properties: Record<string, string>): Promise<{ status: number; shown: string }> {
  let sent: ScriptRequest | undefined;
  const menu = menuProject(properties, (request) => {
    sent = request;
    return { status: 0, text: '' };
  });
  menu.call('thiduaRollUp');
  const answer = await fetch(sent!.url, {
    method: sent!.method.toUpperCase(),
    headers: { 'content-type': sent!.contentType, ...sent!.headers },
    body: sent!.payload,
  });
  const text = await answer.text();
  const shown = menu.evaluate(`thiduaRollupMessage_(${answer.status}, ${JSON.stringify(text)})`) as string;
  return { status: answer.status, shown };
}

describe('menu "Tổng hợp cấp dưới" → rollup function → the province, on the local stack', () => {
  it('a request signed with another secret is refused, shown in Vietnamese, and rolls up nothing', async () => {
    const result = await chooseMenuItem({ ROLLUP_URL: stack.urls.rollup!, INGEST_SECRET: 'z'.repeat(64) });
    expect(result.status).toBe(401);
    expect(result.shown).toBe('Chưa tổng hợp được cấp dưới (mã trả lời 401): Chữ ký không khớp.');
    expect((await tab(TAB.children)).filter((r) => r.get('Tình trạng') !== '')).toHaveLength(0);
  });

  it("reads every child once and writes their figures and eligible nominations into the province's tabs", async () => {
    const result = await chooseMenuItem({ ROLLUP_URL: stack.urls.rollup!, INGEST_SECRET: stack.env.INGEST_SECRET! });
    expect(result.status).toBe(200);
    expect(result.shown).toContain(`${TAB.children}: đọc được 3/3 bảng tính cấp dưới.`);
    expect(result.shown).toContain('Đọc bảng tính cấp dưới: 3 yêu cầu values.batchGet.');

    const children = await tab(TAB.children);
    expect(children.map((r) => [r.get('Mã đơn vị'), r.get('Tình trạng')])).toEqual(
      DEMO_CHILDREN.map((c) => [c.code, 'Đã đọc']),
    );
    // Every eligible nomination each child sends up is now one of the province's, marked with where it comes from.
    const forwarded = await tab(TAB.forwarded);
    const sentUp = await Promise.all(DEMO_CHILDREN.map((c) => tab(TAB.sendUp, c.spreadsheetId)));
    expect(forwarded).toHaveLength(sentUp.reduce((n, rows) => n + rows.length, 0));
    expect(forwarded.length).toBeGreaterThan(0);
    DEMO_CHILDREN.forEach((c, i) =>
      expect(forwarded.filter((r) => r.get('Mã đơn vị') === c.code).map((r) => r.get('Họ tên / Tên tập thể'))).toEqual(
        sentUp[i].map((r) => r.get('Họ tên / Tên tập thể')),
      ),
    );
    // The commune's come through its district: the path names both.
    const [district] = DEMO_CHILDREN;
    const commune = district.children[0].code;
    expect(forwarded.some((r) => String(r.get('Nguồn')).startsWith(`${commune} › `))).toBe(true);
    expect(result.shown).toContain(
      `${TAB.forwarded}: ${forwarded.length} đề nghị khen thưởng đủ điều kiện của cấp dưới.`,
    );
    // Each is judged by the province, its verdict in Kiểm tra.
    const checks = (await tab(TAB.checks)).filter((r) => r.get('Biểu mẫu') === TAB.forwarded);
    expect(checks).toHaveLength(forwarded.length);
    expect(checks.every((r) => String(r.get('Kết luận')) !== '')).toBe(true);
  }, 120_000);
});
