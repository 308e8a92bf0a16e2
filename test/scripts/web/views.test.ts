import { describe, expect, it } from 'vitest';
import { findVerdict } from '../../../scripts/web/check.ts';
import { percentOf, renderDashboard, splitSections } from '../../../scripts/web/dashboard.ts';
import { grid, statusClass } from '../../../scripts/web/html.ts';
import { renderMessage } from '../../../scripts/web/outbox.ts';

describe('web view rendering', () => {
  it.each([
    ['Quá hạn', 'bad'],
    ['Không hợp lệ', 'bad'],
    ['Thiếu 2', 'warn'],
    ['Hợp lệ', 'ok'],
    ['Đã nộp', 'ok'],
    ['Đủ', 'ok'],
    ['Chưa đến hạn', ''],
  ])('colours %s like the sheet does (%s)', (text, cls) => {
    expect(statusClass(text)).toBe(cls);
  });

  it('escapes cell text', () => {
    expect(grid([['A'], ['<script>alert(1)</script>']])).toContain('&lt;script&gt;');
  });

  it('splits Tổng hợp into titled sections and draws bars for shares and level counts', () => {
    const values = [
      ['Phong trào Toàn dân bảo vệ an ninh Tổ quốc năm 2025'],
      ['Cập nhật lúc', '09/12/2025 08:00:00'],
      [],
      ['Tiến độ nộp theo mốc'],
      ['Mã mốc', 'Tên mốc', 'Đã nộp', 'Tỷ lệ (%)'],
      ['DK', 'Đăng ký', '3', '75%'],
      ['TK', 'Tổng kết', '1', '25'],
      ['', '', '', ''],
      ['Xếp loại'],
      ['Xếp loại', 'Số đơn vị'],
      ['Xuất sắc', '2'],
      ['Khá', '1'],
      ['Chưa xếp loại', '1'],
    ];
    const sections = splitSections(values);
    expect(sections.map((s) => s.title)).toEqual([
      'Phong trào Toàn dân bảo vệ an ninh Tổ quốc năm 2025',
      'Tiến độ nộp theo mốc',
      'Xếp loại',
    ]);
    const html = renderDashboard(values);
    expect(html).toContain('style="width:75.0%"');
    expect(html).toContain('style="width:25.0%"');
    expect(html).toContain('style="width:50.0%"'); // Khá: 1 of the largest count 2
    expect(percentOf('85,5 %', false)).toBe(85.5);
    expect(percentOf('0.4', true)).toBe(0.4);
    expect(html).toContain('DK – Đăng ký');
  });

  it('finds a response verdict in Kiểm tra by row, or by unit and time', () => {
    const byRow = [
      ['Biểu mẫu', 'Dòng', 'Dấu thời gian', 'Mã đơn vị', 'Trạng thái', 'Lỗi'],
      ['Đăng ký thi đua', 2, 46000.5, 'SO-TP', 'Không hợp lệ', 'Lỗi một\nLỗi hai'],
    ];
    expect(findVerdict(byRow, 'Đăng ký thi đua', 2, { unit: 'x', submittedAt: 1 }, 'Asia/Ho_Chi_Minh')).toMatchObject({
      status: 'Không hợp lệ',
      errors: ['Lỗi một', 'Lỗi hai'],
      checkRow: 2,
    });
    const byTime = [
      ['Biểu mẫu', 'Dấu thời gian', 'Mã đơn vị', 'Trạng thái', 'Lỗi'],
      ['Đăng ký thi đua', '09/12/2025 12:00:00', 'SO-TP', 'Hợp lệ', ''],
    ];
    expect(
      findVerdict(byTime, 'Đăng ký thi đua', 7, { unit: ' so-tp ', submittedAt: 46000.5 }, 'Asia/Ho_Chi_Minh')?.status,
    ).toBe('Hợp lệ');
    expect(
      findVerdict(byTime, 'Đăng ký thi đua', 7, { unit: 'SO-YT', submittedAt: 46000.5 }, 'Asia/Ho_Chi_Minh'),
    ).toBeNull();
  });

  it('shows an email HTML part in an iframe sandboxed without scripts', () => {
    const html = renderMessage(
      [
        {
          id: 'm1',
          receivedAt: '2025-12-09T01:00:00Z',
          rendered: [
            { to: [{ email: 'a@b.vn' }], subject: 'Xác nhận', html: '<p onclick="x">"Chào"</p>', text: 'Chào' },
          ],
        },
      ],
      'm1',
      0,
      'Asia/Ho_Chi_Minh',
    )!;
    expect(html).toContain('sandbox=""');
    expect(html).toContain('srcdoc="&lt;p onclick=&quot;x&quot;&gt;&quot;Chào&quot;&lt;/p&gt;"');
    expect(html).toContain('09/12/2025 08:00:00');
  });
});
