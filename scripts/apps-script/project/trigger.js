// Trigger.gs: the on-form-submit trigger, which writes the edit link and calls the ingest function at once.

/** Installs the on-form-submit trigger once; it runs as the coordinator who authorised it. */
function thiduaInstallTrigger() {
  var spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  var exists = ScriptApp.getProjectTriggers().some(function (t) {
    return t.getHandlerFunction() === 'thiduaOnFormSubmit';
  });
  if (!exists) ScriptApp.newTrigger('thiduaOnFormSubmit').forSpreadsheet(spreadsheet).onFormSubmit().create();
  var message = exists ? 'Trình kích hoạt đã có sẵn.' : 'Đã cài đặt trình kích hoạt khi gửi biểu mẫu.';
  Logger.log(message);
  return message;
}

/**
 * Writes the response's edit link beside it, then tells ingest which row changed.
 * @param {GoogleAppsScript.Events.SheetsOnFormSubmit} e
 */
function thiduaOnFormSubmit(e) {
  var sheet = e.range.getSheet();
  var row = e.range.getRow();
  var tab = sheet.getName();
  try {
    var link = thiduaEditLink_(sheet, row);
    if (link) sheet.getRange(row, thiduaEnsureColumn_(sheet, THIDUA_NAMES.editLinkHeader)).setValue(link);
  } catch (err) {
    console.warn('Không ghi được liên kết chỉnh sửa: ' + String(err));
  }
  thiduaNotifyIngest_(tab, row);
}

/**
 * The edit link of the response written at this row: the response whose timestamp matches the row's.
 * @param {GoogleAppsScript.Spreadsheet.Sheet} sheet
 * @param {number} row
 * @returns {string}
 */
function thiduaEditLink_(sheet, row) {
  var url = sheet.getFormUrl();
  if (!url) return '';
  var form = FormApp.openByUrl(url);
  /** @type {unknown} */
  var stamp = sheet.getRange(row, 1).getValue();
  var since = stamp instanceof Date ? new Date(stamp.getTime() - 60000) : undefined;
  var responses = since ? form.getResponses(since) : form.getResponses();
  /** @type {GoogleAppsScript.Forms.FormResponse | null} */
  var best = null;
  for (var i = 0; i < responses.length; i++) {
    var r = responses[i];
    if (!(stamp instanceof Date)) {
      best = r;
      continue;
    }
    if (
      !best ||
      Math.abs(r.getTimestamp().getTime() - stamp.getTime()) < Math.abs(best.getTimestamp().getTime() - stamp.getTime())
    )
      best = r;
  }
  return best ? best.getEditResponseUrl() : '';
}

/**
 * Lower-case hex of Apps Script's signed byte array.
 * @param {GoogleAppsScript.Byte[]} bytes
 */
function thiduaHex_(bytes) {
  return bytes
    .map(function (b) {
      return ((b + 256) % 256).toString(16).padStart(2, '0');
    })
    .join('');
}

/**
 * ASCII-only JSON so the signed text and the bytes sent can never differ by encoding.
 * @param {unknown} value
 */
function thiduaAsciiJson_(value) {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, function (ch) {
    return '\\u' + ('0000' + ch.charCodeAt(0).toString(16)).slice(-4);
  });
}

/**
 * POSTs `value` as ASCII JSON signed as functions/http/signature.ts expects: HMAC-SHA256 of "<unix seconds>.<body>"
 * with the shared secret, in the headers the functions read. Used by the form trigger and the menu alike.
 * @param {string} url
 * @param {string} secret
 * @param {unknown} value
 * @returns {GoogleAppsScript.URL_Fetch.HTTPResponse}
 */
function thiduaSignedPost_(url, secret, value) {
  var body = thiduaAsciiJson_(value);
  var timestamp = String(Math.floor(Date.now() / 1000));
  var signature = Utilities.computeHmacSha256Signature(timestamp + '.' + body, secret, Utilities.Charset.UTF_8);
  return UrlFetchApp.fetch(url, {
    method: 'post',
    contentType: 'application/json',
    payload: body,
    headers: { 'x-thidua-timestamp': timestamp, 'x-thidua-signature': 'sha256=' + thiduaHex_(signature) },
    muteHttpExceptions: true,
  });
}

/**
 * Tells ingest which row of which response tab changed.
 * @param {string} tab
 * @param {number} row
 */
function thiduaNotifyIngest_(tab, row) {
  var props = thiduaProps_();
  var url = props.getProperty('INGEST_URL');
  var secret = props.getProperty('INGEST_SECRET');
  if (!url || !secret) {
    console.warn(
      'Chưa đặt INGEST_URL hoặc INGEST_SECRET trong Thuộc tính tập lệnh; lượt quét 10 phút sẽ xử lý câu trả lời này.',
    );
    return;
  }
  var status = thiduaSignedPost_(url, secret, { tab: tab, row: row }).getResponseCode();
  // A failure is not lost: the scheduled sweep picks the response up within ten minutes.
  if (status !== 200) console.warn('Hàm ingest trả lời ' + status + '; lượt quét định kỳ sẽ xử lý lại.');
}
