// Rollup.gs: the menu's "Tổng hợp cấp dưới", which asks the rollup function to read the child campaigns of `Đơn vị`
// now rather than at the next 06:00 run.

/**
 * Calls the rollup function (script property ROLLUP_URL) and shows the coordinator what it did.
 * @returns {string}
 */
function thiduaRollUp() {
  return thiduaMenuJob_({
    title: 'Tổng hợp cấp dưới',
    job: 'rollup',
    urlProperty: 'ROLLUP_URL',
    failed: 'Chưa tổng hợp được cấp dưới',
    // UrlFetchApp gives up after a few minutes; reading hundreds of children at Google's 60 reads a minute takes
    // longer, and the function goes on and fills the tab when it is done.
    pending:
      'Chưa nhận được trả lời của hàm tổng hợp ({error}). Hàm có thể vẫn đang đọc bảng tính cấp dưới: xem trang "' +
      THIDUA_NAMES.childrenTab +
      '" sau vài phút.',
  });
}

/**
 * @param {number} status
 * @param {string} text
 * @returns {string}
 */
function thiduaRollupMessage_(status, text) {
  return thiduaAnswerMessage_(status, text, 'Chưa tổng hợp được cấp dưới');
}
