import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGISTRATION_FORM } from '../../../sheets-schema/forms/index.ts';
import { dateToSerial } from '../../../functions/core/cells.ts';
import { startHarness, type Harness } from './harness.ts';

const TAB = 'Đăng ký thi đua';
// A coordinator reordered the columns and added one: answers must still land under their headers.
const HEADERS = [
  'Dấu thời gian',
  'Email người đăng ký',
  'Ghi chú của Thường trực',
  'Mã đơn vị',
  ...REGISTRATION_FORM.questions.map((q) => q.header).filter((h) => h !== 'Mã đơn vị' && h !== 'Email người đăng ký'),
];
let clock = new Date('2025-03-10T02:30:00Z'); // 09:30:00 in Hà Nội
let h: Harness;

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const post = (path: string, fields: Record<string, string>) =>
  fetch(`${h.web}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form(fields),
  });

type Live = { hash: string; html: string };
const live = async (url: string) => (await (await fetch(url)).json()) as Live;

async function rows(): Promise<unknown[][]> {
  const res = await h.api.spreadsheets.values.get({
    spreadsheetId: 'demo',
    range: `'${TAB}'`,
    valueRenderOption: 'UNFORMATTED_VALUE',
  });
  return res.data.values ?? [];
}

const VALID = {
  'Mã đơn vị': 'so-tp',
  'Người đăng ký': 'Nguyễn Văn An',
  'Email người đăng ký': 'an@sotp.example.vn',
  'Đăng ký "An toàn về ANTT"': 'Có',
  'Nội dung cam kết': 'Tuyên truyền đến 100% cán bộ.',
  'Số tổ': '12',
};

beforeAll(async () => {
  h = await startHarness(
    {
      'Đơn vị': [
        ['Mã đơn vị', 'Tên đơn vị', 'Loại hình', 'Cụm/Khối', 'Email liên hệ', 'Email lãnh đạo'],
        ['SO-TP', 'Sở Tư pháp', 'Cơ quan', 'Khối Nội chính', 'tp@example.vn', ''],
      ],
      'Tiêu chí': [
        ['Mã tiêu chí', 'Nhóm', 'Nội dung', 'Điểm tối đa'],
        ['TC1', 'Lãnh đạo', 'Lãnh đạo, chỉ đạo', '15'],
      ],
      [TAB]: [HEADERS],
      'Kiểm tra': [['Biểu mẫu', 'Dòng', 'Dấu thời gian', 'Mã đơn vị', 'Trạng thái', 'Lỗi']],
      'Tiến độ': [
        ['Mã đơn vị', 'Mã mốc', 'Trạng thái', 'Ngày nộp'],
        ['SO-TP', 'DK', 'Quá hạn', ''],
        ['SO-YT', 'DK', 'Đã nộp', '01/03/2025'],
      ],
    },
    () => clock,
  );
  // Plays the ingest job: judges the row and rewrites `Kiểm tra`.
  h.onIngest = async ({ tab, row }) => {
    const [values] =
      (
        await h.api.spreadsheets.values.get({
          spreadsheetId: 'demo',
          range: `'${tab}'!A${row}:${row}`,
          valueRenderOption: 'UNFORMATTED_VALUE',
        })
      ).data.values ?? [];
    const unit = String(values[HEADERS.indexOf('Mã đơn vị')]).toUpperCase();
    const ok = unit === 'SO-TP';
    await h.api.spreadsheets.values.update({
      spreadsheetId: 'demo',
      range: `'Kiểm tra'!A2`,
      valueInputOption: 'RAW',
      requestBody: {
        values: [
          [
            tab,
            row,
            values[0] as number,
            unit,
            ok ? 'Hợp lệ' : 'Không hợp lệ',
            ok ? '' : `Mã đơn vị "${unit}" không có trong danh sách.`,
          ],
        ],
      },
    });
  };
});
afterAll(async () => h?.close());

describe('local web view', () => {
  it('answers /healthz', async () => {
    const res = await fetch(`${h.web}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('renders the registration form with the schema titles, help and HTML5 validation, prefilled from ?unit=', async () => {
    const html = await (
      await fetch(`${h.web}/forms/dang-ky-thi-dua?unit=SO-TP&${encodeURIComponent('Người đăng ký')}=Lan`)
    ).text();
    for (const q of REGISTRATION_FORM.questions) expect(html).toContain(`>${q.header.replace(/"/g, '&quot;')}`);
    expect(html).toContain('name="Mã đơn vị" value="SO-TP" required maxlength="40"');
    expect(html).toContain('name="Người đăng ký" value="Lan"');
    expect(html).toContain('type="email" name="Email người đăng ký"');
    expect(html).toContain('type="number" name="Số tổ" value="" min="0" max="100000" step="1"');
    expect(html).toContain('Mã do Thường trực phong trào cấp, ví dụ SO-TP.');
  });

  it('asks the final report the criteria of Tiêu chí read at request time, and medal questions only when relevant', async () => {
    const final = await (await fetch(`${h.web}/forms/bao-cao-tong-ket`)).text();
    expect(final).toMatch(/>\[TC1\] Lãnh đạo, chỉ đạo[^<]*</);
    expect(final).toMatch(/type="number" name="\[TC1\][^"]*" value="" min="0" max="15" step="any" required/);
    const nominations = await (await fetch(`${h.web}/forms/de-nghi-khen-thuong`)).text();
    expect(nominations).toContain('data-when-header="Hình thức khen thưởng"');
  });

  it('refuses a response missing a required answer server-side and appends nothing', async () => {
    const res = await post('/forms/dang-ky-thi-dua', { ...VALID, 'Nội dung cam kết': ' ', 'Số tổ': '-1' });
    const html = await res.text();
    expect(html).toContain('Chưa gửi được: có 2 câu cần sửa.');
    expect(html).toContain('Đây là câu hỏi bắt buộc.');
    expect(html).toContain('Hãy nhập số nguyên từ 0 đến 100000.');
    expect(await rows()).toHaveLength(1);
    expect(h.ingestCalls).toHaveLength(0);
  });

  it('appends a response as Google Forms does, writes its edit link and calls ingest signed', async () => {
    const res = await post('/forms/dang-ky-thi-dua', { ...VALID, 'Mã đơn vị': 'SO-XX' });
    const html = await res.text();
    expect(html).toContain('Câu trả lời của bạn đã được ghi nhận.');
    expect(html).toContain('href="/check/dang-ky-thi-dua/2"');
    const [head, row] = await rows();
    expect(head).toEqual([...HEADERS, 'Liên kết chỉnh sửa']);
    const cell = (header: string) => row[head.indexOf(header)];
    expect(cell('Dấu thời gian')).toBeCloseTo(dateToSerial(clock), 8);
    expect(cell('Mã đơn vị')).toBe('SO-XX');
    expect(cell('Email người đăng ký')).toBe('an@sotp.example.vn');
    expect(cell('Số tổ')).toBe(12);
    expect(cell('Ghi chú của Thường trực')).toBe('');
    expect(cell('Liên kết chỉnh sửa')).toBe(`${h.web}/forms/dang-ky-thi-dua/edit/2`);
    expect(h.ingestCalls).toEqual([{ body: JSON.stringify({ tab: TAB, row: 2 }), verdict: 'ok' }]);
  });

  it('shows the response status from Kiểm tra', async () => {
    const html = await (await fetch(`${h.web}/check/dang-ky-thi-dua/2`)).text();
    expect(html).toContain('<td id="status" class="bad">Không hợp lệ</td>');
    expect(html).toContain('Mã đơn vị &quot;SO-XX&quot; không có trong danh sách.');
  });

  it('edits the same row in place through the edit link, with a new timestamp, and calls ingest again', async () => {
    const edit = await (await fetch(`${h.web}/forms/dang-ky-thi-dua/edit/2`)).text();
    expect(edit).toContain('name="Mã đơn vị" value="SO-XX"');
    expect(edit).toContain('value="Có" checked');
    clock = new Date('2025-03-11T01:00:00Z');
    const res = await post('/forms/dang-ky-thi-dua/edit/2', { ...VALID });
    expect(await res.text()).toContain('Câu trả lời đã được cập nhật.');
    const all = await rows();
    expect(all).toHaveLength(2);
    const [head, row] = all;
    expect(row[head.indexOf('Mã đơn vị')]).toBe('so-tp');
    expect(row[0]).toBeCloseTo(dateToSerial(clock), 8);
    expect(row[head.indexOf('Liên kết chỉnh sửa')]).toBe(`${h.web}/forms/dang-ky-thi-dua/edit/2`);
    expect(h.ingestCalls.map((c) => c.body)).toEqual([
      JSON.stringify({ tab: TAB, row: 2 }),
      JSON.stringify({ tab: TAB, row: 2 }),
    ]);
    const check = await live(`${h.web}/api/check/dang-ky-thi-dua/2`);
    expect(check.html).toContain('class="ok">Hợp lệ<');
  });

  it('shows each tab coloured like the sheet, with a JSON endpoint whose hash changes with the data', async () => {
    const page = await (await fetch(`${h.web}/tabs/${encodeURIComponent('Tiến độ')}`)).text();
    expect(page).toContain('<td class="bad">Quá hạn</td>');
    expect(page).toContain('<td class="ok">Đã nộp</td>');
    const api = `${h.web}/api/tabs/${encodeURIComponent('Tiến độ')}`;
    const before = (await live(api)).hash;
    await h.api.spreadsheets.values.update({
      spreadsheetId: 'demo',
      range: `'Tiến độ'!C2`,
      valueInputOption: 'RAW',
      requestBody: { values: [['Nộp muộn']] },
    });
    const after = await live(api);
    expect(after.hash).not.toBe(before);
    expect(after.html).toContain('Nộp muộn');
    expect((await fetch(`${h.web}/tabs/Kh%C3%B4ng%20c%C3%B3`)).status).toBe(404);
  });

  it('lists the outbox and opens an email as its recipient sees it', async () => {
    h.outbox = [
      {
        id: 'msg-1',
        receivedAt: '2025-03-10T02:31:00Z',
        body: {},
        rendered: [
          {
            to: [{ email: 'an@sotp.example.vn' }],
            subject: 'Đề nghị bổ sung, chỉnh sửa',
            html: '<p>Xin chào</p>',
            text: 'Xin chào',
            email_key: 'k1',
          },
        ],
      },
    ];
    const list = await (await fetch(`${h.web}/outbox`)).text();
    expect(list).toContain('<a href="/outbox/msg-1/0">Đề nghị bổ sung, chỉnh sửa</a>');
    expect(list).toContain('10/03/2025 09:31:00');
    const mail = await (await fetch(`${h.web}/outbox/msg-1/0`)).text();
    expect(mail).toContain(
      '<iframe class="mail" sandbox="" title="Nội dung thư" srcdoc="&lt;p&gt;Xin chào&lt;/p&gt;">',
    );
    expect(mail).toContain('<pre class="mail">Xin chào</pre>');
  });
});
