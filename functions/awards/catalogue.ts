// `Danh mục khen thưởng` read into award definitions; an absent tab reads as the shipped defaults.
import type { AwardDef, PerGroup } from '../../sheets-schema/index.ts';
import { CATALOGUE_HEADERS as H, NO_LEVEL_REQUIRED, TAB, defaultAwards } from '../../sheets-schema/index.ts';
import type { Cell } from '../core/cells.ts';
import { cellText, nameKey } from '../core/cells.ts';
import type { Snapshot } from '../core/snapshot.ts';
import type { TableRow } from '../core/table.ts';
import { readTable } from '../core/table.ts';
import { parseLooseNumber } from '../rules/numbers.ts';

/** An award as the campaign declares it; `problems` name the cells that could not be read (the award waits). */
export interface CatalogueAward extends AwardDef {
  /** The sheet row, 0 for a shipped default (no tab). */
  readonly row: number;
  readonly problems: readonly string[];
}

const split = (text: string, separators: RegExp): string[] =>
  text
    .split(separators)
    .map((p) => p.trim())
    .filter((p) => p !== '');

/** `10`, `Lãnh đạo: 10; Nam: 15`, or blank (null); an error text when a part is not a figure. */
export function parsePerGroup(text: string): PerGroup | string | null {
  if (text === '') return null;
  let all: number | null = null;
  const entries: { label: string; value: number }[] = [];
  for (const part of split(text, /[;\n]+/)) {
    const m = /^(?:(.+?)\s*:\s*)?(\d+(?:[.,]\d+)?)$/.exec(part);
    if (!m) return part;
    const value = Number(m[2].replace(',', '.'));
    if (m[1] === undefined) all = value;
    else entries.push({ label: m[1].trim(), value });
  }
  return { all, entries };
}

/** `Có` / `Không` / blank (false); anything else is an error text. */
function parseYesNo(cell: Cell | undefined): boolean | string {
  const key = nameKey(cell);
  if (key === '' || key === 'không') return false;
  if (key === 'có') return true;
  return cellText(cell);
}

const cellProblem = (header: string, typed: string) => `ô "${header}" không đọc được (${JSON.stringify(typed)})`;

function readRow(row: TableRow): CatalogueAward {
  const problems: string[] = [];
  const text = (header: string) => cellText(row.get(header));
  const perGroup = (header: string): PerGroup | null => {
    const v = parsePerGroup(text(header));
    if (typeof v === 'string') {
      problems.push(cellProblem(header, v));
      return null;
    }
    return v;
  };
  const yesNo = (header: string): boolean => {
    const v = parseYesNo(row.get(header));
    if (typeof v === 'string') {
      problems.push(cellProblem(header, v));
      return false;
    }
    return v;
  };
  const levelsText = text(H.levels);
  const shareText = text(H.maxShareOfUnits);
  const share = shareText === '' ? null : parseLooseNumber(row.get(H.maxShareOfUnits));
  const shareOk = share !== null && share >= 0 && share <= 100;
  if (shareText !== '' && !shareOk) problems.push(cellProblem(H.maxShareOfUnits, shareText));
  const kinds = split(text(H.kinds), /[,;\n]+/);
  const yearsText = text(H.consecutiveYears);
  const years = yearsText === '' ? null : parseLooseNumber(row.get(H.consecutiveYears));
  const yearsOk = years !== null && Number.isInteger(years) && years >= 1 && years <= 50;
  if (yearsText !== '' && !yearsOk) problems.push(cellProblem(H.consecutiveYears, yearsText));
  return {
    row: row.rowNumber,
    name: text(H.name),
    kinds: kinds.length > 0 ? kinds : ['Tập thể', 'Cá nhân'],
    levels:
      levelsText === '' ? null : nameKey(levelsText) === nameKey(NO_LEVEL_REQUIRED) ? [] : split(levelsText, /[,;]+/),
    minYears: perGroup(H.minYears),
    earlierAwards: perGroup(H.earlierAwards),
    oncePerLifetime: yesNo(H.oncePerLifetime),
    maxShareOfUnits: shareOk ? share : null,
    oneOffOnly: yesNo(H.oneOffOnly),
    needsSummary: yesNo(H.needsSummary),
    consecutiveYears: yearsOk ? years : null,
    requiresAntt: yesNo(H.requiresAntt),
    source: text(H.source),
    problems,
  };
}

/** The catalogue in sheet order; a row without a name is skipped, a repeated name keeps its first row. */
export function readCatalogue(snapshot: Snapshot): CatalogueAward[] {
  if (!snapshot.tabs.has(TAB.catalogue)) return defaultAwards().map((a) => ({ ...a, row: 0, problems: [] }));
  const table = readTable(snapshot, TAB.catalogue, [H.name, H.kinds]);
  const seen = new Set<string>();
  const awards: CatalogueAward[] = [];
  for (const row of table.rows) {
    const award = readRow(row);
    const key = nameKey(award.name);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    awards.push(award);
  }
  return awards;
}
