// The units' secrets (issue 15, part 3): derivation, reissue by date, and the prefilled links that carry them.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TAB } from '../../../sheets-schema/index.ts';
import type { Cell } from '../../../functions/core/cells.ts';
import {
  EVERY_UNIT,
  formLinkKey,
  readFormLinks,
  SECRET_PLACEHOLDER,
  UNIT_PLACEHOLDER,
} from '../../../functions/core/links.ts';
import type { Unit } from '../../../functions/core/model.ts';
import { generationAt, unitSecret, unitSecrets } from '../../../functions/core/unit-secret.ts';
import { readReissues } from '../../../functions/rules/campaign-data.ts';

const KEY = 'a-test-key-of-the-units-secrets-0123456789';
const ZONE = 'Asia/Ho_Chi_Minh';
const at = (iso: string) => new Date(iso);
const unit = (code: string, reissued: readonly Date[] = []): Unit => ({
  code,
  name: code,
  type: 'Cơ quan',
  cluster: 'Khối 1',
  contactEmails: [],
  leaderEmails: [],
  secretReissued: reissued,
});

describe('unitSecret', () => {
  it('is the first 20 hex digits of HMAC-SHA256(key, "<code>|<generation>"), the text Apps Script computes too', () => {
    const expected = createHmac('sha256', KEY).update('SO-TP|0').digest('hex').slice(0, 20);
    expect(unitSecret(KEY, 'SO-TP', 0)).toBe(expected);
    expect(unitSecret(KEY, 'SO-TP', 1)).not.toBe(expected);
    expect(unitSecret(KEY, 'SO-TU', 0)).not.toBe(expected);
    expect(unitSecret(`${KEY}x`, 'SO-TP', 0)).not.toBe(expected);
  });
});

describe('reissue by date (Ngày cấp lại mã xác thực)', () => {
  it.each<[Cell, string[]]>([
    ['', []],
    ['15/06/2026', ['2026-06-14T17:00:00.000Z']],
    ['01/09/2026 08:30; 15/06/2026', ['2026-06-14T17:00:00.000Z', '2026-09-01T01:30:00.000Z']],
    ['15/06/2026,\nkhông rõ', ['2026-06-14T17:00:00.000Z']],
    [46188, ['2026-06-14T17:00:00.000Z']],
  ])('%j → %j', (cell, expected) => {
    expect(readReissues(cell, ZONE).map((d) => d.toISOString())).toEqual(expected);
  });

  it('judges a response by the secret in force when Forms stamped it, so a reissue never unsettles earlier answers', () => {
    const reissued = readReissues('15/06/2026', ZONE);
    const secrets = unitSecrets(KEY, true, at('2026-11-01T00:00:00Z'));
    const u = unit('SO-TP', reissued);
    const old = unitSecret(KEY, 'SO-TP', 0);
    const fresh = unitSecret(KEY, 'SO-TP', 1);
    expect(generationAt(reissued, at('2026-06-14T16:59:59Z'))).toBe(0);
    expect(generationAt(reissued, at('2026-06-14T17:00:00Z'))).toBe(1);
    expect(secrets.verify(u, at('2026-03-10T02:00:00Z'), old)).toBe('ok');
    expect(secrets.verify(u, at('2026-03-10T02:00:00Z'), fresh)).toBe('wrong');
    expect(secrets.verify(u, at('2026-07-01T02:00:00Z'), old)).toBe('wrong'); // the leaked old secret no longer works
    expect(secrets.verify(u, at('2026-07-01T02:00:00Z'), ` ${fresh.toUpperCase()} `)).toBe('ok');
    expect(secrets.verify(u, at('2026-07-01T02:00:00Z'), '')).toBe('missing');
    expect(secrets.current(u)).toBe(fresh);
  });

  it('issue 15: a response stamped before the reissue still verifies after the new links were filled', () => {
    const secrets = unitSecrets(KEY, true, at('2026-11-01T00:00:00Z'));
    const u = unit('SO-TP', readReissues('15/06/2026', ZONE));
    expect(secrets.current(u)).toBe(unitSecret(KEY, 'SO-TP', 1));
    expect(secrets.verify(u, at('2026-03-10T02:00:00Z'), unitSecret(KEY, 'SO-TP', 0))).toBe('ok');
    expect(secrets.verify(u, at('2026-07-01T02:00:00Z'), unitSecret(KEY, 'SO-TP', 1))).toBe('ok');
  });

  it('issue 15: a secret typed by hand in groups, with dashes, spaces or capitals, is the secret; another is not', () => {
    const secrets = unitSecrets(KEY, true, at('2026-11-01T00:00:00Z'));
    const u = unit('SO-TP');
    const secret = unitSecret(KEY, 'SO-TP', 0);
    const grouped = `${secret.slice(0, 5)}-${secret.slice(5, 10)} ${secret.slice(10)}`;
    expect(secrets.verify(u, null, secret)).toBe('ok');
    expect(secrets.verify(u, null, grouped)).toBe('ok');
    expect(secrets.verify(u, null, grouped.toUpperCase())).toBe('ok');
    expect(secrets.verify(u, null, `${secret.slice(0, 19)}x`)).toBe('wrong');
    expect(secrets.verify(u, null, ' - ')).toBe('missing');
  });

  it('fails closed without a key', () => {
    const secrets = unitSecrets(undefined, true, at('2026-11-01T00:00:00Z'));
    expect(secrets.verify(unit('SO-TP'), null, unitSecret(KEY, 'SO-TP', 0))).toBe('wrong');
    expect(secrets.current(unit('SO-TP'))).toBe('');
  });
});

describe('readFormLinks', () => {
  const base = 'https://docs.google.com/forms/d/e/FORM/viewform?usp=pp_url';
  const template = `${base}&entry.1=${UNIT_PLACEHOLDER}&entry.2=${SECRET_PLACEHOLDER}`;
  const snapshot = (rows: Cell[][]) => ({
    spreadsheetId: 'links',
    tabs: new Map([[TAB.formLinks, [['Mã đơn vị', 'Biểu mẫu', 'Liên kết'], ...rows]]]),
  });

  it("fills a form's template with each unit's code and its secret in force now", () => {
    const units = [unit('SO-TP'), unit('XA-AN PHU', readReissues('01/10/2026', ZONE))];
    const links = readFormLinks(snapshot([[EVERY_UNIT, TAB.registration, template]]), {
      units,
      secrets: unitSecrets(KEY, true, at('2026-11-01T00:00:00Z')),
    });
    expect(links.get(formLinkKey('SO-TP', TAB.registration))).toBe(
      `${base}&entry.1=SO-TP&entry.2=${unitSecret(KEY, 'SO-TP', 0)}`,
    );
    expect(links.get(formLinkKey('XA-AN PHU', TAB.registration))).toBe(
      `${base}&entry.1=XA-AN%20PHU&entry.2=${unitSecret(KEY, 'XA-AN PHU', 1)}`,
    );
    expect(links.get(formLinkKey('SO-TP', TAB.final))).toBeUndefined();
    expect(links.get(formLinkKey('KHONG-CO', TAB.registration))).toBeUndefined();
  });

  it("prefers the template to a unit's own row written before a reissue, and keeps own rows for forms without one", () => {
    const units = [unit('SO-TP', readReissues('01/10/2026', ZONE))];
    const stale = `${base}&entry.1=SO-TP&entry.2=${unitSecret(KEY, 'SO-TP', 0)}`;
    const links = readFormLinks(
      snapshot([
        ['SO-TP', TAB.registration, stale],
        [EVERY_UNIT, TAB.registration, template],
        ['SO-TP', TAB.final, 'https://example.vn/bao-cao'],
      ]),
      { units, secrets: unitSecrets(KEY, true, at('2026-11-01T00:00:00Z')) },
    );
    expect(links.get(formLinkKey('SO-TP', TAB.registration))).toContain(unitSecret(KEY, 'SO-TP', 1));
    expect(links.get(formLinkKey('SO-TP', TAB.final))).toBe('https://example.vn/bao-cao');
  });
});
