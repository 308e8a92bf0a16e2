// The new year in one step: next year's campaign spreadsheet set up like any other, then this year's units, criteria,
// catalogue, targets, settings and registry written into it, dates a year on. The old spreadsheet keeps everything and
// gains one cell: `Bảng tính năm sau`, the link that refuses a second new year. Shared by `npm run new-year` (which
// creates the spreadsheet with the coordinator's own credentials) and the menu's "Tạo chiến dịch năm sau" (where Apps
// Script creates it as the coordinator and the functions fill it: docs/design/awards.md §3).
import type { sheets_v4 } from '@googleapis/sheets';
import type { SheetsApi } from '../gateways/sheets-client.ts';
import { openSpreadsheet, type Spreadsheet, type WriteStats } from '../gateways/spreadsheet.ts';
import { readAllTabs, snapshotOf } from '../gateways/whole-spreadsheet.ts';
import { quoteSheet, toLetters } from '../core/a1.ts';
import { cellText } from '../core/cells.ts';
import { JobRefusedError } from '../core/refused.ts';
import type { Snapshot } from '../core/snapshot.ts';
import { planRecordDecisions } from '../awards/record.ts';
import { registryKey } from '../awards/registry.ts';
import { numberSetting, setting } from '../core/settings.ts';
import { campaignTimeZone } from '../core/zone.ts';
import { evaluateCampaign } from '../rules/index.ts';
import { setupSpreadsheet } from '../setup/index.ts';
import { TAB, TABS } from '../../sheets-schema/index.ts';
import { NEXT_YEAR_SETTING, nextYear } from './plan.ts';

export interface NewYearResult {
  readonly spreadsheetId: string;
  /** The new spreadsheet's address, as Google gives it. */
  readonly url: string;
  readonly year: number;
  readonly title: string;
  /** Vietnamese lines: what was carried over, and what the coordinator still has to do. */
  readonly lines: readonly string[];
  /** Sheets API requests made on both spreadsheets, retries included, and the writes among them. */
  readonly sheetsCalls: number;
  readonly sheetsWrites: WriteStats;
}

export interface NewYearOptions {
  readonly unitSecretKey?: string;
  /**
   * An empty spreadsheet to fill (the menu's, created by Apps Script as the coordinator). Without it the spreadsheet is
   * created here, which only an account with Drive storage can do: a service account has none.
   */
  readonly into?: string;
}

const CAMPAIGN_TABS: ReadonlySet<string> = new Set(TABS.map((t) => t.name));

/** The spreadsheet the menu created, checked to be an empty one: a campaign (this one or any other) is never filled. */
async function emptyTarget(api: SheetsApi, id: string, from: string): Promise<Spreadsheet> {
  if (id === from)
    throw new JobRefusedError(
      'Bảng tính năm sau phải là một bảng tính mới, không phải chính bảng tính phong trào này; không ghi gì.',
    );
  const book = openSpreadsheet({ api, spreadsheetId: id });
  const titles = ((await book.get('sheets.properties.title')).sheets ?? []).map((s) => s.properties?.title ?? '');
  const taken = titles.find((t) => CAMPAIGN_TABS.has(t));
  if (taken !== undefined)
    throw new JobRefusedError(
      `Bảng tính ${id} đã có trang "${taken}" của một phong trào: không ghi đè lên phong trào đã có; không ghi gì.`,
    );
  return book;
}

/** Where `Bảng tính năm sau` is in `Cấu hình` (a 1-based row), or undefined when the tab lacks it. */
function markerRow(snapshot: Snapshot): { row?: number; valueColumn: number } {
  const config = snapshot.tabs.get(TAB.config) ?? [];
  const head = (config[0] ?? []).map((h) => cellText(h));
  const [key, value] = [head.indexOf('Khóa'), head.indexOf('Giá trị')];
  const index = key < 0 ? -1 : config.findIndex((r, i) => i > 0 && cellText(r[key]) === NEXT_YEAR_SETTING);
  return { ...(index > 0 ? { row: index + 1 } : {}), valueColumn: value < 0 ? 1 : value };
}

/** Leaves the new spreadsheet's link in this year's `Cấu hình`, the one cell of the archive the new year writes. */
async function leaveMarker(old: Spreadsheet, snapshot: Snapshot, url: string): Promise<void> {
  const { row, valueColumn } = markerRow(snapshot);
  if (row !== undefined)
    await old.valuesBatchUpdate([
      { range: `${quoteSheet(TAB.config)}!${toLetters(valueColumn)}${row}`, values: [[url]] },
    ]);
  else await old.append(quoteSheet(TAB.config), [[NEXT_YEAR_SETTING, url]]);
}

export async function createNextYear(
  api: SheetsApi,
  spreadsheetId: string,
  now: Date,
  options: NewYearOptions = {},
): Promise<NewYearResult> {
  const old = openSpreadsheet({ api, spreadsheetId });
  const snapshot = snapshotOf(spreadsheetId, await readAllTabs(old));
  const evaluation = evaluateCampaign(snapshot, now, options.unitSecretKey);
  const year = numberSetting(evaluation.settings, 'Năm');
  const timeZone = campaignTimeZone(evaluation.settings);
  const next = nextYear(snapshot, year, timeZone);
  const title = `${setting(evaluation.settings, 'Tên phong trào')} năm ${next.year}`;
  const made = setting(evaluation.settings, NEXT_YEAR_SETTING);
  if (made !== '')
    throw new JobRefusedError(
      `Phong trào năm ${next.year} đã được tạo: ${made}. Không tạo lần thứ hai (khóa "${NEXT_YEAR_SETTING}" của trang ${TAB.config}); nếu bảng tính đó đã bị xóa, hãy xóa ô này rồi làm lại.`,
    );

  // The registry travels with the new year: decisions typed but not yet recorded would stay behind in the archive.
  const unrecorded = planRecordDecisions(snapshot, evaluation, registryKey(options.unitSecretKey), year, timeZone);
  const waiting = [
    ...(unrecorded.rows.length > 0 ? [`${unrecorded.rows.length} khen thưởng chưa ghi vào "${TAB.registry}"`] : []),
    ...(unrecorded.yearRows.length > 0
      ? [`xếp loại của ${unrecorded.yearRows.length} đơn vị chưa ghi vào "${TAB.yearResults}"`]
      : []),
  ];
  if (waiting.length > 0)
    throw new JobRefusedError(
      `Chưa tạo phong trào năm ${next.year}: quyết định năm ${year} đã có số nhưng ${waiting.join(' và ')}. Hãy ghi quyết định vào sổ trước (trình đơn Thi đua → Ghi quyết định vào sổ, hoặc npm run record-decisions) rồi làm lại.`,
    );

  let book: Spreadsheet;
  let url: string;
  let creates = 0;
  const properties: sheets_v4.Schema$SpreadsheetProperties = { title, timeZone };
  if (options.into !== undefined) {
    book = await emptyTarget(api, options.into, spreadsheetId);
    await book.batchUpdate([{ updateSpreadsheetProperties: { properties, fields: 'title,timeZone' } }]);
    url = (await book.get('spreadsheetUrl')).spreadsheetUrl ?? '';
  } else {
    // The access layer opens an existing spreadsheet; creating one is this command's alone.
    const created = await api.spreadsheets.create({ requestBody: { properties } });
    creates = 1;
    book = openSpreadsheet({ api, spreadsheetId: created.data.spreadsheetId ?? '' });
    url = created.data.spreadsheetUrl ?? '';
  }
  await setupSpreadsheet(book, { year: next.year });
  // The default rows setup wrote give way to this year's own, whole tabs.
  const tabs = [...next.tabs.keys()];
  await book.clear(tabs.map(quoteSheet));
  await book.valuesBatchUpdate(tabs.map((tab) => ({ range: `${quoteSheet(tab)}!A1`, values: next.tabs.get(tab)! })));
  await leaveMarker(old, snapshot, url);

  const lines = [
    `Đã tạo bảng tính "${title}": ${url}`,
    `Đã chuyển sang năm ${next.year}: ${tabs.join(', ')}.`,
    `Bảng tính năm ${year} giữ nguyên để lưu trữ (khóa "${NEXT_YEAR_SETTING}" của trang ${TAB.config} ghi địa chỉ bảng tính mới). Tạo biểu mẫu cho năm mới bằng trình đơn Thi đua của bảng tính mới.`,
  ];
  const [a, b] = [old.stats(), book.stats()];
  const sheetsWrites = {
    requests: a.writes.requests + b.writes.requests + creates,
    bytes: a.writes.bytes + b.writes.bytes,
    splits: a.writes.splits + b.writes.splits,
  };
  return {
    spreadsheetId: book.id,
    url,
    year: next.year,
    title,
    lines,
    sheetsCalls: a.calls + b.calls + creates,
    sheetsWrites,
  };
}
