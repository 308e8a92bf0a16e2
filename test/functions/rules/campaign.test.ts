// The rules through the whole product: the demo campaign loaded into the local Sheets server, `ingest` run, and the
// tabs read back through the official client — then a coordinator changes a threshold and runs ingest again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cell } from '../../../functions/core/cells.ts';
import { demoGrids } from '../../../scripts/demo/campaign.ts';
import { SPREADSHEET_ID, startCampaignStack, type CampaignStack } from '../../faults/campaign-stack.ts';

const NOW = new Date('2026-11-23T08:00:00+07:00');
let stack: CampaignStack;

function records(grid: Cell[][]): Record<string, Cell>[] {
  const header = grid[0].map(String);
  return grid.slice(1).map((row) => Object.fromEntries(header.map((h, i) => [h, row[i] ?? ''])));
}

async function tab(name: string): Promise<Record<string, Cell>[]> {
  return records((await stack.read([name])).get(name)!);
}

beforeAll(async () => {
  stack = await startCampaignStack(demoGrids(NOW, 'http://127.0.0.1:9/'));
  await stack.run('ingest', NOW);
});
afterAll(() => stack.close());

describe('the demo campaign after ingest', () => {
  it('QĐ 510: an assessed score replaces the self-assessed total (Thẩm định)', async () => {
    const soXd = (await tab('Xếp loại')).find((r) => r['Mã đơn vị'] === 'SO-XD')!;
    expect(soXd['Tổng điểm']).toBe(68);
    expect(soXd['Xếp loại']).toBe('Trung bình');
  });

  it('QĐ 510: a serious incident caps the level at Trung bình, and seed 004 closes commendation to it', async () => {
    const maymac = (await tab('Xếp loại')).find((r) => r['Mã đơn vị'] === 'DN-MAYMAC')!;
    expect(maymac['Xếp loại']).toBe('Trung bình');
    expect(maymac['Được xét khen thưởng']).toBe('Không');
    expect(String(maymac['Lý do'])).toContain('vụ việc nghiêm trọng');
  });

  it('QĐ 510: no valid final report, no level and no rank', async () => {
    const soNv = (await tab('Xếp loại')).find((r) => r['Mã đơn vị'] === 'SO-NV')!;
    expect([soNv['Xếp loại'], soNv['Hạng trong Cụm/Khối'], soNv['Tổng điểm']]).toEqual(['Chưa xếp loại', '', '']);
  });

  it('seed 000: nominations are counted against the targets of Chỉ tiêu', async () => {
    const awards = await tab('Khen thưởng');
    for (const row of awards) {
      const eligible = Number(row['Số hợp lệ']);
      const min = row['Tối thiểu'] === '' ? 0 : Number(row['Tối thiểu']);
      const max = row['Tối đa'] === '' ? Infinity : Number(row['Tối đa']);
      const expected = eligible < min ? `Thiếu ${min - eligible}` : eligible > max ? `Vượt ${eligible - max}` : 'Đủ';
      expect(row['Tình trạng']).toBe(expected);
    }
    const medal = awards.find((r) => String(r['Hình thức khen thưởng']).startsWith('Kỷ niệm chương'))!;
    expect([medal['Tối thiểu'], medal['Tối đa']]).toEqual([5, 5]);
  });

  it('every response of the four forms has its Kiểm tra row', async () => {
    const checks = await tab('Kiểm tra');
    const snapshot = await stack.read(['Đăng ký thi đua', 'Báo cáo sơ kết', 'Báo cáo tổng kết', 'Đề nghị khen thưởng']);
    for (const [form, grid] of snapshot) {
      expect(checks.filter((r) => r['Biểu mẫu'] === form)).toHaveLength(grid.length - 1);
    }
  });

  it('a coordinator who raises Ngưỡng Khá sees the levels change after the next ingest, with no code change', async () => {
    const before = await tab('Xếp loại');
    const between = before
      // Below 75 points: under 80 on the 100 scale for the trade unions too (75 of their 94 points is 79.8).
      .filter((r) => r['Xếp loại'] === 'Khá' && Number(r['Tổng điểm']) < 75)
      .map((r) => r['Mã đơn vị']);
    expect(between.length).toBeGreaterThan(0);

    const config = (await stack.read(['Cấu hình'])).get('Cấu hình')!;
    const row = config.findIndex((r) => r[0] === 'Ngưỡng Khá') + 1;
    await stack.api.spreadsheets.values.update({
      spreadsheetId: SPREADSHEET_ID,
      range: `'Cấu hình'!B${row}`,
      valueInputOption: 'RAW',
      requestBody: { values: [['80']] },
    });
    await stack.run('ingest', NOW);

    const after = await tab('Xếp loại');
    for (const code of between) expect(after.find((r) => r['Mã đơn vị'] === code)!['Xếp loại']).toBe('Trung bình');
    // Each unit whose result changed gets one results summary for the change.
    const summaries = stack.mail
      .outbox()
      .flatMap((m) => m.rendered)
      .filter((m) => (m.email_key ?? '').startsWith('results|'));
    for (const code of between) {
      expect(summaries.filter((m) => (m.email_key ?? '').includes(`|${code}|`))).toHaveLength(2);
    }
  });
});
