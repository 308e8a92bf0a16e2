// Writing a workbook model with exceljs: bold frozen header row, column widths, real dates with their formats.
import ExcelJS from 'exceljs';
import type { SheetModel, WorkbookModel } from './model.ts';

export function toWorkbook(model: WorkbookModel): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Thi đua';
  workbook.created = new Date();
  for (const sheet of model.sheets) addSheet(workbook, sheet);
  return workbook;
}

function addSheet(workbook: ExcelJS.Workbook, sheet: SheetModel): void {
  const headerRow = sheet.title.length === 0 ? 1 : sheet.title.length + 2;
  const ws = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: headerRow }] });
  sheet.title.forEach((line, i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = line;
    cell.font = { bold: i === 0, size: i === 0 ? 14 : 12 };
  });
  sheet.columns.forEach((c, i) => {
    const column = ws.getColumn(i + 1);
    column.width = c.width;
    if (c.format) column.numFmt = c.format;
  });
  const header = ws.getRow(headerRow);
  header.values = sheet.columns.map((c) => c.header);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  sheet.rows.forEach((values, r) => {
    const row = ws.getRow(headerRow + 1 + r);
    values.forEach((v, c) => {
      if (v === null) return;
      const cell = row.getCell(c + 1);
      cell.value = v;
      const format = sheet.columns[c]?.format;
      if (format && v instanceof Date) cell.numFmt = format;
      if (typeof v === 'string' && v.includes('\n')) cell.alignment = { wrapText: true, vertical: 'top' };
    });
  });
}

export async function writeXlsx(model: WorkbookModel, file: string): Promise<void> {
  await toWorkbook(model).xlsx.writeFile(file);
}
