// `npm run document-templates`: writes the default .docx templates of templates/documents/ in the layout of Nghị định
// 30/2020/NĐ-CP, Phụ lục I (A4; Times New Roman; margins 20/20/30/15 mm; national motto block; issuing body; number
// and symbol; place and date; title; body; recipients; signature). Run it after changing this file and commit the
// .docx files: coordinators edit the templates themselves in Word or LibreOffice, never this script.
import { mkdirSync, writeFileSync } from 'node:fs';
import JSZip from 'jszip';
import path from 'node:path';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  Tab,
  TabStopType,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { TEMPLATE_FILES } from '../../functions/documents/index.ts';
import { parseCommandLine } from '../cli/args.ts';

const FONT = 'Times New Roman';
/** Millimetres in twentieths of a point, rounded (docx's own conversion rounds down: 20 mm would be 1133, not 1134). */
const mm = (millimetres: number) => Math.round((millimetres * 1440) / 25.4);
/** Sizes in points, as Phụ lục I gives them for each part. */
const PT = { motto: 12, slogan: 13, body: 14, number: 13, recipientsLabel: 12, recipients: 11, table: 12 } as const;
const half = (pt: number) => pt * 2;

// Word's own A4 in twentieths of a point (docx's millimetre conversion rounds down to 11905 × 16837).
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15), header: mm(10), footer: mm(10) };
const PORTRAIT_TEXT = A4.width - MARGIN.left - MARGIN.right;
const LANDSCAPE_TEXT = A4.height - MARGIN.left - MARGIN.right;

interface RunStyle {
  readonly bold?: boolean;
  readonly italics?: boolean;
  readonly size?: number;
}

interface ParaStyle extends RunStyle {
  readonly align?: (typeof AlignmentType)[keyof typeof AlignmentType];
  /** First-line indent of body text (1 cm, as is usual). */
  readonly indent?: boolean;
  readonly after?: number;
  readonly before?: number;
  readonly keepNext?: boolean;
}

function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({ text, bold: style.bold, italics: style.italics, size: half(style.size ?? PT.body), font: FONT });
}

/** A paragraph of runs; `**bold**` spans in `text` are bold. */
function para(text: string | TextRun[], style: ParaStyle = {}): Paragraph {
  const children =
    typeof text === 'string'
      ? text
          .split(/(\*\*[^*]+\*\*)/)
          .filter((t) => t !== '')
          .map((t) => (t.startsWith('**') ? run(t.slice(2, -2), { ...style, bold: true }) : run(t, style)))
      : text;
  return new Paragraph({
    children,
    alignment: style.align ?? AlignmentType.JUSTIFIED,
    indent: style.indent ? { firstLine: mm(10) } : undefined,
    spacing: { before: style.before ?? 0, after: style.after ?? 120, line: 300 },
    keepNext: style.keepNext,
  });
}

/** A label followed by a dotted line to the right margin, for the unit to complete by hand or in Word. */
function blank(label: string, width: number): Paragraph {
  return new Paragraph({
    children: [run(label), new TextRun({ children: [new Tab()], font: FONT, size: half(PT.body) })],
    tabStops: [{ type: TabStopType.RIGHT, position: width, leader: 'dot' }],
    indent: { firstLine: mm(10) },
    spacing: { before: 0, after: 120, line: 300 },
  });
}

const center = (text: string, style: ParaStyle = {}) => para(text, { align: AlignmentType.CENTER, after: 0, ...style });
const body = (text: string, style: ParaStyle = {}) => para(text, { indent: true, ...style });
const heading = (text: string) => body(`**${text}**`, { keepNext: true });

/** A solid rule centred under a line of `length` in a box `width` wide (the decree's "đường kẻ ngang, nét liền"). */
function rule(length: number, width: number): Paragraph {
  const side = Math.max(0, Math.round((width - length) / 2));
  return new Paragraph({
    children: [run('', { size: 2 })],
    indent: { left: side, right: side },
    spacing: { before: 0, after: 60, line: 240 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
  });
}

/** Paragraphs repeated for each item of the list `name` (the tags stand alone so their paragraphs vanish). */
function each(name: string, content: Paragraph[], otherwise?: Paragraph[]): Paragraph[] {
  const loop = [para(`{#${name}}`), ...content, para(`{/${name}}`)];
  return otherwise ? [...loop, para(`{^${name}}`), ...otherwise, para(`{/${name}}`)] : loop;
}

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const GRID = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

function cell(children: Paragraph[], width: number): TableCell {
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
  });
}

/** Two borderless columns side by side (letterhead, signature). */
function columns(left: Paragraph[], right: Paragraph[], widths: readonly [number, number]): Table {
  return new Table({
    width: { size: widths[0] + widths[1], type: WidthType.DXA },
    columnWidths: [...widths],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    // One unbreakable row: a signature never leaves its title on the page before.
    rows: [new TableRow({ cantSplit: true, children: [cell(left, widths[0]), cell(right, widths[1])] })],
  });
}

const MOTTO = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const SLOGAN = 'Độc lập - Tự do - Hạnh phúc';
/** Rough widths of the two motto lines (bold Times New Roman), for the rule under the slogan. */
const SLOGAN_WIDTH = mm(63);

/** The motto block: motto, slogan, the rule under it; then place and date when `dated`. */
function mottoBlock(width: number, dated: boolean): Paragraph[] {
  return [
    center(MOTTO, { bold: true, size: PT.motto }),
    center(SLOGAN, { bold: true, size: PT.slogan }),
    rule(SLOGAN_WIDTH, width),
    ...(dated
      ? [center('{dia_danh}, ngày      tháng      năm {nam}', { italics: true, size: PT.body, before: 60 })]
      : []),
  ];
}

/**
 * The top of the first page (Phụ lục I, Mục IV): issuing body with its parent above, number and symbol (ô 1–3) on
 * the left; motto, slogan, place and date (ô 4) on the right.
 */
function letterhead(width: number, symbol: string | null, body = '{co_quan_ban_hanh}', parent = true): Table {
  const left = Math.round(width * 0.4);
  const right = width - left;
  return columns(
    [
      ...(parent
        ? [para('{#co_quan_chu_quan}'), center('{co_quan_chu_quan}', { size: PT.motto }), para('{/co_quan_chu_quan}')]
        : []),
      center(body, { bold: true, size: PT.motto }),
      rule(mm(25), left),
      ...(symbol ? [center(`Số:        /${symbol}-{ky_hieu}`, { size: PT.number })] : []),
    ],
    mottoBlock(right, true),
    [left, right],
  );
}

function title(kind: string, summary: string[]): Paragraph[] {
  return [
    center(kind, { bold: true, size: PT.body, before: 240 }),
    ...summary.map((s) => center(s, { bold: !s.startsWith('('), italics: s.startsWith('('), size: PT.body })),
    rule(mm(30), PORTRAIT_TEXT),
    para('', { after: 60 }),
  ];
}

/** "Kính gửi": one addressee on the line itself, several one per line below it (Phụ lục I, Mục II.9). */
function addressees(): Paragraph[] {
  const list = { indent: { left: mm(55) } };
  return [
    para('{#mot_noi_nhan}'),
    center('Kính gửi: {kinh_gui}', { after: 240 }),
    para('{/mot_noi_nhan}'),
    para('{^mot_noi_nhan}'),
    new Paragraph({ children: [run('Kính gửi:')], indent: { left: mm(35) }, spacing: { after: 0 } }),
    para('{#noi_nhan}'),
    new Paragraph({ children: [run('- {ten};')], ...list, spacing: { after: 0 } }),
    para('{/noi_nhan}'),
    para('', { after: 120 }),
    para('{/mot_noi_nhan}'),
  ];
}

/** Nơi nhận: the recipients of `Cấu hình` one by one, or "Như trên" when the document already names them. */
function recipientsBlock(asAbove: boolean): Paragraph[] {
  const line = (t: string) => para(t, { size: PT.recipients, after: 0, align: AlignmentType.LEFT });
  return [
    para('Nơi nhận:', { bold: true, italics: true, size: PT.recipientsLabel, after: 0, align: AlignmentType.LEFT }),
    ...(asAbove ? [line('- Như trên;')] : each('noi_nhan', [line('- {ten};')])),
    para('- Lưu: VT.', { size: PT.recipients, after: 0, align: AlignmentType.LEFT }),
  ];
}

function signer(): Paragraph[] {
  return [
    para('{#quyen_han}'),
    center('{quyen_han}', { bold: true }),
    para('{/quyen_han}'),
    center('{chuc_vu_nguoi_ky}', { bold: true }),
    para('', { after: 1500 }),
    center('{nguoi_ky}', { bold: true }),
  ];
}

/** Nơi nhận on the left, the signature (quyền hạn, chức vụ, họ tên) on the right (ô 7–9). */
function closing(width: number, recipients: Paragraph[], signature: Paragraph[]): Table {
  const left = Math.round(width * 0.45);
  return columns(
    [para('', { after: 120 }), ...recipients],
    [para('', { after: 120 }), ...signature],
    [left, width - left],
  );
}

interface Column {
  readonly header: string;
  /** Share of the table's width. */
  readonly share: number;
  readonly value: string;
  readonly align?: (typeof AlignmentType)[keyof typeof AlignmentType];
}

/** A ruled table with a header row repeated on each page and one row per item of the list `name`. */
function dataTable(name: string, cols: readonly Column[], width: number): Table {
  const total = cols.reduce((a, c) => a + c.share, 0);
  const widths = cols.map((c) => Math.round((c.share / total) * width));
  const cellPara = (text: string, style: ParaStyle) => para(text, { size: PT.table, after: 0, ...style });
  const padded = (children: Paragraph[], w: number) =>
    new TableCell({
      children,
      width: { size: w, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
    });
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: GRID,
    rows: [
      new TableRow({
        tableHeader: true,
        children: cols.map((c, i) =>
          padded([cellPara(c.header, { bold: true, align: AlignmentType.CENTER })], widths[i]),
        ),
      }),
      new TableRow({
        cantSplit: true,
        children: cols.map((c, i) => {
          const first = i === 0 ? `{#${name}}` : '';
          const last = i === cols.length - 1 ? `{/${name}}` : '';
          return padded([cellPara(`${first}${c.value}${last}`, { align: c.align ?? AlignmentType.LEFT })], widths[i]);
        }),
      }),
    ],
  });
}

function page(children: (Paragraph | Table)[], landscape = false): Document {
  return new Document({
    creator: 'Thi đua',
    lastModifiedBy: 'Thi đua',
    styles: { default: { document: { run: { font: FONT, size: half(PT.body) } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { ...A4, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
            margin: MARGIN,
          },
        },
        // Page numbers centred in the top margin, none on the first page (Phụ lục I, Mục I.7).
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: half(PT.body) })],
              }),
            ],
          }),
          first: new Header({ children: [new Paragraph({ children: [] })] }),
        },
        children,
      },
    ],
  });
}

/** "- Unit: text" for each unit that wrote something, or a line saying none did. */
function byUnit(name: string, none: string): Paragraph[] {
  return each(name, [body('- **{don_vi}**: {noi_dung}')], [body(none, { italics: true })]);
}

function report(final: boolean): Document {
  const stage = final ? 'tổng kết' : 'sơ kết';
  const w = PORTRAIT_TEXT;
  const figures = final
    ? dataTable(
        'chi_tieu',
        [
          { header: 'STT', share: 8, value: '{stt}', align: AlignmentType.CENTER },
          { header: 'Chỉ tiêu', share: 52, value: '{ten}' },
          { header: 'Sơ kết', share: 14, value: '{so_ket}', align: AlignmentType.RIGHT },
          { header: 'Tổng kết', share: 14, value: '{ket_qua}', align: AlignmentType.RIGHT },
          { header: 'So với sơ kết', share: 14, value: '{tang_them}', align: AlignmentType.RIGHT },
        ],
        w,
      )
    : dataTable(
        'chi_tieu',
        [
          { header: 'STT', share: 8, value: '{stt}', align: AlignmentType.CENTER },
          { header: 'Chỉ tiêu', share: 70, value: '{ten}' },
          { header: 'Kết quả', share: 24, value: '{ket_qua}', align: AlignmentType.RIGHT },
        ],
        w,
      );
  const classification = final
    ? [
        heading('3. Kết quả đánh giá, xếp loại phong trào'),
        dataTable(
          'xep_loai',
          [
            { header: 'Mức xếp loại', share: 50, value: '{muc}' },
            { header: 'Số đơn vị', share: 25, value: '{so_don_vi}', align: AlignmentType.RIGHT },
            { header: 'Tỷ lệ', share: 25, value: '{ty_le}', align: AlignmentType.RIGHT },
          ],
          w,
        ),
        para('', { after: 60 }),
        heading('4. Tiêu chuẩn "An toàn về an ninh, trật tự" (Thông tư số 124/2021/TT-BCA)'),
        dataTable(
          'an_toan',
          [
            { header: 'Loại hình', share: 50, value: '{loai_hinh}' },
            { header: 'Số đơn vị đạt', share: 25, value: '{dat}', align: AlignmentType.RIGHT },
            { header: 'Số đơn vị thuộc phạm vi', share: 25, value: '{tong}', align: AlignmentType.RIGHT },
          ],
          w,
        ),
        para('', { after: 60 }),
        heading('5. Đơn vị dẫn đầu các Cụm, Khối thi đua'),
        ...each(
          'dan_dau',
          [body('- {cum_khoi}: {don_vi} ({tong_diem} điểm).')],
          [body('Chưa có đơn vị được xếp hạng.', { italics: true })],
        ),
      ]
    : [];
  return page([
    letterhead(w, 'BC'),
    ...title('BÁO CÁO', [`${final ? 'Tổng kết' : 'Sơ kết'} {ten_phong_trao} năm {nam}`]),
    body(
      `Thực hiện {ten_phong_trao} năm {nam}, {ten_co_quan} báo cáo kết quả ${stage} như sau (số liệu tổng hợp từ báo cáo của các đơn vị, tính đến ngày {ngay_so_lieu}):`,
    ),
    heading('I. KẾT QUẢ ĐẠT ĐƯỢC'),
    heading('1. Tình hình báo cáo của các đơn vị'),
    body(
      `Có {so_da_bao_cao}/{so_don_vi} đơn vị gửi báo cáo ${stage} hợp lệ; {so_chua_bao_cao} đơn vị chưa gửi hoặc báo cáo chưa hợp lệ.`,
    ),
    heading('2. Kết quả thực hiện các chỉ tiêu'),
    figures,
    para('', { after: 60 }),
    // A campaign with child campaigns: the same indicators over its whole hierarchy (issue 19), absent otherwise.
    para('{#co_cap_duoi}'),
    body(
      `Tính cả các cấp dưới có bảng tính riêng ({so_cap_duoi_co_so_lieu}/{so_cap_duoi} cấp dưới có số liệu ở lần tổng hợp gần nhất; {so_bao_cao_ca_cap_duoi} báo cáo ${stage} hợp lệ):`,
    ),
    dataTable(
      'chi_tieu_ca_cap_duoi',
      final
        ? [
            { header: 'STT', share: 8, value: '{stt}', align: AlignmentType.CENTER },
            { header: 'Chỉ tiêu (cả cấp dưới)', share: 60, value: '{ten}' },
            { header: 'Sơ kết', share: 16, value: '{so_ket}', align: AlignmentType.RIGHT },
            { header: 'Tổng kết', share: 16, value: '{ket_qua}', align: AlignmentType.RIGHT },
          ]
        : [
            { header: 'STT', share: 8, value: '{stt}', align: AlignmentType.CENTER },
            { header: 'Chỉ tiêu (cả cấp dưới)', share: 70, value: '{ten}' },
            { header: 'Kết quả', share: 24, value: '{ket_qua}', align: AlignmentType.RIGHT },
          ],
      w,
    ),
    para('', { after: 60 }),
    para('{/co_cap_duoi}'),
    ...classification,
    heading(`${final ? 6 : 3}. Kết quả nổi bật của các đơn vị`),
    ...byUnit('noi_bat', 'Các đơn vị chưa nêu kết quả nổi bật.'),
    heading('II. HẠN CHẾ, TỒN TẠI'),
    ...byUnit('han_che', 'Các đơn vị chưa nêu hạn chế, tồn tại.'),
    heading('III. NGUYÊN NHÂN'),
    ...byUnit('nguyen_nhan', 'Các đơn vị chưa nêu nguyên nhân.'),
    heading('IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI'),
    ...byUnit('phuong_huong', 'Các đơn vị chưa nêu phương hướng, nhiệm vụ.'),
    heading('V. KIẾN NGHỊ, ĐỀ XUẤT'),
    ...byUnit('kien_nghi', 'Các đơn vị chưa có kiến nghị, đề xuất.'),
    body(`Trên đây là báo cáo ${stage} {ten_phong_trao} năm {nam} của {ten_co_quan}./.`),
    closing(w, recipientsBlock(false), signer()),
    // Phụ lục (Phụ lục I, Mục III.1): on a new page, with its own title and the report it belongs to.
    new Paragraph({
      children: [run('PHỤ LỤC', { bold: true })],
      alignment: AlignmentType.CENTER,
      pageBreakBefore: true,
    }),
    center('KẾT QUẢ CÁC CHỈ TIÊU THEO CỤM, KHỐI THI ĐUA', { bold: true }),
    center('(Kèm theo Báo cáo số        /BC-{ky_hieu} ngày      tháng      năm {nam} của {ten_co_quan})', {
      italics: true,
    }),
    rule(mm(30), w),
    para('', { after: 60 }),
    dataTable(
      'theo_cum',
      final
        ? [
            { header: 'Cụm, Khối', share: 24, value: '{cum_khoi}' },
            { header: 'Chỉ tiêu', share: 48, value: '{ten}' },
            { header: 'Sơ kết', share: 14, value: '{so_ket}', align: AlignmentType.RIGHT },
            { header: 'Tổng kết', share: 14, value: '{ket_qua}', align: AlignmentType.RIGHT },
          ]
        : [
            { header: 'Cụm, Khối', share: 26, value: '{cum_khoi}' },
            { header: 'Chỉ tiêu', share: 56, value: '{ten}' },
            { header: 'Kết quả', share: 18, value: '{ket_qua}', align: AlignmentType.RIGHT },
          ],
      w,
    ),
  ]);
}

function proposal(): Document {
  const w = PORTRAIT_TEXT;
  return page([
    letterhead(w, 'TTr'),
    ...title('TỜ TRÌNH', ['Đề nghị tặng {hinh_thuc}']),
    ...addressees(),
    body('Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;'),
    body(
      'Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;',
    ),
    body('Căn cứ kết quả thực hiện {ten_phong_trao} năm {nam} và kết quả đánh giá, xếp loại các đơn vị,'),
    body(
      '{ten_co_quan} đề nghị xét tặng {hinh_thuc} cho {doi_tuong_de_nghi} có thành tích xuất sắc trong {ten_phong_trao} năm {nam} (có danh sách và báo cáo thành tích kèm theo), cụ thể:',
    ),
    para('{#co_tap_the}'),
    heading('1. Tập thể ({so_tap_the})'),
    para('{/co_tap_the}'),
    ...each('tap_the', [body('{stt}. {ten}, {don_vi};')]),
    para('{#co_ca_nhan}'),
    heading('{muc_ca_nhan}. Cá nhân ({so_ca_nhan})'),
    para('{/co_ca_nhan}'),
    ...each('ca_nhan', [body('{stt}. {ho_ten}, {chuc_vu}, {don_vi};')]),
    heading('{muc_chi_tieu}. Đối chiếu với chỉ tiêu khen thưởng'),
    ...each('chi_tieu', [
      body(
        '- {doi_tuong}: đề nghị {de_nghi}; chỉ tiêu tối thiểu {toi_thieu}, tối đa {toi_da}; tình trạng: {tinh_trang}.',
      ),
    ]),
    ...each('phan_bo', [
      body('- Chỉ tiêu phân bổ: {don_vi} được phân bổ {duoc_phan_bo} {doi_tuong}, đề nghị {de_nghi}.'),
    ]),
    body(
      'Các tập thể, cá nhân nêu trên đã được đối chiếu với tiêu chuẩn, điều kiện của phong trào; các đề nghị chưa đủ điều kiện không đưa vào tờ trình này.',
    ),
    body('{ten_co_quan} kính trình xem xét, quyết định./.'),
    closing(w, recipientsBlock(true), signer()),
  ]);
}

function list(): Document {
  const w = LANDSCAPE_TEXT;
  return page(
    [
      letterhead(w, null),
      center('DANH SÁCH', { bold: true, before: 240 }),
      center('Đề nghị tặng {hinh_thuc}', { bold: true }),
      center('(Kèm theo Tờ trình số        /TTr-{ky_hieu} ngày      tháng      năm {nam} của {ten_co_quan})', {
        italics: true,
      }),
      rule(mm(40), w),
      para('{#co_tap_the}'),
      para('**I. TẬP THỂ**', { keepNext: true }),
      dataTable(
        'tap_the',
        [
          { header: 'STT', share: 6, value: '{stt}', align: AlignmentType.CENTER },
          { header: 'Tên tập thể', share: 25, value: '{ten}' },
          { header: 'Đơn vị', share: 22, value: '{don_vi}' },
          { header: 'Tóm tắt thành tích', share: 48, value: '{thanh_tich}' },
        ],
        w,
      ),
      para('', { after: 120 }),
      para('{/co_tap_the}'),
      para('{#co_ca_nhan}'),
      para('**II. CÁ NHÂN**', { keepNext: true }),
      dataTable(
        'ca_nhan',
        [
          { header: 'STT', share: 6, value: '{stt}', align: AlignmentType.CENTER },
          { header: 'Họ và tên', share: 16, value: '{ho_ten}' },
          { header: 'Năm sinh', share: 7, value: '{nam_sinh}', align: AlignmentType.CENTER },
          { header: 'Giới tính', share: 7, value: '{gioi_tinh}', align: AlignmentType.CENTER },
          { header: 'Chức vụ', share: 16, value: '{chuc_vu}' },
          { header: 'Đơn vị', share: 17, value: '{don_vi}' },
          { header: 'Tóm tắt thành tích', share: 32, value: '{thanh_tich}' },
        ],
        w,
      ),
      para('', { after: 120 }),
      para('{/co_ca_nhan}'),
      closing(w, [], signer()),
    ],
    true,
  );
}

function achievement(collective: boolean): Document {
  const w = PORTRAIT_TEXT;
  const top = collective
    ? [letterhead(w, null, '{ten_don_vi_hoa}', false)]
    : [
        ...mottoBlock(w, false),
        para('{dia_danh}, ngày      tháng      năm {nam}', { italics: true, align: AlignmentType.RIGHT }),
      ];
  const profile = collective
    ? [
        heading('I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH'),
        body('- Tên tập thể: **{ten}**'),
        body('- Thuộc đơn vị: {ten_don_vi}'),
        blank('- Địa chỉ trụ sở, điện thoại: ', w),
        blank('- Tổng số thành viên; cơ cấu tổ chức: ', w),
        blank('- Chức năng, nhiệm vụ được giao: ', w),
      ]
    : [
        heading('I. SƠ LƯỢC LÝ LỊCH'),
        body('- Họ và tên: **{ten}**'),
        body('- Năm sinh: {nam_sinh}; giới tính: {gioi_tinh}'),
        blank('- Quê quán: ', w),
        blank('- Nơi thường trú: ', w),
        body('- Chức vụ: {chuc_vu}'),
        body('- Đơn vị công tác: {ten_don_vi}'),
      ];
  const signatures = collective
    ? columns(
        [
          center('XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG', { bold: true, size: 12 }),
          center('(Ký, đóng dấu)', { italics: true }),
        ],
        [center('THỦ TRƯỞNG ĐƠN VỊ', { bold: true, size: 12 }), center('(Ký, đóng dấu)', { italics: true })],
        [Math.round(w / 2), w - Math.round(w / 2)],
      )
    : columns(
        [
          center('XÁC NHẬN CỦA THỦ TRƯỞNG ĐƠN VỊ', { bold: true, size: 12 }),
          center('(Ký, đóng dấu)', { italics: true }),
        ],
        [
          center('NGƯỜI BÁO CÁO THÀNH TÍCH', { bold: true, size: 12 }),
          center('(Ký, ghi rõ họ và tên)', { italics: true }),
          para('', { after: 1200 }),
          center('{ten}', { bold: true }),
        ],
        [Math.round(w / 2), w - Math.round(w / 2)],
      );
  return page([
    ...top,
    ...title('BÁO CÁO THÀNH TÍCH', [
      'Đề nghị tặng {hinh_thuc}',
      `(Thành tích ${collective ? 'của tập thể' : 'của cá nhân'} trong {ten_phong_trao} năm {nam})`,
    ]),
    ...profile,
    heading('II. THÀNH TÍCH ĐẠT ĐƯỢC TRONG PHONG TRÀO'),
    body('1. Tóm tắt thành tích (theo đề nghị của đơn vị):'),
    ...each('thanh_tich', [body('{thanh_tich}')], [blank('', w)]),
    blank('2. Biện pháp, giải pháp đã thực hiện: ', w),
    blank('', w),
    blank('3. Kết quả cụ thể (số liệu, hiệu quả, mô hình, sáng kiến): ', w),
    blank('', w),
    heading('III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC GHI NHẬN'),
    blank('', w),
    blank('', w),
    para('', { after: 240 }),
    signatures,
  ]);
}

const { values } = parseCommandLine(
  { options: { out: { type: 'string' } } },
  'Cách dùng: npm run document-templates -- [--out <thư mục>]',
);
const dir = path.resolve(values.out ?? path.join(import.meta.dirname, '../../templates/documents'));
mkdirSync(dir, { recursive: true });
const documents: Record<string, Document> = {
  [TEMPLATE_FILES.interimReport]: report(false),
  [TEMPLATE_FILES.finalReport]: report(true),
  [TEMPLATE_FILES.proposal]: proposal(),
  [TEMPLATE_FILES.list]: list(),
  [TEMPLATE_FILES.collectiveAchievement]: achievement(true),
  [TEMPLATE_FILES.individualAchievement]: achievement(false),
};

/**
 * The same bytes on every run: fixed document and archive dates, so regenerating changes only what the script changed.
 */
async function stable(bytes: Uint8Array): Promise<Uint8Array> {
  const fixed = new Date('2026-01-01T00:00:00Z');
  const zip = await JSZip.loadAsync(bytes);
  const out = new JSZip();
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir) continue;
    let content: string | Uint8Array = await entry.async('uint8array');
    if (name === 'docProps/core.xml')
      content = new TextDecoder()
        .decode(content)
        .replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, `$1${fixed.toISOString().replace('.000', '')}`);
    out.file(name, content, { date: fixed, createFolders: false });
  }
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

for (const [file, doc] of Object.entries(documents))
  writeFileSync(path.join(dir, file), await stable(await Packer.toBuffer(doc)));
process.stdout.write(
  `Đã ghi ${Object.keys(documents).length} mẫu văn bản vào ${path.relative(process.cwd(), dir) || '.'}/.\n`,
);
