// Documents.gs: the menu's "Tạo văn bản báo cáo", which asks the documents function to make every report and
// commendation file now and put them in the Drive folder of the settings tab.

/**
 * Calls the documents function (script property DOCUMENTS_URL) and shows the coordinator what it did.
 * @returns {string}
 */
function thiduaMakeDocuments() {
  return thiduaMenuJob_({
    title: 'Tạo văn bản báo cáo',
    job: 'documents',
    urlProperty: 'DOCUMENTS_URL',
    failed: 'Chưa tạo được văn bản',
    // UrlFetchApp gives up on a slow answer; the function goes on and fills the Văn bản tab when it is done.
    pending:
      'Chưa nhận được trả lời của hàm tạo văn bản ({error}). Hàm có thể vẫn đang chạy: xem trang "' +
      THIDUA_NAMES.documentsTab +
      '" sau vài phút.',
  });
}

/**
 * The function's answer as the coordinator reads it: its summary lines, or its Vietnamese error.
 * @param {number} status
 * @param {string} text
 * @returns {string}
 */
function thiduaDocumentsMessage_(status, text) {
  return thiduaAnswerMessage_(status, text, 'Chưa tạo được văn bản');
}
