// The apply step against the local servers: grids that grow, and sends whose outcome SendGrid never told us.
import { afterEach, describe, expect, it } from 'vitest';
import type { Cell } from '../../../functions/core/cells.ts';
import { demoGrids } from '../../../scripts/demo/campaign.ts';
import { FORMS } from '../../../sheets-schema/index.ts';
import { SPREADSHEET_ID, startCampaignStack, type CampaignStack } from '../../faults/campaign-stack.ts';

const NOW = new Date('2026-11-23T08:00:00+07:00');
const FAST = { retries: 2, baseDelayMs: 1, maxDelayMs: 5 };

let stack: CampaignStack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

async function logRows(s: CampaignStack): Promise<Record<string, Cell>[]> {
  const grid = (await s.read(['Nhật ký thư'])).get('Nhật ký thư')!;
  const header = grid[0].map(String);
  return grid.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

describe('apply', () => {
  it('grows a system tab whose grid is too small before writing it', async () => {
    stack = await startCampaignStack(demoGrids(NOW, 'http://127.0.0.1:9/'));
    const book = await stack.api.spreadsheets.get({ spreadsheetId: SPREADSHEET_ID });
    const checks = book.data.sheets!.find((s) => s.properties?.title === 'Kiểm tra')!;
    await stack.api.spreadsheets.batchUpdate({
      spreadsheetId: SPREADSHEET_ID,
      requestBody: {
        requests: [
          {
            updateSheetProperties: {
              properties: { sheetId: checks.properties!.sheetId, gridProperties: { rowCount: 5 } },
              fields: 'gridProperties.rowCount',
            },
          },
        ],
      },
    });
    await stack.run('ingest', NOW);
    const responses = await stack.read(FORMS.map((f) => f.tab));
    const total = [...responses.values()].reduce((n, grid) => n + grid.length - 1, 0);
    expect((await stack.read(['Kiểm tra'])).get('Kiểm tra')!).toHaveLength(total + 1);
  });

  it('blanks the rows a shorter rewrite no longer fills, knowing only the old extent of the tab', async () => {
    stack = await startCampaignStack(demoGrids(NOW, 'http://127.0.0.1:9/'));
    await stack.run('ingest', NOW);
    const before = (await stack.read(['Kiểm tra'])).get('Kiểm tra')!.length;
    // The coordinator deletes five junk nomination rows from the response tab.
    const book = await stack.api.spreadsheets.get({ spreadsheetId: SPREADSHEET_ID });
    const nominations = book.data.sheets!.find((s) => s.properties?.title === 'Đề nghị khen thưởng')!;
    await stack.api.spreadsheets.batchUpdate({
      spreadsheetId: SPREADSHEET_ID,
      requestBody: {
        requests: [
          {
            deleteDimension: {
              range: { sheetId: nominations.properties!.sheetId, dimension: 'ROWS', startIndex: 1, endIndex: 6 },
            },
          },
        ],
      },
    });
    await stack.run('ingest', NOW);
    const after = (await stack.read(['Kiểm tra'])).get('Kiểm tra')!;
    expect(after).toHaveLength(before - 5);
    expect(after.every((row) => row.length > 0 && row[0] !== '')).toBe(true);
  });

  it('never resends an email whose request timed out after SendGrid may have taken it, and says so in Nhật ký thư', async () => {
    stack = await startCampaignStack(demoGrids(new Date('2026-03-05T08:00:00+07:00'), 'http://127.0.0.1:9/'));
    const at = new Date('2026-03-05T08:00:00+07:00');
    stack.mail.faults.inject({ latencyMs: 2500, count: 100 });
    const first = await runWith(stack, at, 800);
    expect(first.lines.join('\n')).toContain('chưa rõ kết quả');
    const inDoubt = (await logRows(stack)).filter((r) => r['Trạng thái'] === 'Đang gửi');
    expect(inDoubt.length).toBeGreaterThan(0);
    expect(String(inDoubt[0]['Chi tiết'])).toContain('Gửi lại');

    stack.mail.faults.clear();
    await new Promise((r) => setTimeout(r, 2600)); // let the slow server finish storing what it accepted
    await runWith(stack, at, 5000);
    const keys = stack.mail.outbox().flatMap((m) => m.rendered.map((r) => r.email_key));
    expect(new Set(keys).size).toBe(keys.length);
    expect((await logRows(stack)).filter((r) => r['Trạng thái'] === 'Đã gửi')).toHaveLength(0);
  });
});

/** Runs `ingest` with SendGrid requests timing out after `mailTimeoutMs`; Sheets requests keep their own timeout. */
async function runWith(s: CampaignStack, now: Date, mailTimeoutMs: number) {
  const { runJob } = await import('../../../functions/jobs/run.ts');
  return runJob('ingest', { now, env: s.env, mailTimeoutMs, retry: FAST });
}
