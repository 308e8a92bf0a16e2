// Yearend.gs: the menu's year-end items, run by the yearend function (script property YEAREND_URL): "Ghi quyết định
// vào sổ" records the year's decisions into the registry; "Tạo chiến dịch năm sau" makes next year's campaign.

/**
 * Asks the function to record the decisions typed in the decisions tab; running it again adds nothing.
 * @returns {string}
 */
function thiduaRecordDecisions() {
  return thiduaMenuJob_({
    title: 'Ghi quyết định vào sổ',
    job: 'record-decisions',
    urlProperty: 'YEAREND_URL',
    failed: 'Chưa ghi được quyết định vào sổ',
    pending:
      'Chưa nhận được trả lời của hàm ghi sổ ({error}). Hàm có thể vẫn đang ghi: chọn lại mục này sau vài phút, ' +
      'những dòng đã ghi không bị ghi lại.',
  });
}

/**
 * Creates next year's spreadsheet as the coordinator (the functions' service account has no Drive storage to own a
 * file), shares it with that account as an editor, and asks the function to fill it: setup, then this year's units,
 * criteria, catalogue, targets, settings and registry, dates a year on.
 * @returns {string}
 */
function thiduaNewYear() {
  var title = 'Tạo chiến dịch năm sau';
  var props = thiduaProps_();
  var account = props.getProperty('FUNCTIONS_SERVICE_ACCOUNT');
  var made = thiduaSetting_(SpreadsheetApp.getActiveSpreadsheet(), THIDUA_NAMES.nextYearSetting);
  var message;
  if (!props.getProperty('YEAREND_URL') || !props.getProperty('INGEST_SECRET') || !account) {
    message = thiduaMissingProperty_('YEAREND_URL, INGEST_SECRET hoặc FUNCTIONS_SERVICE_ACCOUNT');
  } else if (made) {
    // Checked here too, so that no empty spreadsheet is left behind; the function checks again.
    message =
      'Phong trào năm sau đã được tạo: ' +
      made +
      '. Không tạo lần thứ hai; nếu bảng tính đó đã bị xóa, hãy xóa ô "' +
      THIDUA_NAMES.nextYearSetting +
      '" của trang "' +
      THIDUA_NAMES.configTab +
      '" rồi chọn lại mục này.';
  } else {
    // The function gives it its title once it has read this year's settings.
    var book = SpreadsheetApp.create('Thi đua năm sau (đang tạo)');
    book.addEditor(account);
    var answer = thiduaMenuCall_(
      {
        title: title,
        job: 'new-year',
        urlProperty: 'YEAREND_URL',
        failed: 'Chưa tạo được chiến dịch năm sau',
        pending:
          'Chưa nhận được trả lời của hàm tạo năm mới ({error}). Hàm có thể vẫn đang điền bảng tính ' +
          book.getUrl() +
          ': mở bảng tính đó sau vài phút.',
      },
      { spreadsheetId: book.getId() },
    );
    message = answer.message;
    if (!answer.done && message.indexOf(book.getUrl()) < 0)
      message += '\n\nBảng tính trống vừa tạo không được dùng, có thể xóa: ' + book.getUrl();
  }
  thiduaAlert_(title, message);
  return message;
}
