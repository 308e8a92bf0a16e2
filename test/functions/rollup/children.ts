// Children's `Tổng hợp` with known figures, in the layout the dashboard writes (the roll-up tests check the layout
// against the real dashboard).
import type { Cell } from '../../../functions/core/cells.ts';
import { PROGRESS_SECTION_HEADERS } from '../../../functions/dashboard/tab.ts';

export interface ChildSpec {
  units: number;
  progress: [code: string, units: number, onTime: number, late: number][];
  levels: [xs: number, kha: number, tb: number, yeu: number, none: number];
  nominations: [award: string, kind: string, eligible: number, min: number | '', max: number | ''][];
  reports?: [interim: number, final: number];
  indicators?: [header: string, method: 'Tổng' | 'Bình quân các đơn vị', interim: number | '', final: number | ''][];
  antt?: [type: string, units: number, met: number, notMet: number, outOfScope: number, noReport: number][];
}

/** A child's `Tổng hợp` in the layout the dashboard writes (its sections checked against the real one below). */
export function childDashboard(c: ChildSpec): Cell[][] {
  const rows: Cell[][] = [
    ['BẢNG TỔNG HỢP PHONG TRÀO'],
    ['Năm', 2026],
    ['Cơ quan phát động', 'Công an huyện'],
    ['Cập nhật lúc', '05/12/2026 08:00:00'],
    ['Số đơn vị', c.units],
    [],
    ['TIẾN ĐỘ NỘP THEO MỐC'],
    [...PROGRESS_SECTION_HEADERS],
    ...c.progress.map(([code, units, onTime, late]) => [
      code,
      `Mốc ${code}`,
      '15/11/2026',
      units,
      onTime,
      late,
      0,
      0,
      0,
      0,
      0,
    ]),
    [],
    ['KẾT QUẢ XẾP LOẠI'],
    ['Xếp loại', 'Số đơn vị', 'Tỷ lệ (%)'],
    ...['Xuất sắc', 'Khá', 'Trung bình', 'Yếu', 'Chưa xếp loại'].map((l, i) => [l, c.levels[i], 0]),
    [],
    ['ĐỀ NGHỊ KHEN THƯỞNG SO VỚI CHỈ TIÊU'],
    ['Hình thức khen thưởng', 'Đối tượng', 'Số đề nghị', 'Số hợp lệ', 'Tối thiểu', 'Tối đa', 'Tình trạng'],
    ...(c.nominations.length === 0
      ? [['Chưa có chỉ tiêu khen thưởng.']]
      : c.nominations.map(([a, k, e, min, max]) => [a, k, e + 1, e, min, max, 'Đủ'])),
  ];
  if (c.indicators) {
    rows.push(
      [],
      ['KẾT QUẢ CÁC CHỈ TIÊU BÁO CÁO (TOÀN PHONG TRÀO)'],
      ['Nội dung', 'Cách tính', 'Sơ kết', 'Tổng kết', 'Tăng, giảm so với sơ kết'],
      ['Số đơn vị đã báo cáo', '', c.reports![0], c.reports![1], c.reports![1] - c.reports![0]],
      ...c.indicators.map(([h, m, i, f]) => [h, m, i, f, '']),
    );
  }
  if (c.antt) {
    rows.push(
      [],
      ['ĐƠN VỊ ĐẠT "AN TOÀN VỀ ANTT" THEO LOẠI HÌNH'],
      ['Loại hình', 'Số đơn vị', 'Đạt', 'Chưa đạt', 'Không thuộc phạm vi', 'Chưa có báo cáo', 'Tỷ lệ đạt (%)'],
      ...c.antt.map((a) => [...a, 0]),
    );
  }
  return rows;
}

export const BK = 'Bằng khen của Chủ tịch UBND tỉnh';
export const TALKS = 'Số buổi tuyên truyền';
export const SHARE = 'Tỷ lệ cán bộ, nhân viên được tuyên truyền (%)';

/** Huyện A: 10 units; Huyện B: 4 units; figures chosen so every sum and rate is checkable by hand. */
export const HUYEN_A: ChildSpec = {
  units: 10,
  progress: [
    ['DK', 10, 8, 1],
    ['TK', 10, 6, 0],
  ],
  levels: [3, 5, 1, 0, 1],
  nominations: [[BK, 'Tập thể', 2, 1, 3]],
  reports: [8, 6],
  indicators: [
    [TALKS, 'Tổng', 40, 95],
    [SHARE, 'Bình quân các đơn vị', 90, 80],
  ],
  antt: [
    ['Xã/Phường', 6, 5, 1, 0, 0],
    ['Cơ sở giáo dục', 4, 2, 0, 2, 0],
  ],
};
export const HUYEN_B: ChildSpec = {
  units: 4,
  progress: [
    ['DK', 4, 2, 0],
    ['KT', 4, 1, 0],
  ],
  levels: [0, 1, 2, 0, 1],
  nominations: [[BK, 'Cá nhân', 1, '', 2]],
  reports: [2, 3],
  indicators: [
    [TALKS, 'Tổng', 5, 12],
    [SHARE, 'Bình quân các đơn vị', 60, 70],
  ],
  antt: [['Xã/Phường', 4, 1, 2, 0, 1]],
};
