// `Sổ mô hình` (seed 002; DOMAIN.md §5): what a run adds and what it leaves to the coordinator.
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../../functions/core/cells.ts';
import { evaluateCampaign } from '../../../functions/rules/index.ts';
import { modelRegisterTab } from '../../../functions/results/model-register.ts';
import { MODEL_REGISTER_HEADERS, TAB } from '../../../sheets-schema/index.ts';
import { campaign } from '../rules/builder.ts';

const NOW = new Date('2026-12-01T00:00:00Z');
const HEADERS = Object.values(MODEL_REGISTER_HEADERS);

/** Units A and B registered in 2026, A with two models; `rows` already in the register. */
function register(rows: Cell[][], models = 'Tổ tự quản khu nhà trọ\n- Camera an ninh khu phố') {
  const b = campaign()
    .setting('Năm', 2026)
    .unit('A')
    .unit('B')
    .register('A', { 'Mô hình điển hình đăng ký': models })
    .register('B', { 'Mô hình điển hình đăng ký': 'Tổ hòa giải ở cơ sở' })
    .tab(TAB.models, [HEADERS, ...rows]);
  const snapshot = b.snapshot();
  return modelRegisterTab(snapshot, evaluateCampaign(snapshot, NOW), 2026)?.rows;
}

describe('Sổ mô hình (seed 002: mô hình, điển hình; DOMAIN.md §5)', () => {
  it('seed 002: each model a unit registers becomes a row: started this year, Đang hoạt động, field and evaluation left to the coordinator', () => {
    expect(register([])).toEqual([
      HEADERS,
      ['A', 'Đơn vị A', 'Tổ tự quản khu nhà trọ', '', 2026, 'Đang hoạt động', '', 2026, ''],
      ['A', 'Đơn vị A', 'Camera an ninh khu phố', '', 2026, 'Đang hoạt động', '', 2026, ''],
      ['B', 'Đơn vị B', 'Tổ hòa giải ở cơ sở', '', 2026, 'Đang hoạt động', '', 2026, ''],
    ]);
  });

  it('seed 002: the coordinator’s field, start year, status and evaluation are kept; a model seen again is not added twice', () => {
    const kept: Cell[][] = [
      [
        'A',
        'Đơn vị A',
        'Tổ tự quản khu nhà trọ',
        'An ninh trật tự',
        2019,
        'Nhân rộng',
        'Hiệu quả, nhân rộng ra 3 khu phố',
        2025,
        '',
      ],
      ['C', 'Đơn vị C', 'Đội dân phòng', 'Phòng cháy', 2015, 'Giải thể', 'Không còn hoạt động', 2023, ''],
    ];
    expect(register(kept, 'tổ tự quản  khu nhà trọ')).toEqual([
      HEADERS,
      [...kept[0].slice(0, 7), 2026, ''],
      kept[1],
      ['B', 'Đơn vị B', 'Tổ hòa giải ở cơ sở', '', 2026, 'Đang hoạt động', '', 2026, ''],
    ]);
  });

  it('bad input: a status or start year the register cannot read is named in Ghi chú, in Vietnamese, and left as typed', () => {
    const rows = register([['A', 'Đơn vị A', 'Tổ tự quản khu nhà trọ', '', 'năm ngoái', 'đang chạy', '', 2025, '']]);
    expect(rows?.[1]).toEqual([
      'A',
      'Đơn vị A',
      'Tổ tự quản khu nhà trọ',
      '',
      'năm ngoái',
      'đang chạy',
      '',
      2026,
      '"Tình trạng" là "đang chạy": hãy ghi Đang hoạt động, Nhân rộng, Giải thể. "Năm bắt đầu" là "năm ngoái": hãy ghi năm gồm 4 chữ số, từ 1945 đến 2026.',
    ]);
  });

  it('a spreadsheet without the tab is left alone (setup-sheets adds it)', () => {
    const snapshot = campaign().unit('A').register('A', { 'Mô hình điển hình đăng ký': 'Tổ tự quản' }).snapshot();
    expect(modelRegisterTab(snapshot, evaluateCampaign(snapshot, NOW), 2026)).toBeNull();
  });
});
