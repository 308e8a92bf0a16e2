// Each unit's prefilled form links, built from `Liên kết biểu mẫu` (written by the form tooling) with the unit's
// current secret inside: every email that carries a form link (reminders, receipts, fix requests) gets it from here.
import { TAB } from '../../sheets-schema/index.ts';
import { cellText, unitCode } from './cells.ts';
import type { Unit } from './model.ts';
import type { Snapshot } from './snapshot.ts';
import { readTable } from './table.ts';
import type { UnitSecrets } from './unit-secret.ts';

/**
 * `Mã đơn vị` of a form's template row: its link is one prefilled URL whose unit code and secret are these
 * placeholders, replaced as text per unit. Plain letters and digits, so Google's prefilled URL keeps them as they are.
 */
export const EVERY_UNIT = '*';
export const UNIT_PLACEHOLDER = 'THIDUAMADONVI';
export const SECRET_PLACEHOLDER = 'THIDUAMAXACTHUC';

/** Looked up by formLinkKey(unit, form); undefined when the tab has no link for that form. */
export interface FormLinks {
  get(key: string): string | undefined;
}

/** Where the links come from: the units (for their secrets) and the secrets in force now. */
export interface LinkSecrets {
  readonly units: readonly Unit[];
  readonly secrets: UnitSecrets;
}

/** `template` for `unit`: the code and its secret in force now, URL-encoded, in place of the placeholders. */
export function fillLink(template: string, code: string, secret: string): string {
  // replaceAll reads `$` in a replacement as a pattern, and encodeURIComponent leaves none (it writes %24).
  return template
    .replaceAll(UNIT_PLACEHOLDER, encodeURIComponent(code))
    .replaceAll(SECRET_PLACEHOLDER, encodeURIComponent(secret));
}

/**
 * A form's template row wins over a unit's own row: the template always carries the secret in force, while a row
 * written before a reissue carries the old one. A unit's own row serves forms without a template (links written by
 * hand or by an older Apps Script); placeholders in it are filled too. Absent tab: no links (they are optional).
 */
export function readFormLinks(snapshot: Snapshot, { units, secrets }: LinkSecrets): FormLinks {
  const table = readTable(snapshot, TAB.formLinks);
  const templates = new Map<string, string>();
  const own = new Map<string, string>();
  if (table.has('Mã đơn vị') && table.has('Biểu mẫu') && table.has('Liên kết')) {
    for (const row of table.rows) {
      const link = cellText(row.get('Liên kết'));
      if (!/^https?:\/\//.test(link)) continue;
      const code = unitCode(row.get('Mã đơn vị'));
      const form = cellText(row.get('Biểu mẫu'));
      if (code === EVERY_UNIT) templates.set(form, link);
      else own.set(formLinkKey(code, form), link);
    }
  }
  // Built on each call, not kept: a job asks for each (unit, form) link about once, and 50,000 kept links would stay
  // in memory for the whole run; the secret inside is cached by `secrets`. The units are indexed by code when the first
  // link is filled, not before: ingest's plan fills none (a receipt's links are filled as it is sent), and a campaign
  // without the tab none at all.
  let byCode: Map<string, Unit> | undefined;
  return {
    get(key) {
      const [code = '', form = ''] = key.split('\u0000');
      const source = templates.get(form) ?? own.get(key);
      if (source === undefined) return undefined;
      if (!byCode) {
        byCode = new Map<string, Unit>();
        for (const u of units) byCode.set(u.code, u);
      }
      const unit = byCode.get(code);
      // A code not in `Đơn vị` gets no link: it has no secret, and its own row may be a leftover.
      return unit ? fillLink(source, code, secrets.current(unit)) : undefined;
    },
  };
}

export function formLinkKey(unit: string, form: string): string {
  return `${unit}\u0000${form}`;
}
