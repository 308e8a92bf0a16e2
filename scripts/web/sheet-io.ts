// Sheets reads and writes of the web view, through the official client: A1 helpers, header rows, rows by number.
import type { SheetsApi } from '../../functions/gateways/sheets-client.ts';
import { parseA1, quoteSheet, toLetters } from '../../functions/core/a1.ts';
import type { Cell } from '../../functions/core/cells.ts';
import { cellText } from '../../functions/core/cells.ts';

/** The first row number of an A1 range as Google echoes it (`'Đăng ký thi đua'!A5:J5` → 5). */
export function firstRowOf(range: string): number {
  const r = parseA1(range);
  if (!r || r.wholeSheet) throw new Error(`Cannot read a row number from range ${range}`);
  return r.startRow + 1;
}

export type Render = 'FORMATTED_VALUE' | 'UNFORMATTED_VALUE';

export async function readRange(
  api: SheetsApi,
  spreadsheetId: string,
  range: string,
  render: Render,
): Promise<Cell[][]> {
  const res = await api.spreadsheets.values.get({
    spreadsheetId,
    range,
    valueRenderOption: render,
    dateTimeRenderOption: 'SERIAL_NUMBER',
  });
  return (res.data.values ?? []) as Cell[][];
}

/** A whole tab as text the way Google Sheets displays it. */
export async function readTabText(api: SheetsApi, spreadsheetId: string, tab: string): Promise<string[][]> {
  const values = await readRange(api, spreadsheetId, quoteSheet(tab), 'FORMATTED_VALUE');
  return values.map((row) => row.map((c) => String(c ?? '')));
}

export async function readHeaders(api: SheetsApi, spreadsheetId: string, tab: string): Promise<string[]> {
  const [row] = await readRange(api, spreadsheetId, `${quoteSheet(tab)}!1:1`, 'FORMATTED_VALUE');
  return (row ?? []).map((h) => cellText(h));
}

export async function listTabs(
  api: SheetsApi,
  spreadsheetId: string,
): Promise<{ title: string; sheetId: number; columns: number }[]> {
  const res = await api.spreadsheets.get({ spreadsheetId, fields: 'sheets.properties' });
  return (res.data.sheets ?? []).map((s) => ({
    title: s.properties?.title ?? '',
    sheetId: s.properties?.sheetId ?? 0,
    columns: s.properties?.gridProperties?.columnCount ?? 26,
  }));
}

/**
 * Adds `missing` headers after the last header, growing the grid first when needed (values.update outside the
 * grid is an error in Google Sheets), the way Google Forms adds a column for a new question.
 */
export async function addHeaders(
  api: SheetsApi,
  spreadsheetId: string,
  tab: string,
  headers: readonly string[],
  missing: readonly string[],
): Promise<string[]> {
  if (missing.length === 0) return [...headers];
  const all = [...headers, ...missing];
  const sheet = (await listTabs(api, spreadsheetId)).find((s) => s.title === tab);
  if (!sheet) throw new Error(`Spreadsheet has no tab '${tab}': run npm run setup-sheets`);
  if (all.length > sheet.columns) {
    await api.spreadsheets.batchUpdate({
      spreadsheetId,
      requestBody: {
        requests: [
          { appendDimension: { sheetId: sheet.sheetId, dimension: 'COLUMNS', length: all.length - sheet.columns } },
        ],
      },
    });
  }
  await api.spreadsheets.values.update({
    spreadsheetId,
    range: `${quoteSheet(tab)}!${toLetters(headers.length)}1`,
    valueInputOption: 'RAW',
    requestBody: { values: [missing as string[]] },
  });
  return all;
}
