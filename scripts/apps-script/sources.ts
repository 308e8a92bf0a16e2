// The hand-written part of the Apps Script project: plain JavaScript (V8 runtime) run inside the spreadsheet.
// It reads THIDUA_FORMS / THIDUA_NAMES from the generated Schema.gs, so no header text is typed twice.

const MENU = String.raw`
/** Adds the "Thi đua" menu when a coordinator opens the spreadsheet. */
function onOpen() {
  SpreadsheetApp.getUi()
    .createMenu('Thi đua')
    .addItem('1. Tạo biểu mẫu', 'thiduaCreateForms')
    .addItem('2. Cài đặt trình kích hoạt', 'thiduaInstallTrigger')
    .addItem('3. Ghi liên kết biểu mẫu cho đơn vị', 'thiduaWriteFormLinks')
    .addToUi();
}

function thiduaProps_() {
  return PropertiesService.getScriptProperties();
}

/** Column number (1-based) of a header in row 1, or 0. */
function thiduaColumn_(sheet, header) {
  var lastColumn = sheet.getLastColumn();
  if (lastColumn === 0) return 0;
  var headers = sheet.getRange(1, 1, 1, lastColumn).getValues()[0];
  for (var i = 0; i < headers.length; i++) {
    if (String(headers[i]).normalize('NFC').trim() === header) return i + 1;
  }
  return 0;
}

/** Column of a header, added at the end of row 1 when absent (never moving existing columns). */
function thiduaEnsureColumn_(sheet, header) {
  var column = thiduaColumn_(sheet, header);
  if (column > 0) return column;
  column = sheet.getLastColumn() + 1;
  if (column > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), 1);
  sheet.getRange(1, column).setValue(header);
  return column;
}
`;

const FORMS = String.raw`
/** The rows of the criteria tab, read by header: [{code, group, content, maxScore}]. */
function thiduaReadCriteria_(spreadsheet) {
  var sheet = spreadsheet.getSheetByName(THIDUA_NAMES.criteriaTab);
  if (!sheet) throw new Error('Không tìm thấy trang tính "' + THIDUA_NAMES.criteriaTab + '". Hãy chạy npm run setup-sheets trước.');
  var values = sheet.getDataRange().getValues();
  var headers = values[0].map(function (h) { return String(h).normalize('NFC').trim(); });
  var code = headers.indexOf('Mã tiêu chí'), group = headers.indexOf('Nhóm'), content = headers.indexOf('Nội dung'), max = headers.indexOf('Điểm tối đa');
  if (code < 0 || content < 0 || max < 0) throw new Error('Trang "' + THIDUA_NAMES.criteriaTab + '" thiếu cột Mã tiêu chí, Nội dung hoặc Điểm tối đa.');
  var criteria = [];
  for (var r = 1; r < values.length; r++) {
    var c = String(values[r][code]).normalize('NFC').trim();
    if (c === '') continue;
    criteria.push({
      code: c,
      group: group < 0 ? '' : String(values[r][group]).normalize('NFC').trim(),
      content: String(values[r][content]).normalize('NFC').trim(),
      maxScore: Number(String(values[r][max]).replace(',', '.')),
    });
  }
  return criteria;
}

/** Must equal criterionHeader() of sheets-schema: the response column is matched by this text. */
function thiduaCriterionHeader(c) {
  return '[' + c.code + '] ' + c.content + ' (tối đa ' + String(c.maxScore).replace('.', ',') + ' điểm)';
}

function thiduaCriterionQuestion_(c) {
  return {
    title: thiduaCriterionHeader(c),
    kind: 'score',
    required: true,
    help: 'Nhóm: ' + c.group + '. Tự chấm từ 0 đến ' + String(c.maxScore).replace('.', ',') + ' điểm.',
    min: 0,
    max: c.maxScore,
  };
}

/** Every question of a form as a unit sees it (the final report gains one score question per criterion). */
function thiduaQuestions(def, criteria) {
  var questions = def.questions.slice();
  if (def.withCriteria) questions = questions.concat(criteria.map(thiduaCriterionQuestion_));
  return questions;
}

function thiduaNumberValidation_(q, integerOnly) {
  var min = q.min === undefined ? 0 : q.min;
  var builder = FormApp.createTextValidation();
  if (q.max !== undefined) {
    builder.requireNumberBetween(min, q.max).setHelpText('Nhập một số từ ' + min + ' đến ' + q.max + '.');
  } else if (integerOnly) {
    builder.requireWholeNumber().setHelpText('Nhập một số nguyên không âm.');
  } else {
    builder.requireNumberGreaterThanOrEqualTo(min).setHelpText('Nhập một số không nhỏ hơn ' + min + '.');
  }
  return builder.build();
}

function thiduaAddQuestion_(form, q) {
  var item;
  if (q.kind === 'choice') {
    item = form.addMultipleChoiceItem().setTitle(q.title).setChoiceValues(q.options);
  } else if (q.kind === 'paragraph') {
    item = form.addParagraphTextItem().setTitle(q.title);
    if (q.maxLength) {
      item.setValidation(FormApp.createParagraphTextValidation().requireTextLengthLessThanOrEqualTo(q.maxLength)
        .setHelpText('Tối đa ' + q.maxLength + ' ký tự.').build());
    }
  } else {
    item = form.addTextItem().setTitle(q.title);
    if (q.kind === 'email') {
      item.setValidation(FormApp.createTextValidation().requireTextIsEmail().setHelpText('Nhập một địa chỉ email hợp lệ.').build());
    } else if (q.kind === 'url') {
      item.setValidation(FormApp.createTextValidation().requireTextIsUrl().setHelpText('Nhập một đường liên kết hợp lệ, bắt đầu bằng https://.').build());
    } else if (q.kind === 'integer') {
      item.setValidation(thiduaNumberValidation_(q, true));
    } else if (q.kind === 'percent') {
      item.setValidation(thiduaNumberValidation_({ min: 0, max: 100 }, false));
    } else if (q.kind === 'score') {
      item.setValidation(thiduaNumberValidation_(q, false));
    } else if (q.maxLength) {
      item.setValidation(FormApp.createTextValidation().requireTextLengthLessThanOrEqualTo(q.maxLength)
        .setHelpText('Tối đa ' + q.maxLength + ' ký tự.').build());
    }
  }
  if (q.help) item.setHelpText(q.help);
  item.setRequired(q.required === true);
  return item;
}

/** Creates each form once (ids kept in script properties), links it here and names its response tab as the schema does. */
function thiduaCreateForms() {
  var spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  var props = thiduaProps_();
  var criteria = thiduaReadCriteria_(spreadsheet);
  var created = [];
  THIDUA_FORMS.forEach(function (def) {
    if (props.getProperty(def.key)) {
      if (thiduaAddSecretQuestion_(FormApp.openById(props.getProperty(def.key)), def)) created.push(def.tab + ' (thêm câu "' + THIDUA_NAMES.secretHeader + '")');
      return;
    }
    var form = FormApp.create(def.title);
    form.setDescription(def.description);
    form.setAllowResponseEdits(true);
    form.setConfirmationMessage('Đã nhận. Kết quả kiểm tra sẽ được gửi tới email của đơn vị.');
    thiduaQuestions(def, criteria).forEach(function (q) { thiduaAddQuestion_(form, q); });
    form.setDestination(FormApp.DestinationType.SPREADSHEET, spreadsheet.getId());
    SpreadsheetApp.flush();
    thiduaNameResponseSheet_(spreadsheet, form, def.tab);
    props.setProperty(def.key, form.getId());
    created.push(def.tab);
  });
  var message = created.length === 0 ? 'Các biểu mẫu đã có; không tạo thêm.' : 'Đã tạo biểu mẫu: ' + created.join(', ') + '.';
  Logger.log(message);
  return message;
}

/** A form made before units had secrets gains the secret question, right after the unit code; true when added. */
function thiduaAddSecretQuestion_(form, def) {
  var items = form.getItems();
  var code = -1;
  for (var i = 0; i < items.length; i++) {
    if (items[i].getTitle() === THIDUA_NAMES.secretHeader) return false;
    if (items[i].getTitle() === THIDUA_NAMES.unitCodeHeader) code = i;
  }
  var question = def.questions.filter(function (q) { return q.title === THIDUA_NAMES.secretHeader; })[0];
  if (!question) return false;
  var item = thiduaAddQuestion_(form, question);
  if (code >= 0) form.moveItem(item.getIndex(), code + 1);
  return true;
}

/** Google names a new response sheet "Form Responses N"; rename it to the schema's tab, replacing an empty placeholder. */
function thiduaNameResponseSheet_(spreadsheet, form, tab) {
  var formId = form.getId();
  var sheets = spreadsheet.getSheets();
  var responses = null;
  for (var i = 0; i < sheets.length; i++) {
    var url = sheets[i].getFormUrl();
    if (url && url.indexOf(formId) >= 0) responses = sheets[i];
  }
  if (!responses) throw new Error('Không tìm thấy trang câu trả lời của biểu mẫu "' + tab + '".');
  var placeholder = spreadsheet.getSheetByName(tab);
  if (placeholder && placeholder.getSheetId() !== responses.getSheetId()) {
    if (placeholder.getLastRow() > 1) {
      throw new Error('Trang "' + tab + '" đã có dữ liệu; hãy đổi tên trang đó rồi chạy lại "Tạo biểu mẫu".');
    }
    spreadsheet.deleteSheet(placeholder);
  }
  responses.setName(tab);
  // The timestamp header follows the spreadsheet locale; the functions read it by its Vietnamese name.
  responses.getRange(1, 1).setValue(THIDUA_NAMES.timestampHeader);
  thiduaEnsureColumn_(responses, THIDUA_NAMES.editLinkHeader);
  responses.setFrozenRows(1);
}
`;

const TRIGGER = String.raw`
/** Installs the on-form-submit trigger once; it runs as the coordinator who authorised it. */
function thiduaInstallTrigger() {
  var spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  var exists = ScriptApp.getProjectTriggers().some(function (t) { return t.getHandlerFunction() === 'thiduaOnFormSubmit'; });
  if (!exists) ScriptApp.newTrigger('thiduaOnFormSubmit').forSpreadsheet(spreadsheet).onFormSubmit().create();
  var message = exists ? 'Trình kích hoạt đã có sẵn.' : 'Đã cài đặt trình kích hoạt khi gửi biểu mẫu.';
  Logger.log(message);
  return message;
}

/** Writes the response's edit link beside it, then tells ingest which row changed. */
function thiduaOnFormSubmit(e) {
  var sheet = e.range.getSheet();
  var row = e.range.getRow();
  var tab = sheet.getName();
  try {
    var link = thiduaEditLink_(sheet, row);
    if (link) sheet.getRange(row, thiduaEnsureColumn_(sheet, THIDUA_NAMES.editLinkHeader)).setValue(link);
  } catch (err) {
    console.warn('Không ghi được liên kết chỉnh sửa: ' + err);
  }
  thiduaNotifyIngest_(tab, row);
}

/** The edit link of the response written at this row: the response whose timestamp matches the row's. */
function thiduaEditLink_(sheet, row) {
  var url = sheet.getFormUrl();
  if (!url) return '';
  var form = FormApp.openByUrl(url);
  var stamp = sheet.getRange(row, 1).getValue();
  var since = stamp instanceof Date ? new Date(stamp.getTime() - 60000) : undefined;
  var responses = since ? form.getResponses(since) : form.getResponses();
  var best = null;
  responses.forEach(function (r) {
    if (!(stamp instanceof Date)) { best = r; return; }
    if (!best || Math.abs(r.getTimestamp() - stamp) < Math.abs(best.getTimestamp() - stamp)) best = r;
  });
  return best ? best.getEditResponseUrl() : '';
}

/** Lower-case hex of Apps Script's signed byte array. */
function thiduaHex_(bytes) {
  return bytes.map(function (b) { return ((b + 256) % 256).toString(16).padStart(2, '0'); }).join('');
}

/** ASCII-only JSON so the signed text and the bytes sent can never differ by encoding. */
function thiduaAsciiJson_(value) {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, function (ch) {
    return '\\u' + ('0000' + ch.charCodeAt(0).toString(16)).slice(-4);
  });
}

/** POSTs {tab,row} signed as functions/http/signature.ts expects: HMAC-SHA256 of "<unix seconds>.<body>". */
function thiduaNotifyIngest_(tab, row) {
  var props = thiduaProps_();
  var url = props.getProperty('INGEST_URL');
  var secret = props.getProperty('INGEST_SECRET');
  if (!url || !secret) {
    console.warn('Chưa đặt INGEST_URL hoặc INGEST_SECRET trong Thuộc tính tập lệnh; lượt quét 10 phút sẽ xử lý câu trả lời này.');
    return;
  }
  var body = thiduaAsciiJson_({ tab: tab, row: row });
  var timestamp = String(Math.floor(Date.now() / 1000));
  var signature = Utilities.computeHmacSha256Signature(timestamp + '.' + body, secret, Utilities.Charset.UTF_8);
  var response = UrlFetchApp.fetch(url, {
    method: 'post',
    contentType: 'application/json',
    payload: body,
    headers: { 'x-thidua-timestamp': timestamp, 'x-thidua-signature': 'sha256=' + thiduaHex_(signature) },
    muteHttpExceptions: true,
  });
  var status = response.getResponseCode();
  // A failure is not lost: the scheduled sweep picks the response up within ten minutes.
  if (status !== 200) console.warn('Hàm ingest trả lời ' + status + '; lượt quét định kỳ sẽ xử lý lại.');
}
`;

const LINKS = String.raw`
/**
 * Lower-case hex of the first bytes of HMAC-SHA256(key, "<code>|<generation>"): the unit's secret exactly as
 * functions/core/unit-secret.ts derives it.
 */
function thiduaUnitSecret_(key, code, generation) {
  var bytes = Utilities.computeHmacSha256Signature(code + '|' + generation, key, Utilities.Charset.UTF_8);
  return thiduaHex_(bytes).slice(0, THIDUA_NAMES.secretLength);
}

/** A value of the campaign settings tab, '' when absent. */
function thiduaSetting_(spreadsheet, key) {
  var sheet = spreadsheet.getSheetByName(THIDUA_NAMES.configTab);
  if (!sheet || sheet.getLastRow() < 2) return '';
  var values = sheet.getDataRange().getValues();
  var k = values[0].map(function (h) { return String(h).normalize('NFC').trim(); }).indexOf('Khóa');
  var v = values[0].map(function (h) { return String(h).normalize('NFC').trim(); }).indexOf('Giá trị');
  for (var r = 1; r < values.length; r++) {
    if (k >= 0 && v >= 0 && String(values[r][k]).normalize('NFC').trim() === key) return String(values[r][v]).normalize('NFC').trim();
  }
  return '';
}

/**
 * How many reissues of a unit's secret are in force at "now": the dates of its reissue cell (a date, or texts
 * dd/MM/yyyy [HH:mm] separated by , ; or new lines) on or before now. The functions read the cell the same way.
 */
function thiduaGeneration_(cell, timeZone, now) {
  if (cell === '' || cell === null || cell === undefined) return 0;
  var dates = [];
  if (cell instanceof Date) dates.push(cell);
  else {
    String(cell).split(/[,;\n]+/).forEach(function (part) {
      var m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(part.trim());
      if (!m) return;
      var text = m[1] + '/' + m[2] + '/' + m[3] + ' ' + (m[4] || '0') + ':' + (m[5] || '00');
      dates.push(Utilities.parseDate(text, timeZone, 'd/M/yyyy H:mm'));
    });
  }
  return dates.filter(function (d) { return d.getTime() <= now.getTime(); }).length;
}

/**
 * Rewrites the form-links tab. Per form, ONE prefilled URL is asked of Google, with placeholders for the unit code and
 * the secret: it is written as the form's template row (the functions fill it for every email), then filled as text
 * for each unit. Asking Google for a prefilled URL per unit and form took 40,000 calls at 10,000 units, past the six
 * minutes Apps Script gives one execution.
 */
function thiduaWriteFormLinks() {
  var spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  var props = thiduaProps_();
  var key = props.getProperty('UNIT_SECRET_KEY') || '';
  var required = thiduaSetting_(spreadsheet, THIDUA_NAMES.secretSetting).toLowerCase() !== 'không';
  if (required && key.length < 32) {
    throw new Error('Chưa đặt UNIT_SECRET_KEY (ít nhất 32 ký tự, giống biến UNIT_SECRET_KEY của các hàm) trong Thuộc tính tập lệnh; ' +
      'không có khóa thì không sinh được mã xác thực của đơn vị. Nếu phong trào chạy trên mạng nội bộ khép kín, đặt "' +
      THIDUA_NAMES.secretSetting + '" là "Không" trong trang "' + THIDUA_NAMES.configTab + '".');
  }
  var timeZone = thiduaSetting_(spreadsheet, 'Múi giờ') || spreadsheet.getSpreadsheetTimeZone();
  var now = new Date();
  var units = spreadsheet.getSheetByName(THIDUA_NAMES.unitsTab);
  if (!units) throw new Error('Không tìm thấy trang "' + THIDUA_NAMES.unitsTab + '".');
  var codeColumn = thiduaColumn_(units, THIDUA_NAMES.unitCodeHeader);
  if (codeColumn === 0) throw new Error('Trang "' + THIDUA_NAMES.unitsTab + '" thiếu cột "' + THIDUA_NAMES.unitCodeHeader + '".');
  var reissueColumn = thiduaColumn_(units, THIDUA_NAMES.reissuedHeader);
  var unitValues = units.getLastRow() < 2 ? [] : units.getRange(2, 1, units.getLastRow() - 1, units.getLastColumn()).getValues();
  var seen = {};
  var list = [];
  unitValues.forEach(function (r) {
    var code = String(r[codeColumn - 1]).normalize('NFC').trim().toUpperCase();
    if (code === '' || seen[code]) return;
    seen[code] = true;
    var generation = reissueColumn === 0 ? 0 : thiduaGeneration_(r[reissueColumn - 1], timeZone, now);
    list.push({ code: code, secret: key ? thiduaUnitSecret_(key, code, generation) : '' });
  });
  var rows = [];
  var forms = 0;
  THIDUA_FORMS.forEach(function (def) {
    var id = props.getProperty(def.key);
    if (!id) return;
    var form = FormApp.openById(id);
    var texts = form.getItems(FormApp.ItemType.TEXT);
    var codeItem = texts.filter(function (i) { return i.getTitle() === THIDUA_NAMES.unitCodeHeader; })[0];
    var secretItem = texts.filter(function (i) { return i.getTitle() === THIDUA_NAMES.secretHeader; })[0];
    if (!codeItem) return;
    var response = form.createResponse().withItemResponse(codeItem.asTextItem().createResponse(THIDUA_NAMES.unitPlaceholder));
    if (secretItem) response = response.withItemResponse(secretItem.asTextItem().createResponse(THIDUA_NAMES.secretPlaceholder));
    var template = response.toPrefilledUrl();
    forms++;
    rows.push({ code: THIDUA_NAMES.everyUnit, tab: def.tab, url: template });
    list.forEach(function (u) {
      var url = template.split(THIDUA_NAMES.unitPlaceholder).join(encodeURIComponent(u.code))
        .split(THIDUA_NAMES.secretPlaceholder).join(encodeURIComponent(u.secret));
      rows.push({ code: u.code, tab: def.tab, url: url });
    });
  });
  var sheet = spreadsheet.getSheetByName(THIDUA_NAMES.formLinksTab) || spreadsheet.insertSheet(THIDUA_NAMES.formLinksTab);
  var cCode = thiduaEnsureColumn_(sheet, 'Mã đơn vị');
  var cForm = thiduaEnsureColumn_(sheet, 'Biểu mẫu');
  var cLink = thiduaEnsureColumn_(sheet, 'Liên kết');
  var width = sheet.getLastColumn();
  if (sheet.getLastRow() > 1) sheet.getRange(2, 1, sheet.getLastRow() - 1, width).clearContent();
  if (rows.length === 0) return 'Chưa có biểu mẫu hoặc đơn vị nào; không ghi liên kết.';
  var values = rows.map(function (r) {
    var line = [];
    for (var i = 0; i < width; i++) line.push('');
    line[cCode - 1] = r.code;
    line[cForm - 1] = r.tab;
    line[cLink - 1] = r.url;
    return line;
  });
  if (sheet.getMaxRows() < values.length + 1) sheet.insertRowsAfter(sheet.getMaxRows(), values.length + 1 - sheet.getMaxRows());
  sheet.getRange(2, 1, values.length, width).setValues(values);
  var message = 'Đã ghi ' + forms + ' mẫu liên kết và ' + (forms * list.length) + ' liên kết biểu mẫu (' + forms +
    ' biểu mẫu × ' + list.length + ' đơn vị), kèm mã xác thực.';
  Logger.log(message);
  return message;
}
`;

/** File name → JavaScript source. */
export const SCRIPT_FILES: Readonly<Record<string, string>> = {
  'Menu.gs': MENU.trimStart(),
  'Forms.gs': FORMS.trimStart(),
  'Trigger.gs': TRIGGER.trimStart(),
  'Links.gs': LINKS.trimStart(),
};
