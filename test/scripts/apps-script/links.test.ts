// thiduaWriteFormLinks in the generated Apps Script project, run with fakes of the services it calls: one prefilled URL
// per form (Apps Script gives an execution 6 minutes), each unit's code and secret substituted as text, secrets equal
// to the functions' own.
import { createHmac } from 'node:crypto';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { FORMS, TAB } from '../../../sheets-schema/index.ts';
import { EVERY_UNIT, SECRET_PLACEHOLDER, UNIT_PLACEHOLDER } from '../../../functions/core/links.ts';
import { unitSecret } from '../../../functions/core/unit-secret.ts';
import { renderAppsScript } from '../../../scripts/apps-script/index.ts';

const KEY = 'the-units-key-in-script-properties-0123456789';
const code = Object.entries(renderAppsScript())
  .filter(([name]) => name.endsWith('.gs'))
  .map(([, c]) => c)
  .join('\n');

interface Sheet {
  values: unknown[][];
}

/** A sheet as Apps Script's Range API shows it, enough for the script's reads and its one bulk write. */
function sheetApi(s: Sheet) {
  const width = () => Math.max(0, ...s.values.map((r) => r.length));
  return {
    getLastRow: () => s.values.length,
    getLastColumn: () => width(),
    getMaxColumns: () => Math.max(26, width()),
    getMaxRows: () => Math.max(1000, s.values.length),
    insertColumnsAfter: () => undefined,
    insertRowsAfter: () => undefined,
    getDataRange: () => ({ getValues: () => s.values.map((r) => [...r]) }),
    getRange: (row: number, col: number, rows = 1, cols = 1) => ({
      getValues: () =>
        s.values
          .slice(row - 1, row - 1 + rows)
          .map((r) => Array.from({ length: cols }, (_, i) => r[col - 1 + i] ?? '')),
      setValue: (v: unknown) => void ((s.values[row - 1] ??= [])[col - 1] = v),
      setValues: (vs: unknown[][]) => vs.forEach((r, i) => (s.values[row - 1 + i] = r)),
      clearContent: () => void s.values.splice(row - 1, rows),
    }),
  };
}

function run(
  unitRows: unknown[][],
  config: unknown[][] = [['Khóa', 'Giá trị']],
  props: Record<string, string> = { UNIT_SECRET_KEY: KEY },
) {
  const tabs = new Map<string, Sheet>([
    [TAB.units, { values: unitRows }],
    [TAB.config, { values: config }],
  ]);
  const counts = { prefilled: 0, hmac: 0 };
  const allProps = new Map(Object.entries(props));
  FORMS.forEach((f, i) => allProps.set(`FORM_ID:${f.tab}`, `form${i}`));
  const FormApp = {
    ItemType: { TEXT: 'TEXT' },
    openById: (id: string) => {
      const entries = new Map([
        ['Mã đơn vị', 1],
        ['Mã xác thực', 2],
      ]);
      const item = (title: string) => ({
        getTitle: () => title,
        asTextItem: () => ({ createResponse: (v: string) => ({ entry: entries.get(title), value: v }) }),
      });
      const response = (parts: { entry: number; value: string }[]) => ({
        withItemResponse: (p: { entry: number; value: string }) => response([...parts, p]),
        toPrefilledUrl: () => {
          counts.prefilled++;
          return `https://docs.google.com/forms/d/e/${id}/viewform?usp=pp_url${parts.map((p) => `&entry.${p.entry}=${encodeURIComponent(p.value)}`).join('')}`;
        },
      });
      return {
        getItems: () => [item('Mã đơn vị'), item('Mã xác thực'), item('Người đăng ký')],
        createResponse: () => response([]),
      };
    },
  };
  const spreadsheet = {
    getSheetByName: (n: string) => (tabs.has(n) ? sheetApi(tabs.get(n)!) : null),
    insertSheet: (n: string) => {
      tabs.set(n, { values: [] });
      return sheetApi(tabs.get(n)!);
    },
    getSpreadsheetTimeZone: () => 'Asia/Ho_Chi_Minh',
  };
  const context = {
    FormApp,
    SpreadsheetApp: { getActiveSpreadsheet: () => spreadsheet },
    PropertiesService: { getScriptProperties: () => ({ getProperty: (k: string) => allProps.get(k) ?? null }) },
    Utilities: {
      Charset: { UTF_8: 'UTF-8' },
      // Apps Script's signature: (value, key, charset) → signed bytes.
      computeHmacSha256Signature: (value: string, key: string) => {
        counts.hmac++;
        return [...createHmac('sha256', key).update(value, 'utf8').digest()].map((b) => (b > 127 ? b - 256 : b));
      },
      parseDate: (text: string) => {
        const [d, m, y, h, mi] = text.split(/[/ :]/).map(Number);
        return new Date(Date.UTC(y, m - 1, d, h - 7, mi)); // Asia/Ho_Chi_Minh
      },
    },
    Logger: { log: () => undefined },
    console,
  };
  runInNewContext(code, context);
  const message = runInNewContext('thiduaWriteFormLinks()', context) as string;
  return { message, counts, links: tabs.get(TAB.formLinks)?.values ?? [] };
}

const header = ['Mã đơn vị', 'Tên đơn vị', 'Ngày cấp lại mã xác thực'];

describe('thiduaWriteFormLinks (issue 14: 40,000 prefilled links in one execution)', () => {
  it('asks Google for one prefilled URL per form at 10,000 units, and fills it as text for each unit', () => {
    const units = [header, ...Array.from({ length: 10_000 }, (_, i) => [`DV${i}`, `Đơn vị ${i}`, ''])];
    const { counts, links, message } = run(units);
    expect(counts.prefilled).toBe(FORMS.length);
    expect(counts.hmac).toBe(10_000);
    expect(links).toHaveLength(1 + FORMS.length * 10_001);
    expect(message).toBe(
      `Đã ghi ${FORMS.length} mẫu liên kết và ${FORMS.length * 10_000} liên kết biểu mẫu (${FORMS.length} biểu mẫu × 10000 đơn vị), kèm mã xác thực.`,
    );
  });

  it("writes each form's template and each unit's link with its code and the functions' secret in force now", () => {
    const units = [
      header,
      ['SO-TP', 'Sở Tư pháp', ''],
      ['XA AN PHÚ', 'Xã An Phú', '01/01/2020, 15/06/2099'],
      ['so-tp', 'trùng', ''],
    ];
    const { links } = run(units);
    const [head, ...rows] = links;
    expect(head).toEqual(['Mã đơn vị', 'Biểu mẫu', 'Liên kết']);
    const link = (unit: string, form: string) => rows.find((r) => r[0] === unit && r[1] === form)?.[2];
    expect(link(EVERY_UNIT, TAB.registration)).toBe(
      `https://docs.google.com/forms/d/e/form${FORMS.findIndex((f) => f.tab === TAB.registration)}/viewform?usp=pp_url&entry.1=${UNIT_PLACEHOLDER}&entry.2=${SECRET_PLACEHOLDER}`,
    );
    expect(link('SO-TP', TAB.registration)).toBe(
      `https://docs.google.com/forms/d/e/form${FORMS.findIndex((f) => f.tab === TAB.registration)}/viewform?usp=pp_url&entry.1=SO-TP&entry.2=${unitSecret(KEY, 'SO-TP', 0)}`,
    );
    // One reissue in force (2020), one still to come (2099): generation 1, the code URL-encoded.
    expect(link('XA AN PHÚ', TAB.final)).toBe(
      `https://docs.google.com/forms/d/e/form${FORMS.findIndex((f) => f.tab === TAB.final)}/viewform?usp=pp_url&entry.1=${encodeURIComponent('XA AN PHÚ')}&entry.2=${unitSecret(KEY, 'XA AN PHÚ', 1)}`,
    );
    expect(rows.filter((r) => r[0] === 'SO-TP')).toHaveLength(FORMS.length); // the repeated code is written once
  });

  it('refuses, in Vietnamese, to write links without the key while Xác thực đơn vị is on; writes them without secrets when it is off', () => {
    const units = [header, ['SO-TP', 'Sở Tư pháp', '']];
    expect(() => run(units, undefined, {})).toThrow(/Chưa đặt UNIT_SECRET_KEY/);
    const { links } = run(
      units,
      [
        ['Khóa', 'Giá trị'],
        ['Xác thực đơn vị', 'Không'],
      ],
      {},
    );
    expect(links.find((r) => r[0] === 'SO-TP')?.[2]).toBe(
      `https://docs.google.com/forms/d/e/form${FORMS.findIndex((f) => f.tab === TAB.registration)}/viewform?usp=pp_url&entry.1=SO-TP&entry.2=`,
    );
  });
});
