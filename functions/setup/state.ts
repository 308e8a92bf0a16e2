// What setup needs to know about a spreadsheet, read in two calls: structure (spreadsheets.get) and header rows
// (values.batchGet).
import type { sheets_v4 } from '@googleapis/sheets';
import { TAB, TABS } from '../../sheets-schema/index.ts';
import { defaultTabRows } from '../../sheets-schema/defaults.ts';
import { quoteSheet } from '../core/a1.ts';
import type { Cell } from '../core/cells.ts';

export interface SheetState {
  readonly sheetId: number;
  readonly title: string;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly frozenRowCount: number;
  /** True when a protected range covers the whole sheet. */
  readonly protectedSheet: boolean;
  /** `TYPE:value` of every boolean conditional-format rule, to recognise the ones we add. */
  readonly conditionKeys: readonly string[];
  readonly chartTitles: readonly string[];
  /** The header row as text; empty cells kept so positions stay true. */
  readonly headers: readonly string[];
  /** Rows below the header that hold any value. */
  readonly dataRows: number;
  /** The rows below the header as text, for the small tabs read whole (TABS_READ_WHOLE); empty for the others. */
  readonly body?: readonly (readonly string[])[];
}

export interface SpreadsheetState {
  readonly sheets: readonly SheetState[];
  /** The spreadsheet's own settings, in which Forms writes timestamps and typed dates are read. */
  readonly timeZone?: string;
  readonly locale?: string;
  /** `Múi giờ` as written in `Cấu hình`, when the tab has it. */
  readonly configuredZone?: string;
}

/** Fields of spreadsheets.get: only structure, never cell data, so the read stays small on a big campaign. */
export const STRUCTURE_FIELDS =
  'properties(timeZone,locale),' +
  'sheets(properties(sheetId,title,gridProperties(rowCount,columnCount,frozenRowCount)),' +
  'protectedRanges(protectedRangeId,range,description,warningOnly),' +
  'conditionalFormats(booleanRule(condition(type,values))),charts(chartId,spec(title)))';

export function conditionKey(type: string, value: string): string {
  return `${type}:${value}`;
}

type Structure = Pick<sheets_v4.Schema$Sheet, 'properties' | 'protectedRanges' | 'conditionalFormats' | 'charts'>;

/** `Múi giờ` from the rows of `Cấu hình`, found by its `Khóa` and `Giá trị` headers. */
function configuredZone(rows: readonly (readonly Cell[])[] | undefined): string | undefined {
  const headers = (rows?.[0] ?? []).map((h) =>
    String(h ?? '')
      .normalize('NFC')
      .trim(),
  );
  const key = headers.indexOf('Khóa');
  const value = headers.indexOf('Giá trị');
  if (key < 0 || value < 0) return undefined;
  const row = rows!.slice(1).find(
    (r) =>
      String(r[key] ?? '')
        .normalize('NFC')
        .trim() === 'Múi giờ',
  );
  const zone = String(row?.[value] ?? '').trim();
  return zone === '' ? undefined : zone;
}

/** Combines the structure and the value ranges read for the schema's tabs (rows as returned, trimmed). */
export function toState(
  sheets: readonly Structure[],
  values: ReadonlyMap<string, readonly (readonly Cell[])[]>,
  properties: Pick<sheets_v4.Schema$SpreadsheetProperties, 'timeZone' | 'locale'> = {},
): SpreadsheetState {
  return {
    timeZone: properties.timeZone ?? undefined,
    locale: properties.locale ?? undefined,
    configuredZone: configuredZone(values.get(TAB.config)),
    sheets: sheets.map((sheet) => {
      const p = sheet.properties ?? {};
      const title = p.title ?? '';
      const rows = values.get(title) ?? [];
      const protectedSheet = (sheet.protectedRanges ?? []).some((r) => {
        const g = r.range ?? {};
        return (
          g.startRowIndex == null && g.endRowIndex == null && g.startColumnIndex == null && g.endColumnIndex == null
        );
      });
      return {
        sheetId: p.sheetId ?? 0,
        title,
        rowCount: p.gridProperties?.rowCount ?? 1000,
        columnCount: p.gridProperties?.columnCount ?? 26,
        frozenRowCount: p.gridProperties?.frozenRowCount ?? 0,
        protectedSheet,
        conditionKeys: (sheet.conditionalFormats ?? []).map((f) =>
          conditionKey(
            f.booleanRule?.condition?.type ?? '',
            f.booleanRule?.condition?.values?.[0]?.userEnteredValue ?? '',
          ),
        ),
        chartTitles: (sheet.charts ?? []).map((c) => c.spec?.title ?? ''),
        headers: (rows[0] ?? []).map((h) =>
          String(h ?? '')
            .normalize('NFC')
            .trim(),
        ),
        dataRows: rows.slice(1).filter((r) => r.some((c) => String(c ?? '').trim() !== '')).length,
        body: rows.slice(1).map((r) =>
          r.map((c) =>
            String(c ?? '')
              .normalize('NFC')
              .trim(),
          ),
        ),
      };
    }),
  };
}

/**
 * Tabs read whole (to know whether they are empty, so defaults never overwrite a coordinator's rows): `Cấu hình` and
 * every tab sheets-schema ships default rows for. Every other tab only by its header row.
 */
export const TABS_READ_WHOLE: ReadonlySet<string> = new Set([TAB.config, ...Object.keys(defaultTabRows(2000))]);

export function headerRanges(existingTitles: readonly string[]): { title: string; range: string }[] {
  const schemaTabs = new Set(TABS.map((t) => t.name));
  return existingTitles
    .filter((title) => schemaTabs.has(title))
    .map((title) => ({ title, range: TABS_READ_WHOLE.has(title) ? quoteSheet(title) : `${quoteSheet(title)}!1:1` }));
}
