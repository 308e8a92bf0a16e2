// Issue 15, defect 2 and part 4: deleting or renaming `Nhật ký thư` resent the whole year. A run that finds the log
// lost sends nothing, says how to restore it in `Tổng hợp`, and stops; a coordinator may start it afresh on purpose.
import { afterEach, describe, expect, it } from 'vitest';
import { TAB } from '../../../sheets-schema/index.ts';
import { formatDate } from '../../../functions/core/cells.ts';
import { demoGrids } from '../../../scripts/demo/campaign.ts';
import { SPREADSHEET_ID, startCampaignStack, type CampaignStack } from '../../faults/campaign-stack.ts';

const NOW = new Date('2026-11-23T08:00:00+07:00');
const LATER = new Date('2026-11-23T08:10:00+07:00');

let stack: CampaignStack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

/** The demo after its first ingest: every receipt of the year sent and logged. */
async function ranOnce(): Promise<CampaignStack> {
  const s = await startCampaignStack(demoGrids(NOW, 'http://127.0.0.1:9/'));
  await s.run('ingest', NOW);
  expect(s.mail.outbox().length).toBeGreaterThan(0);
  return s;
}

async function sheetId(s: CampaignStack, title: string): Promise<number> {
  const sheets = (await s.api.spreadsheets.get({ spreadsheetId: SPREADSHEET_ID })).data.sheets ?? [];
  return sheets.find((x) => x.properties?.title === title)!.properties!.sheetId!;
}

async function structure(s: CampaignStack, request: object): Promise<void> {
  await s.api.spreadsheets.batchUpdate({ spreadsheetId: SPREADSHEET_ID, requestBody: { requests: [request] } });
}

const deliveries = (s: CampaignStack) => s.mail.outbox().flatMap((m) => m.rendered).length;

async function titles(s: CampaignStack): Promise<string[]> {
  return ((await s.api.spreadsheets.get({ spreadsheetId: SPREADSHEET_ID })).data.sheets ?? []).map(
    (x) => x.properties?.title ?? '',
  );
}

describe('defect 2: the mail log deleted or renamed', () => {
  it.each([
    ['deleted', async (s: CampaignStack) => structure(s, { deleteSheet: { sheetId: await sheetId(s, TAB.mailLog) } })],
    [
      'renamed',
      async (s: CampaignStack) =>
        structure(s, {
          updateSheetProperties: {
            properties: { sheetId: await sheetId(s, TAB.mailLog), title: 'Nhật ký thư cũ' },
            fields: 'title',
          },
        }),
    ],
  ])('%s: no longer resends the whole year; every job stops and Tổng hợp says how to restore it', async (_, lose) => {
    stack = await ranOnce();
    const sent = deliveries(stack);
    await lose(stack);
    for (const job of ['ingest', 'remind', 'digest'] as const) {
      await expect(stack.run(job, LATER)).rejects.toThrow(
        /Dừng gửi thư: không tìm thấy trang 'Nhật ký thư'.*Lịch sử phiên bản/,
      );
    }
    expect(deliveries(stack)).toBe(sent);
    expect(await titles(stack)).not.toContain(TAB.mailLog); // never re-created empty
    const dashboard = (await stack.read([TAB.dashboard])).get(TAB.dashboard)!;
    expect(dashboard[0][0]).toBe('ĐÃ DỪNG GỬI THƯ: NHẬT KÝ THƯ BỊ MẤT');
    expect(String(dashboard[2][0])).toContain('Tệp → Lịch sử phiên bản');
    expect(dashboard.some((r) => r[0] === 'Cập nhật lúc')).toBe(true);
  });

  it('renamed back: the next run sends nothing again and the notice goes', async () => {
    stack = await ranOnce();
    const sent = deliveries(stack);
    const id = await sheetId(stack, TAB.mailLog);
    await structure(stack, {
      updateSheetProperties: { properties: { sheetId: id, title: 'Nhật ký thư cũ' }, fields: 'title' },
    });
    await expect(stack.run('ingest', LATER)).rejects.toThrow(/Dừng gửi thư/);
    await structure(stack, {
      updateSheetProperties: { properties: { sheetId: id, title: TAB.mailLog }, fields: 'title' },
    });
    const summary = await stack.run('ingest', LATER);
    expect(summary.mailRequests).toBe(0);
    expect(deliveries(stack)).toBe(sent);
    expect((await stack.read([TAB.dashboard])).get(TAB.dashboard)![0][0]).not.toContain('ĐÃ DỪNG');
  });

  it("its key column renamed: stops, naming the column 'Khóa'", async () => {
    stack = await ranOnce();
    const sent = deliveries(stack);
    await stack.api.spreadsheets.values.update({
      spreadsheetId: SPREADSHEET_ID,
      range: `'${TAB.mailLog}'!A1`,
      valueInputOption: 'RAW',
      requestBody: { values: [['Mã thư']] },
    });
    await expect(stack.run('ingest', LATER)).rejects.toThrow(/không còn cột 'Khóa'/);
    expect(deliveries(stack)).toBe(sent);
  });

  it("started afresh with today's date in 'Bắt đầu lại nhật ký thư': records what is due as not resent, sends none, then goes on", async () => {
    stack = await ranOnce();
    const sent = deliveries(stack);
    await structure(stack, { deleteSheet: { sheetId: await sheetId(stack, TAB.mailLog) } });
    await stack.api.spreadsheets.values.append({
      spreadsheetId: SPREADSHEET_ID,
      range: `'${TAB.config}'`,
      valueInputOption: 'RAW',
      requestBody: { values: [['Bắt đầu lại nhật ký thư', formatDate(LATER)]] },
    });
    await stack.run('ingest', LATER);
    expect(deliveries(stack)).toBe(sent);
    const log = (await stack.read([TAB.mailLog])).get(TAB.mailLog)!;
    const status = log[0].indexOf('Trạng thái');
    expect(log.length).toBeGreaterThan(1);
    expect(new Set(log.slice(1).map((r) => r[status]))).toEqual(new Set(['Không gửi lại']));
    // The next day the key no longer acts, and the fresh log keeps the past from being sent again.
    const tomorrow = new Date(LATER.getTime() + 86_400_000);
    const next = await stack.run('ingest', tomorrow);
    expect(next.mailRequests).toBe(0);
    expect(deliveries(stack)).toBe(sent);
  });

  it('a new campaign whose log was never written is not a loss', async () => {
    stack = await startCampaignStack(demoGrids(NOW, 'http://127.0.0.1:9/'));
    await structure(stack, { deleteSheet: { sheetId: await sheetId(stack, TAB.mailLog) } });
    await stack.run('ingest', NOW);
    expect(deliveries(stack)).toBeGreaterThan(0);
    expect(await titles(stack)).toContain(TAB.mailLog);
  });
});
