// Each nomination's verdict (duplicate, the catalogue row's rules, share of units, unit quota) and the tallies against
// `Chỉ tiêu`. The rules are data: each award's row of `Danh mục khen thưởng` says which apply (functions/awards/).
import { createSecretKey } from 'node:crypto';
import { KIND_INDIVIDUAL, NOMINATION_FORM, NOMINATION_HEADERS as H } from '../../sheets-schema/forms/index.ts';
import { collapseSpaces, nameKey } from '../core/cells.ts';
import type { AwardTally, JudgedResponse, NominationStatus, NominationVerdict } from '../core/model.ts';
import type { CatalogueAward } from '../awards/catalogue.ts';
import { anttRecognised, awardRules, overShare, shareCap, type UnitAntt } from '../awards/rules.ts';
import type { Registry } from '../awards/registry.ts';
import { EMPTY_REGISTRY, claimNotFound, namesakeElsewhere, nomineeId, receivedBefore } from '../awards/registry.ts';
import type { YearResults } from '../awards/years.ts';
import { NO_YEAR_RESULTS, consecutiveYears } from '../awards/years.ts';
import type { Target } from './campaign-data.ts';
import { awardKey, quotaKey } from './campaign-data.ts';
import type { UnitStanding } from '../awards/rules.ts';

const text = (c: JudgedResponse, header: string): string => String(c.values.get(header) ?? '');
const numberAnswer = (c: JudgedResponse, header: string): number => {
  const v = c.values.get(header);
  return typeof v === 'number' ? v : 0;
};

interface Seen {
  readonly unitCode: string;
  readonly rowNumber: number;
  readonly dated: boolean;
}

/** Individuals nominated so far: by award and identity, and by award and name. */
interface People {
  readonly byId: Map<string, Seen>;
  readonly byName: Map<string, Seen[]>;
}

/**
 * The same person nominated for the same award by two units: with a date of birth on both, the later nomination is
 * `Trùng`; the same name with a date missing on either side waits, asking for it (two people may share a name).
 */
function twoUnits(
  people: People,
  id: string,
  nominee: string,
  award: string,
  unit: string,
  rowNumber: number,
): { readonly status: NominationStatus; readonly reason: string } | null {
  const awardPart = nameKey(award);
  const dated = id.startsWith('CN-');
  const byId = `${awardPart}\u0000${id}`;
  const byName = `${awardPart}\u0000${collapseSpaces(nominee.toLowerCase())}`;
  const same = dated ? people.byId.get(byId) : undefined;
  if (same && same.unitCode !== unit)
    return {
      status: 'Trùng',
      reason: `Cùng một người (họ tên, ngày sinh) đã được đơn vị ${same.unitCode} đề nghị ${award} ở dòng ${same.rowNumber}; chỉ tính một lần.`,
    };
  const namesake = (people.byName.get(byName) ?? []).find((p) => p.unitCode !== unit && (!dated || !p.dated));
  if (namesake)
    return {
      status: 'Chưa xét',
      reason: `Trùng họ tên với đề nghị ${award} của đơn vị ${namesake.unitCode} ở dòng ${namesake.rowNumber}; cần điền "${H.birthDate}" để phân biệt hai người.`,
    };
  const seen = { unitCode: unit, rowNumber, dated };
  if (dated && !people.byId.has(byId)) people.byId.set(byId, seen);
  const list = people.byName.get(byName);
  if (list) list.push(seen);
  else people.byName.set(byName, [seen]);
  return null;
}

/** Where below a forwarded nomination comes from (rollup/forward.ts); '' for the campaign's own. */
const origin = (c: JudgedResponse): string => ('origin' in c && typeof c.origin === 'string' ? c.origin : '');

/** (time, row) order; times are read once per nomination rather than twice per comparison. */
function inOrder(valid: readonly JudgedResponse[]): JudgedResponse[] {
  const times = valid.map((c) => c.submittedAt?.getTime() ?? 0);
  const positions = valid.map((_, i) => i);
  // Same time: the campaign's own nominations before forwarded ones, then by row.
  const forwarded = valid.map((c) => c.form !== NOMINATION_FORM.tab);
  positions.sort((a, b) =>
    times[a] !== times[b]
      ? times[a] - times[b]
      : forwarded[a] !== forwarded[b]
        ? Number(forwarded[a]) - Number(forwarded[b])
        : valid[a].rowNumber - valid[b].rowNumber,
  );
  return positions.map((i) => valid[i]);
}

const NO_ANTT: ReadonlyMap<string, UnitAntt> = new Map();

/** What the verdicts read besides the nominations and the classifications. */
export interface NominationContext {
  /** `Phân bổ chỉ tiêu`: unit × award × kind → quota. */
  readonly quotas: ReadonlyMap<string, number>;
  /** `Danh mục khen thưởng`. */
  readonly catalogue: readonly CatalogueAward[];
  /** The base of the "at most N% of units" rule. */
  readonly unitCount: number;
  /** `Sổ theo dõi khen thưởng`, with the key of its identities and the campaign's year. */
  readonly registry?: Registry;
  readonly registryKey?: string;
  readonly year?: number;
  /** `Xếp loại các năm`, for the consecutive-years rule. */
  readonly history?: YearResults;
  /** Each unit's "An toàn về ANTT" standing this year, for the recognition rule. */
  readonly antt?: ReadonlyMap<string, UnitAntt>;
}

/**
 * The verdict of each valid nomination, in a map whose order is the judging order: earliest first, the order quotas,
 * shares and duplicates are judged in. Validation has already refused an award not in the catalogue.
 */
export function judgeNominations(
  valid: readonly JudgedResponse[],
  classifications: ReadonlyMap<string, UnitStanding>,
  {
    quotas,
    catalogue,
    unitCount,
    registry = EMPTY_REGISTRY,
    registryKey = '',
    year = 0,
    history = NO_YEAR_RESULTS,
    antt = NO_ANTT,
  }: NominationContext,
): Map<JudgedResponse, NominationVerdict> {
  const firstRow = new Map<string, number>();
  const used = new Map<string, number>();
  // Validation gives the catalogue's own spelling; the name key only serves answers typed into the tab by hand.
  const exact = new Map(catalogue.map((a) => [a.name, a]));
  const awards = new Map(catalogue.map((a) => [nameKey(a.name), a]));
  const granted = new Map<CatalogueAward, number>();
  const people: People = { byId: new Map(), byName: new Map() };
  // Prepared once: a job hashes every nominee's identity.
  const idKey = createSecretKey(registryKey, 'utf8');
  const verdicts = new Map<JudgedResponse, NominationVerdict>();
  for (const c of inOrder(valid)) verdicts.set(c, judge(c));
  return verdicts;

  function judge(c: JudgedResponse): NominationVerdict {
    const award = text(c, H.award);
    const kind = text(c, H.kind);
    const nominee = text(c, H.nominee);
    const verdict = (status: NominationStatus, reason: string): NominationVerdict => ({
      form: c.form,
      rowNumber: c.rowNumber,
      unitCode: c.unitCode,
      award,
      kind,
      nominee,
      status,
      reason,
    });
    // Answers are already NFC and trimmed; Vietnamese has no locale-specific casing, so plain toLowerCase suffices.
    // A body's forwarded nominations come from several units below it: the same name twice may be two people there.
    const dupKey = `${c.unitCode}\u0000${origin(c)}\u0000${collapseSpaces(nominee.toLowerCase())}\u0000${award}`;
    const first = firstRow.get(dupKey);
    if (first !== undefined) return verdict('Trùng', `Trùng với đề nghị ở dòng ${first}; chỉ tính một lần.`);
    firstRow.set(dupKey, c.rowNumber);

    const def = exact.get(award) ?? awards.get(nameKey(award));
    if (!def) return verdict('Chưa xét', `"${award}" không có trong Danh mục khen thưởng.`);
    const individual = nameKey(kind) === nameKey(KIND_INDIVIDUAL);
    const birth = text(c, H.birthDate);
    const id = nomineeId(idKey, nominee, individual ? birth : '', c.unitCode);
    if (individual) {
      const twin = twoUnits(people, id, nominee, award, c.unitCode, c.rowNumber);
      if (twin) return verdict(twin.status, twin.reason);
    }
    // Already received is final whatever the unit's classification: said at once, not after the report.
    const who = { id, name: nominee, unitCode: c.unitCode };
    const received = def.oncePerLifetime ? receivedBefore(registry, who, def.name, year) : null;
    if (received) return verdict(received.status, received.reason);
    const failed =
      awardRules(def, kind, c.values, classifications.get(c.unitCode)) ??
      consecutiveYears(def, kind, c.unitCode, year, history) ??
      anttRecognised(def, kind, c.unitCode, antt, year) ??
      (individual && def.oncePerLifetime ? namesakeElsewhere(registry, who, def.name, year) : null) ??
      claimNotFound(registry, who, numberAnswer(c, H.commendations), year);
    if (failed) return verdict(failed.status, failed.reason);
    const cap = def.maxShareOfUnits === null ? null : shareCap(def.maxShareOfUnits, unitCount);
    if (cap !== null && (granted.get(def) ?? 0) >= cap) {
      const over = overShare(def, cap, unitCount);
      return verdict(over.status, over.reason);
    }
    // Most campaigns allot quotas to few units, if any: the key is built only when there is something to find.
    const qKey = quotas.size > 0 ? quotaKey(c.unitCode, award, kind) : '';
    const quota = quotas.size > 0 ? quotas.get(qKey) : undefined;
    if (quota !== undefined) {
      const n = (used.get(qKey) ?? 0) + 1;
      if (n > quota)
        return verdict(
          'Không đủ điều kiện',
          `Vượt chỉ tiêu phân bổ (đơn vị được đề nghị ${quota} ${kind.toLowerCase()}).`,
        );
      used.set(qKey, n);
    }
    // Counted once eligible: a nomination refused by its unit's quota takes no place in the award's share.
    if (cap !== null) granted.set(def, (granted.get(def) ?? 0) + 1);
    return verdict('Đủ điều kiện', '');
  }
}

/** `Đủ` when eligible is within [min, max], else how many are missing or over. */
export function tallyStatus(eligible: number, min: number | null, max: number | null): string {
  if (min !== null && eligible < min) return `Thiếu ${min - eligible}`;
  if (max !== null && eligible > max) return `Vượt ${eligible - max}`;
  return 'Đủ';
}

/** One row per `Chỉ tiêu` row, then one per (award, kind) nominated without a target; duplicates are not counted. */
export function tallyAwards(targets: readonly Target[], verdicts: readonly NominationVerdict[]): AwardTally[] {
  const rows = new Map<
    string,
    { award: string; kind: string; min: number | null; max: number | null; nominated: number; eligible: number }
  >();
  for (const t of targets) {
    const key = awardKey(t.award, t.kind);
    if (!rows.has(key)) rows.set(key, { ...t, nominated: 0, eligible: 0 });
  }
  for (const v of verdicts) {
    if (v.status === 'Trùng') continue;
    const key = awardKey(v.award, v.kind);
    const row = rows.get(key) ?? { award: v.award, kind: v.kind, min: null, max: null, nominated: 0, eligible: 0 };
    row.nominated += 1;
    if (v.status === 'Đủ điều kiện') row.eligible += 1;
    rows.set(key, row);
  }
  return [...rows.values()].map((r) => ({ ...r, status: tallyStatus(r.eligible, r.min, r.max) }));
}
