import { describe, expect, it } from 'vitest';
import { TAB } from '../../../sheets-schema/index.ts';
import { readMilestones } from '../../../functions/calendar/index.ts';
import { HeaderError } from '../../../functions/core/table.ts';
import { readSettings } from '../../../functions/core/settings.ts';
import { MILESTONE_ROWS, ict, snapshot } from './fixture.ts';

function read(rows: typeof MILESTONE_ROWS, config: Record<string, string> = {}) {
  const snap = snapshot(config, { [TAB.milestones]: rows });
  const errors: string[] = [];
  return { milestones: readMilestones(snap, readSettings(snap), errors), errors };
}

describe('readMilestones', () => {
  it('reads codes, forms, offsets and puts each deadline at the last moment of its day in Vietnam', () => {
    const { milestones, errors } = read(MILESTONE_ROWS);
    expect(errors).toEqual([]);
    expect(milestones.map((m) => [m.code, m.form, m.deadline.toISOString(), m.remindBefore])).toEqual([
      ['DK', TAB.registration, '2026-03-31T16:59:59.999Z', [7, 3, 1]],
      ['KH', TAB.registration, '2026-05-15T16:59:59.999Z', [7, 3, 1]],
      ['SK', TAB.interim, '2026-09-30T16:59:59.999Z', [7, 3, 1]],
    ]);
  });

  it('reads Bắt buộc: Có or blank is required, Không is optional, anything else is reported and read as Có; a sheet without the column requires all', () => {
    expect(read(MILESTONE_ROWS).milestones.every((m) => m.required)).toBe(true);
    const { milestones, errors } = read([
      [...MILESTONE_ROWS[0], 'Bắt buộc'],
      ['DK', 'Đăng ký', TAB.registration, '31/03/2026', '7', ''],
      ['TK', 'Tổng kết', TAB.final, '15/11/2026', '7', 'có'],
      ['KT', 'Khen thưởng', TAB.nominations, '15/11/2026', '7', 'Không'],
      ['SK', 'Sơ kết', TAB.interim, '30/09/2026', '7', 'tùy'],
    ]);
    expect(milestones.map((m) => [m.code, m.required])).toEqual([
      ['DK', true],
      ['TK', true],
      ['KT', false],
      ['SK', true],
    ]);
    expect(errors).toEqual(["Mốc thời gian, dòng 5: 'Bắt buộc' phải là Có hoặc Không (đang là 'tùy'); tạm coi là Có."]);
  });

  it('accepts a serial date, a lone offset, an empty offset list, and sorts offsets', () => {
    const { milestones, errors } = read([
      MILESTONE_ROWS[0],
      ['dk ', 'Đăng ký', TAB.registration, 46112, 3], // 46112 = 31/03/2026
      ['SK', 'Sơ kết', TAB.interim, '30/9/2026', ''],
      ['TK', 'Tổng kết', TAB.final, '15/11/2026', '1, 7,3,7'],
    ]);
    expect(errors).toEqual([]);
    expect(milestones.map((m) => [m.code, m.deadline.toISOString(), m.remindBefore])).toEqual([
      ['DK', '2026-03-31T16:59:59.999Z', [3]],
      ['SK', '2026-09-30T16:59:59.999Z', []],
      ['TK', '2026-11-15T16:59:59.999Z', [7, 3, 1]],
    ]);
  });

  it('skips malformed rows with a Vietnamese error naming the row, and keeps the good ones', () => {
    const { milestones, errors } = read([
      MILESTONE_ROWS[0],
      ['DK', 'Đăng ký', TAB.registration, '31/02/2026', '7,3,1'],
      ['', 'Không mã', TAB.registration, '31/03/2026', '7'],
      ['KH', 'Kế hoạch', 'Biểu mẫu lạ', '15/05/2026', 'bảy'],
      ['SK', 'Sơ kết', TAB.interim, '30/09/2026', '7,3,1'],
      ['SK', 'Sơ kết lần 2', TAB.interim, '01/10/2026', '1'],
    ]);
    expect(milestones.map((m) => m.code)).toEqual(['SK']);
    expect(errors).toHaveLength(4);
    expect(errors[0]).toBe(
      "Mốc thời gian, dòng 2: hạn nộp '31/02/2026' không phải ngày hợp lệ dạng dd/MM/yyyy. Mốc này bị bỏ qua cho đến khi được sửa.",
    );
    expect(errors[1]).toMatch(/^Mốc thời gian, dòng 3: thiếu mã mốc\./);
    expect(errors[2]).toMatch(
      /^Mốc thời gian, dòng 4: biểu mẫu 'Biểu mẫu lạ' không phải một trong: .*; 'Nhắc trước \(ngày\)' phải là/,
    );
    expect(errors[3]).toMatch(/^Mốc thời gian, dòng 6: mã mốc 'SK' bị trùng/);
  });

  it('keeps a deadline on a holiday unless the campaign asks to move it to the next working day', () => {
    const rows = [MILESTONE_ROWS[0], ['KH', 'Kế hoạch', TAB.registration, '30/04/2026', '3']];
    const holidays = { 'Ngày nghỉ lễ': '30/04/2026, 01/05/2026' };
    expect(read(rows, holidays).milestones[0].deadline).toEqual(
      new Date(ict('30/04/2026', '23:59').getTime() + 59_999),
    );
    const moved = read(rows, { ...holidays, 'Dời hạn khi trùng ngày nghỉ': 'Có' });
    // Thu 30/4 and Fri 1/5 are holidays, then a weekend: Monday 4/5.
    expect(moved.milestones[0].deadline.toISOString()).toBe('2026-05-04T16:59:59.999Z');
    expect(moved.errors).toEqual([]);
  });

  it('moves a weekend deadline only when asked, and reports an unreadable holiday', () => {
    const rows = [MILESTONE_ROWS[0], ['TK', 'Tổng kết', TAB.final, '15/11/2026', '7']]; // a Sunday
    expect(read(rows).milestones[0].deadline.toISOString()).toBe('2026-11-15T16:59:59.999Z');
    const moved = read(rows, { 'Dời hạn khi trùng ngày nghỉ': 'có', 'Ngày nghỉ lễ': '2/9/2026, ngày Quốc khánh' });
    expect(moved.milestones[0].deadline.toISOString()).toBe('2026-11-16T16:59:59.999Z');
    expect(moved.errors).toEqual([
      "Cấu hình, 'Ngày nghỉ lễ': 'ngày Quốc khánh' không phải ngày hợp lệ dạng dd/MM/yyyy, ngày này bị bỏ qua.",
    ]);
  });

  it('stops with a HeaderError when a required column was renamed', () => {
    const rows = [['Mã mốc', 'Tên mốc', 'Biểu mẫu', 'Hạn', 'Nhắc trước (ngày)']];
    expect(() => read(rows)).toThrow(HeaderError);
  });
});
