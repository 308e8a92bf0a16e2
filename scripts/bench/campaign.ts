// A scaled campaign for benchmarks and test corpora: N units, five responses each (registration, interim and final
// reports, two nominations), as rows keyed by header like the demo. Deterministic: same inputs, same rows.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TZDate } from '@date-fns/tz';
import {
  FINAL_FORM,
  FORMS,
  INTERIM_FORM,
  NOMINATION_FORM,
  REGISTRATION_FORM,
  TAB,
  TIMESTAMP_HEADER,
  type Criterion,
  type FormDef,
  type Question,
} from '../../sheets-schema/index.ts';
import { defaultCriteria, defaultTabRows } from '../../sheets-schema/defaults.ts';
import {
  appliesToType,
  formQuestions,
  SERIOUS_INCIDENT_HEADER,
  UNIT_TYPE_HEADER,
  unitTypeAnswer,
} from '../../sheets-schema/forms/index.ts';
import { RECOGNISED_UNITS_HEADER, REGISTERED_UNITS_HEADER } from '../../sheets-schema/forms/reports.ts';
import {
  AWARD_CERTIFICATE,
  AWARD_MINISTER_CERTIFICATE,
  KIND_COLLECTIVE,
  KIND_INDIVIDUAL,
  NOMINATION_HEADERS as N,
} from '../../sheets-schema/forms/nominations.ts';
import { dateToSerial, type Cell } from '../../functions/core/cells.ts';
import type { Snapshot } from '../../functions/core/snapshot.ts';
import { unitSecret } from '../../functions/core/unit-secret.ts';
import { UNIT_SECRET_HEADER } from '../../sheets-schema/index.ts';
import { DEFAULT_TIME_ZONE } from '../../functions/core/zone.ts';
import { DEMO_PEOPLE } from '../demo/units.ts';

export type Row = Record<string, Cell>;
export type CampaignTabs = Map<string, Row[]>;

export const ZONE = DEFAULT_TIME_ZONE;

/**
 * The units' key of every generated campaign (bench, corpus, fault and security suites): their responses carry the
 * secrets it derives, and their jobs run with UNIT_SECRET_KEY set to it. A fixture, never a production key.
 */
export const FIXTURE_UNIT_KEY = 'thidua-fixture-unit-key-not-for-production-0123456789';

/** The instant every benchmark plans at: the same plan whether `npm run bench` or bench:instructions measures it. */
export const BENCH_NOW = new Date('2026-12-01T03:00:00Z');

export interface BenchUnit {
  readonly code: string;
  readonly name: string;
  readonly type: string;
  readonly cluster: string;
  readonly email: string;
}

const TYPES = ['Cơ quan', 'Doanh nghiệp', 'Cơ sở giáo dục', 'Xã/Phường', 'Khu dân cư', 'Công đoàn cơ sở'] as const;
/** The bench's nominees: the demo's first seven people, so both campaigns read alike. */
const PEOPLE = DEMO_PEOPLE.slice(0, 7);

/** mulberry32: a tiny seeded generator, so every machine benchmarks the same campaign. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function benchUnit(i: number): BenchUnit {
  const code = `DV-${String(i + 1).padStart(5, '0')}`;
  const type = TYPES[i % TYPES.length];
  return {
    code,
    name: `Đơn vị thi đua số ${i + 1}`,
    type,
    cluster: `Cụm thi đua ${Math.floor(i / 25) + 1}`,
    email: `vanthu.${code.toLowerCase().replace('-', '')}@example.vn`,
  };
}

const residential = (u: BenchUnit) => u.type === 'Khu dân cư' || u.type === 'Xã/Phường';

/** A valid answer to `q` for `unit`; a reasonable unit filling the form in honestly. */
function validAnswer(q: Question, unit: BenchUnit, rnd: () => number): Cell {
  switch (q.kind) {
    case 'unitCode':
      return unit.code;
    case 'unitSecret':
      return unitSecret(FIXTURE_UNIT_KEY, unit.code, 0);
    case 'email':
      return unit.email;
    case 'url':
      return `https://drive.google.com/file/d/ke-hoach-${unit.code.toLowerCase()}/view`;
    case 'text':
      return PEOPLE[Math.floor(rnd() * PEOPLE.length)];
    case 'paragraph':
      return q.header.includes('Mô hình')
        ? 'Tổ tự quản an ninh, trật tự'
        : 'Tổ chức tuyên truyền pháp luật về an ninh, trật tự cho cán bộ, nhân viên.';
    case 'integer':
      return Math.floor(rnd() * 50) + 10;
    case 'percent':
      return q.required ? 90 + Math.floor(rnd() * 11) : '';
    case 'score':
      // A criterion of other unit types is left blank, as the form's sections for them are never shown.
      if (!appliesToType(q.unitTypes, unit.type)) return '';
      return Math.round((q.max ?? 0) * (0.6 + rnd() * 0.4));
    case 'date':
      // Only a nominee's date of birth is a date, and only an individual's: the generated collectives have none.
      return '';
    case 'choice':
      if (q.header === SERIOUS_INCIDENT_HEADER) return 'Không';
      if (q.header === UNIT_TYPE_HEADER) return unitTypeAnswer(q.options ?? [], unit.type);
      if (q.header.startsWith('Cơ quan, doanh nghiệp:')) return residential(unit) ? '' : 'Có';
      if (q.header.startsWith('Khu dân cư:')) return residential(unit) ? 'Có' : '';
      if (q.header.startsWith('Xã, phường:')) return unit.type === 'Xã/Phường' ? 'Có' : '';
      return q.options?.[0] ?? '';
  }
}

/** A complete valid response of `unit` to `form` (nominations: a Bằng khen for a collective), submitted `at`. */
export function validResponse(
  form: FormDef,
  criteria: readonly Criterion[],
  unit: BenchUnit,
  at: Date,
  rnd: () => number,
): Row {
  const row: Row = { [TIMESTAMP_HEADER]: dateToSerial(at, ZONE) };
  if (form.tab === TAB.nominations) {
    return {
      ...row,
      [N.unit]: unit.code,
      [UNIT_SECRET_HEADER]: unitSecret(FIXTURE_UNIT_KEY, unit.code, 0),
      [N.kind]: KIND_COLLECTIVE,
      [N.award]: AWARD_MINISTER_CERTIFICATE,
      [N.nominee]: `Tổ bảo vệ số ${Math.floor(rnd() * 90) + 1} của ${unit.name}`,
      [N.summary]: 'Duy trì tuần tra, phát hiện và cung cấp tin báo giúp giải quyết nhiều vụ việc.',
    };
  }
  for (const q of formQuestions(form, criteria)) {
    const value = validAnswer(q, unit, rnd);
    if (value !== '') row[q.header] = value;
  }
  if (row[REGISTERED_UNITS_HEADER] !== undefined)
    row[RECOGNISED_UNITS_HEADER] = Math.max(0, Number(row[REGISTERED_UNITS_HEADER]) - 3);
  return row;
}

function at(year: number, month: number, day: number, minuteOfDay: number): Date {
  return new Date(
    new TZDate(year, month - 1, day, 7 + (Math.floor(minuteOfDay / 60) % 12), minuteOfDay % 60, 0, ZONE).getTime(),
  );
}

/** Coordinator tabs (settings, units, criteria, targets, milestones) for `units`. */
export function coordinatorTabs(units: readonly BenchUnit[], year: number): CampaignTabs {
  const tabs: CampaignTabs = new Map();
  tabs.set(
    TAB.config,
    [
      ['Tên phong trào', 'Phong trào Toàn dân bảo vệ an ninh Tổ quốc'],
      ['Năm', String(year)],
      ['Cơ quan phát động', 'Ban Chỉ đạo phong trào Toàn dân bảo vệ an ninh Tổ quốc tỉnh'],
      ['Tên người gửi', 'Thường trực phong trào'],
      ['Người nhận bản tin', 'truongban@example.vn'],
    ].map(([k, v]) => ({ Khóa: k, 'Giá trị': v })),
  );
  tabs.set(
    TAB.units,
    units.map((u) => ({
      'Mã đơn vị': u.code,
      'Tên đơn vị': u.name,
      'Loại hình': u.type,
      'Cụm/Khối': u.cluster,
      'Email liên hệ': u.email,
      'Email lãnh đạo': u.email.replace('vanthu.', 'lanhdao.'),
    })),
  );
  const defaults = defaultTabRows(year);
  for (const tab of [TAB.criteria, TAB.targets, TAB.milestones] as const) {
    const [header, ...rows] = defaults[tab];
    tabs.set(
      tab,
      rows.map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]]))),
    );
  }
  return tabs;
}

/**
 * `unitCount` units, each with a registration, an interim report, a final report and two nominations (one for a
 * collective, one Giấy khen), all valid and dated in `year`: 5 × unitCount responses.
 */
export function benchCampaign(unitCount: number, year: number): CampaignTabs {
  const units = Array.from({ length: unitCount }, (_, i) => benchUnit(i));
  const tabs = coordinatorTabs(units, year);
  const criteria = defaultCriteria();
  const rnd = seeded(unitCount);
  // No plans: the bench's campaigns keep their five responses a unit, so its figures compare across versions.
  const [registration, interim, final, nominations] = [REGISTRATION_FORM, INTERIM_FORM, FINAL_FORM, NOMINATION_FORM];
  for (const form of FORMS) tabs.set(form.tab, []);
  units.forEach((u, i) => {
    const minute = i % 600;
    tabs.get(registration.tab)!.push(validResponse(registration, criteria, u, at(year, 3, 1 + (i % 28), minute), rnd));
    tabs.get(interim.tab)!.push(validResponse(interim, criteria, u, at(year, 9, 1 + (i % 28), minute), rnd));
    tabs.get(final.tab)!.push(validResponse(final, criteria, u, at(year, 11, 1 + (i % 12), minute), rnd));
    tabs.get(nominations.tab)!.push(validResponse(nominations, criteria, u, at(year, 11, 2 + (i % 12), minute), rnd));
    tabs.get(nominations.tab)!.push({
      ...validResponse(nominations, criteria, u, at(year, 11, 3 + (i % 12), minute), rnd),
      [N.kind]: KIND_INDIVIDUAL,
      [N.award]: AWARD_CERTIFICATE,
      [N.nominee]: PEOPLE[i % PEOPLE.length],
      [N.birthDate]: birthDate(i),
      [N.position]: 'Tổ trưởng tổ bảo vệ',
    });
  });
  return tabs;
}

/**
 * The `i`th unit's nominee's date of birth, as the demo writes one: a different day for every unit, so the
 * namesakes PEOPLE makes are told apart by it and every individual's identity is hashed, as in a real campaign.
 */
function birthDate(i: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(1 + (i % 28))}/${pad(1 + (Math.floor(i / 28) % 12))}/${1960 + Math.floor(i / 336)}`;
}

/** Header row (keys in first-seen order) then each row's values under it. */
export function toGrid(rows: readonly Row[], headers: string[] = []): Cell[][] {
  const seen = new Set(headers);
  for (const row of rows) {
    for (const key of Object.keys(row)) {
      if (seen.has(key)) continue;
      seen.add(key);
      headers.push(key);
    }
  }
  return [headers, ...rows.map((row) => headers.map((h) => row[h] ?? ''))];
}

/** The campaign as a job would read it in one batchGet. */
export function toSnapshot(tabs: CampaignTabs, spreadsheetId = 'bench'): Snapshot {
  return { spreadsheetId, tabs: new Map([...tabs].map(([tab, rows]) => [tab, toGrid(rows, formHeaders(tab))])) };
}

/**
 * `snapshot` in a temporary JSON file, as the bench's child processes read it (pure-child.mjs), for the length of
 * `use`.
 */
export async function withSnapshotFile<T>(snapshot: Snapshot, use: (file: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), 'thidua-bench-snapshot-'));
  try {
    const file = path.join(dir, 'snapshot.json');
    await writeFile(file, JSON.stringify({ spreadsheetId: snapshot.spreadsheetId, tabs: [...snapshot.tabs] }));
    return await use(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** pure-child.mjs's arguments: `plans` plans at BENCH_NOW over `snapshotFile`, with the functions built in `built`. */
export function pureChildArgs(built: string, snapshotFile: string, plans: number): string[] {
  return [
    path.join(import.meta.dirname, 'pure-child.mjs'),
    built,
    snapshotFile,
    String(plans),
    BENCH_NOW.toISOString(),
    FIXTURE_UNIT_KEY,
  ];
}

/** A response tab's headers as Google Forms creates them, so an empty tab still has its header row. */
export function formHeaders(tab: string, criteria: readonly Criterion[] = defaultCriteria()): string[] {
  const form = FORMS.find((f) => f.tab === tab);
  return form ? [TIMESTAMP_HEADER, ...formQuestions(form, criteria).map((q) => q.header)] : [];
}
