// Sheets reads and writes of the web view, through the Sheets access layer: header rows, rows by number, tabs as text.
import type { Cell } from '../../functions/core/cells.ts';
import { cellText } from '../../functions/core/cells.ts';
import { quoteSheet, toLetters } from '../../functions/core/a1.ts';
import type { ReadOptions, Spreadsheet } from '../../functions/gateways/spreadsheet.ts';

export async function readRange(book: Spreadsheet, range: string, render: ReadOptions['render']): Promise<Cell[][]> {
  const [read] = await book.batchGet([range], { render });
  return (read?.values ?? []) as Cell[][];
}

/** A whole tab as text the way Google Sheets displays it. */
export async function readTabText(book: Spreadsheet, tab: string): Promise<string[][]> {
  const values = await readRange(book, quoteSheet(tab), 'FORMATTED_VALUE');
  return values.map((row) => row.map((c) => String(c ?? '')));
}

export async function readHeaders(book: Spreadsheet, tab: string): Promise<string[]> {
  const [row] = await readRange(book, `${quoteSheet(tab)}!1:1`, 'FORMATTED_VALUE');
  return (row ?? []).map((h) => cellText(h));
}

export async function listTabs(book: Spreadsheet): Promise<{ title: string; sheetId: number; columns: number }[]> {
  const meta = await book.get('sheets.properties');
  return (meta.sheets ?? []).map((s) => ({
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
  book: Spreadsheet,
  tab: string,
  headers: readonly string[],
  missing: readonly string[],
): Promise<string[]> {
  if (missing.length === 0) return [...headers];
  const all = [...headers, ...missing];
  const sheet = (await listTabs(book)).find((s) => s.title === tab);
  if (!sheet) throw new Error(`Bảng tính không có trang '${tab}': hãy chạy npm run setup-sheets.`);
  if (all.length > sheet.columns) {
    await book.batchUpdate([
      { appendDimension: { sheetId: sheet.sheetId, dimension: 'COLUMNS', length: all.length - sheet.columns } },
    ]);
  }
  await book.valuesBatchUpdate([{ range: `${quoteSheet(tab)}!${toLetters(headers.length)}1`, values: [missing] }]);
  return all;
}
