// Every line a unit or coordinator reads about a response: one plain-Vietnamese sentence naming the question.
import { formatNumber } from '../core/format.ts';

const QUOTE_LIMIT = 60;

/** The unit's input, quoted and cut to a readable length. */
function quote(text: string): string {
  const chars = [...text];
  return `"${chars.length > QUOTE_LIMIT ? `${chars.slice(0, QUOTE_LIMIT).join('')}…` : text}"`;
}

const q = (header: string) => `Câu "${header}"`;
const typed = (text: string) => `(đơn vị đã nhập ${quote(text)})`;

export const msg = {
  required: (header: string) => `${q(header)}: bắt buộc trả lời nhưng đang để trống.`,
  requiredWhen: (header: string, other: string, value: string) =>
    `${q(header)}: bắt buộc trả lời khi "${other}" là "${value}" nhưng đang để trống.`,
  requiredWhenBoth: (header: string, first: readonly [string, string], second: readonly [string, string]) =>
    `${q(header)}: bắt buộc trả lời khi "${first[0]}" là "${first[1]}" và "${second[0]}" là "${second[1]}" nhưng đang để trống.`,
  date: (header: string, text: string) =>
    `${q(header)}: phải là một ngày có thật, ghi theo dạng ngày/tháng/năm (dd/MM/yyyy), ví dụ 05/03/1980 ${typed(text)}.`,
  dateAfter: (header: string, day: string, submitted: string) =>
    `${q(header)}: ngày ${day} muộn hơn ngày gửi (${submitted}); hãy kiểm tra lại năm.`,
  dateTooEarly: (header: string, day: string, years: number) =>
    `${q(header)}: ngày ${day} cách ngày gửi hơn ${years} năm; hãy kiểm tra lại năm.`,
  integer: (header: string, text: string) => `${q(header)}: phải là số nguyên không âm ${typed(text)}.`,
  range: (header: string, min: number, max: number, text: string) =>
    `${q(header)}: phải từ ${formatNumber(min)} đến ${formatNumber(max)} ${typed(text)}.`,
  percent: (header: string, text: string) => `${q(header)}: phải là tỷ lệ phần trăm từ 0 đến 100 ${typed(text)}.`,
  score: (header: string, max: number, text: string) =>
    `${q(header)}: điểm phải là số từ 0 đến ${formatNumber(max)} ${typed(text)}.`,
  email: (header: string, text: string) => `${q(header)}: không phải địa chỉ email hợp lệ ${typed(text)}.`,
  url: (header: string, text: string) =>
    `${q(header)}: phải là một đường liên kết bắt đầu bằng https:// hoặc http://, ví dụ https://drive.google.com/… ${typed(text)}.`,
  choice: (header: string, options: readonly string[], text: string) =>
    `${q(header)}: phải là một trong các lựa chọn ${options.map((o) => `"${o}"`).join(', ')} ${typed(text)}.`,
  tooLong: (header: string, max: number, length: number) =>
    `${q(header)}: dài quá ${formatNumber(max)} ký tự (đơn vị đã nhập ${formatNumber(length)} ký tự).`,
  unknownUnit: (header: string, code: string) =>
    `${q(header)}: không có đơn vị mã ${quote(code)} trong danh sách đơn vị; hãy kiểm tra lại mã do Thường trực phong trào cấp.`,
  badTimestamp: (header: string, text: string) => `Cột "${header}": không đọc được thời điểm nộp ${typed(text)}.`,
  implausibleTimestamp: (header: string, text: string, first: number, last: number) =>
    `Cột "${header}": không đọc được thời điểm nộp ${quote(text)}, vì đó không phải một ngày trong khoảng năm ${first}–${last}; hãy kiểm tra lại ô này.`,
  atMost: (header: string, other: string, values: readonly [number, number] | null) =>
    `${q(header)}: không được lớn hơn câu "${other}"` +
    (values ? ` (${formatNumber(values[0])} > ${formatNumber(values[1])}).` : '.'),
  /** A form rule's own reason (sheets-schema `FormRule`), after the question. */
  because: (header: string, reason: string) => `${q(header)}: ${reason}`,
  notAuthenticated: (header: string, code: string, missing: boolean) =>
    `Chưa xác thực được đơn vị: ${missing ? `câu trả lời không có "${header}"` : `"${header}" không đúng`} của đơn vị ${quote(code)}, ` +
    'nên câu trả lời này không được tính và không thay thế câu trả lời nào. Đơn vị hãy nộp bằng đường liên kết riêng trong thư ' +
    'Thường trực phong trào gửi tới địa chỉ email đã đăng ký của đơn vị.',
  wrongUnitType: (header: string, code: string, type: string, expected: string) =>
    `${q(header)}: đơn vị ${quote(code)} thuộc loại hình "${type === '' ? 'chưa ghi' : type}" trong danh sách đơn vị, nên phải chọn "${expected}" và chấm các tiêu chí của loại hình đó; nếu danh sách đơn vị ghi sai loại hình, hãy báo Thường trực phong trào.`,
  notForUnitType: (header: string, type: string) =>
    `${q(header)}: tiêu chí này không áp dụng cho đơn vị loại hình "${type}" (theo trang Tiêu chí); hãy để trống và chỉ chấm các tiêu chí của loại hình mình.`,
  superseded: (when: string) => `Đã thay thế bằng lần nộp sau (${when}).`,
};
