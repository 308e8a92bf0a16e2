// A small builder of campaign snapshots from literal rows, for the rule tests.
import type { Criterion } from '../../../sheets-schema/index.ts';
import { ANTT_DECISION_HEADERS, EDIT_LINK_HEADER, TAB, TIMESTAMP_HEADER } from '../../../sheets-schema/index.ts';
import {
  FINAL_FORM,
  SERIOUS_INCIDENT_HEADER,
  appliesToType,
  formDef,
  formQuestions,
} from '../../../sheets-schema/forms/index.ts';
import type { Cell } from '../../../functions/core/cells.ts';
import type { Snapshot } from '../../../functions/core/snapshot.ts';

export interface UnitSpec {
  readonly code: string;
  readonly name?: string;
  readonly type?: string;
  readonly cluster?: string;
}

type Answers = Readonly<Record<string, Cell>>;

/** Two criteria of 50 points each, so totals are easy to read in a test. */
const TEST_CRITERIA: readonly Criterion[] = [
  { code: 'TC1', group: 'Lãnh đạo, chỉ đạo', content: 'Lãnh đạo, chỉ đạo', maxScore: 50 },
  { code: 'TC2', group: 'Kết quả', content: 'Kết quả thực hiện', maxScore: 50 },
];

class CampaignBuilder {
  private readonly settings: [string, Cell][] = [];
  private readonly units: UnitSpec[] = [];
  private criteria: readonly Criterion[] = TEST_CRITERIA;
  private readonly targets: Cell[][] = [];
  private readonly quotas: Cell[][] = [];
  private readonly assessments: Cell[][] = [];
  private readonly recognitions: string[] = [];
  private readonly responses = new Map<string, Answers[]>();
  private readonly extraTabs = new Map<string, Cell[][]>();
  private clock = Date.UTC(2026, 0, 1, 1, 0, 0);

  setting(key: string, value: Cell): this {
    this.settings.push([key, value]);
    return this;
  }

  unit(spec: UnitSpec | string): this {
    this.units.push(typeof spec === 'string' ? { code: spec } : spec);
    return this;
  }

  withCriteria(criteria: readonly Criterion[]): this {
    this.criteria = criteria;
    return this;
  }

  target(award: string, kind: string, min: Cell, max: Cell): this {
    this.targets.push([award, kind, min, max]);
    return this;
  }

  quota(unit: string, award: string, kind: string, count: Cell): this {
    this.quotas.push([unit, award, kind, count]);
    return this;
  }

  assess(unit: string, score: Cell): this {
    this.assessments.push([unit, score, '']);
    return this;
  }

  /** Units recognised "An toàn về ANTT" by a decision of `Quyết định công nhận ANTT` (TT 124/2021/TT-BCA). */
  recognised(...units: string[]): this {
    this.recognitions.push(...units);
    return this;
  }

  /** A raw tab, header row first, replacing whatever the builder would produce. */
  tab(name: string, rows: Cell[][]): this {
    this.extraTabs.set(name, rows);
    return this;
  }

  /**
   * A response to `form` whose unspecified required answers are valid defaults; pass `undefined`-free literals.
   * Each response is one minute after the previous one unless `Dấu thời gian` is given.
   */
  respond(form: string, answers: Answers): this {
    this.clock += 60_000;
    const list = this.responses.get(form) ?? [];
    const code = String(answers['Mã đơn vị'] ?? '');
    const type = this.units.find((u) => u.code.toUpperCase() === code.toUpperCase())?.type ?? 'Cơ quan';
    list.push({ [TIMESTAMP_HEADER]: serial(this.clock), ...defaults(form, this.criteria, type), ...answers });
    this.responses.set(form, list);
    return this;
  }

  register(unit: string, answers: Answers = {}): this {
    return this.respond(TAB.registration, { 'Mã đơn vị': unit, ...answers });
  }

  /** A final report with the given criterion scores (by code) and no serious incident unless told. */
  report(unit: string, scores: Readonly<Record<string, Cell>>, answers: Answers = {}): this {
    const byHeader: Record<string, Cell> = {};
    for (const q of formQuestions(FINAL_FORM, this.criteria)) {
      const code = /^\[([^\]]+)\]/.exec(q.header)?.[1];
      if (code && code in scores) byHeader[q.header] = scores[code];
    }
    return this.respond(TAB.final, { 'Mã đơn vị': unit, ...byHeader, ...answers });
  }

  nominate(unit: string, answers: Answers): this {
    const filled = { 'Chức vụ': 'Cán bộ', 'Thành tích tóm tắt': 'Nhiều thành tích trong phong trào', ...answers };
    return this.respond(TAB.nominations, { 'Mã đơn vị': unit, ...filled });
  }

  snapshot(): Snapshot {
    const tabs = new Map<string, Cell[][]>();
    // Rule tests of other matters judge responses without secrets; a test of the check sets it back to 'Có'.
    tabs.set(TAB.config, [['Khóa', 'Giá trị'], ['Xác thực đơn vị', 'Không'], ...this.settings]);
    tabs.set(TAB.units, [
      ['Mã đơn vị', 'Tên đơn vị', 'Loại hình', 'Cụm/Khối', 'Email liên hệ', 'Email lãnh đạo'],
      ...this.units.map((u) => [
        u.code,
        u.name ?? `Đơn vị ${u.code}`,
        u.type ?? 'Cơ quan',
        u.cluster ?? 'Cụm 1',
        `${u.code.toLowerCase()}@example.vn`,
        '',
      ]),
    ]);
    tabs.set(TAB.criteria, [
      ['Mã tiêu chí', 'Nhóm', 'Nội dung', 'Điểm tối đa', 'Loại hình'],
      ...this.criteria.map((c) => [c.code, c.group, c.content, c.maxScore, (c.types ?? []).join(', ')]),
    ]);
    tabs.set(TAB.targets, [
      ['Hình thức khen thưởng', 'Đối tượng', 'Số lượng tối thiểu', 'Số lượng tối đa'],
      ...this.targets,
    ]);
    tabs.set(TAB.quotas, [['Mã đơn vị', 'Hình thức khen thưởng', 'Đối tượng', 'Số lượng'], ...this.quotas]);
    tabs.set(TAB.assessment, [['Mã đơn vị', 'Điểm thẩm định', 'Ghi chú'], ...this.assessments]);
    if (this.recognitions.length > 0)
      tabs.set(TAB.anttDecisions, [
        [...ANTT_DECISION_HEADERS],
        ...this.recognitions.map((u, i) => [u, `${i + 1}/QĐ-UBND`, '15/12/2026', 'UBND tỉnh']),
      ]);
    for (const [form, list] of this.responses) {
      const def = formDef(form);
      const headers = [TIMESTAMP_HEADER, ...(def ? formQuestions(def, this.criteria).map((q) => q.header) : [])];
      for (const answers of list) for (const h of Object.keys(answers)) if (!headers.includes(h)) headers.push(h);
      tabs.set(form, [headers, ...list.map((a) => headers.map((h) => a[h] ?? ''))]);
    }
    for (const [name, rows] of this.extraTabs) tabs.set(name, rows);
    return { spreadsheetId: 'test', tabs };
  }
}

export const campaign = (): CampaignBuilder => new CampaignBuilder();

/** Google Sheets serial number of a UTC instant, as Forms writes timestamps (read back in Asia/Ho_Chi_Minh). */
function serial(utcMs: number): number {
  return (utcMs + 7 * 3_600_000 - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** Valid answers to every required question of `form`, so a test states only what it is about. */
function defaults(form: string, criteria: readonly Criterion[], unitType: string): Record<string, Cell> {
  const def = formDef(form);
  if (!def) return {};
  const out: Record<string, Cell> = {};
  for (const q of formQuestions(def, criteria)) {
    if (!q.required || q.requiredWhen || !appliesToType(q.unitTypes, unitType)) continue;
    if (q.kind === 'integer' || q.kind === 'percent') out[q.header] = q.kind === 'percent' ? 100 : 0;
    else if (q.kind === 'score') out[q.header] = q.max ?? 0;
    else if (q.kind === 'email') out[q.header] = 'dau.moi@example.vn';
    else if (q.kind === 'choice') out[q.header] = q.options?.[0] ?? '';
    else out[q.header] = 'Nội dung';
  }
  if (form === TAB.final) out[SERIOUS_INCIDENT_HEADER] = 'Không';
  return out;
}

export { EDIT_LINK_HEADER };
