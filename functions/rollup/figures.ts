// A child campaign's figures as the roll-up carries them: read from the child's `Tổng hợp` (whose section titles and
// column labels are a contract, DOMAIN.md §8) and added up over a subtree. Pure.
import { cellText, type Cell } from '../core/cells.ts';
import { LEVELS, UNCLASSIFIED, type Level } from '../core/model.ts';
import { DASHBOARD_SECTIONS } from '../dashboard/tab.ts';

export type LevelName = Level | typeof UNCLASSIFIED;
export const LEVEL_NAMES: readonly LevelName[] = [...LEVELS, UNCLASSIFIED];

export interface MilestoneFigures {
  readonly code: string;
  readonly units: number;
  /** On time or late: every valid submission. */
  readonly submitted: number;
}

/** "An toàn về ANTT" (Thông tư 124/2021/TT-BCA); the four add up to the units. */
export interface AnttCounts {
  readonly met: number;
  readonly notMet: number;
  readonly outOfScope: number;
  readonly noReport: number;
}

export type IndicatorKind = 'count' | 'percent';

export interface IndicatorFigures {
  readonly header: string;
  readonly kind: IndicatorKind;
  /** Sum (count) or mean over the reports (percent) of the sơ kết; null when no report gave it. */
  readonly interim: number | null;
  readonly final: number | null;
}

/** One award and kind, as the child judged it: its eligible nominations against its own targets. */
export interface AwardFigures {
  readonly award: string;
  readonly kind: string;
  readonly eligible: number;
  readonly min: number | null;
  readonly max: number | null;
}

export interface RollupFigures {
  readonly units: number;
  /** Milestones by code, in the order first met. */
  readonly milestones: readonly MilestoneFigures[];
  /** Units per level, in LEVEL_NAMES order. */
  readonly levels: readonly number[];
  /** Null when the child's `Tổng hợp` has no ANTT section (an older version). */
  readonly antt: AnttCounts | null;
  /** Units whose sơ kết / tổng kết report counts: the weights of a percent indicator. */
  readonly interimReports: number;
  readonly finalReports: number;
  readonly indicators: readonly IndicatorFigures[];
  readonly awards: readonly AwardFigures[];
}

/** The sections of a child's `Tổng hợp` the roll-up reads. */
export const READ_SECTIONS = {
  progress: DASHBOARD_SECTIONS.progress,
  levels: DASHBOARD_SECTIONS.levels,
  nominations: DASHBOARD_SECTIONS.nominations,
  indicators: DASHBOARD_SECTIONS.campaign,
  antt: DASHBOARD_SECTIONS.antt,
} as const;

/** `Cách tính` of a percent indicator in `Tổng hợp`. */
const PERCENT_METHOD = 'Bình quân các đơn vị';
const REPORTS_ROW = 'Số đơn vị đã báo cáo';

/** A child's tab that is not what the roll-up can read: the message says what is missing, in Vietnamese. */
export class MalformedTabError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedTabError';
  }
}

type Rows = readonly (readonly Cell[])[];

const blank = (row: readonly Cell[] | undefined): boolean => !row || row.every((c) => cellText(c) === '');

/** The header and body rows of a titled section; undefined when the title is absent. */
function section(rows: Rows, title: string): { headers: string[]; body: Rows } | undefined {
  const at = rows.findIndex((r) => cellText(r[0]) === title);
  if (at < 0) return undefined;
  const headers = (rows[at + 1] ?? []).map((c) => cellText(c));
  const body: (readonly Cell[])[] = [];
  for (let i = at + 2; i < rows.length && !blank(rows[i]); i++) {
    // The line a section shows when it has no rows: one cell under several headers.
    if (headers.length > 1 && rows[i].filter((c) => cellText(c) !== '').length === 1 && i === at + 2) break;
    body.push(rows[i]);
  }
  return { headers, body };
}

function columns(
  tab: string,
  title: string,
  found: { headers: string[] },
  wanted: readonly string[],
): Map<string, number> {
  const at = new Map<string, number>();
  for (const h of wanted) {
    const i = found.headers.indexOf(h);
    if (i < 0) throw new MalformedTabError(`Trang ${tab} của cấp dưới thiếu cột "${h}" ở mục "${title}".`);
    at.set(h, i);
  }
  return at;
}

function required(rows: Rows, tab: string, title: string) {
  const found = section(rows, title);
  if (!found) throw new MalformedTabError(`Trang ${tab} của cấp dưới thiếu mục "${title}".`);
  return found;
}

/** A figure read back from a child's sheet: a number, or null when blank or not a number. */
export function num(cell: Cell | undefined): number | null {
  if (typeof cell === 'number' && Number.isFinite(cell)) return cell;
  const text = cellText(cell);
  if (text === '') return null;
  const n = Number(text.replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}

const count = (cell: Cell | undefined): number => num(cell) ?? 0;

/**
 * The child's own figures from its `Tổng hợp` (`tab` names it in messages). Progress, levels and nominations are
 * required; the indicator totals and ANTT are read when the child's version writes them.
 */
export function dashboardFigures(rows: Rows, tab = 'Tổng hợp'): RollupFigures {
  const unitsRow = rows.find((r) => cellText(r[0]) === 'Số đơn vị');
  const units = num(unitsRow?.[1]);
  if (units === null) throw new MalformedTabError(`Trang ${tab} của cấp dưới thiếu dòng "Số đơn vị".`);

  const progress = required(rows, tab, READ_SECTIONS.progress);
  const p = columns(tab, READ_SECTIONS.progress, progress, ['Mã mốc', 'Số đơn vị', 'Đã nộp đúng hạn', 'Nộp muộn']);
  const milestones = progress.body.map((r) => ({
    code: cellText(r[p.get('Mã mốc')!]),
    units: count(r[p.get('Số đơn vị')!]),
    submitted: count(r[p.get('Đã nộp đúng hạn')!]) + count(r[p.get('Nộp muộn')!]),
  }));

  const levelSection = required(rows, tab, READ_SECTIONS.levels);
  const l = columns(tab, READ_SECTIONS.levels, levelSection, ['Xếp loại', 'Số đơn vị']);
  const levels = LEVEL_NAMES.map(() => 0);
  for (const r of levelSection.body) {
    const i = LEVEL_NAMES.indexOf(cellText(r[l.get('Xếp loại')!]) as LevelName);
    if (i >= 0) levels[i] += count(r[l.get('Số đơn vị')!]);
  }

  const nominations = required(rows, tab, READ_SECTIONS.nominations);
  const n = columns(tab, READ_SECTIONS.nominations, nominations, [
    'Hình thức khen thưởng',
    'Đối tượng',
    'Số hợp lệ',
    'Tối thiểu',
    'Tối đa',
  ]);
  const awards = nominations.body.map((r) => ({
    award: cellText(r[n.get('Hình thức khen thưởng')!]),
    kind: cellText(r[n.get('Đối tượng')!]),
    eligible: count(r[n.get('Số hợp lệ')!]),
    min: num(r[n.get('Tối thiểu')!]),
    max: num(r[n.get('Tối đa')!]),
  }));

  let interimReports = 0;
  let finalReports = 0;
  const indicators: IndicatorFigures[] = [];
  const totals = section(rows, READ_SECTIONS.indicators);
  if (totals) {
    const t = columns(tab, READ_SECTIONS.indicators, totals, ['Nội dung', 'Cách tính', 'Sơ kết', 'Tổng kết']);
    for (const r of totals.body) {
      const header = cellText(r[t.get('Nội dung')!]);
      if (header === REPORTS_ROW) {
        interimReports = count(r[t.get('Sơ kết')!]);
        finalReports = count(r[t.get('Tổng kết')!]);
        continue;
      }
      indicators.push({
        header,
        kind: cellText(r[t.get('Cách tính')!]) === PERCENT_METHOD ? 'percent' : 'count',
        interim: num(r[t.get('Sơ kết')!]),
        final: num(r[t.get('Tổng kết')!]),
      });
    }
  }

  let antt: AnttCounts | null = null;
  const anttSection = section(rows, READ_SECTIONS.antt);
  if (anttSection) {
    const a = columns(tab, READ_SECTIONS.antt, anttSection, [
      'Đạt',
      'Chưa đạt',
      'Không thuộc phạm vi',
      'Chưa có báo cáo',
    ]);
    const sum = { met: 0, notMet: 0, outOfScope: 0, noReport: 0 };
    for (const r of anttSection.body) {
      sum.met += count(r[a.get('Đạt')!]);
      sum.notMet += count(r[a.get('Chưa đạt')!]);
      sum.outOfScope += count(r[a.get('Không thuộc phạm vi')!]);
      sum.noReport += count(r[a.get('Chưa có báo cáo')!]);
    }
    antt = sum;
  }

  return { units, milestones, levels, antt, interimReports, finalReports, indicators, awards };
}

/** Mean of `a` (weight `wa`) and `b` (weight `wb`), one decimal; a side without a value or weight does not count. */
function weighted(a: number | null, wa: number, b: number | null, wb: number): number | null {
  if (a === null || wa === 0) return b === null || wb === 0 ? (a ?? b) : b;
  if (b === null || wb === 0) return a;
  return Math.round(((a * wa + b * wb) / (wa + wb)) * 10) / 10;
}

const plus = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : a + b);

/**
 * A subtree's figures: the child's own (`own`, whose awards are kept as they are: its own line per award against its
 * own targets) and its children's (each already a subtree). Counts add up; a percent indicator is the mean weighted by
 * the reports behind each side.
 */
export function subtreeFigures(own: RollupFigures, below: readonly RollupFigures[]): RollupFigures {
  let acc = own;
  for (const b of below) acc = addFigures(acc, b);
  return { ...acc, awards: own.awards };
}

function addFigures(a: RollupFigures, b: RollupFigures): RollupFigures {
  const milestones = new Map(a.milestones.map((m) => [m.code, m]));
  for (const m of b.milestones) {
    const have = milestones.get(m.code);
    milestones.set(
      m.code,
      have ? { code: m.code, units: have.units + m.units, submitted: have.submitted + m.submitted } : m,
    );
  }
  const indicators = new Map(a.indicators.map((i) => [i.header, i]));
  for (const i of b.indicators) {
    const have = indicators.get(i.header);
    if (!have) {
      indicators.set(i.header, i);
      continue;
    }
    indicators.set(
      i.header,
      i.kind === 'percent'
        ? {
            ...have,
            interim: weighted(have.interim, a.interimReports, i.interim, b.interimReports),
            final: weighted(have.final, a.finalReports, i.final, b.finalReports),
          }
        : { ...have, interim: plus(have.interim, i.interim), final: plus(have.final, i.final) },
    );
  }
  const antt =
    a.antt && b.antt
      ? {
          met: a.antt.met + b.antt.met,
          notMet: a.antt.notMet + b.antt.notMet,
          outOfScope: a.antt.outOfScope + b.antt.outOfScope,
          noReport: a.antt.noReport + b.antt.noReport,
        }
      : (a.antt ?? b.antt);
  return {
    units: a.units + b.units,
    milestones: [...milestones.values()],
    levels: a.levels.map((n, i) => n + b.levels[i]),
    antt,
    interimReports: a.interimReports + b.interimReports,
    finalReports: a.finalReports + b.finalReports,
    indicators: [...indicators.values()],
    awards: a.awards,
  };
}
