// A coordinator renames a required header: the job stops with a clear Vietnamese error and writes and sends nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABS } from '../../../sheets-schema/index.ts';
import { demoGrids } from '../../../scripts/demo/campaign.ts';
import { SPREADSHEET_ID, startCampaignStack, type CampaignStack } from '../../faults/campaign-stack.ts';

const NOW = new Date('2026-11-23T08:00:00+07:00');
const ALL_TABS = TABS.map((t) => t.name);
let stack: CampaignStack;

beforeAll(async () => {
  stack = await startCampaignStack(demoGrids(NOW, 'http://127.0.0.1:9/'));
  await stack.run('ingest', NOW); // a normal first run, so the system tabs have content to protect
});
afterAll(() => stack.close());

describe('a renamed required header', () => {
  it.each([
    ['Đơn vị', 'Mã đơn vị', 'Mã ĐV'],
    ['Báo cáo tổng kết', 'Để xảy ra vụ việc nghiêm trọng về ANTT', 'Có vụ việc nghiêm trọng?'],
  ])('in %s (%s) stops every job before it writes or sends anything', async (tab, header, renamed) => {
    const grid = (await stack.read([tab])).get(tab)!;
    const column = grid[0].findIndex((h) => h === header);
    const cell = `'${tab}'!${String.fromCharCode(65 + column)}1`;
    await stack.api.spreadsheets.values.update({
      spreadsheetId: SPREADSHEET_ID,
      range: cell,
      valueInputOption: 'RAW',
      requestBody: { values: [[renamed]] },
    });
    const before = await stack.read(ALL_TABS);
    const mailsBefore = stack.mail.outbox().length;

    for (const job of ['ingest', 'remind', 'digest'] as const) {
      await expect(stack.run(job, NOW)).rejects.toThrow(`Trang tính '${tab}' thiếu cột '${header}'`);
    }
    expect(await stack.read(ALL_TABS)).toEqual(before);
    expect(stack.mail.outbox()).toHaveLength(mailsBefore);

    await stack.api.spreadsheets.values.update({
      spreadsheetId: SPREADSHEET_ID,
      range: cell,
      valueInputOption: 'RAW',
      requestBody: { values: [[header]] },
    });
    await expect(stack.run('ingest', NOW)).resolves.toBeDefined();
  });
});
