// `Sổ mô hình` through the ingest job on the local Sheets server: filled from the demo's registrations, and a
// coordinator's edits between two runs survive, because a run writes only the rows it adds or changes.
import { afterEach, describe, expect, it } from 'vitest';
import { quoteSheet } from '../../../functions/core/a1.ts';
import { MODEL_REGISTER_HEADERS as M, TAB } from '../../../sheets-schema/index.ts';
import { demoGrids } from '../../../scripts/demo/campaign.ts';
import { SPREADSHEET_ID, startCampaignStack, type CampaignStack } from '../../faults/campaign-stack.ts';

const NOW = new Date('2026-11-23T08:00:00+07:00');
let stack: CampaignStack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

describe('Sổ mô hình, kept by the jobs (seed 002)', () => {
  it('seed 002: the first run lists the registered models; the coordinator’s status and evaluation survive the next runs', async () => {
    stack = await startCampaignStack(demoGrids(NOW, 'http://127.0.0.1:9/'));
    await stack.run('ingest', NOW);
    const first = (await stack.read([TAB.models])).get(TAB.models)!;
    const header = first[0].map(String);
    const col = (h: string) => header.indexOf(h);
    expect(first.length).toBeGreaterThan(5);
    expect(first.slice(1).every((r) => r[col(M.status)] === 'Đang hoạt động' && r[col(M.startYear)] === 2026)).toBe(
      true,
    );

    // The coordinator marks the first model replicated, evaluates it and names its field.
    const edited = [...first[1]];
    edited[col(M.field)] = 'An ninh trật tự';
    edited[col(M.status)] = 'Nhân rộng';
    edited[col(M.evaluation)] = 'Hiệu quả, đề nghị nhân rộng';
    await stack.api.spreadsheets.values.update({
      spreadsheetId: SPREADSHEET_ID,
      range: `${quoteSheet(TAB.models)}!A2`,
      valueInputOption: 'RAW',
      requestBody: { values: [edited] },
    });
    await stack.run('ingest', new Date(NOW.getTime() + 3_600_000));
    await stack.run('remind', new Date(NOW.getTime() + 7_200_000));
    const after = (await stack.read([TAB.models])).get(TAB.models)!;
    expect(after.length).toBe(first.length);
    expect(after[1]).toEqual(edited);
  }, 120_000);
});
