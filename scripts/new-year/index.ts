// The new year in one step: a new campaign spreadsheet set up like any other, then this year's units, criteria,
// catalogue, targets, settings and registry written into it, dates a year on. The old spreadsheet is not touched.
import type { SheetsApi } from '../../functions/gateways/sheets-client.ts';
import { openSpreadsheet } from '../../functions/gateways/spreadsheet.ts';
import { quoteSheet } from '../../functions/core/a1.ts';
import { planRecordDecisions } from '../../functions/awards/record.ts';
import { registryKey } from '../../functions/awards/registry.ts';
import { numberSetting, setting } from '../../functions/core/settings.ts';
import { campaignTimeZone } from '../../functions/core/zone.ts';
import { evaluateCampaign } from '../../functions/rules/index.ts';
import { readAllTabs, snapshotOf } from '../export/index.ts';
import { setupSpreadsheet } from '../setup/index.ts';
import { TAB } from '../../sheets-schema/index.ts';
import { nextYear } from './plan.ts';

export interface NewYearResult {
  readonly spreadsheetId: string;
  readonly year: number;
  readonly title: string;
  /** Vietnamese lines: what was carried over, and what the coordinator still has to do. */
  readonly lines: readonly string[];
}

export async function createNextYear(
  api: SheetsApi,
  spreadsheetId: string,
  now: Date,
  unitSecretKey?: string,
): Promise<NewYearResult> {
  const snapshot = snapshotOf(spreadsheetId, await readAllTabs(openSpreadsheet({ api, spreadsheetId })));
  const evaluation = evaluateCampaign(snapshot, now, unitSecretKey);
  const year = numberSetting(evaluation.settings, 'Năm');
  const timeZone = campaignTimeZone(evaluation.settings);
  const next = nextYear(snapshot, year, timeZone);
  const title = `${setting(evaluation.settings, 'Tên phong trào')} năm ${next.year}`;

  // The access layer opens an existing spreadsheet; creating one is this command's alone.
  const created = await api.spreadsheets.create({ requestBody: { properties: { title, timeZone } } });
  const newId = created.data.spreadsheetId ?? '';
  const book = openSpreadsheet({ api, spreadsheetId: newId });
  await setupSpreadsheet(book, { year: next.year });
  // The default rows setup wrote give way to this year's own, whole tabs.
  const tabs = [...next.tabs.keys()];
  await book.clear(tabs.map(quoteSheet));
  await book.valuesBatchUpdate(tabs.map((tab) => ({ range: `${quoteSheet(tab)}!A1`, values: next.tabs.get(tab)! })));

  const lines = [`Đã chuyển sang năm ${next.year}: ${tabs.join(', ')}.`];
  const unrecorded = planRecordDecisions(snapshot, evaluation, registryKey(unitSecretKey), year, timeZone);
  if (unrecorded.rows.length > 0)
    lines.push(
      `Lưu ý: ${unrecorded.rows.length} khen thưởng năm ${year} đã có quyết định nhưng chưa ghi vào sổ; chạy npm run record-decisions trên bảng tính năm ${year} rồi chạy lại lệnh này.`,
    );
  if (unrecorded.yearRows.length > 0)
    lines.push(
      `Lưu ý: xếp loại năm ${year} của ${unrecorded.yearRows.length} đơn vị đã có quyết định nhưng chưa ghi vào "${TAB.yearResults}"; chạy npm run record-decisions trên bảng tính năm ${year} rồi chạy lại lệnh này.`,
    );
  lines.push(
    'Bảng tính năm cũ giữ nguyên để lưu trữ. Tạo biểu mẫu cho năm mới bằng trình đơn Thi đua của bảng tính mới.',
  );
  return { spreadsheetId: newId, year: next.year, title, lines };
}
