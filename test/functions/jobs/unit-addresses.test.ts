// An address in `Đơn vị` that is not one. The reader once kept anything with `@` and the mail gateway refused it, so
// the email failed as `Lỗi` and was due again on the next sweep: a new `Lỗi` row every 10 minutes, 144 a day.
import { afterEach, describe, expect, it } from 'vitest';
import type { Cell } from '../../../functions/core/cells.ts';
import { INVALID_EMAILS_SECTION } from '../../../functions/dashboard/index.ts';
import { benchCampaign, toSnapshot } from '../../../scripts/bench/campaign.ts';
import { TAB } from '../../../sheets-schema/index.ts';
import { startCampaignStack, type CampaignStack } from '../../faults/campaign-stack.ts';

const DECEMBER = new Date('2026-12-01T08:00:00+07:00');
const SWEEP = 10 * 60_000;

let stack: CampaignStack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

function rowsOf(values: readonly (readonly Cell[])[]): Record<string, Cell>[] {
  const header = values[0].map(String);
  return values.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

describe('an address in Đơn vị that is not an address', () => {
  it('is shown once in Tổng hợp and never mailed; the unit’s other address gets its email; two sweeps add no Lỗi row', async () => {
    const grids = toSnapshot(benchCampaign(3, 2026)).tabs as Map<string, Cell[][]>;
    const units = grids.get(TAB.units)!;
    const contact = units[0].indexOf('Email liên hệ');
    const dv2 = units.find((r) => r[0] === 'DV-00002')!;
    dv2[contact] = 'vanthu.dv00002@example.vn, thuky.dv00002@example';
    stack = await startCampaignStack(grids);

    await stack.run('ingest', DECEMBER);
    const logAfterFirst = rowsOf((await stack.read([TAB.mailLog])).get(TAB.mailLog)!);
    await stack.run('ingest', new Date(DECEMBER.getTime() + SWEEP));
    const tabs = await stack.read([TAB.mailLog, TAB.dashboard]);
    const log = rowsOf(tabs.get(TAB.mailLog)!);

    expect(log.filter((r) => r['Trạng thái'] !== 'Đã gửi')).toEqual([]);
    expect(log).toHaveLength(logAfterFirst.length);
    const toDv2 = stack.mail
      .outbox()
      .flatMap((m) => m.rendered)
      .filter((m) => m.to.some((t) => t.email.includes('dv00002')));
    // Its receipt and its results: each once, to the valid address alone.
    expect(toDv2.map((m) => m.email_key?.split('|')[0])).toEqual(['ingest', 'results']);
    for (const m of toDv2) expect(m.to.map((t) => t.email)).toEqual(['vanthu.dv00002@example.vn']);

    const dashboard = tabs.get(TAB.dashboard)!.map((r) => r.map(String));
    const title = dashboard.findIndex((r) => r[0] === INVALID_EMAILS_SECTION);
    expect(title).toBeGreaterThan(0);
    expect(dashboard.slice(title + 1)).toEqual([
      ['Mã đơn vị', 'Tên đơn vị', 'Cột', 'Địa chỉ', 'Lỗi'],
      [
        'DV-00002',
        String(dv2[units[0].indexOf('Tên đơn vị')]),
        'Email liên hệ',
        'thuky.dv00002@example',
        'Không phải địa chỉ email hợp lệ (ví dụ đúng: vanthu@donvi.gov.vn). Thư không gửi tới địa chỉ này cho đến khi ' +
          'được sửa; các địa chỉ hợp lệ khác của đơn vị vẫn nhận thư.',
      ],
    ]);
  });
});
