// Issue 15, defects 4 and 5: an out-of-range serial timestamp and a mistyped `Múi giờ` never become "NaN".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TAB, TIMESTAMP_HEADER } from '../../../sheets-schema/index.ts';
import { demoGrids } from '../../../scripts/demo/campaign.ts';
import { DEFAULT_TIME_ZONE, formatDateTime, type Cell } from '../../../functions/core/cells.ts';
import type { JobSummary } from '../../../functions/jobs/run.ts';
import { startCampaignStack, type CampaignStack } from '../../faults/campaign-stack.ts';

const NOW = new Date('2026-11-23T08:00:00+07:00');
const BAD_WORDS = /NaN|undefined|Invalid Date/;
const rows = (tab: Cell[][] | undefined) => tab ?? [];

function demoWith(change: (grids: Map<string, Cell[][]>) => void): Map<string, Cell[][]> {
  const grids = demoGrids(NOW, 'http://127.0.0.1:9/');
  change(grids);
  return grids;
}

describe('defect 4: Dấu thời gian = 1e9 (a serial in the year 2739877)', () => {
  let stack: CampaignStack;
  let unit = '';
  beforeAll(async () => {
    stack = await startCampaignStack(
      demoWith((grids) => {
        const grid = grids.get(TAB.registration)!;
        grid[1][grid[0].indexOf(TIMESTAMP_HEADER)] = 1e9;
        unit = String(grid[1][grid[0].indexOf('Mã đơn vị')]);
      }),
    );
    await stack.run('ingest', NOW);
  });
  afterAll(() => stack.close());

  it('is an invalid answer whose Kiểm tra row says the year is out of range, with no NaN', async () => {
    const checks = rows((await stack.read([TAB.checks])).get(TAB.checks));
    const col = (h: string) => checks[0].indexOf(h);
    const row = checks.find(
      (r) =>
        r[col('Biểu mẫu')] === TAB.registration &&
        r[col('Mã đơn vị')] === unit &&
        String(r[col('Lỗi')]).includes('1900–2200'),
    );
    expect(row, 'the Kiểm tra row of the response').toBeDefined();
    expect(row![col('Trạng thái')]).toBe('Không hợp lệ');
    expect(row![col('Lỗi')]).toBe(
      'Cột "Dấu thời gian": không đọc được thời điểm nộp "1000000000", vì đó không phải một ngày trong khoảng năm 1900–2200; hãy kiểm tra lại ô này.',
    );
    for (const r of checks) expect(r.join('|')).not.toMatch(BAD_WORDS);
  });

  it('sends no email with NaN in it', () => {
    const rendered = stack.mail.outbox().flatMap((m) => m.rendered);
    expect(rendered.length).toBeGreaterThan(0);
    for (const r of rendered) expect(`${r.subject}\n${r.text}\n${r.html}`).not.toMatch(BAD_WORDS);
  });
});

describe('defect 5: a mistyped Múi giờ', () => {
  let stack: CampaignStack;
  let summaries: JobSummary[];
  beforeAll(async () => {
    stack = await startCampaignStack(
      demoWith((grids) => {
        const config = grids.get(TAB.config)!;
        config.find((r) => r[0] === 'Múi giờ')![1] = 'Asia/HoChiMinh';
      }),
    );
    summaries = [await stack.run('ingest', NOW), await stack.run('remind', NOW)];
  });
  afterAll(() => stack.close());

  it('writes the mail log in the default zone, never NaN', async () => {
    const log = rows((await stack.read([TAB.mailLog])).get(TAB.mailLog));
    const when = log[0].indexOf('Thời điểm');
    expect(log.length).toBeGreaterThan(1);
    for (const r of log.slice(1)) expect(r[when]).toBe(formatDateTime(NOW, DEFAULT_TIME_ZONE));
    for (const r of log) expect(r.join('|')).not.toMatch(BAD_WORDS);
  });

  it('warns once per run that the default zone stands in', () => {
    for (const summary of summaries) {
      const warnings = summary.lines.filter((l) => l.includes("'Múi giờ'"));
      expect(warnings).toEqual([
        "Cấu hình, 'Múi giờ': 'Asia/HoChiMinh' không phải tên múi giờ hợp lệ (ví dụ Asia/Ho_Chi_Minh); lượt chạy này dùng múi giờ mặc định Asia/Ho_Chi_Minh cho mọi hạn nộp, dấu thời gian và nhật ký thư.",
      ]);
    }
  });

  it('dates every system tab in the default zone', async () => {
    const tabs = await stack.read([TAB.checks, TAB.progress, TAB.dashboard]);
    for (const [, grid] of tabs) for (const r of grid) expect(r.join('|')).not.toMatch(BAD_WORDS);
    const dashboard = tabs.get(TAB.dashboard)!;
    expect(dashboard.find((r) => r[0] === 'Cập nhật lúc')?.[1]).toBe(formatDateTime(NOW, DEFAULT_TIME_ZONE));
  });
});
