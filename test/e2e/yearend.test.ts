// Issue 20, the menu items "Ghi quyết định vào sổ" and "Tạo chiến dịch năm sau": the requests the generated Apps
// Script makes (its own signing code, run as Apps Script runs it) go over HTTP to the yearend function of the local
// stack. Recording is idempotent; the new year fills the spreadsheet Apps Script created as the coordinator, which is
// then a campaign its own jobs run on, and a second new year is refused.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AWARD_MEDAL, DECISION_CLASSIFICATION, DECISION_HEADERS, TAB } from '../../sheets-schema/index.ts';
import type { Cell } from '../../functions/core/cells.ts';
import { quoteSheet } from '../../functions/core/a1.ts';
import { createSheetsClient } from '../../functions/gateways/sheets-client.ts';
import { openSpreadsheet } from '../../functions/gateways/spreadsheet.ts';
import { runAnyJob } from '../../functions/jobs/any-job.ts';
import { demoYear } from '../../scripts/demo/campaign.ts';
import { startLocalStack, type LocalStack } from '../../scripts/stack/index.ts';
import { menuProject, type MenuRun, type ScriptRequest } from '../scripts/apps-script/menu-harness.ts';

const ACCOUNT = 'thidua-functions@thidua-local.iam.gserviceaccount.com';
let stack: LocalStack;
let dataDir: string;
let year: number;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'thidua-e2e-yearend-'));
  // The real clock: the script signs with it and the function refuses a stale signature.
  stack = await startLocalStack({ dataDir, quiet: true });
  year = demoYear(new Date());
}, 180_000);

afterAll(async () => {
  await stack?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function values(name: string, spreadsheetId = stack.spreadsheetId): Promise<Cell[][]> {
  const api = createSheetsClient(stack.urls.sheets);
  const got = await api.spreadsheets.values.get({ spreadsheetId, range: quoteSheet(name) });
  return (got.data.values ?? []) as Cell[][];
}

const properties = (): Record<string, string> => ({
  YEAREND_URL: stack.urls.yearend!,
  INGEST_SECRET: stack.env.INGEST_SECRET!,
  FUNCTIONS_SERVICE_ACCOUNT: ACCOUNT,
});

let lastSigned = 0;

/**
 * Chooses a menu item: the script signs its request, which is sent as it is; the answer is rendered by the script.
 * The signature covers the body and the second it was made, so the same item chosen twice within one second is one
 * request to the function's replay guard (as a double click is): each choice here starts in a second of its own.
 */
async function choose(
  item: 'thiduaRecordDecisions' | 'thiduaNewYear',
  config?: Cell[][],
): Promise<{ menu: MenuRun; status?: number; shown: string }> {
  while (Math.floor(Date.now() / 1000) <= lastSigned) await new Promise((resolve) => setTimeout(resolve, 50));
  let sent: ScriptRequest | undefined;
  const menu = menuProject(
    properties(),
    (request) => {
      sent = request;
      return { status: 0, text: '' };
    },
    { config },
  );
  const alone = menu.call(item) as string;
  if (!sent) return { menu, shown: alone };
  lastSigned = Number(sent.headers['x-thidua-timestamp']);
  // What SpreadsheetApp.create did on Google: the spreadsheet exists, empty, before the request reaches the function.
  for (const book of menu.created)
    expect((await fetch(`${stack.urls.sheets}__admin/spreadsheets/${book.id}`, { method: 'PUT' })).ok).toBe(true);
  const answer = await fetch(sent.url, {
    method: sent.method.toUpperCase(),
    headers: { 'content-type': sent.contentType, ...sent.headers },
    body: sent.payload,
  });
  const failed = item === 'thiduaNewYear' ? 'Chưa tạo được chiến dịch năm sau' : 'Chưa ghi được quyết định vào sổ';
  const text = await answer.text();
  const shown = menu.evaluate(
    `thiduaAnswerMessage_(${answer.status}, ${JSON.stringify(text)}, ${JSON.stringify(failed)})`,
  ) as string;
  return { menu, status: answer.status, shown };
}

describe('menu year-end items → yearend function, on the local stack', () => {
  it('"Ghi quyết định vào sổ" records the decided awards and years once, and says when nothing is new', async () => {
    const first = await choose('thiduaRecordDecisions');
    expect(first.status).toBe(200);
    expect(first.shown.split('\n')[0]).toBe(`Không có gì mới để ghi vào sổ năm ${year}: sổ giữ nguyên.`);
    expect(first.shown).toContain(`Chưa ghi "${AWARD_MEDAL}": chưa có số quyết định trong "${TAB.decisions}".`);

    const book = openSpreadsheet({ api: createSheetsClient(stack.urls.sheets), spreadsheetId: stack.spreadsheetId });
    await book.valuesBatchUpdate([
      {
        range: `${quoteSheet(TAB.decisions)}!A1`,
        values: [
          Object.values(DECISION_HEADERS),
          [AWARD_MEDAL, '812/QĐ-BCA', `19/08/${year}`, 'Bộ Công an'],
          [DECISION_CLASSIFICATION, '95/QĐ-UBND', `20/11/${year}`, 'UBND tỉnh'],
        ],
      },
    ]);
    const second = await choose('thiduaRecordDecisions');
    expect(second.status).toBe(200);
    const registry = (await values(TAB.registry)).slice(1);
    const years = (await values(TAB.yearResults)).slice(1);
    expect(registry.length).toBeGreaterThan(0);
    expect(registry.every((r) => r[4] === AWARD_MEDAL && r[5] === '812/QĐ-BCA')).toBe(true);
    expect(years.length).toBeGreaterThan(0);
    expect(second.shown).toContain(`Đã ghi ${registry.length} dòng vào "${TAB.registry}" (năm ${year}).`);
    expect(second.shown).toContain(`Đã ghi ${years.length} dòng vào "${TAB.yearResults}" (năm ${year}).`);

    const third = await choose('thiduaRecordDecisions');
    expect(third.shown.split('\n')[0]).toBe(`Không có gì mới để ghi vào sổ năm ${year}: sổ giữ nguyên.`);
    expect((await values(TAB.registry)).length).toBe(registry.length + 1);
  }, 120_000);

  it('"Tạo chiến dịch năm sau" fills the spreadsheet the coordinator created; a job runs on it; a second is refused', async () => {
    const created = await choose('thiduaNewYear', await values(TAB.config));
    expect(created.status, created.shown).toBe(200);
    const [made] = created.menu.created;
    expect(made.editors).toEqual([ACCOUNT]);
    expect(created.shown.split('\n')[0]).toMatch(
      new RegExp(`^Đã tạo bảng tính ".+ năm ${year + 1}": https://docs\\.google\\.com/spreadsheets/d/${made.id}/edit$`),
    );

    // A working campaign: next year's, with this year's units, run by its own job.
    const config = new Map((await values(TAB.config, made.id)).map((r) => [String(r[0]), r[1]]));
    expect(config.get('Năm')).toBe(String(year + 1));
    expect((await values(TAB.units, made.id)).length).toBe((await values(TAB.units)).length);
    expect(await values(TAB.registry, made.id)).toEqual(await values(TAB.registry));
    const run = await runAnyJob('ingest', {
      now: new Date(Date.UTC(year + 1, 1, 1, 1)),
      env: { ...stack.env, SPREADSHEET_ID: made.id },
    });
    expect(run.lines.length).toBeGreaterThan(0);
    const dashboard = await values(TAB.dashboard, made.id);
    expect(dashboard.flat().some((c) => String(c).includes(String(year + 1)))).toBe(true);

    // The archive names next year's spreadsheet, so the menu creates nothing a second time ...
    const again = await choose('thiduaNewYear', await values(TAB.config));
    expect(again.status).toBeUndefined();
    expect(again.menu.created).toEqual([]);
    expect(again.shown).toContain(`Phong trào năm sau đã được tạo: https://docs.google.com/spreadsheets/d/${made.id}`);
    // ... and the function refuses even a script that did not look, leaving the spreadsheet it was given empty.
    const forced = await choose('thiduaNewYear');
    expect(forced.status).toBe(409);
    expect(forced.shown).toBe(
      `Chưa tạo được chiến dịch năm sau (mã trả lời 409): Phong trào năm ${year + 1} đã được tạo: https://docs.google.com/spreadsheets/d/${made.id}/edit. Không tạo lần thứ hai (khóa "Bảng tính năm sau" của trang ${TAB.config}); nếu bảng tính đó đã bị xóa, hãy xóa ô này rồi làm lại.`,
    );
    const [unused] = forced.menu.created;
    const structure = await createSheetsClient(stack.urls.sheets).spreadsheets.get({ spreadsheetId: unused.id });
    expect(structure.data.sheets?.map((s) => s.properties?.title)).not.toContain(TAB.config);
  }, 120_000);
});
