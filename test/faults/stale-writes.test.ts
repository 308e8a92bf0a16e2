// Overlapping runs whose writes land out of order: the older snapshot can win the system tabs until the next run, which
// repairs them; no response and no email is lost or doubled meanwhile (README, "Overlapping runs and stale system
// tabs").
import { afterEach, describe, expect, it } from 'vitest';
import { TAB } from '../../sheets-schema/index.ts';
import { benchCampaign, toSnapshot } from '../../scripts/bench/campaign.ts';
import type { Cell } from '../../functions/core/cells.ts';
import { SPREADSHEET_ID, startCampaignStack, type CampaignStack } from './campaign-stack.ts';
import { deliveries, expectEveryResponseChecked, expectNoDuplicateEmails, expectWorkComplete } from './invariants.ts';

const NOW = new Date('2026-12-01T03:00:00Z');
/** Long enough for a whole second run to start and finish while the first one's write of the tabs is held. */
const HOLD_MS = 4_000;

let stack: CampaignStack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

/** `Trạng thái` of the `Kiểm tra` row that judges `tab` row `row`. */
async function verdict(s: CampaignStack, tab: string, row: number): Promise<string> {
  const [header = [], ...rows] = (await s.read([TAB.checks])).get(TAB.checks) ?? [];
  const found = rows.find((r) => r[header.indexOf('Biểu mẫu')] === tab && Number(r[header.indexOf('Dòng')]) === row);
  return String(found?.[header.indexOf('Trạng thái')] ?? '(không có)');
}

describe('overlapping runs whose writes of the tabs land out of order', () => {
  it('issue 15 defect 7: the older snapshot written last leaves Kiểm tra stale until the next run, which repairs it; every email once', async () => {
    const s = (stack = await startCampaignStack(toSnapshot(benchCampaign(3, 2026)).tabs));
    await s.run('ingest', NOW);
    expect(await verdict(s, TAB.registration, 2)).toBe('Hợp lệ');
    const [header] = (await s.read([TAB.registration])).get(TAB.registration)!;
    const column = String.fromCharCode(65 + header.indexOf('Nội dung cam kết'));
    const commitment = `'${TAB.registration}'!${column}2`;
    const original = (await s.read([TAB.registration])).get(TAB.registration)![1][header.indexOf('Nội dung cam kết')];
    const edit = (value: Cell) =>
      s.api.spreadsheets.values.update({
        spreadsheetId: SPREADSHEET_ID,
        range: commitment,
        valueInputOption: 'RAW',
        requestBody: { values: [[value]] },
      });

    // The unit blanks a required answer; run A reads that, plans to ask for a fix, and its write of the tabs (before
    // its claims) is held on the way.
    await edit('');
    s.sheets.faults.inject({ latencyMs: HOLD_MS, count: 1, methods: ['values.batchUpdate'] });
    s.sheets.resetStats();
    const older = s.run('ingest', NOW);
    while (!(s.sheets.stats().calls['values.batchUpdate'] >= 1)) await new Promise((r) => setTimeout(r, 10));

    // Meanwhile the unit puts the answer back, and run B judges the row valid and writes the tabs.
    await edit(original);
    await s.run('ingest', NOW);
    expect(await verdict(s, TAB.registration, 2)).toBe('Hợp lệ');

    // A's older write lands last: Kiểm tra shows the blanked answer's verdict although the row is valid again. A then
    // claims its emails: B holds all but the request for a fix, which A sends.
    await older;
    expect(await verdict(s, TAB.registration, 2)).toBe('Không hợp lệ');
    expectNoDuplicateEmails(s);
    const sentBeforeRepair = deliveries(s).size;

    // The next run (at the latest the 10-minute sweep) puts Kiểm tra right and sends nothing again.
    await s.run('ingest', NOW);
    expect(await verdict(s, TAB.registration, 2)).toBe('Hợp lệ');
    await expectEveryResponseChecked(s);
    expect(deliveries(s).size).toBe(sentBeforeRepair);
    expectNoDuplicateEmails(s);
    await expectWorkComplete(s);
  }, 30_000);
});
