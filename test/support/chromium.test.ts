// The browser tests must run on a machine with Node and npm only: the Chromium shipped inside the npm package has to
// start headless with the flags the tests use and lay out Vietnamese text with a real font, wherever Debian's is
// absent.
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledChromium, findChromium, launchChromium } from './chromium.ts';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('finding a Chromium for the browser tests', () => {
  it("takes Debian's binary when one is installed, and the npm package's when none is", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'thidua-chromium-'));
    dirs.push(dir);
    const installed = path.join(dir, 'chromium');
    await writeFile(installed, '#!/bin/sh\n');
    await chmod(installed, 0o755);
    expect(await findChromium(installed)).toMatchObject({ kind: 'system', executablePath: installed });

    const hidden = path.join(dir, 'not-executable');
    await writeFile(hidden, '');
    const fallback = await findChromium(hidden);
    expect(fallback.kind).toBe('bundled');
    expect(fallback.executablePath).toContain(path.join('node_modules', '.cache', 'thidua-chromium'));
  }, 120_000);

  it('starts the Chromium shipped in the npm package headless and renders Vietnamese text with its own font', async () => {
    const browser = await launchChromium(await bundledChromium());
    try {
      const page = await browser.newPage();
      await page.setContent('<span id="t" style="font-size:20px">Tiến độ nộp báo cáo: Đã nộp</span>');
      expect(await page.locator('#t').innerText()).toBe('Tiến độ nộp báo cáo: Đã nộp');
      // With no font the line has no height and the text no width; with one, both are a real line's.
      const box = (await page.locator('#t').boundingBox())!;
      expect(box.height).toBeGreaterThan(15);
      expect(box.width).toBeGreaterThan(200);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
