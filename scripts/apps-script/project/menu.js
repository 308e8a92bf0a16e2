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

/**
 * A menu item that asks a function to run its job now: posts `{"from":"menu","job":...}` to the URL in the script
 * property `urlProperty`, signed with INGEST_SECRET like the form trigger, and shows the coordinator the answer.
 * `pending` is shown when UrlFetchApp gives up waiting: the function goes on, and says where its result will appear.
 * @param {{ title: string, job: string, urlProperty: string, failed: string, pending: string }} item
 * @returns {string}
 */
function thiduaMenuJob_(item) {
  var props = thiduaProps_();
  var url = props.getProperty(item.urlProperty);
  var secret = props.getProperty('INGEST_SECRET');
  var message;
  if (!url || !secret) {
    message =
      'Chưa đặt ' +
      item.urlProperty +
      ' hoặc INGEST_SECRET trong Thuộc tính tập lệnh (Cài đặt dự án → Thuộc tính tập lệnh); ' +
      'hãy đặt theo dòng cuối của npm run deploy rồi chọn lại mục này.';
  } else {
    try {
      var response = thiduaSignedPost_(url, secret, { from: 'menu', job: item.job });
      message = thiduaAnswerMessage_(response.getResponseCode(), response.getContentText(), item.failed);
    } catch (err) {
      message = item.pending.split('{error}').join(String(err));
    }
  }
  var ui = SpreadsheetApp.getUi();
  ui.alert(item.title, message, ui.ButtonSet.OK);
  return message;
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
