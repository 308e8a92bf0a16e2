// The web view's single-page nominations form toggles `required` as the unit answers, in a real browser: the same
// condition the server checks (isRequired) and the generated Google Form's sections ask.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../support/chromium.ts';
import { FORM_SCRIPT, renderForm } from '../../../scripts/web/form-page.ts';
import { page as layout } from '../../../scripts/web/html.ts';
import { awardsFromValues, questionsOf } from '../../../scripts/web/questions.ts';
import {
  AWARD_CERTIFICATE,
  AWARD_FLAG,
  AWARD_MEDAL,
  AWARD_MINISTER_CERTIFICATE,
  AWARD_PROVINCE_CERTIFICATE,
  NOMINATION_FORM,
  catalogueRows,
  defaultAwards,
  type AwardDef,
} from '../../../sheets-schema/index.ts';

/** A second once-in-a-lifetime award after the medal, as a campaign may add in its own catalogue. */
const BADGE = 'Huy hiệu "Vì an ninh Tổ quốc"';
const awards: AwardDef[] = awardsFromValues(
  catalogueRows([...defaultAwards(), { ...defaultAwards()[2], name: BADGE, source: 'Quy chế của phong trào' }]),
);

let browser: Browser;
let tab: Page;

beforeAll(async () => {
  browser = await launchChromium();
  tab = await browser.newPage();
  const questions = questionsOf(NOMINATION_FORM, [], awards);
  const form = renderForm({ form: NOMINATION_FORM, questions, answers: {}, errors: new Map(), action: '/' });
  await tab.setContent(layout(NOMINATION_FORM.title, form, FORM_SCRIPT));
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

const choose = (header: string, value: string) =>
  tab.locator(`input[type=radio][name="${header}"][value="${value.replaceAll('"', '\\"')}"]`).check();
/** `required` is a reflected attribute: the script's `c.required = on` shows here. */
const required = async (header: string) =>
  (await tab.locator(`[name="${header}"]`).first().getAttribute('required')) !== null;
const starShown = (header: string) =>
  tab
    .locator('.q', { has: tab.locator(`[name="${header}"]`) })
    .locator('.req')
    .isVisible();

describe('web form: live required toggles (docs/design/awards.md §2, Identity and privacy)', () => {
  it('awards.md §2: Ngày sinh is required for an individual nominated for any award the registry checks, not only the first, and not for a collective', async () => {
    await choose('Đối tượng', 'Cá nhân');
    await choose('Hình thức khen thưởng', AWARD_CERTIFICATE);
    expect([await required('Ngày sinh'), await starShown('Ngày sinh')]).toEqual([false, false]);
    await choose('Hình thức khen thưởng', AWARD_MEDAL);
    expect([await required('Ngày sinh'), await starShown('Ngày sinh')]).toEqual([true, true]);
    await choose('Hình thức khen thưởng', BADGE);
    expect([await required('Ngày sinh'), await starShown('Ngày sinh')]).toEqual([true, true]);
    await choose('Đối tượng', 'Tập thể');
    expect([await required('Ngày sinh'), await starShown('Ngày sinh')]).toEqual([false, false]);
    const help = await tab.locator('.q', { has: tab.locator('[name="Ngày sinh"]') }).innerText();
    expect(help).toContain(
      `Bắt buộc khi "Đối tượng" là "Cá nhân" và "Hình thức khen thưởng" là "${AWARD_MEDAL}" hoặc "${BADGE}".`,
    );
  });

  it('awards.md §1: Thành tích tóm tắt follows every catalogue row asking it (Bằng khen of the province, Cờ thi đua), not only the first', async () => {
    for (const [award, on] of [
      [AWARD_MINISTER_CERTIFICATE, true],
      [AWARD_PROVINCE_CERTIFICATE, true],
      [AWARD_FLAG, true],
      [AWARD_CERTIFICATE, false],
    ] as const) {
      await choose('Hình thức khen thưởng', award);
      expect([award, await required('Thành tích tóm tắt')]).toEqual([award, on]);
    }
  });
});
