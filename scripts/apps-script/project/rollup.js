// Rollup.gs: the menu's "Tổng hợp cấp dưới", which asks the rollup function to read the child campaigns of `Đơn vị`
// now rather than at the next 06:00 run.

/**
 * Calls the rollup function (script property ROLLUP_URL), signed with INGEST_SECRET like the form trigger, and shows
 * the coordinator what it did.
 * @returns {string}
 */
function thiduaRollUp() {
  var props = thiduaProps_();
  var url = props.getProperty('ROLLUP_URL');
  var secret = props.getProperty('INGEST_SECRET');
  var message;
  if (!url || !secret) {
    message =
      'Chưa đặt ROLLUP_URL hoặc INGEST_SECRET trong Thuộc tính tập lệnh (Cài đặt dự án → Thuộc tính tập lệnh); ' +
      'hãy đặt theo dòng cuối của npm run deploy rồi chọn lại mục này.';
  } else {
    try {
      var response = thiduaSignedPost_(url, secret, { from: 'menu', job: 'rollup' });
      message = thiduaRollupMessage_(response.getResponseCode(), response.getContentText());
    } catch (err) {
      // UrlFetchApp gives up after a few minutes; reading hundreds of children at Google's 60 reads a minute takes
      // longer, and the function goes on and fills the tab when it is done.
      message =
        'Chưa nhận được trả lời của hàm tổng hợp (' +
        String(err) +
        '). Hàm có thể vẫn đang đọc bảng tính cấp dưới: xem trang "' +
        THIDUA_NAMES.childrenTab +
        '" sau vài phút.';
    }
  }
  var ui = SpreadsheetApp.getUi();
  ui.alert('Tổng hợp cấp dưới', message, ui.ButtonSet.OK);
  return message;
}

/**
 * @param {number} status
 * @param {string} text
 * @returns {string}
 */
function thiduaRollupMessage_(status, text) {
  return thiduaAnswerMessage_(status, text, 'Chưa tổng hợp được cấp dưới');
}
