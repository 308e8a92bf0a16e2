// The campaign's settings from `Cấu hình`, each falling back to its declared default.
import { PER_TYPE_SETTINGS, SETTINGS, TAB, unitTypeKey, type SettingKey } from '../../sheets-schema/index.ts';
import type { LayoutData } from '../mail/types.ts';
import { cellText } from './cells.ts';
import type { Snapshot } from './snapshot.ts';
import { readDeclaredTable } from './table.ts';
import { resolveTimeZone } from './zone.ts';

export type Settings = ReadonlyMap<SettingKey, string>;

/** Problems found while reading `Cấu hình`, kept beside the map so hand-built settings need none. */
const warnings = new WeakMap<Settings, readonly string[]>();

export function readSettings(snapshot: Snapshot): Settings {
  const table = readDeclaredTable(snapshot, TAB.config);
  const typed = new Map<string, string>();
  for (const row of table.rows) typed.set(cellText(row.get('Khóa')), cellText(row.get('Giá trị')));
  const settings = new Map<SettingKey, string>();
  for (const def of SETTINGS) {
    const value = typed.get(def.key);
    settings.set(def.key, value === undefined || value === '' ? def.default : value);
  }
  // Resolved here, once: every reader of `Múi giờ` then sees a zone that exists, and the warning is given once.
  const zone = resolveTimeZone(settings.get('Múi giờ') ?? '');
  settings.set('Múi giờ', zone.zone);
  const found: string[] = zone.warning ? [zone.warning] : [];
  const perType = readPerType(typed, found);
  if (perType.size > 0) perTypeValues.set(settings, perType);
  if (found.length > 0) warnings.set(settings, found);
  return settings;
}

type PerTypeKey = (typeof PER_TYPE_SETTINGS)[number];

/** Per declared key, its per-type numbers by unitTypeKey; kept beside the map like the warnings. */
const perTypeValues = new WeakMap<Settings, ReadonlyMap<PerTypeKey, ReadonlyMap<string, number>>>();

/** `Ngưỡng Khá: Khu dân cư` rows; a value that is not a number is reported and left out (the common one applies). */
function readPerType(typed: ReadonlyMap<string, string>, found: string[]): Map<PerTypeKey, Map<string, number>> {
  const out = new Map<PerTypeKey, Map<string, number>>();
  for (const [key, value] of typed) {
    const colon = key.indexOf(':');
    if (colon < 0 || value === '') continue;
    const base = PER_TYPE_SETTINGS.find((k) => k === key.slice(0, colon).trim());
    const type = key.slice(colon + 1).trim();
    if (!base || type === '') continue;
    const n = Number(value.replace(',', '.'));
    if (!Number.isFinite(n)) {
      found.push(
        `Cấu hình: khóa "${key}" có giá trị "${value}" không phải là số; loại hình ${type} dùng "${base}" chung.`,
      );
      continue;
    }
    let byType = out.get(base);
    if (!byType) out.set(base, (byType = new Map<string, number>()));
    byType.set(unitTypeKey(type), n);
  }
  return out;
}

/** A numeric setting for units of `unitType`: its own `<key>: <type>` row when typed, else the common value. */
export function numberSettingFor(settings: Settings, key: PerTypeKey, unitType: string): number {
  return perTypeValues.get(settings)?.get(key)?.get(unitTypeKey(unitType)) ?? numberSetting(settings, key);
}

/** Whether any `<key>: <type>` row is typed for `unitType`. */
export function hasPerTypeSetting(settings: Settings, unitType: string): boolean {
  const byKey = perTypeValues.get(settings);
  if (!byKey) return false;
  const type = unitTypeKey(unitType);
  for (const byType of byKey.values()) if (byType.has(type)) return true;
  return false;
}

/** Vietnamese warnings about `Cấu hình` for the run's summary: one line per problem, given once per run. */
export function settingWarnings(settings: Settings): readonly string[] {
  return warnings.get(settings) ?? [];
}

export function setting(settings: Settings, key: SettingKey): string {
  return settings.get(key) ?? '';
}

/** A numeric setting; a value that is not a number falls back to the declared default. */
export function numberSetting(settings: Settings, key: SettingKey): number {
  const parsed = Number(setting(settings, key).replace(',', '.'));
  if (Number.isFinite(parsed)) return parsed;
  return Number(SETTINGS.find((s) => s.key === key)?.default ?? NaN);
}

/** A list setting split on `separator`, items trimmed, empties dropped. */
export function listSetting(settings: Settings, key: SettingKey, separator = ','): string[] {
  return setting(settings, key)
    .split(separator)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The fields every email's layout shows, from `Cấu hình`. */
export function layoutData(settings: Settings): LayoutData {
  return {
    campaign: setting(settings, 'Tên phong trào'),
    organisation: setting(settings, 'Cơ quan phát động'),
    year: setting(settings, 'Năm'),
  };
}

/**
 * `<Tên phong trào> <Năm>` inside email keys: next year's campaign in a copied sheet mails afresh; `|` separates key
 * parts.
 */
export function campaignKey(settings: Settings): string {
  return `${setting(settings, 'Tên phong trào')} ${setting(settings, 'Năm')}`.trim().replace(/\|/g, '/');
}
