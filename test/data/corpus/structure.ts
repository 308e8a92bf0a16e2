// Broken spreadsheets rather than broken answers: renamed, duplicated or missing headers, empty tabs, ragged rows.
// `stops` is the Vietnamese error that must stop the run before anything is written; otherwise the run completes
// and judges `responses` responses, `valid` of them valid (the base: one valid registration, one valid final report).

export type Change =
  | { readonly kind: 'rename'; readonly tab: string; readonly from: string; readonly to: string }
  | { readonly kind: 'duplicate'; readonly tab: string; readonly header: string }
  | { readonly kind: 'empty'; readonly tab: string }
  | { readonly kind: 'header-only'; readonly tab: string }
  | { readonly kind: 'absent'; readonly tab: string }
  | { readonly kind: 'reverse-columns'; readonly tab: string }
  | { readonly kind: 'append-rows'; readonly tab: string; readonly rows: readonly (readonly (string | number)[])[] };

export interface StructureCase {
  readonly id: string;
  readonly change: Change;
  readonly stops?: string;
  readonly responses?: number;
  readonly valid?: number;
  /** Also checked end to end: the spreadsheet must be byte-for-byte unchanged after the stopped run. */
  readonly e2e?: boolean;
}

const REG = 'Đăng ký thi đua';

export const STRUCTURE: readonly StructureCase[] = [
  {
    id: 'renamed-required-header',
    change: { kind: 'rename', tab: REG, from: 'Mã đơn vị', to: 'Mã đơn vi' },
    stops: "Trang tính 'Đăng ký thi đua' thiếu cột 'Mã đơn vị'",
    e2e: true,
  },
  {
    id: 'duplicated-required-header',
    change: { kind: 'duplicate', tab: REG, header: 'Mã đơn vị' },
    stops: "Trang tính 'Đăng ký thi đua' có hai cột cùng tên 'Mã đơn vị'",
    e2e: true,
  },
  { id: 'renamed-unit-list-header', change: { kind: 'rename', tab: 'Đơn vị', from: 'Mã đơn vị', to: 'Mã ĐV' }, stops: "Trang tính 'Đơn vị' thiếu cột 'Mã đơn vị'" },
  { id: 'renamed-settings-header', change: { kind: 'rename', tab: 'Cấu hình', from: 'Khóa', to: 'Khoá' }, stops: "Trang tính 'Cấu hình' thiếu cột 'Khóa'" },
  { id: 'empty-response-tab', change: { kind: 'empty', tab: REG }, stops: "Trang tính 'Đăng ký thi đua' thiếu cột 'Dấu thời gian'" },
  { id: 'empty-criteria-tab', change: { kind: 'empty', tab: 'Tiêu chí' }, stops: "Trang tính 'Tiêu chí' thiếu cột 'Mã tiêu chí'" },
  { id: 'response-tab-header-only', change: { kind: 'header-only', tab: REG }, responses: 1, valid: 1 },
  { id: 'response-tab-absent', change: { kind: 'absent', tab: REG }, responses: 1, valid: 1 },
  { id: 'renamed-optional-header', change: { kind: 'rename', tab: REG, from: 'Số tổ', to: 'Số tổ (cũ)' }, responses: 2, valid: 2 },
  {
    id: 'criterion-column-retitled-keeping-code',
    change: { kind: 'rename', tab: 'Báo cáo tổng kết', from: '[TC1]', to: '[TC1] Lãnh đạo (tên mới)' },
    responses: 2,
    valid: 2,
  },
  { id: 'header-typed-in-nfd', change: { kind: 'rename', tab: REG, from: 'Mã đơn vị', to: 'Mã đơn vị'.normalize('NFD') }, responses: 2, valid: 2 },
  { id: 'header-with-spaces', change: { kind: 'rename', tab: REG, from: 'Mã đơn vị', to: '  Mã đơn vị ' }, responses: 2, valid: 2 },
  { id: 'columns-reordered', change: { kind: 'reverse-columns', tab: REG }, responses: 2, valid: 2 },
  {
    id: 'ragged-and-blank-rows',
    change: { kind: 'append-rows', tab: REG, rows: [['15/03/2026 09:00:00'], [], ['', '', ''], ['16/03/2026', 'DV-00002']] },
    responses: 4,
    valid: 2,
  },
];
