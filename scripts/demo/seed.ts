// Loads the demo campaign into a spreadsheet through the Sheets access layer: rows placed under their headers by name,
// missing headers (the final report's criterion columns, as Google Forms would create them) appended at the end.
import { CHILD_SPREADSHEET_HEADER } from '../../sheets-schema/index.ts';
import type { Cell } from '../../functions/core/cells.ts';
import { quoteSheet, toLetters } from '../../functions/core/a1.ts';
import type { Spreadsheet } from '../../functions/gateways/spreadsheet.ts';
import { demoCampaign } from './campaign.ts';

export async function seedDemo(
  book: Spreadsheet,
  options: { now: Date; formBaseUrl: string; unitKey: string },
): Promise<string> {
  const tabs = demoCampaign(options.now, options.formBaseUrl, options.unitKey);
  const names = [...tabs.keys()];
  const headerRows = await book.batchGet(names.map((n) => `${quoteSheet(n)}!1:1`));
  const data: { range: string; values: Cell[][] }[] = [];
  let responses = 0;
  names.forEach((tab, i) => {
    const rows = tabs.get(tab)!;
    const headers = ((headerRows[i]?.values?.[0] ?? []) as Cell[]).map(String);
    for (const row of rows) for (const key of Object.keys(row)) if (!headers.includes(key)) headers.push(key);
    const values = [headers, ...rows.map((row) => headers.map((h) => row[h] ?? ''))];
    data.push({ range: `${quoteSheet(tab)}!A1:${toLetters(headers.length - 1)}${values.length}`, values });
    if (rows.length > 0 && Object.keys(rows[0]).includes('Dấu thời gian')) responses += rows.length;
  });
  // Google Forms widens its response tab as questions are added; the criterion columns need room here too.
  const sheets = (await book.get('sheets.properties(title,sheetId,gridProperties)')).sheets ?? [];
  const widen = sheets.flatMap((sheet) => {
    const write = data.find((d) => d.range.startsWith(`${quoteSheet(sheet.properties?.title ?? '')}!`));
    const width = write?.values[0]?.length ?? 0;
    const grid = sheet.properties?.gridProperties;
    if (!write || !grid || (grid.columnCount ?? 0) >= width) return [];
    return [
      {
        updateSheetProperties: {
          properties: { sheetId: sheet.properties?.sheetId, gridProperties: { columnCount: width } },
          fields: 'gridProperties.columnCount',
        },
      },
    ];
  });
  await book.batchUpdate(widen);
  // Coordinator tabs may hold setup's defaults below the header; the demo replaces them whole.
  await book.clear(names.map((n) => `${quoteSheet(n)}!A2:ZZ`));
  await book.valuesBatchUpdate(data);
  const units = tabs.get('Đơn vị') ?? [];
  const bodies = units.filter((u) => u[CHILD_SPREADSHEET_HEADER]).length;
  return `Đã nạp phong trào mẫu: ${units.length - bodies} đơn vị, ${bodies} cấp dưới có bảng tính riêng, ${responses} câu trả lời biểu mẫu.`;
}
