// The demo province on the local stack shows its child campaigns' figures (issue 19 §4): two districts, one with a
// commune of its own, and a department, each its own spreadsheet on the same local Sheets server.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TAB } from '../../../sheets-schema/index.ts';
import type { Cell } from '../../../functions/core/cells.ts';
import { createSheetsClient } from '../../../functions/gateways/sheets-client.ts';
import { DEMO_CHILDREN } from '../../../scripts/demo/children.ts';
import { startLocalStack, type LocalStack } from '../../../scripts/stack/index.ts';

const NOW = new Date('2026-12-01T03:00:00Z');
let dataDir: string;
let stack: LocalStack;

async function tab(spreadsheetId: string, name: string): Promise<Cell[][]> {
  const api = createSheetsClient(stack.urls.sheets);
  const res = await api.spreadsheets.values.get({
    spreadsheetId,
    range: `'${name}'`,
    valueRenderOption: 'UNFORMATTED_VALUE',
  });
  return (res.data.values ?? []) as Cell[][];
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'thidua-demo-rollup-'));
  stack = await startLocalStack({ dataDir, servers: 'data', now: () => NOW });
}, 120_000);

afterAll(async () => {
  await stack?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('the demo province rolls up its child campaigns', () => {
  it('shows each child with its whole subtree in Tổng hợp cấp dưới, three levels deep', async () => {
    const lines = await stack.rollUp();
    expect(lines).toContain('Đọc bảng tính cấp dưới: 3 yêu cầu values.batchGet.');
    expect(lines).toContain(`${TAB.children}: đọc được 3/3 bảng tính cấp dưới.`);
    const [headers, ...rows] = await tab(stack.spreadsheetId, TAB.children);
    const col = (h: string) => headers.indexOf(h);
    expect(rows.map((r) => r[col('Mã đơn vị')])).toEqual(DEMO_CHILDREN.map((c) => c.code));
    expect(rows.map((r) => r[col('Tình trạng')])).toEqual(['Đã đọc', 'Đã đọc', 'Đã đọc']);
    // The district counts its own units and its commune's; the others their own.
    const [dongPhu, buDang, pv01] = DEMO_CHILDREN;
    expect(rows.map((r) => r[col('Số đơn vị')])).toEqual([
      dongPhu.units + dongPhu.children[0].units,
      buDang.units,
      pv01.units,
    ]);
    // Every unit of the bench campaigns sent its final report by the deadline.
    expect(rows.map((r) => r[col('Mốc TK: Tỷ lệ đã nộp (%)')])).toEqual([100, 100, 100]);
    // The province's own dashboard counts only the units that fill its forms.
    const dashboard = await tab(stack.spreadsheetId, TAB.dashboard);
    expect(dashboard.find((r) => r[0] === 'Số đơn vị')?.[1]).toBe(28);

    // Its indicator totals with the children's: its own section plus each child's row, in a section of their own.
    const section = (title: string) => {
      const at = dashboard.findIndex((r) => r[0] === title);
      const body = dashboard.slice(at + 2);
      return new Map(
        body
          .slice(
            0,
            body.findIndex((r) => r.length === 0),
          )
          .map((r) => [String(r[0]), r] as const),
      );
    };
    const own = section('KẾT QUẢ CÁC CHỈ TIÊU BÁO CÁO (TOÀN PHONG TRÀO)');
    const all = section('KẾT QUẢ CÁC CHỈ TIÊU BÁO CÁO (CẢ CẤP DƯỚI)');
    const talks = 'Số buổi tuyên truyền';
    const children = rows.reduce((sum, r) => sum + Number(r[col(`Tổng kết: ${talks}`)]), 0);
    expect(children).toBeGreaterThan(0);
    expect(all.get(talks)?.[3]).toBe(Number(own.get(talks)?.[3]) + children);
    expect(all.get('Số đơn vị đã báo cáo')?.[3]).toBe(
      Number(own.get('Số đơn vị đã báo cáo')?.[3]) +
        rows.reduce((sum, r) => sum + Number(r[col('Tổng kết: Số đơn vị đã báo cáo')]), 0),
    );
    expect(all.get('Số cấp dưới có bảng tính riêng (đã có số liệu)')?.slice(2, 4)).toEqual([3, 3]);
  });
});
