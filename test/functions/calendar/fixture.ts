// A demo-like campaign as literal snapshots and evaluations, shared by the calendar, remind, digest and dashboard
// tests.
import { TAB } from '../../../sheets-schema/index.ts';
import type { Cell } from '../../../functions/core/cells.ts';
import type { Evaluation, JudgedResponse, Unit } from '../../../functions/core/model.ts';
import { readSettings } from '../../../functions/core/settings.ts';
import { unitSecrets } from '../../../functions/core/unit-secret.ts';
import type { Snapshot } from '../../../functions/core/snapshot.ts';

/** An instant given as Vietnamese wall-clock time (UTC+7, no daylight saving). */
export function ict(day: string, time = '08:00'): Date {
  const [d, m, y] = day.split('/').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  return new Date(Date.UTC(y, m - 1, d, hh - 7, mm));
}

export const UNITS: readonly Unit[] = [
  unit('SO-TP', 'Sở Tư pháp', 'Cơ quan', 'Khối cơ quan tỉnh'),
  unit('SO-YT', 'Sở Y tế', 'Cơ quan', 'Khối cơ quan tỉnh'),
  unit('XA-AB', 'UBND xã An Bình', 'Xã/Phường', 'Cụm xã, phường'),
  unit('THPT-LQD', 'Trường THPT Lê Quý Đôn', 'Cơ sở giáo dục', 'Cụm xã, phường'),
];

function unit(code: string, name: string, type: string, cluster: string): Unit {
  const slug = code.toLowerCase();
  return {
    code,
    name,
    type,
    cluster,
    contactEmails: [`vanthu.${slug}@example.vn`],
    leaderEmails: [`lanhdao.${slug}@example.vn`],
  };
}

export const MILESTONE_ROWS: readonly (readonly Cell[])[] = [
  ['Mã mốc', 'Tên mốc', 'Biểu mẫu', 'Hạn nộp', 'Nhắc trước (ngày)'],
  ['DK', 'Đăng ký thi đua', TAB.registration, '31/03/2026', '7,3,1'],
  ['KH', 'Kế hoạch, tiêu chí thi đua', TAB.registration, '15/05/2026', '7,3,1'],
  ['SK', 'Báo cáo sơ kết', TAB.interim, '30/09/2026', '7,3,1'],
];

/** The mail log of keys already sent, as `Nhật ký thư` holds them. */
export function mailLogRows(sentKeys: Iterable<string>): (readonly Cell[])[] {
  return [
    ['Khóa', 'Mẫu thư', 'Người nhận', 'Thời điểm', 'Trạng thái'],
    ...[...sentKeys].map((key) => [key, '', '', '', 'Đã gửi']),
  ];
}

export function snapshot(
  config: Readonly<Record<string, string>> = {},
  extraTabs: Readonly<Record<string, readonly (readonly Cell[])[]>> = {},
): Snapshot {
  const settings: Record<string, string> = {
    'Tên phong trào': 'Phong trào Toàn dân bảo vệ an ninh Tổ quốc',
    Năm: '2026',
    'Cơ quan phát động': 'Ban Chỉ đạo phong trào tỉnh',
    'Số lần nhắc quá hạn tối đa': '2',
    ...config,
  };
  const tabs = new Map<string, readonly (readonly Cell[])[]>([
    [TAB.config, [['Khóa', 'Giá trị'], ...Object.entries(settings)]],
    [TAB.milestones, MILESTONE_ROWS],
    [
      TAB.formLinks,
      [
        ['Mã đơn vị', 'Biểu mẫu', 'Liên kết'],
        ['SO-YT', TAB.registration, 'https://docs.google.com/forms/d/e/dk/viewform?entry.1=SO-YT'],
      ],
    ],
  ]);
  for (const [name, rows] of Object.entries(extraTabs)) tabs.set(name, rows);
  return { spreadsheetId: 'demo', tabs };
}

export interface ResponseEvent {
  readonly unitCode: string;
  readonly form: string;
  readonly at: Date;
  readonly valid: boolean;
  readonly errors?: readonly string[];
}

/** The evaluation as `evaluateCampaign` would give it at `now`: only responses submitted by then exist. */
export function evaluation(
  snap: Snapshot,
  events: readonly ResponseEvent[],
  now: Date,
  extra: Partial<Evaluation> = {},
): Evaluation {
  const responses: JudgedResponse[] = events
    .filter((e) => e.at.getTime() <= now.getTime())
    .map((e, i) => ({
      form: e.form,
      rowNumber: i + 2,
      submittedAt: e.at,
      timestampText: '',
      unitCode: e.unitCode,
      valid: e.valid,
      errors: e.errors ?? [],
      notes: [],
      superseded: false,
      authenticated: true,
      answers: () => [],
      answer: () => '',
      values: new Map(),
      scores: new Map(),
      contentHash: `h${i}`,
    }));
  return {
    settings: readSettings(snap),
    secrets: unitSecrets(undefined, false, now),
    units: UNITS,
    responses,
    results: [],
    nominations: [],
    awards: [],
    tabs: [],
    ...extra,
  };
}
