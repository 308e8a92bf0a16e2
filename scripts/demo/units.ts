// The demo province's units: departments, communes, enterprises, schools, grassroots unions and residential areas.
// Names are typical of Vietnamese provinces; addresses use the reserved example.vn domain.

export interface DemoUnit {
  readonly code: string;
  readonly name: string;
  readonly type: string;
  readonly cluster: string;
}

const AGENCIES = 'Khối Sở, ban, ngành';
const COMMUNES = 'Cụm xã, phường';
const ENTERPRISES = 'Khối doanh nghiệp';
const SCHOOLS = 'Khối trường học';
const UNIONS = 'Khối công đoàn cơ sở';
const AREAS = 'Cụm khu dân cư';

export const DEMO_UNITS: readonly DemoUnit[] = [
  { code: 'SO-TP', name: 'Sở Tư pháp', type: 'Cơ quan', cluster: AGENCIES },
  { code: 'SO-YT', name: 'Sở Y tế', type: 'Cơ quan', cluster: AGENCIES },
  { code: 'SO-GDDT', name: 'Sở Giáo dục và Đào tạo', type: 'Cơ quan', cluster: AGENCIES },
  { code: 'SO-TC', name: 'Sở Tài chính', type: 'Cơ quan', cluster: AGENCIES },
  { code: 'SO-XD', name: 'Sở Xây dựng', type: 'Cơ quan', cluster: AGENCIES },
  { code: 'SO-NV', name: 'Sở Nội vụ', type: 'Cơ quan', cluster: AGENCIES },
  { code: 'SO-VHTTDL', name: 'Sở Văn hóa, Thể thao và Du lịch', type: 'Cơ quan', cluster: AGENCIES },
  { code: 'PH-TANTHIEN', name: 'UBND phường Tân Thiện', type: 'Xã/Phường', cluster: COMMUNES },
  { code: 'PH-TANBINH', name: 'UBND phường Tân Bình', type: 'Xã/Phường', cluster: COMMUNES },
  { code: 'XA-TIENHUNG', name: 'UBND xã Tiến Hưng', type: 'Xã/Phường', cluster: COMMUNES },
  { code: 'XA-DONGTAM', name: 'UBND xã Đồng Tâm', type: 'Xã/Phường', cluster: COMMUNES },
  { code: 'XA-THUANLOI', name: 'UBND xã Thuận Lợi', type: 'Xã/Phường', cluster: COMMUNES },
  { code: 'DN-CAOSU', name: 'Công ty TNHH MTV Cao su Đồng Phú', type: 'Doanh nghiệp', cluster: ENTERPRISES },
  { code: 'DN-DIENLUC', name: 'Công ty Điện lực tỉnh', type: 'Doanh nghiệp', cluster: ENTERPRISES },
  { code: 'DN-CAPNUOC', name: 'Công ty Cổ phần Cấp thoát nước', type: 'Doanh nghiệp', cluster: ENTERPRISES },
  { code: 'DN-MAYMAC', name: 'Công ty TNHH May mặc Hưng Phát', type: 'Doanh nghiệp', cluster: ENTERPRISES },
  { code: 'TR-THPTCHUYEN', name: 'Trường THPT chuyên Quang Trung', type: 'Cơ sở giáo dục', cluster: SCHOOLS },
  { code: 'TR-CDYT', name: 'Trường Cao đẳng Y tế', type: 'Cơ sở giáo dục', cluster: SCHOOLS },
  { code: 'TR-THCSTANPHU', name: 'Trường THCS Tân Phú', type: 'Cơ sở giáo dục', cluster: SCHOOLS },
  { code: 'TR-THHUNGVUONG', name: 'Trường Tiểu học Hùng Vương', type: 'Cơ sở giáo dục', cluster: SCHOOLS },
  { code: 'CD-BVDK', name: 'Công đoàn Bệnh viện Đa khoa tỉnh', type: 'Công đoàn cơ sở', cluster: UNIONS },
  { code: 'CD-KCNMINHHUNG', name: 'Công đoàn Khu công nghiệp Minh Hưng', type: 'Công đoàn cơ sở', cluster: UNIONS },
  { code: 'CD-DAIHOC', name: 'Công đoàn Trường Đại học Bình Dương', type: 'Công đoàn cơ sở', cluster: UNIONS },
  { code: 'CD-BUUDIEN', name: 'Công đoàn Bưu điện tỉnh', type: 'Công đoàn cơ sở', cluster: UNIONS },
  { code: 'KDC-KP1', name: 'Khu phố 1, phường Tân Thiện', type: 'Khu dân cư', cluster: AREAS },
  { code: 'KDC-KP3', name: 'Khu phố 3, phường Tân Bình', type: 'Khu dân cư', cluster: AREAS },
  { code: 'KDC-THONTAN', name: 'Thôn Tân Lập, xã Tiến Hưng', type: 'Khu dân cư', cluster: AREAS },
  { code: 'KDC-AP2', name: 'Ấp 2, xã Đồng Tâm', type: 'Khu dân cư', cluster: AREAS },
];

export function contactEmail(unit: DemoUnit): string {
  return `vanthu.${unit.code.toLowerCase().replace(/[^a-z0-9]+/g, '')}@example.vn`;
}

export function leaderEmail(unit: DemoUnit): string {
  return `lanhdao.${unit.code.toLowerCase().replace(/[^a-z0-9]+/g, '')}@example.vn`;
}

export const DEMO_PEOPLE = [
  'Nguyễn Văn An',
  'Trần Thị Bích',
  'Lê Hoàng Cường',
  'Phạm Thị Dung',
  'Hoàng Minh Đức',
  'Vũ Thị Hạnh',
  'Đặng Quốc Huy',
  'Bùi Thị Lan',
  'Đỗ Văn Long',
  'Ngô Thị Mai',
  'Dương Văn Nam',
  'Lý Thị Oanh',
  'Phan Thanh Phong',
  'Trương Thị Quyên',
  'Huỳnh Văn Sơn',
  'Võ Thị Thảo',
  'Châu Minh Tuấn',
  'Lâm Thị Uyên',
] as const;
