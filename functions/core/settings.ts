// The campaign's settings from `Cấu hình`, each falling back to its declared default.
import { SETTINGS, TAB, type SettingKey } from '../../sheets-schema/index.ts';
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
  if (zone.warning) warnings.set(settings, [zone.warning]);
  return settings;
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
