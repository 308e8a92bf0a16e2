// Menu.gs: the "Thi đua" menu and the helpers the other files share.

/** Adds the "Thi đua" menu when a coordinator opens the spreadsheet. */
function onOpen() {
  SpreadsheetApp.getUi()
    .createMenu('Thi đua')
    .addItem('1. Tạo biểu mẫu', 'thiduaCreateForms')
    .addItem('2. Cài đặt trình kích hoạt', 'thiduaInstallTrigger')
    .addItem('3. Ghi liên kết biểu mẫu cho đơn vị', 'thiduaWriteFormLinks')
    .addSeparator()
    .addItem('Tạo văn bản báo cáo', 'thiduaMakeDocuments')
    .addItem('Tổng hợp cấp dưới', 'thiduaRollUp')
    .addToUi();
}

/**
 * A function's answer to a menu item as the coordinator reads it: its summary lines, or `failed` with its Vietnamese
 * error.
 * @param {number} status
 * @param {string} text
 * @param {string} failed
 * @returns {string}
 */
function thiduaAnswerMessage_(status, text, failed) {
  /** @type {unknown} */
  var parsed = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON (a proxy's HTML page, an empty body): the raw text is shown instead.
  }
  /** @type {{ lines?: string[], error?: string }} */
  var answer = parsed !== null && typeof parsed === 'object' ? parsed : {};
  if (status === 200 && answer.lines) return answer.lines.join('\n');
  return failed + ' (mã trả lời ' + status + '): ' + (answer.error || text);
}

function thiduaProps_() {
  return PropertiesService.getScriptProperties();
}

/**
 * Column number (1-based) of a header in row 1, or 0.
 * @param {GoogleAppsScript.Spreadsheet.Sheet} sheet
 * @param {string} header
 * @returns {number}
 */
function thiduaColumn_(sheet, header) {
  var lastColumn = sheet.getLastColumn();
  if (lastColumn === 0) return 0;
  var headers = sheet.getRange(1, 1, 1, lastColumn).getValues()[0];
  for (var i = 0; i < headers.length; i++) {
    if (String(headers[i]).normalize('NFC').trim() === header) return i + 1;
  }
  return 0;
}

/**
 * Column of a header, added at the end of row 1 when absent (never moving existing columns).
 * @param {GoogleAppsScript.Spreadsheet.Sheet} sheet
 * @param {string} header
 * @returns {number}
 */
function thiduaEnsureColumn_(sheet, header) {
  var column = thiduaColumn_(sheet, header);
  if (column > 0) return column;
  column = sheet.getLastColumn() + 1;
  if (column > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), 1);
  sheet.getRange(1, column).setValue(header);
  return column;
}
