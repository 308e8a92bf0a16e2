// `Sổ theo dõi khen thưởng`: the awards people and collectives received in earlier years, and who a nominee is.
// docs/design/awards.md §2: a keyed identity of name + date of birth (name + unit without one), never an ID number.
import { createHmac, type KeyObject } from 'node:crypto';
import { REGISTRY_HEADERS as R, TAB } from '../../sheets-schema/index.ts';
import { calendarDay, cellText, nameKey, unitCode } from '../core/cells.ts';
import type { Snapshot } from '../core/snapshot.ts';
import { readTable } from '../core/table.ts';
import { parseLooseNumber } from '../rules/numbers.ts';
import { sameName } from './rules.ts';

/** One award recorded in the registry. */
export interface RegistryEntry {
  readonly id: string;
  readonly name: string;
  readonly unitCode: string;
  readonly year: number;
  readonly award: string;
  readonly decision: string;
  readonly decisionDate: string;
}

export interface Registry {
  /** Identity → its recorded awards, oldest first. */
  readonly byId: ReadonlyMap<string, readonly RegistryEntry[]>;
  /** Name and unit (nameUnitKey) → the awards recorded under them, dated or not, oldest first. */
  readonly byNameUnit: ReadonlyMap<string, readonly RegistryEntry[]>;
  /** Name alone (nameKey) → the awards recorded under it in any unit, oldest first: the namesakes elsewhere. */
  readonly byName: ReadonlyMap<string, readonly RegistryEntry[]>;
  /** Years the registry holds anything for: before the first, a claim cannot be checked against it. */
  readonly firstYear: number | null;
}

/** A nominee as the registry looks them up: the identity, and the name and unit it also answers to. */
export interface Nominee {
  readonly id: string;
  readonly name: string;
  readonly unitCode: string;
}

export const EMPTY_REGISTRY: Registry = { byId: new Map(), byNameUnit: new Map(), byName: new Map(), firstYear: null };

/** Without UNIT_SECRET_KEY (local tests, `Xác thực đơn vị` off) identities are pseudonymous only; said in the doc. */
const UNKEYED = 'thidua:so-theo-doi';

/** The registry's key, derived from the units' secret key so that no second secret has to be kept. */
export function registryKey(unitSecretKey: string | undefined): string {
  return unitSecretKey ? createHmac('sha256', unitSecretKey).update('Sổ theo dõi khen thưởng').digest('hex') : UNKEYED;
}

/** `dd/MM/yyyy` (or `d/M/yyyy`) as `yyyy-MM-dd`; null when the text is not a plausible date of birth. */
export function normalBirthDate(text: string): string | null {
  const day = calendarDay(text);
  return day === null ? null : `${day.slice(6, 10)}-${day.slice(3, 5)}-${day.slice(0, 2)}`;
}

/** The key of a name within a unit, as the registry finds the records of a nominee known without a date. */
const nameUnitKey = (name: string, unit: string) => `${nameKey(name)}\u0000${unit}`;

/**
 * A nominee's identity: a person with a readable date of birth is `CN-` + a keyed hash of name and date, the same from
 * any unit and after a move; anyone else (a collective, a person without a date) is `DV-` + a keyed hash of name and
 * unit. 16 hex digits: collisions are negligible at a province's scale, and the text stays short in a cell.
 */
export function nomineeId(key: string | KeyObject, name: string, birthText: string, unit: string): string {
  return identity(key, name, normalBirthDate(birthText), unit);
}

/** `nomineeId` of a date of birth already read by `normalBirthDate` (null without one). */
export function identity(key: string | KeyObject, name: string, birth: string | null, unit: string): string {
  const hash = (text: string) => createHmac('sha256', key).update(text).digest('hex').slice(0, 16);
  return birth !== null
    ? `CN-${hash(`${nameKey(name)}\u0000${birth}`)}`
    : `DV-${hash(`${nameKey(name)}\u0000${unit}`)}`;
}

/** The registry tab, absent = empty; rows without identity, award or year are skipped. */
export function readRegistry(snapshot: Snapshot): Registry {
  if (!snapshot.tabs.has(TAB.registry)) return EMPTY_REGISTRY;
  const table = readTable(snapshot, TAB.registry, [R.id, R.year, R.award]);
  const byId = new Map<string, RegistryEntry[]>();
  const byNameUnit = new Map<string, RegistryEntry[]>();
  const byName = new Map<string, RegistryEntry[]>();
  let firstYear: number | null = null;
  for (const row of table.rows) {
    const id = cellText(row.get(R.id));
    const year = parseLooseNumber(row.get(R.year));
    const award = cellText(row.get(R.award));
    if (id === '' || award === '' || year === null) continue;
    const entry: RegistryEntry = {
      id,
      name: cellText(row.get(R.name)),
      unitCode: unitCode(row.get(R.unit)),
      year,
      award,
      decision: cellText(row.get(R.decision)),
      decisionDate: cellText(row.get(R.decisionDate)),
    };
    for (const [map, key] of [
      [byId, id],
      [byNameUnit, nameUnitKey(entry.name, entry.unitCode)],
      [byName, nameKey(entry.name)],
    ] as const) {
      const list = map.get(key);
      if (list) list.push(entry);
      else map.set(key, [entry]);
    }
    firstYear = firstYear === null ? year : Math.min(firstYear, year);
  }
  for (const list of [...byId.values(), ...byNameUnit.values(), ...byName.values()])
    list.sort((a, b) => a.year - b.year);
  return { byId, byNameUnit, byName, firstYear };
}

const dated = (id: string) => id.startsWith('CN-');

/**
 * The awards the nominee received before `year`: those of the same identity, and those of the same name in the same
 * unit where either side has no date of birth. A date left out, this year or in the year recorded, so cannot hide a
 * medal; two dated namesakes of one unit stay two people.
 */
export function earlierEntries(registry: Registry, who: Nominee, year: number): RegistryEntry[] {
  const same = registry.byId.get(who.id) ?? [];
  const namesakes = (registry.byNameUnit.get(nameUnitKey(who.name, who.unitCode)) ?? []).filter(
    (e) => !same.includes(e) && (!dated(who.id) || !dated(e.id)),
  );
  return [...same, ...namesakes].filter((e) => e.year < year).sort((a, b) => a.year - b.year);
}

const decisionText = (e: RegistryEntry) =>
  e.decision === ''
    ? `năm ${e.year}`
    : `năm ${e.year} (Quyết định số ${e.decision}${e.decisionDate ? ` ngày ${e.decisionDate}` : ''})`;

/** Once per lifetime, against the registry (TT 20/2025/TT-BCA): the award recorded in an earlier year. */
export function receivedBefore(
  registry: Registry,
  who: Nominee,
  award: string,
  year: number,
): { readonly status: 'Không đủ điều kiện'; readonly reason: string } | null {
  const found = earlierEntries(registry, who, year).find((e) => sameName(e.award, award));
  if (!found) return null;
  return {
    status: 'Không đủ điều kiện',
    reason: `Sổ theo dõi khen thưởng: đã được tặng ${award} ${decisionText(found)}; hình thức này chỉ tặng một lần.`,
  };
}

/**
 * Once per lifetime, across units (docs/design/awards.md §2): the award recorded in an earlier year for the same name
 * in another unit, where either side has no date of birth. A person recorded without one who has since moved is found
 * by nothing else, and two people of a province often share a name, so the nomination neither passes nor is refused:
 * it waits for the date of birth (a nominee without one) or for the coordinator to compare the files (a record
 * without one). Two dates of birth decide by identity (`receivedBefore`), so they never reach here as a doubt.
 */
export function namesakeElsewhere(
  registry: Registry,
  who: Nominee,
  award: string,
  year: number,
): { readonly status: 'Chưa xét'; readonly reason: string } | null {
  const found = (registry.byName.get(nameKey(who.name)) ?? []).find(
    (e) => e.year < year && e.unitCode !== who.unitCode && (!dated(who.id) || !dated(e.id)) && sameName(e.award, award),
  );
  if (!found) return null;
  const record = `Sổ theo dõi khen thưởng ghi ${found.name} (đơn vị ${found.unitCode}) đã được tặng ${award} ${decisionText(found)}`;
  if (!dated(who.id))
    return {
      status: 'Chưa xét',
      reason: `${record}; cần điền "Ngày sinh" của người được đề nghị để biết có phải cùng một người đã chuyển đơn vị hay không.`,
    };
  return {
    status: 'Chưa xét',
    reason: `${record}, không kèm ngày sinh, nên chưa biết có phải người được đề nghị đã chuyển đơn vị hay không. Thường trực phong trào đối chiếu hồ sơ với đơn vị ${found.unitCode}: cùng một người thì không tặng lại; khác người thì ghi thêm vào ô "${R.name}" của dòng sổ đó để phân biệt (ví dụ "${found.name} (${found.unitCode}, ${found.year})").`,
  };
}

/**
 * An earlier commendation claimed but not found: more declared than recorded, where the registry covers earlier years.
 * Deferred, not refused: the registry may have started after the nominee's first commendation.
 */
export function claimNotFound(
  registry: Registry,
  who: Nominee,
  declared: number,
  year: number,
): { readonly status: 'Chưa xét'; readonly reason: string } | null {
  if (registry.firstYear === null || registry.firstYear >= year) return null;
  const recorded = earlierEntries(registry, who, year).length;
  if (declared <= recorded) return null;
  return {
    status: 'Chưa xét',
    reason: `Khai ${declared} lần được khen thưởng nhưng Sổ theo dõi khen thưởng chỉ ghi ${recorded} lần (từ năm ${registry.firstYear}); Thường trực phong trào đối chiếu hồ sơ trước khi xét.`,
  };
}

/** A year's eligible award as a registry row, in the tab's column order. */
export function registryRow(entry: RegistryEntry): (string | number)[] {
  return [entry.id, entry.name, entry.unitCode, entry.year, entry.award, entry.decision, entry.decisionDate];
}

/** Key of a row, so that recording a year twice adds nothing. */
export function registryRowKey(id: string, year: number, award: string): string {
  return `${id}\u0000${year}\u0000${nameKey(award)}`;
}
