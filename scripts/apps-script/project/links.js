// Links.gs: each unit's prefilled form links, carrying its code and its secret.

/**
 * Lower-case hex of the first bytes of HMAC-SHA256(key, "<code>|<generation>"): the unit's secret exactly as
 * functions/core/unit-secret.ts derives it.
 * @param {string} key
 * @param {string} code
 * @param {number} generation
 */
function thiduaUnitSecret_(key, code, generation) {
  var bytes = Utilities.computeHmacSha256Signature(code + '|' + generation, key, Utilities.Charset.UTF_8);
  return thiduaHex_(bytes).slice(0, THIDUA_NAMES.secretLength);
}

/**
 * A value of the campaign settings tab, '' when absent.
 * @param {GoogleAppsScript.Spreadsheet.Spreadsheet} spreadsheet
 * @param {string} key
 */
function thiduaSetting_(spreadsheet, key) {
  var sheet = spreadsheet.getSheetByName(THIDUA_NAMES.configTab);
  if (!sheet || sheet.getLastRow() < 2) return '';
  var values = sheet.getDataRange().getValues();
  var k = values[0]
    .map(function (h) {
      return String(h).normalize('NFC').trim();
    })
    .indexOf('Khóa');
  var v = values[0]
    .map(function (h) {
      return String(h).normalize('NFC').trim();
    })
    .indexOf('Giá trị');
  for (var r = 1; r < values.length; r++) {
    if (k >= 0 && v >= 0 && String(values[r][k]).normalize('NFC').trim() === key)
      return String(values[r][v]).normalize('NFC').trim();
  }
  return '';
}

/**
 * How many reissues of a unit's secret are in force at "now": the dates of its reissue cell (a date, or texts
 * dd/MM/yyyy [HH:mm] separated by , ; or new lines) on or before now. The functions read the cell the same way.
 * @param {CellValue | null | undefined} cell
 * @param {string} timeZone
 * @param {Date} now
 */
function thiduaGeneration_(cell, timeZone, now) {
  if (cell === '' || cell === null || cell === undefined) return 0;
  /** @type {Date[]} */
  var dates = [];
  if (cell instanceof Date) dates.push(cell);
  else {
    String(cell)
      .split(/[,;\n]+/)
      .forEach(function (part) {
        var m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(part.trim());
        if (!m) return;
        var text = m[1] + '/' + m[2] + '/' + m[3] + ' ' + (m[4] || '0') + ':' + (m[5] || '00');
        dates.push(Utilities.parseDate(text, timeZone, 'd/M/yyyy H:mm'));
      });
  }
  return dates.filter(function (d) {
    return d.getTime() <= now.getTime();
  }).length;
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
    throw new Error(
      'Chưa đặt UNIT_SECRET_KEY (ít nhất 32 ký tự, giống biến UNIT_SECRET_KEY của các hàm) trong Thuộc tính tập lệnh; ' +
        'không có khóa thì không sinh được mã xác thực của đơn vị. Nếu phong trào chạy trên mạng nội bộ khép kín, đặt "' +
        THIDUA_NAMES.secretSetting +
        '" là "Không" trong trang "' +
        THIDUA_NAMES.configTab +
        '".',
    );
  }
  var timeZone = thiduaSetting_(spreadsheet, 'Múi giờ') || spreadsheet.getSpreadsheetTimeZone();
  var now = new Date();
  var units = spreadsheet.getSheetByName(THIDUA_NAMES.unitsTab);
  if (!units) throw new Error('Không tìm thấy trang "' + THIDUA_NAMES.unitsTab + '".');
  var codeColumn = thiduaColumn_(units, THIDUA_NAMES.unitCodeHeader);
  if (codeColumn === 0)
    throw new Error('Trang "' + THIDUA_NAMES.unitsTab + '" thiếu cột "' + THIDUA_NAMES.unitCodeHeader + '".');
  var reissueColumn = thiduaColumn_(units, THIDUA_NAMES.reissuedHeader);
  var unitValues =
    units.getLastRow() < 2
      ? []
      : /** @type {CellValue[][]} */ (units.getRange(2, 1, units.getLastRow() - 1, units.getLastColumn()).getValues());
  /** @type {Record<string, boolean>} */
  var seen = {};
  /** @type {{ code: string, secret: string }[]} */
  var list = [];
  unitValues.forEach(function (r) {
    var code = String(r[codeColumn - 1])
      .normalize('NFC')
      .trim()
      .toUpperCase();
    if (code === '' || seen[code]) return;
    seen[code] = true;
    var generation = reissueColumn === 0 ? 0 : thiduaGeneration_(r[reissueColumn - 1], timeZone, now);
    list.push({ code: code, secret: key ? thiduaUnitSecret_(key, code, generation) : '' });
  });
  /** @type {{ code: string, tab: string, url: string }[]} */
  var rows = [];
  var forms = 0;
  THIDUA_FORMS.forEach(function (def) {
    var id = props.getProperty(def.key);
    if (!id) return;
    var form = FormApp.openById(id);
    var texts = form.getItems(FormApp.ItemType.TEXT);
    var codeItem = texts.filter(function (i) {
      return i.getTitle() === THIDUA_NAMES.unitCodeHeader;
    })[0];
    var secretItem = texts.filter(function (i) {
      return i.getTitle() === THIDUA_NAMES.secretHeader;
    })[0];
    if (!codeItem) return;
    var response = form
      .createResponse()
      .withItemResponse(codeItem.asTextItem().createResponse(THIDUA_NAMES.unitPlaceholder));
    if (secretItem)
      response = response.withItemResponse(secretItem.asTextItem().createResponse(THIDUA_NAMES.secretPlaceholder));
    var template = response.toPrefilledUrl();
    forms++;
    rows.push({ code: THIDUA_NAMES.everyUnit, tab: def.tab, url: template });
    list.forEach(function (u) {
      var url = template
        .split(THIDUA_NAMES.unitPlaceholder)
        .join(encodeURIComponent(u.code))
        .split(THIDUA_NAMES.secretPlaceholder)
        .join(encodeURIComponent(u.secret));
      rows.push({ code: u.code, tab: def.tab, url: url });
    });
  });
  var sheet =
    spreadsheet.getSheetByName(THIDUA_NAMES.formLinksTab) || spreadsheet.insertSheet(THIDUA_NAMES.formLinksTab);
  var cCode = thiduaEnsureColumn_(sheet, 'Mã đơn vị');
  var cForm = thiduaEnsureColumn_(sheet, 'Biểu mẫu');
  var cLink = thiduaEnsureColumn_(sheet, 'Liên kết');
  var width = sheet.getLastColumn();
  if (sheet.getLastRow() > 1) sheet.getRange(2, 1, sheet.getLastRow() - 1, width).clearContent();
  if (rows.length === 0) return 'Chưa có biểu mẫu hoặc đơn vị nào; không ghi liên kết.';
  var values = rows.map(function (r) {
    /** @type {string[]} */
    var line = [];
    for (var i = 0; i < width; i++) line.push('');
    line[cCode - 1] = r.code;
    line[cForm - 1] = r.tab;
    line[cLink - 1] = r.url;
    return line;
  });
  if (sheet.getMaxRows() < values.length + 1)
    sheet.insertRowsAfter(sheet.getMaxRows(), values.length + 1 - sheet.getMaxRows());
  sheet.getRange(2, 1, values.length, width).setValues(values);
  var message =
    'Đã ghi ' +
    forms +
    ' mẫu liên kết và ' +
    forms * list.length +
    ' liên kết biểu mẫu (' +
    forms +
    ' biểu mẫu × ' +
    list.length +
    ' đơn vị), kèm mã xác thực.';
  Logger.log(message);
  return message;
}
