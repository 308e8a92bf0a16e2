import { describe, expect, it } from 'vitest';
import { parsePerGroup, readCatalogue } from '../../../functions/awards/catalogue.ts';
import { evaluateCampaign } from '../../../functions/rules/index.ts';
import {
  AWARD_FLAG,
  AWARD_MODELS,
  AWARD_ONE_OFF,
  AWARD_PROVINCE_CERTIFICATE,
  CATALOGUE_HEADERS,
  TAB,
  catalogueRows,
  defaultAwards,
} from '../../../sheets-schema/index.ts';
import type { Cell } from '../../../functions/core/cells.ts';
import { campaign } from '../rules/builder.ts';

const NOW = new Date('2026-12-01T00:00:00Z');
const H = CATALOGUE_HEADERS;

/** Units A… rated Xuất sắc, each with a valid final report. */
const rated = (...codes: string[]) => {
  const b = campaign();
  // Recognised "An toàn về ANTT", as the default Bằng khen and Cờ thi đua rows ask of a collective's unit.
  for (const code of codes) b.unit(code).report(code, { TC1: 50, TC2: 45 }).recognised(code);
  return b;
};
const verdicts = (b: ReturnType<typeof campaign>) =>
  evaluateCampaign(b.snapshot(), NOW).nominations.map((v) => [v.nominee, v.status, v.reason]);
const nomination = (award: string, kind: string, name: string, extra: Record<string, Cell> = {}) => ({
  'Đối tượng': kind,
  'Hình thức khen thưởng': award,
  'Họ tên / Tên tập thể': name,
  ...extra,
});

describe('Danh mục khen thưởng: the catalogue as data', () => {
  it('the shipped defaults read back from their own rows unchanged (what setup writes is what the rules read)', () => {
    const snapshot = { spreadsheetId: 't', tabs: new Map([[TAB.catalogue, catalogueRows(defaultAwards())]]) };
    expect(readCatalogue(snapshot).map(({ row: _row, problems, ...award }) => ({ ...award, problems }))).toEqual(
      defaultAwards().map((a) => ({ ...a, problems: [] })),
    );
  });

  it('an absent tab reads as the shipped defaults, so an older spreadsheet keeps its awards', () => {
    const names = readCatalogue({ spreadsheetId: 't', tabs: new Map() }).map((a) => a.name);
    expect(names).toEqual(defaultAwards().map((a) => a.name));
  });

  it('per-group figures: a bare number, entries by label, and what cannot be read', () => {
    expect(parsePerGroup('10')).toEqual({ all: 10, entries: [] });
    expect(parsePerGroup('Lãnh đạo: 10; Nam: 15; Nữ: 10')).toEqual({
      all: null,
      entries: [
        { label: 'Lãnh đạo', value: 10 },
        { label: 'Nam', value: 15 },
        { label: 'Nữ', value: 10 },
      ],
    });
    expect(parsePerGroup('')).toBeNull();
    expect(parsePerGroup('mười năm')).toBe('mười năm');
  });

  it('seed 001: the provincial chairman’s Bằng khen is nominated and counted from the default catalogue', () => {
    const b = rated('A')
      .target(AWARD_PROVINCE_CERTIFICATE, 'Tập thể', 1, '')
      .nominate('A', nomination(AWARD_PROVINCE_CERTIFICATE, 'Tập thể', 'Phòng Cảnh sát quản lý hành chính'));
    const ev = evaluateCampaign(b.snapshot(), NOW);
    expect(ev.responses.filter((r) => r.form === TAB.nominations).map((r) => r.errors)).toEqual([[]]);
    expect(ev.awards).toEqual([
      {
        award: AWARD_PROVINCE_CERTIFICATE,
        kind: 'Tập thể',
        min: 1,
        max: null,
        nominated: 1,
        eligible: 1,
        status: 'Đủ',
      },
    ]);
  });

  it('seed 000: mô hình, công trình and sáng kiến are nominated and counted per kind', () => {
    const b = rated('A')
      .nominate('A', nomination(AWARD_MODELS, 'Mô hình', 'Tổ công nhân tự quản khu nhà trọ'))
      .nominate('A', nomination(AWARD_MODELS, 'Sáng kiến', 'Phần mềm quản lý lưu trú'))
      .nominate('A', nomination(AWARD_MODELS, 'Cá nhân', 'Nguyễn Văn An'));
    expect(verdicts(b)).toEqual([
      ['Tổ công nhân tự quản khu nhà trọ', 'Đủ điều kiện', ''],
      ['Phần mềm quản lý lưu trú', 'Đủ điều kiện', ''],
      ['Nguyễn Văn An', 'Không đủ điều kiện', `${AWARD_MODELS} chỉ xét tặng mô hình, công trình, sáng kiến.`],
    ]);
    const ev = evaluateCampaign(b.snapshot(), NOW);
    expect(ev.awards.map((t) => [t.award, t.kind, t.nominated, t.eligible])).toEqual([
      [AWARD_MODELS, 'Mô hình', 1, 1],
      [AWARD_MODELS, 'Sáng kiến', 1, 1],
      [AWARD_MODELS, 'Cá nhân', 1, 0],
    ]);
  });

  it('a new award is a new row: the form accepts it and Khen thưởng counts it, nothing else changes', () => {
    const rows = catalogueRows(defaultAwards());
    rows.push(['Giấy khen của Giám đốc Công an tỉnh', 'Tập thể, Cá nhân', '', '', '', '', '', '', 'Có', 'Quy chế']);
    const b = rated('A')
      .tab(TAB.catalogue, rows)
      .nominate('A', nomination('Giấy khen của Giám đốc Công an tỉnh', 'Cá nhân', 'Trần Thị Bình'));
    const ev = evaluateCampaign(b.snapshot(), NOW);
    expect(ev.nominations.map((v) => v.status)).toEqual(['Đủ điều kiện']);
    expect(ev.awards.map((t) => [t.award, t.eligible])).toEqual([['Giấy khen của Giám đốc Công an tỉnh', 1]]);
  });

  it('an award not in the catalogue is an invalid answer naming the catalogue’s awards', () => {
    const rows = [Object.values(H), [AWARD_FLAG, 'Tập thể']];
    const b = rated('A')
      .tab(TAB.catalogue, rows)
      .nominate('A', nomination('Bằng khen của Bộ trưởng Bộ Công an', 'Tập thể', 'Tổ bảo vệ'));
    const r = evaluateCampaign(b.snapshot(), NOW).responses.find((x) => x.form === TAB.nominations)!;
    expect(r.errors).toEqual([
      `Câu "Hình thức khen thưởng": phải là một trong các lựa chọn "${AWARD_FLAG}" (đơn vị đã nhập "Bằng khen của Bộ trưởng Bộ Công an").`,
    ]);
  });

  it('a catalogue cell that cannot be read grants nothing: the award’s nominations wait with the row and cell named', () => {
    const rows: Cell[][] = [Object.values(H), ['Huy hiệu', 'Cá nhân', '', 'mười năm']];
    const b = rated('A')
      .tab(TAB.catalogue, rows)
      .nominate('A', nomination('Huy hiệu', 'Cá nhân', 'Lê Văn Cường', { 'Số năm công tác': 3 }));
    expect(verdicts(b)).toEqual([
      [
        'Lê Văn Cường',
        'Chưa xét',
        'Danh mục khen thưởng, dòng 2: ô "Số năm tối thiểu" không đọc được ("mười năm"). Thường trực phong trào cần sửa danh mục để xét.',
      ],
    ]);
  });

  it('the summary is required only for the awards whose row asks for it (Luật Thi đua, khen thưởng 2022: báo cáo thành tích)', () => {
    const b = rated('A')
      .nominate('A', nomination(AWARD_FLAG, 'Tập thể', 'Tổ bảo vệ', { 'Thành tích tóm tắt': '' }))
      .nominate('A', nomination('Giấy khen', 'Tập thể', 'Tổ dân phố', { 'Thành tích tóm tắt': '' }));
    const errors = evaluateCampaign(b.snapshot(), NOW)
      .responses.filter((x) => x.form === TAB.nominations)
      .map((r) => r.errors);
    expect(errors).toEqual([
      [
        `Câu "Thành tích tóm tắt": bắt buộc trả lời khi "Hình thức khen thưởng" là "${AWARD_FLAG}" nhưng đang để trống.`,
      ],
      [],
    ]);
  });

  it('seed 003: a one-off award asks Loại thành tích and lets a unit of any level nominate', () => {
    const b = campaign()
      .unit('A') // no final report: not classified
      .nominate('A', nomination(AWARD_ONE_OFF, 'Cá nhân', 'Phạm Văn Dũng', { 'Loại thành tích': 'Đột xuất' }))
      .nominate('A', nomination(AWARD_ONE_OFF, 'Cá nhân', 'Hoàng Thị Em', { 'Loại thành tích': 'Thường xuyên' }))
      .nominate('A', nomination(AWARD_ONE_OFF, 'Cá nhân', 'Vũ Văn Giang'));
    const ev = evaluateCampaign(b.snapshot(), NOW);
    expect(ev.responses.filter((x) => x.form === TAB.nominations).map((r) => r.errors)).toEqual([
      [],
      [],
      [
        `Câu "Loại thành tích": bắt buộc trả lời khi "Hình thức khen thưởng" là "${AWARD_ONE_OFF}" nhưng đang để trống.`,
      ],
    ]);
    expect(ev.nominations.map((v) => [v.nominee, v.status, v.reason])).toEqual([
      ['Phạm Văn Dũng', 'Đủ điều kiện', ''],
      [
        'Hoàng Thị Em',
        'Không đủ điều kiện',
        `${AWARD_ONE_OFF} chỉ xét cho thành tích đột xuất ("Loại thành tích" là "Đột xuất").`,
      ],
    ]);
  });

  it('DOMAIN §3: Cờ thi đua goes to at most 20% of the units, the earliest eligible first, and only to Xuất sắc', () => {
    const codes = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'];
    const b = rated(...codes)
      .unit('K')
      .report('K', { TC1: 40, TC2: 35 }); // Khá
    for (const code of ['A', 'B', 'C', 'K']) b.nominate(code, nomination(AWARD_FLAG, 'Tập thể', `Đơn vị ${code}`));
    expect(verdicts(b)).toEqual([
      ['Đơn vị A', 'Đủ điều kiện', ''],
      ['Đơn vị B', 'Đủ điều kiện', ''],
      [
        'Đơn vị C',
        'Không đủ điều kiện',
        'Vượt tỷ lệ: Cờ thi đua tối đa 20% số đơn vị (2 trên 11 đơn vị); đề nghị gửi sau không được xét.',
      ],
      ['Đơn vị K', 'Không đủ điều kiện', 'Đơn vị xếp loại Khá: Cờ thi đua chỉ xét cho đơn vị xếp loại Xuất sắc.'],
    ]);
  });
});
