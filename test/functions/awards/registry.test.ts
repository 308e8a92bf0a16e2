import { describe, expect, it } from 'vitest';
import {
  earlierEntries,
  namesakeElsewhere,
  nomineeId,
  normalBirthDate,
  readRegistry,
  registryKey,
} from '../../../functions/awards/registry.ts';
import { evaluateCampaign } from '../../../functions/rules/index.ts';
import { AWARD_MEDAL, REGISTRY_HEADERS, TAB } from '../../../sheets-schema/index.ts';
import type { Cell } from '../../../functions/core/cells.ts';
import { campaign } from '../rules/builder.ts';

const NOW = new Date('2026-12-01T00:00:00Z');
const KEY = registryKey(undefined); // the rule tests judge without UNIT_SECRET_KEY, as evaluateCampaign does here

const rated = (...codes: string[]) => {
  const b = campaign().setting('Năm', 2026);
  for (const code of codes) b.unit(code).report(code, { TC1: 50, TC2: 45 });
  return b;
};
const verdicts = (b: ReturnType<typeof campaign>) =>
  evaluateCampaign(b.snapshot(), NOW).nominations.map((v) => [v.unitCode, v.nominee, v.status, v.reason]);

const medal = (name: string, fields: Record<string, Cell> = {}) => ({
  'Đối tượng': 'Cá nhân',
  'Hình thức khen thưởng': AWARD_MEDAL,
  'Họ tên / Tên tập thể': name,
  'Giới tính': 'Nam',
  'Nhóm đối tượng': 'Lực lượng cơ sở',
  'Số năm công tác': 20,
  'Số năm ở vùng đặc biệt khó khăn': 0,
  'Số lần được khen về ANTQ': 0,
  'Đã được tặng huy chương loại trừ': 'Không',
  'Đang bị kỷ luật hoặc xem xét': 'Không',
  ...fields,
});
const certificate = (name: string, fields: Record<string, Cell> = {}) => ({
  'Đối tượng': 'Cá nhân',
  'Hình thức khen thưởng': 'Giấy khen',
  'Họ tên / Tên tập thể': name,
  ...fields,
});
const registry = (...rows: Cell[][]): Cell[][] => [Object.values(REGISTRY_HEADERS), ...rows];

describe('Sổ theo dõi khen thưởng: identity', () => {
  it('a person with a date of birth has one identity from any unit; it holds neither the name nor the date', () => {
    const a = nomineeId(KEY, 'Nguyễn Văn  An', '05/03/1970', 'A');
    expect(a).toBe(nomineeId(KEY, 'nguyễn văn an', '5/3/1970', 'B'));
    expect(a).toMatch(/^CN-[0-9a-f]{16}$/);
    expect(a).not.toBe(nomineeId(KEY, 'Nguyễn Văn An', '06/03/1970', 'A'));
    // Keyed: the same person under another campaign key is another identifier (a copied sheet cannot be matched).
    expect(a).not.toBe(nomineeId(registryKey('another key'), 'Nguyễn Văn An', '05/03/1970', 'A'));
  });

  it('without a readable date of birth the identity is name and unit', () => {
    expect(nomineeId(KEY, 'Tổ bảo vệ', '', 'A')).toMatch(/^DV-/);
    expect(nomineeId(KEY, 'Tổ bảo vệ', '', 'A')).not.toBe(nomineeId(KEY, 'Tổ bảo vệ', '', 'B'));
    expect(normalBirthDate('31/02/1980')).toBeNull();
    expect(normalBirthDate('1980')).toBeNull();
    expect(normalBirthDate('1/2/1980')).toBe('1980-02-01');
  });
});

describe('Sổ theo dõi khen thưởng: checks of the nominations', () => {
  it('TT 20/2025/TT-BCA (once in a lifetime): a person who received the medal in an earlier year is refused, with the decision', () => {
    const id = nomineeId(KEY, 'Trần Văn Bình', '12/08/1965', 'A');
    const b = rated('A')
      .tab(TAB.registry, registry([id, 'Trần Văn Bình', 'A', 2023, AWARD_MEDAL, '123/QĐ-BCA', '19/08/2023']))
      .nominate('A', medal('Trần Văn Bình', { 'Ngày sinh': '12/08/1965' }));
    expect(verdicts(b)).toEqual([
      [
        'A',
        'Trần Văn Bình',
        'Không đủ điều kiện',
        `Sổ theo dõi khen thưởng: đã được tặng ${AWARD_MEDAL} năm 2023 (Quyết định số 123/QĐ-BCA ngày 19/08/2023); hình thức này chỉ tặng một lần.`,
      ],
    ]);
  });

  it('TT 20/2025/TT-BCA: found by identity even when the person moved unit; an award given more than once is not refused', () => {
    const id = nomineeId(KEY, 'Trần Văn Bình', '12/08/1965', 'OLD');
    const b = rated('A')
      .tab(
        TAB.registry,
        registry(
          [id, 'Trần Văn Bình', 'OLD', 2024, AWARD_MEDAL, '', ''],
          [id, 'Trần Văn Bình', 'OLD', 2024, 'Giấy khen'],
        ),
      )
      .nominate('A', medal('Trần Văn Bình', { 'Ngày sinh': '12/08/1965' }))
      .nominate('A', certificate('Trần Văn Bình', { 'Ngày sinh': '12/08/1965' }));
    expect(verdicts(b).map((v) => [v[2], v[3]])).toEqual([
      [
        'Không đủ điều kiện',
        `Sổ theo dõi khen thưởng: đã được tặng ${AWARD_MEDAL} năm 2024; hình thức này chỉ tặng một lần.`,
      ],
      ['Đủ điều kiện', ''],
    ]);
  });

  it('the same person (name and date of birth) nominated by two units for one award is caught: the later is Trùng', () => {
    const b = rated('A', 'B')
      .nominate('A', certificate('Lê Thị Cúc', { 'Ngày sinh': '01/01/1980' }))
      .nominate('B', certificate('Lê Thị Cúc', { 'Ngày sinh': '1/1/1980' }));
    expect(verdicts(b)).toEqual([
      ['A', 'Lê Thị Cúc', 'Đủ điều kiện', ''],
      [
        'B',
        'Lê Thị Cúc',
        'Trùng',
        'Cùng một người (họ tên, ngày sinh) đã được đơn vị A đề nghị Giấy khen ở dòng 2; chỉ tính một lần.',
      ],
    ]);
  });

  it('the same name from two units without a date of birth waits for it; two dates are two people', () => {
    const b = rated('A', 'B', 'C')
      .nominate('A', certificate('Phạm Văn Dũng'))
      .nominate('B', certificate('Phạm Văn Dũng'))
      .nominate('C', certificate('Hoàng Văn Em', { 'Ngày sinh': '02/02/1990' }))
      .nominate('A', certificate('Hoàng Văn Em', { 'Ngày sinh': '03/03/1991' }));
    expect(verdicts(b).map((v) => [v[0], v[2], v[3]])).toEqual([
      ['A', 'Đủ điều kiện', ''],
      [
        'B',
        'Chưa xét',
        'Trùng họ tên với đề nghị Giấy khen của đơn vị A ở dòng 2; cần điền "Ngày sinh" để phân biệt hai người.',
      ],
      ['C', 'Đủ điều kiện', ''],
      ['A', 'Đủ điều kiện', ''],
    ]);
  });

  it('a dated nominee waits for a namesake elsewhere nominated without a date, as the next dated one does', () => {
    const waits =
      'Trùng họ tên với đề nghị Giấy khen của đơn vị A ở dòng 2; cần điền "Ngày sinh" để phân biệt hai người.';
    const b = rated('A', 'B', 'C')
      .nominate('A', certificate('Phan Văn Khải'))
      .nominate('B', certificate('Phan Văn Khải', { 'Ngày sinh': '01/01/1970' }))
      .nominate('C', certificate('Phan Văn Khải', { 'Ngày sinh': '03/03/1973' }));
    expect(verdicts(b).map((v) => [v[0], v[2], v[3]])).toEqual([
      ['A', 'Đủ điều kiện', ''],
      ['B', 'Chưa xét', waits],
      ['C', 'Chưa xét', waits],
    ]);
  });

  it('an earlier commendation claimed but not found in the registry waits, with both counts; before the registry began it cannot be checked', () => {
    const id = nomineeId(KEY, 'Võ Văn Giang', '09/09/1970', 'A');
    const leader = medal('Võ Văn Giang', {
      'Ngày sinh': '09/09/1970',
      'Nhóm đối tượng': 'Lãnh đạo',
      'Số năm công tác': 12,
      'Số lần được khen về ANTQ': 2,
    });
    const withRegistry = rated('A')
      .tab(TAB.registry, registry([id, 'Võ Văn Giang', 'A', 2024, 'Giấy khen', '45/QĐ', '']))
      .nominate('A', leader);
    expect(verdicts(withRegistry)[0].slice(2)).toEqual([
      'Chưa xét',
      'Khai 2 lần được khen thưởng nhưng Sổ theo dõi khen thưởng chỉ ghi 1 lần (từ năm 2024); Thường trực phong trào đối chiếu hồ sơ trước khi xét.',
    ]);
    expect(verdicts(rated('A').nominate('A', leader))[0][2]).toBe('Đủ điều kiện');
  });

  it('TT 20/2025/TT-BCA: a medal recorded without a date of birth (name and unit) still refuses the same person nominated with one', () => {
    const undated = nomineeId(KEY, 'Đinh Văn Hải', '', 'A');
    const b = rated('A')
      .tab(TAB.registry, registry([undated, 'Đinh Văn Hải', 'A', 2024, AWARD_MEDAL, '77/QĐ-BCA', '19/08/2024']))
      .nominate('A', medal('Đinh Văn Hải', { 'Ngày sinh': '04/04/1966' }));
    expect(verdicts(b)[0].slice(2)).toEqual([
      'Không đủ điều kiện',
      `Sổ theo dõi khen thưởng: đã được tặng ${AWARD_MEDAL} năm 2024 (Quyết định số 77/QĐ-BCA ngày 19/08/2024); hình thức này chỉ tặng một lần.`,
    ]);
  });

  it('TT 20/2025/TT-BCA: a medal nomination without a date of birth is refused by the form check, so it cannot pass as name and unit', () => {
    const id = nomineeId(KEY, 'Đinh Văn Hải', '04/04/1966', 'A');
    const b = rated('A')
      .tab(TAB.registry, registry([id, 'Đinh Văn Hải', 'A', 2024, AWARD_MEDAL, '77/QĐ-BCA', '19/08/2024']))
      .nominate('A', medal('Đinh Văn Hải'));
    const ev = evaluateCampaign(b.snapshot(), NOW);
    expect(ev.nominations).toEqual([]);
    expect(ev.responses.find((r) => r.form === TAB.nominations)?.errors).toEqual([
      `Câu "Ngày sinh": bắt buộc trả lời khi "Đối tượng" là "Cá nhân" và "Hình thức khen thưởng" là "${AWARD_MEDAL}" nhưng đang để trống.`,
    ]);
  });

  it('awards.md §2: records are found both ways (identity, or name and unit where a date is missing on either side); two dated namesakes of one unit stay two people', () => {
    const [born, other] = ['04/04/1966', '05/05/1975'];
    const dated = nomineeId(KEY, 'Đinh Văn Hải', born, 'A');
    const reg = readRegistry(
      campaign()
        .tab(
          TAB.registry,
          registry(
            [dated, 'Đinh Văn Hải', 'A', 2023, 'Giấy khen'],
            [nomineeId(KEY, 'Đinh Văn Hải', '', 'A'), 'Đinh Văn Hải', 'A', 2024, 'Giấy khen'],
            [nomineeId(KEY, 'Đinh Văn Hải', other, 'A'), 'Đinh Văn Hải', 'A', 2025, 'Giấy khen'],
          ),
        )
        .snapshot(),
    );
    const years = (birth: string, unit: string) =>
      earlierEntries(
        reg,
        { id: nomineeId(KEY, 'Đinh Văn Hải', birth, unit), name: 'Đinh Văn Hải', unitCode: unit },
        2026,
      ).map((e) => e.year);
    expect(years(born, 'A')).toEqual([2023, 2024]);
    expect(years(other, 'A')).toEqual([2024, 2025]);
    expect(years('', 'A')).toEqual([2023, 2024, 2025]);
    expect(years(born, 'B')).toEqual([2023]);
    expect(years('', 'B')).toEqual([]);
  });
});

describe('Sổ theo dõi khen thưởng: a person recorded without a date of birth who later moved unit (awards.md §2)', () => {
  const undated = nomineeId(KEY, 'Lê Văn Tám', '', 'A');
  const record = (name = 'Lê Văn Tám', id = undated) => [id, name, 'A', 2022, AWARD_MEDAL, '45/QĐ-BCA', '19/08/2022'];
  const fromB = (b: ReturnType<typeof campaign>) => b.nominate('B', medal('Lê Văn Tám', { 'Ngày sinh': '10/10/1968' }));

  it('TT 20/2025/TT-BCA (once in a lifetime): the medal recorded without a date in unit A holds the same name nominated with one by unit B, asking the coordinator to compare the files', () => {
    const b = fromB(rated('A', 'B').tab(TAB.registry, registry(record())));
    expect(verdicts(b)).toEqual([
      [
        'B',
        'Lê Văn Tám',
        'Chưa xét',
        `Sổ theo dõi khen thưởng ghi Lê Văn Tám (đơn vị A) đã được tặng ${AWARD_MEDAL} năm 2022 (Quyết định số 45/QĐ-BCA ngày 19/08/2022), không kèm ngày sinh, nên chưa biết có phải người được đề nghị đã chuyển đơn vị hay không. Thường trực phong trào đối chiếu hồ sơ với đơn vị A: cùng một người thì không tặng lại; khác người thì ghi thêm vào ô "Họ tên / Tên tập thể" của dòng sổ đó để phân biệt (ví dụ "Lê Văn Tám (A, 2022)").`,
      ],
    ]);
  });

  it('awards.md §2: the coordinator’s distinction in the old row, a namesake recorded with another date, or an award given more than once lets it pass', () => {
    const distinguished = fromB(rated('A', 'B').tab(TAB.registry, registry(record('Lê Văn Tám (A, 2022)'))));
    expect(verdicts(distinguished).map((v) => v[2])).toEqual(['Đủ điều kiện']);
    const otherPerson = nomineeId(KEY, 'Lê Văn Tám', '01/01/1960', 'A');
    const dated = fromB(rated('A', 'B').tab(TAB.registry, registry(record('Lê Văn Tám', otherPerson))));
    expect(verdicts(dated).map((v) => v[2])).toEqual(['Đủ điều kiện']);
    const certificateElsewhere = rated('A', 'B')
      .tab(TAB.registry, registry([undated, 'Lê Văn Tám', 'A', 2022, 'Giấy khen', '9/QĐ', '']))
      .nominate('B', certificate('Lê Văn Tám', { 'Ngày sinh': '10/10/1968' }));
    expect(verdicts(certificateElsewhere).map((v) => v[2])).toEqual(['Đủ điều kiện']);
  });

  it('awards.md §2, the other way: a nominee without a date of birth (a forwarded row, a hand-typed one) and a namesake holding the medal in another unit waits for the date', () => {
    const reg = readRegistry(
      campaign()
        .tab(TAB.registry, registry(record('Lê Văn Tám', nomineeId(KEY, 'Lê Văn Tám', '10/10/1968', 'A'))))
        .snapshot(),
    );
    const who = { id: nomineeId(KEY, 'Lê Văn Tám', '', 'B'), name: 'lê văn  tám', unitCode: 'B' };
    expect(namesakeElsewhere(reg, who, AWARD_MEDAL, 2026)).toEqual({
      status: 'Chưa xét',
      reason: `Sổ theo dõi khen thưởng ghi Lê Văn Tám (đơn vị A) đã được tặng ${AWARD_MEDAL} năm 2022 (Quyết định số 45/QĐ-BCA ngày 19/08/2022); cần điền "Ngày sinh" của người được đề nghị để biết có phải cùng một người đã chuyển đơn vị hay không.`,
    });
    // The record of the same year or later is not an earlier award; the same unit is the name-and-unit rule's.
    expect(namesakeElsewhere(reg, who, AWARD_MEDAL, 2022)).toBeNull();
    expect(namesakeElsewhere(reg, { ...who, unitCode: 'A' }, AWARD_MEDAL, 2026)).toBeNull();
  });
});
