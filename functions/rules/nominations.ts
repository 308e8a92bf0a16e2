// Each nomination's verdict (duplicate, the catalogue row's rules, share of units, unit quota) and the tallies against
// `Chỉ tiêu`. The rules are data: each award's row of `Danh mục khen thưởng` says which apply (functions/awards/).
import { createSecretKey } from 'node:crypto';
import {
  KIND_COLLECTIVE,
  KIND_INDIVIDUAL,
  NOMINATION_FORM,
  NOMINATION_HEADERS as H,
} from '../../sheets-schema/forms/index.ts';
import { collapseSpaces, nameKey } from '../core/cells.ts';
import type { AwardTally, JudgedResponse, NominationStatus, NominationVerdict } from '../core/model.ts';
import type { CatalogueAward } from '../awards/catalogue.ts';
import { anttRecognised, awardRules, overShare, sameName, shareCap, type UnitAntt } from '../awards/rules.ts';
import type { Registry } from '../awards/registry.ts';
import {
  EMPTY_REGISTRY,
  claimNotFound,
  identity,
  namesakeElsewhere,
  normalBirthDate,
  receivedBefore,
} from '../awards/registry.ts';
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

/** Why a nomination is not eligible (or not yet); null when it is. */
type Refusal = { readonly status: NominationStatus; readonly reason: string } | null;

interface Seen {
  readonly unitCode: string;
  readonly rowNumber: number;
}

/** Individuals nominated so far for one award: by name and date of birth, and by name (lower case, single spaces). */
interface People {
  readonly byPerson: Map<string, Seen>;
  readonly byName: Map<string, Seen[]>;
  /** Those of `byName` nominated without a date of birth. */
  readonly undatedByName: Map<string, Seen[]>;
}

/**
 * The same person nominated for the same award by two units: with a date of birth on both, the later nomination is
 * `Trùng`; the same name with a date missing on either side waits, asking for it (two people may share a name).
 * `person` is the name key and the date of birth, null without a date.
 */
function twoUnits(
  people: People,
  person: string | null,
  nomineeKey: string,
  award: string,
  unit: string,
  rowNumber: number,
): Refusal {
  const dated = person !== null;
  const same = dated ? people.byPerson.get(person) : undefined;
  if (same && same.unitCode !== unit)
    return {
      status: 'Trùng',
      reason: `Cùng một người (họ tên, ngày sinh) đã được đơn vị ${same.unitCode} đề nghị ${award} ở dòng ${same.rowNumber}; chỉ tính một lần.`,
    };
  // A dated nominee is mistaken only for a namesake without a date: looking among those alone keeps this linear when
  // thousands of units nominate people of one common name, each with a date.
  const namesake = (dated ? people.undatedByName : people.byName).get(nomineeKey)?.find((s) => s.unitCode !== unit);
  if (namesake)
    return {
      status: 'Chưa xét',
      reason: `Trùng họ tên với đề nghị ${award} của đơn vị ${namesake.unitCode} ở dòng ${namesake.rowNumber}; cần điền "${H.birthDate}" để phân biệt hai người.`,
    };
  const seen = { unitCode: unit, rowNumber };
  if (dated && !people.byPerson.has(person)) people.byPerson.set(person, seen);
  append(people.byName, nomineeKey, seen);
  if (!dated) append(people.undatedByName, nomineeKey, seen);
  return null;
}

function append<T>(lists: Map<string, T[]>, key: string, item: T): void {
  const list = lists.get(key);
  if (list) list.push(item);
  else lists.set(key, [item]);
}

/** Where below a forwarded nomination comes from (rollup/forward.ts); '' for the campaign's own. */
const origin = (c: JudgedResponse): string => ('origin' in c && typeof c.origin === 'string' ? c.origin : '');

/** (time, row) order; times are read once per nomination rather than twice per comparison. */
function inOrder(valid: readonly JudgedResponse[]): JudgedResponse[] {
  const times = valid.map((c) => c.submittedAt?.getTime() ?? 0);
  const positions = valid.map((_, i) => i);
  // Same time: the campaign's own nominations before forwarded ones, then by row.
  const forwarded = valid.map((c) => c.form !== NOMINATION_FORM.tab);
  // -1 or 1 rather than the difference of two times: a difference of milliseconds is a double, boxed for the sort at
  // every comparison (3 MiB for 20,000 nominations).
  positions.sort((a, b) => {
    if (times[a] !== times[b]) return times[a] < times[b] ? -1 : 1;
    if (forwarded[a] !== forwarded[b]) return forwarded[a] ? 1 : -1;
    return valid[a].rowNumber - valid[b].rowNumber;
  });
  return positions.map((i) => valid[i]);
}

const NO_ANTT: ReadonlyMap<string, UnitAntt> = new Map();
const NOBODY = { id: '', name: '', unitCode: '' } as const;
const ELIGIBLE = { status: 'Đủ điều kiện', reason: '' } as const;

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
  // Award → unit, origin and nominee → the first row: the award is the outer key, the inner keys stay short.
  const firstRow = new Map<string, Map<string, number>>();
  const used = new Map<string, number>();
  // Validation gives the catalogue's own spelling; the name key only serves answers typed into the tab by hand.
  const exact = new Map(catalogue.map((a) => [a.name, a]));
  const awards = new Map(catalogue.map((a) => [nameKey(a.name), a]));
  const granted = new Map<CatalogueAward, number>();
  const people = new Map<CatalogueAward, People>();
  // Prepared once: a job may hash every nominee's identity.
  const idKey = createSecretKey(registryKey, 'utf8');
  // A registry without entries finds no one, whatever the identity: then no nominee's identity is taken.
  const registered = registry.firstYear !== null;
  const verdicts = new Map<JudgedResponse, NominationVerdict>();
  for (const c of inOrder(valid)) {
    const award = text(c, H.award);
    const kind = text(c, H.kind);
    const nominee = text(c, H.nominee);
    const { status, reason } = decide(c, award, kind, nominee) ?? ELIGIBLE;
    verdicts.set(c, {
      form: c.form,
      rowNumber: c.rowNumber,
      unitCode: c.unitCode,
      award,
      kind,
      nominee,
      status,
      reason,
    });
  }
  return verdicts;

  /** The first rule the nomination fails, in the order of docs/design/awards.md; null when it is eligible. */
  function decide(c: JudgedResponse, award: string, kind: string, nominee: string): Refusal {
    // Answers are already NFC and trimmed; Vietnamese has no locale-specific casing, so plain toLowerCase suffices.
    const nomineeKey = collapseSpaces(nominee.toLowerCase());
    // A body's forwarded nominations come from several units below it: the same name twice may be two people there.
    const dupKey = `${c.unitCode}\u0000${origin(c)}\u0000${nomineeKey}`;
    let ofAward = firstRow.get(award);
    if (!ofAward) firstRow.set(award, (ofAward = new Map<string, number>()));
    const first = ofAward.get(dupKey);
    if (first !== undefined) return { status: 'Trùng', reason: `Trùng với đề nghị ở dòng ${first}; chỉ tính một lần.` };
    ofAward.set(dupKey, c.rowNumber);

    const def = exact.get(award) ?? awards.get(nameKey(award));
    if (!def) return { status: 'Chưa xét', reason: `"${award}" không có trong Danh mục khen thưởng.` };
    // A form's answer is one of the kinds as spelt: only another text needs comparing by name key.
    const individual = kind !== KIND_COLLECTIVE && sameName(kind, KIND_INDIVIDUAL);
    const birth = individual ? normalBirthDate(text(c, H.birthDate)) : null;
    // An identity is an HMAC, the dearest step of a verdict: taken only for the registry, the one reader of it.
    // Within the plan a person is their name key and date of birth, which the identity is a keyed hash of.
    const id = registered ? identity(idKey, nominee, birth, c.unitCode) : '';
    if (individual) {
      let seen = people.get(def);
      if (!seen) people.set(def, (seen = { byPerson: new Map(), byName: new Map(), undatedByName: new Map() }));
      const person = birth === null ? null : `${nomineeKey}\u0000${birth}`;
      const twin = twoUnits(seen, person, nomineeKey, award, c.unitCode, c.rowNumber);
      if (twin) return twin;
    }
    // Already received is final whatever the unit's classification: said at once, not after the report. Only a
    // registry reads who the nominee is.
    const who = registered ? { id, name: nominee, unitCode: c.unitCode } : NOBODY;
    const received = registered && def.oncePerLifetime ? receivedBefore(registry, who, def.name, year) : null;
    if (received) return received;
    const failed =
      awardRules(def, kind, c.values, classifications.get(c.unitCode)) ??
      consecutiveYears(def, kind, c.unitCode, year, history) ??
      anttRecognised(def, kind, c.unitCode, antt, year) ??
      (registered && individual && def.oncePerLifetime ? namesakeElsewhere(registry, who, def.name, year) : null) ??
      (registered ? claimNotFound(registry, who, numberAnswer(c, H.commendations), year) : null);
    if (failed) return failed;
    const cap = def.maxShareOfUnits === null ? null : shareCap(def.maxShareOfUnits, unitCount);
    if (cap !== null && (granted.get(def) ?? 0) >= cap) return overShare(def, cap, unitCount);
    // Most campaigns allot quotas to few units, if any: the key is built only when there is something to find.
    const qKey = quotas.size > 0 ? quotaKey(c.unitCode, award, kind) : '';
    const quota = quotas.size > 0 ? quotas.get(qKey) : undefined;
    if (quota !== undefined) {
      const n = (used.get(qKey) ?? 0) + 1;
      if (n > quota)
        return {
          status: 'Không đủ điều kiện',
          reason: `Vượt chỉ tiêu phân bổ (đơn vị được đề nghị ${quota} ${kind.toLowerCase()}).`,
        };
      used.set(qKey, n);
    }
    // Counted once eligible: a nomination refused by its unit's quota takes no place in the award's share.
    if (cap !== null) granted.set(def, (granted.get(def) ?? 0) + 1);
    return null;
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
