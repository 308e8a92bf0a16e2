// The keys of `Cấu hình`: each declared once with its default (as typed in the sheet) and its meaning.
// Every number of DOMAIN.md is a default a campaign can change here.

export interface SettingDef {
  readonly key: string;
  /** The value setup-sheets writes and the value used when the key is absent or empty. */
  readonly default: string;
  readonly help: string;
}

export const SETTINGS = [
  {
    key: 'Tên phong trào',
    default: 'Phong trào Toàn dân bảo vệ an ninh Tổ quốc',
    help: 'Tên hiển thị trên thư và bảng tổng hợp.',
  },
  { key: 'Năm', default: '2026', help: 'Năm của đợt thi đua.' },
  { key: 'Cơ quan phát động', default: 'Ban Chỉ đạo phong trào', help: 'Cơ quan tổ chức, ký tên trên thư.' },
  { key: 'Tên người gửi', default: 'Thường trực phong trào', help: 'Tên hiển thị của người gửi thư.' },
  { key: 'Email trả lời', default: '', help: 'Địa chỉ nhận thư trả lời (reply-to); để trống thì dùng địa chỉ gửi.' },
  {
    key: 'Người nhận bản tin',
    default: '',
    help: 'Các danh sách nhận bản tin hằng tuần, mỗi danh sách cách nhau bởi dấu ";", các địa chỉ trong một danh sách cách nhau bởi dấu ",".',
  },
  {
    key: 'Xác thực đơn vị',
    default: 'Có',
    help: 'Có: chỉ tính câu trả lời mang đúng mã xác thực của đơn vị (điền sẵn trong đường liên kết gửi tới đơn vị). Không: tắt kiểm tra này (mạng nội bộ khép kín); thư vẫn chỉ gửi tới địa chỉ đã đăng ký.',
  },
  {
    key: 'Bắt đầu lại nhật ký thư',
    default: '',
    help: "Chỉ dùng khi trang Nhật ký thư bị mất và không khôi phục được từ lịch sử phiên bản: nhập ngày hôm nay (dd/MM/yyyy). Trong ngày đó, lượt chạy tạo nhật ký mới và ghi mọi thư đang đến hạn là 'Không gửi lại' thay vì gửi; sau ngày đó khóa này không còn tác dụng.",
  },
  { key: 'Múi giờ', default: 'Asia/Ho_Chi_Minh', help: 'Múi giờ dùng cho hạn nộp và lịch gửi thư.' },
  {
    key: 'Ngưỡng Xuất sắc',
    default: '90',
    help: 'Điểm tối thiểu (thang 100: tổng điểm chia cho điểm tối đa các tiêu chí thuộc loại hình của đơn vị, nhân 100) để xếp loại Xuất sắc. Đặt riêng cho một loại hình bằng khóa "Ngưỡng Xuất sắc: Khu dân cư".',
  },
  {
    key: 'Ngưỡng Khá',
    default: '70',
    help: 'Điểm tối thiểu (thang 100) để xếp loại Khá; đặt riêng cho một loại hình bằng khóa "Ngưỡng Khá: <Loại hình>".',
  },
  {
    key: 'Ngưỡng Trung bình',
    default: '50',
    help: 'Điểm tối thiểu (thang 100) để xếp loại Trung bình, thấp hơn là Yếu; đặt riêng cho một loại hình bằng khóa "Ngưỡng Trung bình: <Loại hình>".',
  },
  {
    key: 'Mức tối đa khi có vụ việc nghiêm trọng',
    default: 'Trung bình',
    help: 'Mức xếp loại cao nhất của đơn vị để xảy ra vụ việc nghiêm trọng về ANTT.',
  },
  {
    key: 'Mức được xét khen thưởng',
    default: 'Xuất sắc, Khá',
    help: 'Các mức xếp loại được xét thi đua, khen thưởng.',
  },
  {
    key: 'Số lần nhắc quá hạn tối đa',
    default: '3',
    help: 'Số thư nhắc quá hạn tối đa cho mỗi đơn vị và mỗi mốc (gửi hằng tuần).',
  },
  {
    key: 'Dời hạn khi trùng ngày nghỉ',
    default: 'Không',
    help: 'Có: hạn nộp rơi vào thứ Bảy, Chủ nhật hoặc ngày lễ được dời sang ngày làm việc kế tiếp.',
  },
  { key: 'Ngày nghỉ lễ', default: '', help: 'Các ngày nghỉ lễ (dd/MM/yyyy), cách nhau bởi dấu ",".' },
  {
    key: 'Hạn đăng ký An toàn về ANTT',
    default: '31/03',
    help: 'Ngày cuối (dd/MM) của năm phong trào để đăng ký "An toàn về ANTT" (Thông tư 124/2021/TT-BCA: trong quý I); ghi Không để không xét hạn.',
  },
  {
    key: 'Cơ quan chủ quản',
    default: '',
    help: 'Văn bản: tên cơ quan chủ quản trực tiếp, dòng trên tên cơ quan ban hành (Nghị định 30/2020/NĐ-CP); để trống nếu không có.',
  },
  {
    key: 'Ký hiệu cơ quan',
    default: 'BCĐ',
    help: 'Văn bản: chữ viết tắt tên cơ quan ban hành trong số, ký hiệu (ví dụ 123/BC-BCĐ).',
  },
  { key: 'Địa danh', default: '', help: 'Văn bản: địa danh ghi trước ngày tháng (ví dụ Đồng Xoài).' },
  {
    key: 'Nơi nhận báo cáo',
    default: '',
    help: 'Văn bản: cơ quan cấp trên nhận báo cáo và tờ trình (dòng "Kính gửi"), các cơ quan cách nhau bởi dấu ";".',
  },
  {
    key: 'Quyền hạn người ký',
    default: 'TM. BAN CHỈ ĐẠO',
    help: 'Văn bản: dòng quyền hạn trên chức vụ người ký (TM., KT., TL., TUQ.); để trống nếu người đứng đầu ký.',
  },
  { key: 'Chức vụ người ký', default: 'TRƯỞNG BAN', help: 'Văn bản: chức vụ của người ký.' },
  { key: 'Người ký', default: '', help: 'Văn bản: họ và tên người ký.' },
  {
    key: 'Thư mục Drive văn bản',
    default: '',
    help: 'Văn bản: mã hoặc đường liên kết của thư mục Google Drive nhận các văn bản báo cáo (chia sẻ thư mục với tài khoản dịch vụ của các hàm, quyền Người chỉnh sửa).',
  },
  {
    key: 'Bảng tính năm sau',
    default: '',
    help: 'Tự điền khi tạo phong trào năm sau (trình đơn Thi đua → Tạo chiến dịch năm sau, hoặc npm run new-year): địa chỉ bảng tính của năm sau. Khi ô này có địa chỉ, năm sau không được tạo lần nữa; chỉ xóa ô này nếu đã xóa bảng tính đó.',
  },
  {
    key: 'Cấp dưới: tỷ lệ Khá trở lên để Xuất sắc (%)',
    default: '80',
    help: 'Xếp loại suy ra của một cấp dưới có bảng tính riêng: Xuất sắc khi tỷ lệ đơn vị của cấp dưới đó xếp loại Khá trở lên đạt mức này (và tỷ lệ đạt ANTT dưới đây).',
  },
  {
    key: 'Cấp dưới: tỷ lệ đạt ANTT để Xuất sắc (%)',
    default: '70',
    help: 'Xếp loại suy ra: để được Xuất sắc, tỷ lệ đơn vị đạt "An toàn về ANTT" (trong số đơn vị thuộc phạm vi) tối thiểu.',
  },
  {
    key: 'Cấp dưới: tỷ lệ Khá trở lên để Khá (%)',
    default: '50',
    help: 'Xếp loại suy ra: Khá khi tỷ lệ đơn vị xếp loại Khá trở lên đạt mức này.',
  },
  {
    key: 'Cấp dưới: tỷ lệ Trung bình trở lên để Trung bình (%)',
    default: '50',
    help: 'Xếp loại suy ra: Trung bình khi tỷ lệ đơn vị xếp loại Trung bình trở lên đạt mức này; thấp hơn là Yếu.',
  },
] as const satisfies readonly SettingDef[];

export type SettingKey = (typeof SETTINGS)[number]['key'];

/** Keys a campaign may also type per unit type, `<key>: <Loại hình>` (`Ngưỡng Khá: Khu dân cư`): the thresholds. */
export const PER_TYPE_SETTINGS = [
  'Ngưỡng Xuất sắc',
  'Ngưỡng Khá',
  'Ngưỡng Trung bình',
] as const satisfies readonly SettingKey[];
