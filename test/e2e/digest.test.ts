// The weekly digest as a leader opens it: rendered by the local SendGrid-compatible server, shown in headless
// Chromium. The progress bars must have real widths, the tables their rows, and the text part the same figures.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoGrids } from '../../scripts/demo/campaign.ts';
import { startCampaignStack, type CampaignStack } from '../faults/campaign-stack.ts';
import { launchChromium } from '../support/chromium.ts';

const MONDAY = new Date('2026-11-23T07:30:00+07:00');
const SHOTS = path.resolve('test-results/e2e');

let stack: CampaignStack;
let browser: Browser;

beforeAll(async () => {
  stack = await startCampaignStack(demoGrids(MONDAY, 'http://127.0.0.1:9/'));
  await stack.run('ingest', MONDAY);
  await stack.run('digest', MONDAY);
  browser = await launchChromium();
  await mkdir(SHOTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

describe('weekly digest in a browser', () => {
  it('shows a progress bar and the figures per milestone, and the text part says the same', async () => {
    const digests = stack.mail
      .outbox()
      .flatMap((m) => m.rendered)
      .filter((m) => (m.email_key ?? '').startsWith('digest|'));
    // Two leader lists in the demo's Cấu hình: one email each.
    expect(digests).toHaveLength(2);
    const digest = digests[0];

    const page = await browser.newPage({ viewport: { width: 720, height: 900 } });
    await page.setContent(digest.html, { waitUntil: 'load' });
    await page.screenshot({ path: path.join(SHOTS, 'ban-tin-tuan.png'), fullPage: true });

    // Each milestone line carries its share submitted; the bar beneath it is drawn from table cells with widths.
    const milestones = await page.locator('td', { hasText: /^(DK|KH|SK|TK|KT) – / }).allInnerTexts();
    expect(milestones.map((t) => t.slice(0, 2))).toEqual(['DK', 'KH', 'SK', 'TK', 'KT']);
    const barRows = page.locator('table[style*="table-layout:fixed"] tr');
    const bars: number[] = [];
    for (let i = 0; i < (await barRows.count()); i++) {
      let width = 0;
      for (const cell of await barRows.nth(i).locator('td').all()) width += (await cell.boundingBox())?.width ?? 0;
      bars.push(width);
    }
    expect(bars.length).toBeGreaterThanOrEqual(5);
    for (const width of bars.slice(0, 5)) expect(width).toBeGreaterThan(300);

    const percents = await page.locator('td[align="right"]').allInnerTexts();
    const shown = percents.filter((t) => /%$/.test(t.trim())).slice(0, 5);
    expect(shown).toHaveLength(5);
    for (const percent of shown) expect(digest.text).toContain(percent.trim());
    await page.close();
  });
});
