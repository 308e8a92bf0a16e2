// The whole local stack in a real browser: a unit registers with a mistake, is told what to fix, fixes it, and
// the coordinator's dashboard moves. Screenshots of each step go to test-results/e2e/.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createSheetsClient } from '../../functions/gateways/sheets-client.ts';
import { openSpreadsheet } from '../../functions/gateways/spreadsheet.ts';
import { archiveModel, readAllTabs, snapshotOf, toWorkbook } from '../../scripts/export/index.ts';
import { startLocalStack, type LocalStack } from '../../scripts/stack/index.ts';
import { launchChromium } from '../support/chromium.ts';

const SHOTS = path.resolve('test-results/e2e');
const REGISTRANT = 'e2e.dangky@example.vn';

let stack: LocalStack;
let browser: Browser;
let page: Page;
let dataDir: string;

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** Text of the first element matching `selector`, as displayed (waits for it to exist). */
const text = (selector: string) => page.locator(selector).first().innerText();
const poll = { timeout: 20_000 };

/** A unit of the demo with no registration yet, so its fixed response is the one the dashboard counts. */
async function unregisteredUnit(): Promise<{ code: string; contact: string; link: string }> {
  const api = createSheetsClient(stack.urls.sheets);
  const read = async (tab: string) =>
    (await api.spreadsheets.values.get({ spreadsheetId: stack.spreadsheetId, range: `'${tab}'` })).data.values ?? [];
  const units = await read('Đơn vị');
  const registrations = await read('Đăng ký thi đua');
  const links = await read('Liên kết biểu mẫu');
  const col = (rows: string[][], h: string) => rows[0].indexOf(h);
  const registered = new Set(
    registrations.slice(1).map((r) =>
      String(r[col(registrations, 'Mã đơn vị')] ?? '')
        .trim()
        .toUpperCase(),
    ),
  );
  const free = units.slice(1).find((r) => !registered.has(String(r[col(units, 'Mã đơn vị')]).toUpperCase()));
  if (!free) throw new Error('every demo unit has registered: the scenario needs one that has not');
  const code = String(free[col(units, 'Mã đơn vị')]);
  // The unit's own link, as the Apps Script writes it and as its emails carry it: code and secret prefilled.
  const own = links.find((r) => r[col(links, 'Mã đơn vị')] === code && r[col(links, 'Biểu mẫu')] === 'Đăng ký thi đua');
  if (!own) throw new Error(`no form link for ${code}`);
  return { code, contact: String(free[col(units, 'Email liên hệ')]), link: String(own[col(links, 'Liên kết')]) };
}

/** The registration milestones' rows of the progress section of `Tổng hợp`, as displayed. */
async function registrationProgress(): Promise<string> {
  await page.goto(new URL(`tabs/${encodeURIComponent('Tổng hợp')}`, stack.urls.web).href);
  const rows = await page.locator('#live table.grid tr').allInnerTexts();
  return rows.filter((r) => /^(DK|KH)\t/.test(r)).join('\n');
}

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  dataDir = await mkdtemp(path.join(tmpdir(), 'thidua-e2e-'));
  stack = await startLocalStack({ dataDir, quiet: true });
  await stack.runJob('ingest');
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
  page.setDefaultTimeout(15_000);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('registration, from a mistake to a receipt', () => {
  it('walks a unit through the forms, the checks and the outbox while the dashboard follows', async () => {
    const { code: unit, contact, link } = await unregisteredUnit();
    const before = await registrationProgress();
    expect(before).not.toBe('');
    await shot('01-tong-hop-truoc');

    // The unit's own prefilled link from `Liên kết biểu mẫu`: its code and its secret are filled in.
    await page.goto(link);
    await expect.poll(() => page.locator('[name="Mã đơn vị"]').inputValue()).toBe(unit);
    expect(await page.locator('[name="Mã xác thực"]').inputValue()).toMatch(/^[0-9a-f]{20}$/);
    await page.locator('[name="Người đăng ký"]').fill('Phạm Thị Thu');
    await page.locator('[name="Email người đăng ký"]').fill(REGISTRANT);
    await page.getByRole('radio', { name: 'Có', exact: true }).check();
    await shot('02-bieu-mau');

    // A required answer left empty gets past a browser without HTML5 checks, but not past the server.
    await page.locator('form.gform').evaluate((form) => form.setAttribute('novalidate', ''));
    await page.getByRole('button', { name: 'Gửi' }).click();
    expect(await text('.errors')).toContain('Chưa gửi được');
    expect(await page.locator('.q', { hasText: 'Nội dung cam kết' }).locator('.err').innerText()).toBe(
      'Đây là câu hỏi bắt buộc.',
    );
    await shot('03-thieu-cau-bat-buoc');

    // Then a mistake only the rules can see: a unit code that is not in the list.
    await page.locator('[name="Nội dung cam kết"]').fill('Tuyên truyền pháp luật về an ninh, trật tự cho 100% cán bộ.');
    await page.locator('[name="Mã đơn vị"]').fill(`${unit}-SAI`);
    await page.getByRole('button', { name: 'Gửi' }).click();
    expect(await text('#confirmation')).toContain('Câu trả lời của bạn đã được ghi nhận.');
    await shot('04-da-ghi-nhan');
    const editHref = await page.locator('#edit-link').getAttribute('href');

    await page.locator('#check-link').click();
    await expect.poll(() => text('#status'), poll).toBe('Không hợp lệ');
    expect(await text('#errors')).toContain(`${unit}-SAI`);
    await shot('05-khong-hop-le');

    // No email answers it: the address typed into the form is an answer, never a recipient, and the code is no unit's.
    await page.goto(new URL('outbox', stack.urls.web).href);
    await shot('06-hop-thu-di');
    expect(await page.locator('#outbox tr', { hasText: REGISTRANT }).count()).toBe(0);

    // Fixed through the edit link: the same row, now valid, and a receipt.
    await page.goto(new URL(editHref!, stack.urls.web).href);
    expect(await page.locator('[name="Mã đơn vị"]').inputValue()).toBe(`${unit}-SAI`);
    await page.locator('[name="Mã đơn vị"]').fill(unit);
    await shot('08-chinh-sua');
    await page.getByRole('button', { name: 'Gửi' }).click();
    expect(await text('#confirmation')).toContain('Câu trả lời đã được cập nhật.');
    await page.locator('#check-link').click();
    await expect.poll(() => text('#status'), poll).toBe('Hợp lệ');
    await shot('09-hop-le');

    // The receipt goes to the unit's registered address only, and never shows the secret back.
    await page.goto(new URL('outbox', stack.urls.web).href);
    const rows = page.locator('#outbox tr', { hasText: contact });
    await expect.poll(() => rows.count(), poll).toBeGreaterThan(0);
    expect(await page.locator('#outbox tr', { hasText: REGISTRANT }).count()).toBe(0);
    await rows.first().getByRole('link').click();
    const receipt = await text('pre.mail');
    expect(receipt).toContain(unit);
    expect(receipt).not.toContain(`${unit}-SAI`);
    expect(receipt).not.toContain('Mã xác thực');
    await shot('10-thu-xac-nhan');

    await expect.poll(registrationProgress, poll).not.toBe(before);
    await shot('11-tong-hop-sau');
  }, 180_000);

  it('archives the demo campaign: every tab and both official lists', async () => {
    const tabs = await readAllTabs(
      openSpreadsheet({ api: createSheetsClient(stack.urls.sheets), spreadsheetId: stack.spreadsheetId }),
    );
    const model = archiveModel(tabs, snapshotOf(stack.spreadsheetId, tabs));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await toWorkbook(model).xlsx.writeBuffer());
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      ...tabs.map((t) => t.tab),
      'DS xếp loại',
      'DS đề nghị khen thưởng',
    ]);
    // Every unit of Đơn vị: those the campaign classifies, and its child campaigns (a Mã bảng tính) at the level
    // derived from below (their rows of Xếp loại).
    const [, ...unitRows] = tabs.find((t) => t.tab === 'Đơn vị')!.values;
    expect(workbook.getWorksheet('DS xếp loại')!.rowCount).toBe(4 + unitRows.length);
    expect(workbook.getWorksheet('DS đề nghị khen thưởng')!.rowCount).toBeGreaterThan(4);
    expect(workbook.getWorksheet('Đăng ký thi đua')!.getCell('A2').value).toBeInstanceOf(Date);
  });
});
