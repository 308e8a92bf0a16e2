// `Tổng hợp cấp dưới`: one row per body of `Đơn vị`, its whole subtree's figures, or why they could not be read and the
// last good ones. Written by the roll-up and read back: by the same parent (last good figures) and by the level above
// (the child's own children, three levels and more). Pure.
import { CHILD_SPREADSHEET_HEADER, CHILDREN_HEADERS, TAB } from '../../sheets-schema/index.ts';
import { cellText, formatDateTime, unitCode, type Cell } from '../core/cells.ts';
import type { Settings } from '../core/settings.ts';
import type { TabWrite } from '../core/snapshot.ts';
import { campaignTimeZone } from '../core/zone.ts';
import type { Body } from '../rules/index.ts';
import type { ChildrenTotals } from '../dashboard/index.ts';
import type { ScopeFigures } from '../results/index.ts';
import { derivedLevel, derivedRule } from './derive.ts';
import {
  dashboardFigures,
  LEVEL_NAMES,
  MalformedTabError,
  num,
  subtreeFigures,
  type AwardFigures,
  type IndicatorFigures,
  type MilestoneFigures,
  type RollupFigures,
} from './figures.ts';
import { childSpreadsheetId } from './source.ts';

export const CHILD_STATUS = { read: 'Đã đọc', failed: 'Không đọc được' } as const;

/** What the roll-up got from one child spreadsheet: its two tabs as read, or why not (Vietnamese). */
export type ChildReading =
  | {
      readonly dashboard: readonly (readonly Cell[])[];
      /** Its `Tổng hợp cấp dưới`; undefined for a child without the tab. */
      readonly children?: readonly (readonly Cell[])[];
      /** Its `Đề nghị gửi cấp trên`; undefined for a child without the tab. */
      readonly sendUp?: readonly (readonly Cell[])[];
    }
  | { readonly failure: string };

/** One row of `Tổng hợp cấp dưới`. */
export interface ChildRow {
  readonly code: string;
  readonly name: string;
  readonly spreadsheet: string;
  readonly status: string;
  readonly reason: string;
  /** When the figures were read (dd/MM/yyyy HH:mm:ss in the parent's zone); '' without figures. */
  readonly readAt: string;
  readonly figures: RollupFigures | null;
  readonly level: string;
}

const ANTT_HEADERS = {
  met: 'ANTT: Đạt',
  notMet: 'ANTT: Chưa đạt',
  outOfScope: 'ANTT: Không thuộc phạm vi',
  noReport: 'ANTT: Chưa có báo cáo',
} as const;
const REPORTS = { interim: 'Sơ kết: Số đơn vị đã báo cáo', final: 'Tổng kết: Số đơn vị đã báo cáo' } as const;
const milestoneHeaders = (code: string) =>
  [`Mốc ${code}: Số đơn vị`, `Mốc ${code}: Đã nộp`, `Mốc ${code}: Tỷ lệ đã nộp (%)`] as const;
const indicatorHeaders = (header: string) => [`Sơ kết: ${header}`, `Tổng kết: ${header}`] as const;
const awardHeaders = (a: { award: string; kind: string }) =>
  [
    `Khen thưởng ${a.award} – ${a.kind}: Số hợp lệ`,
    `Khen thưởng ${a.award} – ${a.kind}: Tối thiểu`,
    `Khen thưởng ${a.award} – ${a.kind}: Tối đa`,
  ] as const;
/** A percent indicator's header ends so (sheets-schema: `Tỷ lệ … (%)`); it is averaged, not added. */
const isPercent = (header: string) => header.endsWith('(%)');

const MILESTONE = /^Mốc (.+): Số đơn vị$/;
const INDICATOR = /^Tổng kết: (.+)$/;
const AWARD = /^Khen thưởng (.+) – ([^–]+): Số hợp lệ$/;

const percentOf = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);
const orBlank = (n: number | null | undefined): Cell => (n === null || n === undefined ? '' : n);

/**
 * The rows of a `Tổng hợp cấp dưới` as written (this parent's, or a child's): by header, so columns may move. A row
 * without `Số đơn vị` has no figures (never read yet). Rows without a code are skipped.
 */
export function readChildRows(rows: readonly (readonly Cell[])[]): ChildRow[] {
  if (rows.length === 0) return [];
  const headers = rows[0].map((c) => cellText(c));
  const at = (h: string) => headers.indexOf(h);
  for (const h of CHILDREN_HEADERS)
    if (at(h) < 0) throw new MalformedTabError(`Trang ${TAB.children} của cấp dưới thiếu cột "${h}".`);
  const milestoneCodes = headers.flatMap((h) => MILESTONE.exec(h)?.[1] ?? []);
  const indicatorNames = headers
    .flatMap((h) => INDICATOR.exec(h)?.[1] ?? [])
    .filter((h) => !h.startsWith('Số đơn vị đã'));
  const awardKeys = headers.flatMap((h) => {
    const m = AWARD.exec(h);
    return m ? [{ award: m[1], kind: m[2] }] : [];
  });
  const out: ChildRow[] = [];
  for (const row of rows.slice(1)) {
    const cell = (h: string) => (at(h) < 0 ? undefined : row[at(h)]);
    const code = unitCode(cell('Mã đơn vị'));
    if (code === '') continue;
    const units = num(cell('Số đơn vị'));
    let figures: RollupFigures | null = null;
    if (units !== null) {
      const hasAntt = num(cell(ANTT_HEADERS.met)) !== null;
      figures = {
        units,
        // A milestone the child does not have is blank in its row.
        milestones: milestoneCodes.flatMap((code) => {
          const [u, s] = milestoneHeaders(code);
          const mUnits = num(cell(u));
          return mUnits === null ? [] : [{ code, units: mUnits, submitted: num(cell(s)) ?? 0 }];
        }),
        levels: LEVEL_NAMES.map((l) => num(cell(l)) ?? 0),
        antt: hasAntt
          ? {
              met: num(cell(ANTT_HEADERS.met)) ?? 0,
              notMet: num(cell(ANTT_HEADERS.notMet)) ?? 0,
              outOfScope: num(cell(ANTT_HEADERS.outOfScope)) ?? 0,
              noReport: num(cell(ANTT_HEADERS.noReport)) ?? 0,
            }
          : null,
        interimReports: num(cell(REPORTS.interim)) ?? 0,
        finalReports: num(cell(REPORTS.final)) ?? 0,
        indicators: indicatorNames.map((header) => {
          const [i, f] = indicatorHeaders(header);
          return {
            header,
            kind: isPercent(header) ? ('percent' as const) : ('count' as const),
            interim: num(cell(i)),
            final: num(cell(f)),
          };
        }),
        awards: awardKeys.flatMap((k) => {
          const [e, min, max] = awardHeaders(k);
          const eligible = num(cell(e));
          return eligible === null ? [] : [{ ...k, eligible, min: num(cell(min)), max: num(cell(max)) }];
        }),
      };
    }
    out.push({
      code,
      name: cellText(cell('Tên đơn vị')),
      spreadsheet: cellText(cell(CHILD_SPREADSHEET_HEADER)),
      status: cellText(cell('Tình trạng')),
      reason: cellText(cell('Lý do')),
      readAt: cellText(cell('Số liệu lúc')),
      figures,
      level: cellText(cell('Xếp loại suy ra')),
    });
  }
  return out;
}

/** The child's subtree from what was read, or a MalformedTabError naming what its tabs lack. */
function subtreeOf(reading: Exclude<ChildReading, { failure: string }>): { figures: RollupFigures; stale: number } {
  const own = dashboardFigures(reading.dashboard, TAB.dashboard);
  const below = reading.children ? readChildRows(reading.children) : [];
  const figures = subtreeFigures(
    own,
    below.flatMap((r) => (r.figures ? [r.figures] : [])),
  );
  return { figures, stale: below.filter((r) => r.status !== CHILD_STATUS.read).length };
}

export interface RollupInput {
  readonly bodies: readonly Body[];
  /** By body code; a body whose `Mã bảng tính` is malformed needs none. */
  readonly readings: ReadonlyMap<string, ChildReading>;
  /** This parent's `Tổng hợp cấp dưới` as it stands: the last good figures. */
  readonly previous: readonly (readonly Cell[])[] | undefined;
  readonly settings: Settings;
  readonly now: Date;
}

/** One row per body, in `Đơn vị` order. */
export function rollupRows(input: RollupInput): ChildRow[] {
  const { settings, now } = input;
  const rule = derivedRule(settings);
  const readAt = formatDateTime(now, campaignTimeZone(settings));
  let previous: ChildRow[] = [];
  try {
    previous = readChildRows(input.previous ?? []);
  } catch {
    // A tab whose headers a person changed holds no figures to keep: the next rows replace it.
  }
  return input.bodies.map((body) => {
    const ref = childSpreadsheetId(body.spreadsheet);
    const reading: ChildReading =
      'error' in ref ? { failure: ref.error } : (input.readings.get(body.code) ?? { failure: 'Chưa đọc.' });
    let failure: string;
    if ('failure' in reading) failure = reading.failure;
    else {
      try {
        const { figures, stale } = subtreeOf(reading);
        return {
          code: body.code,
          name: body.name,
          spreadsheet: body.spreadsheet,
          status: CHILD_STATUS.read,
          reason:
            stale === 0
              ? ''
              : `${stale} bảng tính cấp dưới của đơn vị này không đọc được ở lần tổng hợp gần nhất của đơn vị (đã tính theo số liệu cũ hoặc chưa có số liệu).`,
          readAt,
          figures,
          level: derivedLevel(figures, rule),
        };
      } catch (error) {
        if (!(error instanceof MalformedTabError)) throw error;
        failure = error.message;
      }
    }
    // The last good figures of the same spreadsheet: another spreadsheet's would be someone else's.
    const last = previous.find((p) => p.code === body.code && p.spreadsheet === body.spreadsheet && p.figures);
    return {
      code: body.code,
      name: body.name,
      spreadsheet: body.spreadsheet,
      status: CHILD_STATUS.failed,
      reason: last
        ? `${failure} Đang hiển thị số liệu đọc được lúc ${last.readAt}.`
        : `${failure} Chưa có số liệu nào đọc được.`,
      readAt: last?.readAt ?? '',
      figures: last?.figures ?? null,
      level: last?.level ?? '',
    };
  });
}

/**
 * The campaign's own indicator totals (its `Tổng hợp`) with its children's subtrees added: what the parent reports up
 * for its whole hierarchy. Children without figures yet are left out and counted apart.
 */
export function childrenTotals(own: ScopeFigures, rows: readonly ChildRow[]): ChildrenTotals {
  const mine: RollupFigures = {
    units: own.units,
    milestones: [],
    levels: LEVEL_NAMES.map(() => 0),
    antt: null,
    interimReports: own.interimReports,
    finalReports: own.finalReports,
    indicators: own.figures.map((f) => ({ header: f.header, kind: f.kind, interim: f.interim, final: f.final })),
    awards: [],
  };
  const counted = rows.flatMap((r) => (r.figures ? [r.figures] : []));
  const sum = subtreeFigures(mine, counted);
  return {
    children: rows.length,
    counted: counted.length,
    interimReports: sum.interimReports,
    finalReports: sum.finalReports,
    figures: sum.indicators,
  };
}

/** This campaign's `Tổng hợp cấp dưới` as the last roll-up left it, for its current bodies only; none if unreadable. */
export function storedChildRows(
  rows: readonly (readonly Cell[])[] | undefined,
  bodies: readonly Pick<Body, 'code'>[],
): ChildRow[] {
  const codes = new Set(bodies.map((b) => b.code));
  try {
    return readChildRows(rows ?? []).filter((r) => codes.has(r.code));
  } catch {
    // Headers a person changed: the next roll-up rewrites the tab.
    return [];
  }
}

/** The columns every row shares: milestones, indicators and awards in the order first met. */
function layout(rows: readonly ChildRow[]) {
  const milestones = new Set<string>();
  const indicators = new Map<string, IndicatorFigures>();
  const awards = new Map<string, AwardFigures>();
  for (const r of rows) {
    for (const m of r.figures?.milestones ?? []) milestones.add(m.code);
    for (const i of r.figures?.indicators ?? []) if (!indicators.has(i.header)) indicators.set(i.header, i);
    for (const a of r.figures?.awards ?? []) {
      const key = `${a.award}\n${a.kind}`;
      if (!awards.has(key)) awards.set(key, a);
    }
  }
  return { milestones: [...milestones], indicators: [...indicators.keys()], awards: [...awards.values()] };
}

export function childrenTab(rows: readonly ChildRow[]): TabWrite {
  const { milestones, indicators, awards } = layout(rows);
  const headers: string[] = [
    ...CHILDREN_HEADERS,
    ...LEVEL_NAMES,
    ...Object.values(ANTT_HEADERS),
    ...milestones.flatMap(milestoneHeaders),
    REPORTS.interim,
    REPORTS.final,
    ...indicators.flatMap(indicatorHeaders),
    ...awards.flatMap(awardHeaders),
  ];
  const body = rows.map((r): Cell[] => {
    const f = r.figures;
    const fixed: Cell[] = [r.code, r.name, r.spreadsheet, r.status, r.reason, r.readAt, orBlank(f?.units), r.level];
    if (!f) return fixed;
    const byCode = new Map<string, MilestoneFigures>(f.milestones.map((m) => [m.code, m]));
    const byHeader = new Map(f.indicators.map((i) => [i.header, i]));
    const byAward = new Map(f.awards.map((a) => [`${a.award}\n${a.kind}`, a]));
    return [
      ...fixed,
      ...f.levels,
      ...(f.antt ? [f.antt.met, f.antt.notMet, f.antt.outOfScope, f.antt.noReport] : ['', '', '', '']),
      ...milestones.flatMap((code): Cell[] => {
        const m = byCode.get(code);
        return m ? [m.units, m.submitted, percentOf(m.submitted, m.units)] : ['', '', ''];
      }),
      f.interimReports,
      f.finalReports,
      ...indicators.flatMap((h) => [orBlank(byHeader.get(h)?.interim), orBlank(byHeader.get(h)?.final)]),
      ...awards.flatMap((a): Cell[] => {
        const mine = byAward.get(`${a.award}\n${a.kind}`);
        return mine ? [mine.eligible, orBlank(mine.min), orBlank(mine.max)] : ['', '', ''];
      }),
    ];
  });
  return { tab: TAB.children, rows: [headers, ...body] };
}
