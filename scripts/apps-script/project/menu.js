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
    .addSeparator()
    .addItem('Ghi quyết định vào sổ', 'thiduaRecordDecisions')
    .addItem('Tạo chiến dịch năm sau', 'thiduaNewYear')
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
 * What a menu item asks a function to run: its job, the script property holding the function's URL, the alert's title,
 * what is shown when the function refuses (`failed`) or when UrlFetchApp gives up waiting (`pending`, where `{error}`
 * is replaced: the function goes on, and says where its result will appear).
 * @typedef {{ title: string, job: string, urlProperty: string, failed: string, pending: string }} ThiduaMenuItem
 */

/**
 * Posts `{"from":"menu","job":...}` (and `fields`) to the URL in the script property `urlProperty`, signed with
 * INGEST_SECRET like the form trigger; `done` tells whether the function did the job (answered 200).
 * @param {ThiduaMenuItem} item
 * @param {Object<string, string>} [fields]
 * @returns {{ done: boolean, message: string }}
 */
function thiduaMenuCall_(item, fields) {
  var props = thiduaProps_();
  var url = props.getProperty(item.urlProperty);
  var secret = props.getProperty('INGEST_SECRET');
  if (!url || !secret)
    return { done: false, message: thiduaMissingProperty_(item.urlProperty + ' hoặc INGEST_SECRET') };
  /** @type {Object<string, string>} */
  var body = { from: 'menu', job: item.job };
  for (var key in fields || {}) body[key] = (fields || {})[key];
  try {
    var response = thiduaSignedPost_(url, secret, body);
    var status = response.getResponseCode();
    return { done: status === 200, message: thiduaAnswerMessage_(status, response.getContentText(), item.failed) };
  } catch (err) {
    return { done: false, message: item.pending.split('{error}').join(String(err)) };
  }
}

/**
 * @param {string} names
 * @returns {string}
 */
function thiduaMissingProperty_(names) {
  return (
    'Chưa đặt ' +
    names +
    ' trong Thuộc tính tập lệnh (Cài đặt dự án → Thuộc tính tập lệnh); ' +
    'hãy đặt theo dòng cuối của npm run deploy rồi chọn lại mục này.'
  );
}

/**
 * @param {string} title
 * @param {string} message
 */
function thiduaAlert_(title, message) {
  var ui = SpreadsheetApp.getUi();
  ui.alert(title, message, ui.ButtonSet.OK);
}

/**
 * A menu item that asks a function to run its job now, and shows the coordinator the answer.
 * @param {ThiduaMenuItem} item
 * @returns {string}
 */
function thiduaMenuJob_(item) {
  var message = thiduaMenuCall_(item).message;
  thiduaAlert_(item.title, message);
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
