// Documents.gs: the menu's "Tạo văn bản báo cáo", which asks the documents function to make every report and
// commendation file now and put them in the Drive folder of the settings tab.

/**
 * Calls the documents function (script property DOCUMENTS_URL), signed with INGEST_SECRET like the form trigger, and
 * shows the coordinator what it did.
 * @returns {string}
 */
function thiduaMakeDocuments() {
  var props = thiduaProps_();
  var url = props.getProperty('DOCUMENTS_URL');
  var secret = props.getProperty('INGEST_SECRET');
  var message;
  if (!url || !secret) {
    message =
      'Chưa đặt DOCUMENTS_URL hoặc INGEST_SECRET trong Thuộc tính tập lệnh (Cài đặt dự án → Thuộc tính tập lệnh); ' +
      'hãy đặt theo dòng cuối của npm run deploy rồi chọn lại mục này.';
  } else {
    try {
      var response = thiduaSignedPost_(url, secret, { from: 'menu', job: 'documents' });
      message = thiduaDocumentsMessage_(response.getResponseCode(), response.getContentText());
    } catch (err) {
      // UrlFetchApp gives up on a slow answer; the function goes on and fills the Văn bản tab when it is done.
      message =
        'Chưa nhận được trả lời của hàm tạo văn bản (' +
        String(err) +
        '). Hàm có thể vẫn đang chạy: xem trang "' +
        THIDUA_NAMES.documentsTab +
        '" sau vài phút.';
    }
  }
  var ui = SpreadsheetApp.getUi();
  ui.alert('Tạo văn bản báo cáo', message, ui.ButtonSet.OK);
  return message;
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
