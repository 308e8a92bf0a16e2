// An evaluation late in the campaign (classified units, nominations, a pending fix), for the dashboard, digest and
// results tests.
import { TAB } from '../../../sheets-schema/index.ts';
import { computeProgress, readMilestones, type Progress } from '../../../functions/calendar/index.ts';
import type { Evaluation } from '../../../functions/core/model.ts';
import type { Snapshot } from '../../../functions/core/snapshot.ts';
import { evaluation, ict, snapshot, type ResponseEvent } from '../calendar/fixture.ts';

export const NOW = ict('05/10/2026', '07:30'); // Monday of ISO week 2026-W41

const EVENTS: readonly ResponseEvent[] = [
  { unitCode: 'SO-TP', form: TAB.registration, at: ict('03/04/2026', '10:00'), valid: true },
  { unitCode: 'SO-TP', form: TAB.interim, at: ict('30/09/2026', '20:00'), valid: true },
  { unitCode: 'XA-AB', form: TAB.registration, at: ict('29/03/2026', '15:00'), valid: true },
  {
    unitCode: 'XA-AB',
    form: TAB.interim,
    at: ict('02/10/2026', '09:00'),
    valid: false,
    errors: ["Câu 'Số buổi tuyên truyền' phải là số nguyên không âm."],
  },
  { unitCode: 'THPT-LQD', form: TAB.registration, at: ict('01/03/2026', '09:00'), valid: true },
  { unitCode: 'THPT-LQD', form: TAB.interim, at: ict('01/09/2026', '09:00'), valid: true },
];

export function lateCampaign(
  config: Record<string, string> = {},
  extraTabs: Parameters<typeof snapshot>[1] = {},
): {
  snap: Snapshot;
  ev: Evaluation;
  progress: Progress;
} {
  const snap = snapshot(config, extraTabs);
  const base = evaluation(snap, EVENTS, NOW);
  const ev: Evaluation = {
    ...base,
    results: [
      result('SO-TP', 92, 'Xuất sắc', 1, true),
      result('SO-YT', null, 'Chưa xếp loại', null, false),
      result('XA-AB', 75, 'Khá', 2, true),
      result('THPT-LQD', 81.5, 'Khá', 1, true),
    ],
    nominations: [
      {
        form: TAB.nominations,
        rowNumber: 2,
        unitCode: 'SO-TP',
        award: 'Bằng khen của Bộ trưởng Bộ Công an',
        kind: 'Tập thể',
        nominee: 'Phòng Phổ biến giáo dục pháp luật',
        status: 'Đủ điều kiện',
        reason: '',
      },
      {
        form: TAB.nominations,
        rowNumber: 3,
        unitCode: 'SO-YT',
        award: 'Bằng khen của Bộ trưởng Bộ Công an',
        kind: 'Cá nhân',
        nominee: 'Nguyễn Văn An',
        status: 'Chờ xếp loại',
        reason: 'Đơn vị chưa được xếp loại.',
      },
    ],
    awards: [
      {
        award: 'Bằng khen của Bộ trưởng Bộ Công an',
        kind: 'Tập thể',
        nominated: 1,
        eligible: 1,
        min: 2,
        max: null,
        status: 'Thiếu 1',
      },
      {
        award: 'Bằng khen của Bộ trưởng Bộ Công an',
        kind: 'Cá nhân',
        nominated: 1,
        eligible: 0,
        min: 2,
        max: null,
        status: 'Thiếu 2',
      },
      {
        award: 'Kỷ niệm chương "Bảo vệ an ninh Tổ quốc"',
        kind: 'Cá nhân',
        nominated: 0,
        eligible: 0,
        min: 5,
        max: 5,
        status: 'Thiếu 5',
      },
    ],
  };
  return { snap, ev, progress: computeProgress(ev, readMilestones(snap, ev.settings), NOW) };
}

function result(
  unitCode: string,
  total: number | null,
  level: Evaluation['results'][number]['level'],
  rank: number | null,
  commendable: boolean,
): Evaluation['results'][number] {
  return {
    unitCode,
    total,
    assessed: false,
    level,
    rank,
    commendable,
    reason: commendable ? '' : total === null ? 'Chưa có báo cáo tổng kết hợp lệ.' : '',
    groupScores:
      total === null
        ? []
        : [
            { group: 'Lãnh đạo, chỉ đạo', score: 14, max: 15 },
            { group: 'Kết quả thực hiện', score: total - 14, max: 85 },
          ],
    antt: total === null ? 'Chưa có báo cáo' : 'Đạt',
  };
}
