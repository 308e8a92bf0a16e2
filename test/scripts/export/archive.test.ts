import { execFileSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  CLASSIFICATION_HEADERS,
  NOMINEE_HEADERS,
  archiveModel,
  listModel,
  snapshotOf,
  toWorkbook,
  type TabValues,
} from '../../../scripts/export/index.ts';

const MEDAL = 'Kỷ niệm chương "Bảo vệ an ninh Tổ quốc"';
const BK = 'Bằng khen của Bộ trưởng Bộ Công an';

// 46000.5 is 09/12/2025 12:00:00 as a Sheets serial.
const TABS: TabValues[] = [
  {
    tab: 'Cấu hình',
    values: [
      ['Khóa', 'Giá trị'],
      ['Tên phong trào', 'Phong trào Toàn dân bảo vệ an ninh Tổ quốc'],
      ['Năm', '2025'],
    ],
  },
  {
    tab: 'Đơn vị',
    values: [
      ['Mã đơn vị', 'Tên đơn vị', 'Loại hình', 'Cụm/Khối', 'Email liên hệ', 'Email lãnh đạo'],
      ['SO-TP', 'Sở Tư pháp', 'Cơ quan', 'Khối Nội chính', 'tp@example.vn', ''],
      ['SO-YT', 'Sở Y tế', 'Cơ quan', 'Khối Văn xã', 'yt@example.vn', ''],
      ['XA-AN', 'UBND xã An Bình', 'Xã/Phường', 'Cụm xã', 'an@example.vn', ''],
    ],
  },
  {
    tab: 'Mốc thời gian',
    values: [
      ['Mã mốc', 'Tên mốc', 'Biểu mẫu', 'Hạn nộp'],
      ['DK', 'Đăng ký', 'Đăng ký thi đua', '31/03/2025'],
      ['TK', 'Tổng kết', 'Báo cáo tổng kết', 45976],
    ],
  },
  {
    tab: 'Chỉ tiêu',
    values: [
      ['Hình thức khen thưởng', 'Đối tượng', 'Số lượng tối thiểu', 'Số lượng tối đa'],
      [BK, 'Tập thể', 2, 4],
      [MEDAL, 'Cá nhân', 5, 5],
    ],
  },
  {
    tab: 'Đề nghị khen thưởng',
    values: [
      [
        'Dấu thời gian',
        'Mã đơn vị',
        'Đối tượng',
        'Hình thức khen thưởng',
        'Họ tên / Tên tập thể',
        'Chức vụ',
        'Thành tích tóm tắt',
      ],
      [46000.5, 'SO-TP', 'Cá nhân', MEDAL, 'Nguyễn Thị Lan', 'Tổ trưởng', 'Mười lăm năm tham gia tổ tự quản'],
      [46000.6, 'SO-YT', 'Tập thể', BK, 'Phòng Y tế dự phòng', '', 'Hoàn thành xuất sắc nhiệm vụ'],
      [46000.7, 'XA-AN', 'Cá nhân', BK, 'Trần Văn Bình', 'Công an viên', 'Vận động giao nộp vũ khí'],
      [46000.8, 'SO-TP', 'Cá nhân', BK, 'Lê Văn Cường', 'Chuyên viên', ''],
    ],
  },
  {
    tab: 'Kiểm tra',
    values: [
      ['Biểu mẫu', 'Dòng', 'Dấu thời gian', 'Mã đơn vị', 'Trạng thái', 'Lỗi', 'Kết luận'],
      ['Đề nghị khen thưởng', 2, 46000.5, 'SO-TP', 'Hợp lệ', '', 'Đủ điều kiện'],
      ['Đề nghị khen thưởng', 3, 46000.6, 'SO-YT', 'Hợp lệ', '', 'Đủ điều kiện'],
      ['Đề nghị khen thưởng', 4, 46000.7, 'XA-AN', 'Hợp lệ', '', 'Không đủ điều kiện: đơn vị xếp loại Trung bình'],
      ['Đề nghị khen thưởng', 5, 46000.8, 'SO-TP', 'Không hợp lệ', 'Câu "Thành tích tóm tắt": bắt buộc.', ''],
    ],
  },
  {
    tab: 'Xếp loại',
    values: [
      ['Mã đơn vị', 'Tổng điểm', 'Xếp loại', 'Hạng trong Cụm/Khối', 'Được xét khen thưởng', 'Lý do'],
      ['XA-AN', 55, 'Trung bình', 1, 'Không', 'Xếp loại Trung bình'],
      ['SO-TP', 92, 'Xuất sắc', 1, 'Có', ''],
      ['SO-YT', '', 'Chưa xếp loại', '', 'Không', 'Chưa có báo cáo tổng kết'],
    ],
  },
  {
    tab: 'Nhật ký thư',
    values: [
      ['Khóa', 'Mẫu thư', 'Người nhận', 'Thời điểm', 'Trạng thái'],
      ['k1', 'receipt', 'tp@example.vn', 46000.5, 'Đã gửi'],
    ],
  },
];

const snapshot = snapshotOf('demo', TABS);

async function roundTrip(model: ReturnType<typeof archiveModel>): Promise<ExcelJS.Workbook> {
  const buffer = await toWorkbook(model).xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buffer);
  return back;
}

async function archiveBytes(): Promise<Buffer> {
  return Buffer.from(await toWorkbook(archiveModel(TABS, snapshot)).xlsx.writeBuffer());
}

/** True when an executable of that name is on PATH. */
function onPath(name: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      accessSync(path.join(dir, name), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

function rowValues(ws: ExcelJS.Worksheet, n: number): unknown[] {
  return (ws.getRow(n).values as unknown[]).slice(1);
}

describe('campaign archive', () => {
  it('round-trips through exceljs with every tab and both lists present', async () => {
    const wb = await roundTrip(archiveModel(TABS, snapshot));
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      ...TABS.map((t) => t.tab),
      'DS xếp loại',
      'DS đề nghị khen thưởng',
    ]);
  });

  it('makes header rows bold and frozen, numbers numbers and dates real dates in dd/mm/yyyy', async () => {
    const wb = await roundTrip(archiveModel(TABS, snapshot));
    const nominations = wb.getWorksheet('Đề nghị khen thưởng')!;
    expect(nominations.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(nominations.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const stamp = nominations.getCell('A2');
    expect(stamp.value).toEqual(new Date(Date.UTC(2025, 11, 9, 12, 0, 0)));
    expect(stamp.numFmt).toBe('dd/mm/yyyy hh:mm:ss');
    const deadlines = wb.getWorksheet('Mốc thời gian')!;
    expect(deadlines.getCell('D2').value).toEqual(new Date(Date.UTC(2025, 2, 31)));
    expect(deadlines.getCell('D2').numFmt).toBe('dd/mm/yyyy');
    expect(deadlines.getCell('D3').value).toEqual(new Date(Date.UTC(2025, 10, 15)));
    const classes = wb.getWorksheet('Xếp loại')!;
    expect(classes.getCell('B3').value).toBe(92);
    expect(classes.getColumn(6).width).toBeGreaterThanOrEqual('Chưa có báo cáo tổng kết'.length);
  });

  it('lists units by classification, highest level and score first', async () => {
    const wb = await roundTrip(listModel('classification', snapshot));
    expect(wb.worksheets).toHaveLength(1);
    const ws = wb.worksheets[0];
    expect(ws.getCell('A1').value).toBe('DANH SÁCH ĐƠN VỊ THEO KẾT QUẢ XẾP LOẠI');
    expect(ws.getCell('A2').value).toBe('Phong trào Toàn dân bảo vệ an ninh Tổ quốc năm 2025');
    expect(rowValues(ws, 4)).toEqual([...CLASSIFICATION_HEADERS]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(rowValues(ws, 5)).toEqual([1, 'SO-TP', 'Sở Tư pháp', 'Khối Nội chính', 92, 'Xuất sắc', 1]);
    expect(rowValues(ws, 6)).toEqual([2, 'XA-AN', 'UBND xã An Bình', 'Cụm xã', 55, 'Trung bình', 1]);
    expect(rowValues(ws, 7).slice(0, 4)).toEqual([3, 'SO-YT', 'Sở Y tế', 'Khối Văn xã']);
    expect(rowValues(ws, 7)[5]).toBe('Chưa xếp loại');
  });

  it('lists only eligible nominees, by award in the order of Chỉ tiêu, collectives first', async () => {
    const wb = await roundTrip(listModel('nominees', snapshot));
    const ws = wb.worksheets[0];
    expect(ws.getCell('A1').value).toBe('DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG');
    expect(rowValues(ws, 4)).toEqual([...NOMINEE_HEADERS]);
    expect(rowValues(ws, 5)).toEqual([
      1,
      'Phòng Y tế dự phòng',
      undefined,
      'Sở Y tế',
      BK,
      'Hoàn thành xuất sắc nhiệm vụ',
    ]);
    expect(rowValues(ws, 6)).toEqual([
      2,
      'Nguyễn Thị Lan',
      'Tổ trưởng',
      'Sở Tư pháp',
      MEDAL,
      'Mười lăm năm tham gia tổ tự quản',
    ]);
    expect(ws.rowCount).toBe(6);
  });

  // Proof that a spreadsheet program other than our own writer opens the file: SheetJS, an independent reader from
  // npm, everywhere; LibreOffice as well wherever it is installed (.ci/run installs Debian's libreoffice-calc-nogui).
  it('opens in SheetJS with the same sheets, text, numbers and dates', async () => {
    const wb = XLSX.read(await archiveBytes(), { cellDates: true, cellNF: true });
    expect(wb.SheetNames).toEqual([...TABS.map((t) => t.tab), 'DS xếp loại', 'DS đề nghị khen thưởng']);
    const units = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['Đơn vị'], { header: 1, defval: '' });
    expect(units).toEqual(TABS[1].values);
    const stamp = wb.Sheets['Đề nghị khen thưởng'].A2;
    expect(stamp.t).toBe('d');
    expect(stamp.v).toEqual(new Date(Date.UTC(2025, 11, 9, 12, 0, 0)));
    expect(stamp.z).toBe('dd/mm/yyyy hh:mm:ss');
    expect(wb.Sheets['Xếp loại'].B3).toMatchObject({ t: 'n', v: 92 });
    expect(wb.Sheets['DS xếp loại'].A1.v).toBe('DANH SÁCH ĐƠN VỊ THEO KẾT QUẢ XẾP LOẠI');
  });

  if (onPath('libreoffice')) {
    it('opens in LibreOffice: the archive converts to PDF', async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'thidua-export-'));
      const file = path.join(dir, 'luu-tru.xlsx');
      writeFileSync(file, await archiveBytes());
      execFileSync('libreoffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, file], { timeout: 120_000 });
      expect(readFileSync(path.join(dir, 'luu-tru.pdf')).subarray(0, 4).toString()).toBe('%PDF');
    });
  }
});
