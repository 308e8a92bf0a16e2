// The pure planner: from what a spreadsheet has, the batchUpdate requests and value writes that are missing, never
// removing anything.
import type { sheets_v4 } from '@googleapis/sheets';
import {
  REQUIRED_HEADER,
  SETTINGS,
  TAB,
  TABS,
  criterionHeader,
  defaultRequired,
  tabDef,
  type Criterion,
  type TabDef,
} from '../../sheets-schema/index.ts';
import { quoteSheet, toLetters } from '../core/a1.ts';
import { assessmentColumnCode, readCriteria } from '../rules/campaign-data.ts';
import {
  CHARTS,
  HIGHLIGHTS,
  dropdownFor,
  numberFormatFor,
  settingDropdown,
  widthFor,
  type ChartDef,
  type Dropdown,
} from './layout.ts';
import { conditionKey, type SheetState, type SpreadsheetState } from './state.ts';

type Request = sheets_v4.Schema$Request;

export interface SetupOptions {
  /** Editor of the protected system tabs besides the owner: the functions' service account. */
  readonly serviceAccount?: string;
  /** Protect system tabs with a warning instead of a lock (coordinators may still edit after confirming). */
  readonly warningOnly?: boolean;
  /** Rows written into an EMPTY coordinator tab, each keyed by header. */
  readonly defaults?: ReadonlyMap<string, readonly Readonly<Record<string, string | number>>[]>;
}

export interface ValueWrite {
  readonly range: string;
  readonly values: (string | number)[][];
}

/** A chart and the batchUpdate request that adds it: sent on its own, so a refused chart costs only itself. */
export interface PlannedChart {
  readonly title: string;
  readonly request: Request;
}

export interface SetupPlan {
  readonly requests: Request[];
  readonly charts: PlannedChart[];
  readonly writes: ValueWrite[];
  /** One Vietnamese line per change, for the coordinator. */
  readonly changes: string[];
}

interface Planned {
  readonly def: TabDef;
  readonly sheetId: number;
  readonly headers: readonly string[];
  readonly rowCount: number;
}

const NEW_SHEET_ROWS = 1000;
const NEW_SHEET_COLUMNS = 26;
/** Forms writes timestamps in the spreadsheet's zone, and the UI reads typed dates in its locale. */
export const SPREADSHEET_LOCALE = 'vi_VN';
const DEFAULT_ZONE = SETTINGS.find((s) => s.key === 'Múi giờ')!.default;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The spreadsheet's own zone follows `Múi giờ` of `Cấu hình` when it names a real zone; Asia/Ho_Chi_Minh otherwise. */
export function wantedTimeZone(state: SpreadsheetState): string {
  const configured = state.configuredZone;
  return configured !== undefined && isTimeZone(configured) ? configured : DEFAULT_ZONE;
}

function wantedHeaders(def: TabDef): string[] {
  return [...def.headers, ...(def.optionalHeaders ?? [])];
}

/**
 * `Tiêu chí` as it stands once this setup is done: the tab's own rows, or the defaults setup writes into it when it is
 * empty or new. A tab missing its declared headers yields none (setup adds the headers, the next run the columns).
 */
function plannedCriteria(existing: SheetState | undefined, defaults: SetupOptions['defaults']): Criterion[] {
  let grid: string[][];
  if (existing && existing.dataRows > 0) grid = [[...existing.headers], ...(existing.body ?? []).map((r) => [...r])];
  else {
    const headers = wantedHeaders(tabDef(TAB.criteria));
    const rows = defaults?.get(TAB.criteria) ?? [];
    grid = [headers, ...rows.map((row) => headers.map((h) => String(row[h] ?? '')))];
  }
  try {
    return readCriteria({ spreadsheetId: '', tabs: new Map([[TAB.criteria, grid]]) });
  } catch {
    return [];
  }
}

/**
 * `Thẩm định`'s per-criterion columns still missing: one per criterion of `Tiêu chí` whose `[code]` no header of the
 * tab begins with, headed as the final report's column, so inspectors type beside the wording the unit scored against.
 * A column whose criterion left `Tiêu chí` stays (its scores are the coordinator's), and none is ever moved.
 */
function assessmentColumns(current: readonly string[], criteria: readonly Criterion[]): string[] {
  const have = new Set(current.map(assessmentColumnCode).filter((c) => c !== null));
  return criteria.filter((c) => !have.has(c.code)).map(criterionHeader);
}

function column(sheetId: number, index: number, fromRow: number): sheets_v4.Schema$GridRange {
  return { sheetId, startRowIndex: fromRow, startColumnIndex: index, endColumnIndex: index + 1 };
}

export function planSetup(state: SpreadsheetState, options: SetupOptions = {}): SetupPlan {
  const structure: Request[] = [];
  const format: Request[] = [];
  const writes: ValueWrite[] = [];
  const changes: string[] = [];
  const byTitle = new Map(state.sheets.map((s) => [s.title, s]));
  let nextId = Math.max(0, ...state.sheets.map((s) => s.sheetId)) + 1;
  const planned = new Map<string, Planned>();
  const criteria = plannedCriteria(byTitle.get(TAB.criteria), options.defaults);

  const properties: sheets_v4.Schema$SpreadsheetProperties = {};
  const zone = wantedTimeZone(state);
  if (state.timeZone !== zone) properties.timeZone = zone;
  if (state.locale !== SPREADSHEET_LOCALE) properties.locale = SPREADSHEET_LOCALE;
  const fields = Object.keys(properties);
  if (fields.length > 0) {
    structure.push({ updateSpreadsheetProperties: { properties, fields: fields.join(',') } });
    if (properties.timeZone) changes.push(`Đặt múi giờ của bảng tính là ${zone}.`);
    if (properties.locale)
      changes.push(`Đặt ngôn ngữ và định dạng của bảng tính là tiếng Việt (${SPREADSHEET_LOCALE}).`);
  }

  for (const def of TABS) {
    const existing: SheetState | undefined = byTitle.get(def.name);
    const sheetId = existing?.sheetId ?? nextId++;
    const current = existing?.headers ?? [];
    const wanted =
      def.name === TAB.assessment
        ? [...wantedHeaders(def), ...assessmentColumns(current, criteria)]
        : wantedHeaders(def);
    const missing = wanted.filter((h) => !current.includes(h));
    // New columns go after the last filled header, so coordinators' own columns and data never move.
    let end = current.length;
    while (end > 0 && current[end - 1] === '') end--;
    const headers = [...current.slice(0, end), ...missing];
    const columnCount = existing?.columnCount ?? Math.max(NEW_SHEET_COLUMNS, headers.length);

    if (!existing) {
      structure.push({
        addSheet: {
          properties: {
            sheetId,
            title: def.name,
            gridProperties: { rowCount: NEW_SHEET_ROWS, columnCount, frozenRowCount: wanted.length > 0 ? 1 : 0 },
          },
        },
      });
      changes.push(`Tạo trang tính '${def.name}'.`);
    } else {
      if (headers.length > existing.columnCount) {
        structure.push({
          updateSheetProperties: {
            properties: { sheetId, gridProperties: { columnCount: headers.length } },
            fields: 'gridProperties.columnCount',
          },
        });
      }
      if (wanted.length > 0 && existing.frozenRowCount < 1) {
        structure.push({
          updateSheetProperties: {
            properties: { sheetId, gridProperties: { frozenRowCount: 1 } },
            fields: 'gridProperties.frozenRowCount',
          },
        });
        changes.push(`Cố định dòng tiêu đề của '${def.name}'.`);
      }
    }

    if (missing.length > 0) {
      writes.push({ range: `${quoteSheet(def.name)}!${toLetters(end)}1`, values: [missing] });
      writes.push(...backfills(def.name, existing, missing, end));
      if (existing)
        changes.push(`Thêm cột ${missing.map((h) => `'${h}'`).join(', ')} vào cuối dòng tiêu đề của '${def.name}'.`);
      format.push({
        repeatCell: {
          range: {
            sheetId,
            startRowIndex: 0,
            endRowIndex: 1,
            startColumnIndex: end,
            endColumnIndex: end + missing.length,
          },
          cell: { userEnteredFormat: { textFormat: { bold: true } } },
          fields: 'userEnteredFormat.textFormat.bold',
        },
      });
      missing.forEach((header, i) => {
        const index = end + i;
        format.push({
          updateDimensionProperties: {
            range: { sheetId, dimension: 'COLUMNS', startIndex: index, endIndex: index + 1 },
            properties: { pixelSize: widthFor(header) },
            fields: 'pixelSize',
          },
        });
        const numberFormat = numberFormatFor(header);
        if (numberFormat) {
          format.push({
            repeatCell: {
              range: column(sheetId, index, 1),
              cell: { userEnteredFormat: { numberFormat: { ...numberFormat } } },
              fields: 'userEnteredFormat.numberFormat',
            },
          });
        }
      });
    }

    if (def.owner === 'system' && !existing?.protectedSheet) {
      const protectedRange: sheets_v4.Schema$ProtectedRange = {
        range: { sheetId },
        description: `Do hệ thống Thi đua ghi; không sửa tay.`,
        warningOnly: options.warningOnly === true,
      };
      // Google ignores editors on warning-only protection, so they are sent only with a real lock.
      if (!options.warningOnly && options.serviceAccount) protectedRange.editors = { users: [options.serviceAccount] };
      format.push({ addProtectedRange: { protectedRange } });
      changes.push(
        options.warningOnly
          ? `Bật cảnh báo khi sửa trang tính hệ thống '${def.name}'.`
          : `Khóa trang tính hệ thống '${def.name}' (chỉ hệ thống được ghi).`,
      );
    }

    planned.set(def.name, { def, sheetId, headers, rowCount: existing?.rowCount ?? NEW_SHEET_ROWS });
  }

  // Dropdowns need the final headers of their source tab, so they follow the pass above.
  for (const p of planned.values()) {
    const existing = byTitle.get(p.def.name);
    const current = new Set(existing?.headers ?? []);
    p.headers.forEach((header, index) => {
      if (current.has(header)) return;
      const dropdown = dropdownFor(p.def.name, header);
      const rule = dropdown && validationRule(dropdown, planned);
      if (rule) format.push({ setDataValidation: { range: column(p.sheetId, index, 1), rule } });
    });
  }

  for (const h of HIGHLIGHTS) {
    const p = planned.get(h.tab)!;
    const index = p.headers.indexOf(h.header);
    if (index < 0 || byTitle.get(h.tab)?.conditionKeys.includes(conditionKey(h.condition, h.value))) continue;
    format.push({
      addConditionalFormatRule: {
        rule: {
          ranges: [column(p.sheetId, index, 1)],
          booleanRule: {
            condition: { type: h.condition, values: [{ userEnteredValue: h.value }] },
            format: { backgroundColor: { ...h.background } },
          },
        },
        index: 0,
      },
    });
    changes.push(`Tô màu ô '${h.value}' ở cột '${h.header}' của '${h.tab}'.`);
  }

  const dashboard = planned.get(TAB.dashboard)!;
  const charts: PlannedChart[] = [];
  for (const chart of CHARTS) {
    if (byTitle.get(TAB.dashboard)?.chartTitles.includes(chart.title)) continue;
    const spec = chartSpec(chart, planned.get(chart.sourceTab)!);
    if (!spec) continue;
    const position = {
      overlayPosition: { anchorCell: { sheetId: dashboard.sheetId, rowIndex: chart.anchorRow, columnIndex: 4 } },
    };
    charts.push({ title: chart.title, request: { addChart: { chart: { spec, position } } } });
  }

  for (const [tab, rows] of options.defaults ?? []) {
    const p = planned.get(tab);
    const existing = byTitle.get(tab);
    if (!p || rows.length === 0 || (existing && existing.dataRows > 0)) continue;
    const width = p.headers.length;
    writes.push({
      range: `${quoteSheet(tab)}!A2:${toLetters(width - 1)}${rows.length + 1}`,
      values: rows.map((row) => p.headers.map((h) => row[h] ?? '')),
    });
    changes.push(`Ghi ${rows.length} dòng mặc định vào '${tab}'.`);
    if (tab === TAB.config) {
      const keyIndex = p.headers.indexOf('Khóa');
      const valueIndex = p.headers.indexOf('Giá trị');
      rows.forEach((row, i) => {
        const dropdown = settingDropdown(String(row['Khóa'] ?? ''));
        const rule = dropdown && validationRule(dropdown, planned);
        if (!rule || keyIndex < 0 || valueIndex < 0) return;
        const range = {
          sheetId: p.sheetId,
          startRowIndex: i + 1,
          endRowIndex: i + 2,
          startColumnIndex: valueIndex,
          endColumnIndex: valueIndex + 1,
        };
        format.push({ setDataValidation: { range, rule } });
      });
    }
  }

  return { requests: [...structure, ...format], charts, writes, changes };
}

/** A chart's spec over its source tab's columns, found by header; undefined when a column is missing. */
function chartSpec(chart: ChartDef, source: Planned): sheets_v4.Schema$ChartSpec | undefined {
  const range = (header: string, fromRow: number): sheets_v4.Schema$ChartData | undefined => {
    const index = source.headers.indexOf(header);
    if (index < 0) return undefined;
    return {
      sourceRange: {
        sources: [
          { sheetId: source.sheetId, startRowIndex: fromRow, startColumnIndex: index, endColumnIndex: index + 1 },
        ],
      },
    };
  };
  if (chart.kind === 'histogram') {
    // From the first data row: a histogram has no header count, and its buckets are of numbers only.
    const data = range(chart.series, 1);
    if (!data) return undefined;
    return {
      title: chart.title,
      histogramChart: { series: [{ data }], legendPosition: 'NO_LEGEND', bucketSize: chart.bucketSize },
    };
  }
  const domain = range(chart.domain, 0);
  const series = chart.series.map((header) => range(header, 0));
  if (!domain || series.some((s) => !s)) return undefined;
  return {
    title: chart.title,
    basicChart: {
      chartType: chart.chartType,
      legendPosition: 'BOTTOM_LEGEND',
      headerCount: 1,
      domains: [{ domain }],
      series: series.map((s) => ({ series: s, targetAxis: chart.chartType === 'BAR' ? 'BOTTOM_AXIS' : 'LEFT_AXIS' })),
    },
  };
}

/**
 * Values for a column added to a tab that already has rows, so coordinators see what each row now means rather than a
 * blank: `Bắt buộc` of `Mốc thời gian` is `Không` for the nominations form, `Có` for every other row.
 */
function backfills(
  tab: string,
  existing: SheetState | undefined,
  missing: readonly string[],
  end: number,
): ValueWrite[] {
  const at = missing.indexOf(REQUIRED_HEADER);
  if (tab !== TAB.milestones || at < 0 || !existing?.body || existing.dataRows === 0) return [];
  const formColumn = existing.headers.indexOf('Biểu mẫu');
  const rows = existing.body;
  let last = rows.length;
  while (last > 0 && rows[last - 1].every((c) => c === '')) last--;
  if (last === 0) return [];
  const values = rows
    .slice(0, last)
    .map((row) => [row.every((c) => c === '') ? '' : defaultRequired(row[formColumn] ?? '')]);
  const letter = toLetters(end + at);
  return [{ range: `${quoteSheet(tab)}!${letter}2:${letter}${last + 1}`, values }];
}

function validationRule(
  dropdown: Dropdown,
  planned: ReadonlyMap<string, Planned>,
): sheets_v4.Schema$DataValidationRule | undefined {
  if (dropdown.kind === 'list') {
    return {
      condition: { type: 'ONE_OF_LIST', values: dropdown.values.map((v) => ({ userEnteredValue: v })) },
      inputMessage: dropdown.help,
      strict: true,
      showCustomUi: true,
    };
  }
  const source = planned.get(dropdown.tab);
  const index = source?.headers.indexOf(dropdown.header) ?? -1;
  if (!source || index < 0) return undefined;
  const letter = toLetters(index);
  return {
    condition: {
      type: 'ONE_OF_RANGE',
      values: [{ userEnteredValue: `=${quoteSheet(dropdown.tab)}!$${letter}$2:$${letter}` }],
    },
    inputMessage: dropdown.help,
    strict: true,
    showCustomUi: true,
  };
}
