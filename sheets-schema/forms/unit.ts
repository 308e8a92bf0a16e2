// The two questions every form opens with: who the unit is, and the secret that proves it (issue 15).
import type { Question } from '../types.ts';

/** The response column that carries the unit's secret (contract): filled in by the unit's prefilled form links. */
export const UNIT_SECRET_HEADER = 'Mã xác thực';

export const UNIT_CODE: Question = {
  header: 'Mã đơn vị',
  kind: 'unitCode',
  required: true,
  help: 'Mã do Thường trực phong trào cấp, ví dụ SO-TP.',
  maxLength: 40,
};

/**
 * Not required by the form itself: a campaign may turn the check off (`Xác thực đơn vị` = `Không`), and a response
 * without it must still be recorded and told, in `Kiểm tra`, why it does not count.
 */
export const UNIT_SECRET: Question = {
  header: UNIT_SECRET_HEADER,
  kind: 'unitSecret',
  required: false,
  help: 'Đã được điền sẵn trong đường liên kết Thường trực phong trào gửi tới email của đơn vị; giữ nguyên, không sửa.',
  maxLength: 64,
};
