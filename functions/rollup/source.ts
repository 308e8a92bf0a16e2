// Where a body's figures come from: the child spreadsheet named in `Mã bảng tính`, checked before Google is asked.

/** Google's spreadsheet ids are letters, digits, `-` and `_`: the `<id>` of `…/spreadsheets/d/<id>/edit`. */
const ID = /^[A-Za-z0-9_-]{1,100}$/;
const ADDRESS = /^https:\/\/docs\.google\.com\/spreadsheets\/(?:u\/\d+\/)?d\/([A-Za-z0-9_-]{1,100})(?:[/?#]|$)/;

export type SpreadsheetRef = { readonly id: string } | { readonly error: string };

/**
 * `Mã bảng tính` as a spreadsheet id: the id itself, or the spreadsheet's address as the browser shows it. Anything
 * else is refused with a Vietnamese reason and never sent to Google (it would land in a request path).
 */
export function childSpreadsheetId(text: string): SpreadsheetRef {
  const value = text.trim();
  if (ID.test(value)) return { id: value };
  const address = ADDRESS.exec(value);
  if (address) return { id: address[1] };
  return {
    error:
      `Mã bảng tính "${value}" không hợp lệ: nhập mã của bảng tính cấp dưới (chữ, số, dấu "-" và "_", là phần sau ` +
      '"/d/" trong địa chỉ bảng tính) hoặc dán cả địa chỉ bảng tính.',
  };
}
