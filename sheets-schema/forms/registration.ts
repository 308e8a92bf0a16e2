// `Đăng ký thi đua`: registration, commitments and the "An toàn về ANTT" registration (TT 124/2021/TT-BCA).
import type { FormDef } from '../types.ts';
import { UNIT_CODE, UNIT_SECRET } from './unit.ts';

export const ANTT_REGISTRATION_OPTIONS = ['Có', 'Không', 'Không thuộc phạm vi'] as const;

export const REGISTRATION_FORM: FormDef = {
  tab: 'Đăng ký thi đua',
  title: 'Đăng ký thi đua phong trào Toàn dân bảo vệ an ninh Tổ quốc',
  description:
    'Đơn vị đăng ký tham gia phong trào, nội dung cam kết và mô hình, điển hình. Mỗi đơn vị nộp một lần; muốn sửa thì dùng đường liên kết chỉnh sửa trong thư xác nhận.',
  questions: [
    UNIT_CODE,
    UNIT_SECRET,
    {
      header: 'Người đăng ký',
      kind: 'text',
      required: true,
      help: 'Họ và tên cán bộ đầu mối của đơn vị.',
      maxLength: 120,
    },
    {
      header: 'Email người đăng ký',
      kind: 'email',
      required: true,
      help: 'Địa chỉ liên hệ của người đăng ký. Thư xác nhận và nhắc việc chỉ gửi tới các địa chỉ của đơn vị trong danh sách đơn vị.',
      maxLength: 254,
    },
    {
      header: 'Đăng ký "An toàn về ANTT"',
      kind: 'choice',
      required: true,
      options: ANTT_REGISTRATION_OPTIONS,
      help: 'Chọn "Không thuộc phạm vi" nếu là cơ quan lực lượng vũ trang, doanh nghiệp nhỏ và siêu nhỏ, trường tiểu học, mầm non, nhà trẻ.',
    },
    {
      header: 'Nội dung cam kết',
      kind: 'paragraph',
      required: true,
      help: 'Các nội dung đơn vị cam kết thực hiện trong năm.',
      maxLength: 5000,
    },
    {
      header: 'Mô hình điển hình đăng ký',
      kind: 'paragraph',
      required: false,
      help: 'Tên mô hình hoặc nội dung điển hình đăng ký xây dựng. Công đoàn cơ sở đăng ký ít nhất một nội dung.',
      maxLength: 2000,
    },
    {
      header: 'Số điểm áp dụng mô hình',
      kind: 'integer',
      required: false,
      min: 0,
      max: 100000,
      help: 'Số địa bàn, điểm áp dụng mô hình.',
    },
    {
      header: 'Số tổ',
      kind: 'integer',
      required: false,
      min: 0,
      max: 100000,
      help: 'Số tổ, nhóm hoạt động theo mô hình.',
    },
  ],
  rules: [
    {
      kind: 'requiredForUnitType',
      header: 'Mô hình điển hình đăng ký',
      unitType: 'Công đoàn cơ sở',
      message: 'công đoàn cơ sở phải đăng ký ít nhất một mô hình, điển hình.',
    },
  ],
};
