// The `ingest` job end to end: official clients, local Sheets and SendGrid servers, a small registration campaign.
import { afterEach, describe, expect, it } from 'vitest';
import type { Cell } from '../../../functions/core/cells.ts';
import { dateToSerial } from '../../../functions/core/cells.ts';
import { unitSecret } from '../../../functions/core/unit-secret.ts';
import { FIXTURE_UNIT_KEY } from '../../../scripts/bench/campaign.ts';
import { startCampaignStack, type CampaignStack } from '../../faults/campaign-stack.ts';
import { benchCampaign, toSnapshot } from '../../../scripts/bench/campaign.ts';
import { keyItems } from '../../../functions/jobs/mail-log.ts';
import { TAB } from '../../../sheets-schema/index.ts';

const DECEMBER = new Date('2026-12-01T08:00:00+07:00');

const NOW = new Date('2026-03-25T08:00:00+07:00');
const REG_HEADER = [
  'Dấu thời gian',
  'Mã đơn vị',
  'Mã xác thực',
  'Người đăng ký',
  'Email người đăng ký',
  'Đăng ký "An toàn về ANTT"',
  'Nội dung cam kết',
  'Mô hình điển hình đăng ký',
  'Số điểm áp dụng mô hình',
  'Số tổ',
];

function unitRows(n: number): Cell[][] {
  const rows: Cell[][] = [['Mã đơn vị', 'Tên đơn vị', 'Loại hình', 'Cụm/Khối', 'Email liên hệ', 'Email lãnh đạo']];
  for (let i = 1; i <= n; i++)
    rows.push([`DV${i}`, `Đơn vị số ${i}`, 'Cơ quan', `Khối ${1 + (i % 3)}`, `dv${i}@example.vn`, `ld${i}@example.vn`]);
  return rows;
}

function registration(i: number, day: number, overrides: Record<string, Cell> = {}): Cell[] {
  const answers: Record<string, Cell> = {
    'Dấu thời gian': dateToSerial(new Date(`2026-03-${String(day).padStart(2, '0')}T09:00:00+07:00`)) + i / 100_000,
    'Mã đơn vị': `DV${i}`,
    'Mã xác thực': unitSecret(FIXTURE_UNIT_KEY, `DV${i}`, 0),
    'Người đăng ký': 'Nguyễn Văn An',
    'Email người đăng ký': `dv${i}@example.vn`,
    'Đăng ký "An toàn về ANTT"': 'Có',
    'Nội dung cam kết': 'Tuyên truyền cho 100% cán bộ.',
    'Mô hình điển hình đăng ký': 'Tổ tự quản',
    'Số điểm áp dụng mô hình': 2,
    'Số tổ': 3,
    ...overrides,
  };
  return REG_HEADER.map((h) => answers[h] ?? '');
}

function campaign(units: number, responses: Cell[][]): Map<string, Cell[][]> {
  return new Map<string, Cell[][]>([
    [
      'Cấu hình',
      [
        ['Khóa', 'Giá trị'],
        ['Tên phong trào', 'Phong trào thử'],
        ['Năm', '2026'],
      ],
    ],
    ['Đơn vị', unitRows(units)],
    [
      'Mốc thời gian',
      [
        ['Mã mốc', 'Tên mốc', 'Biểu mẫu', 'Hạn nộp', 'Nhắc trước (ngày)'],
        ['DK', 'Đăng ký thi đua', 'Đăng ký thi đua', '31/03/2026', '7,3,1'],
      ],
    ],
    ['Đăng ký thi đua', [REG_HEADER, ...responses]],
  ]);
}

const outboxKeys = (stack: CampaignStack) =>
  stack.mail.outbox().flatMap((m) => m.rendered.map((r) => `${r.email_key}`));

let stack: CampaignStack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

describe('ingest', () => {
  it('writes one Kiểm tra row per response and mails a receipt or a "please fix" list to the unit', async () => {
    stack = await startCampaignStack(
      campaign(3, [
        registration(1, 2),
        registration(2, 3, { 'Email người đăng ký': 'dv2@example', 'Nội dung cam kết': '' }),
        registration(3, 4, { 'Mã đơn vị': 'DV99' }),
      ]),
    );
    await stack.run('ingest', NOW);
    const checks = (await stack.read(['Kiểm tra'])).get('Kiểm tra')!;
    const header = checks[0].map(String);
    const rows = checks.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
    expect(rows.map((r) => [r['Mã đơn vị'], r['Trạng thái']])).toEqual([
      ['DV1', 'Hợp lệ'],
      ['DV2', 'Không hợp lệ'],
      ['DV99', 'Không hợp lệ'],
    ]);
    expect(String(rows[1]['Lỗi'])).toContain('Email người đăng ký');
    expect(String(rows[1]['Lỗi'])).toContain('Nội dung cam kết');
    expect(String(rows[2]['Lỗi'])).toContain('DV99');

    const mails = stack.mail.outbox().flatMap((m) => m.rendered);
    const toDv1 = mails.find((m) => m.to.some((t) => t.email === 'dv1@example.vn'))!;
    expect(toDv1.subject).toContain('Xác nhận');
    const toDv2 = mails.find((m) => m.to.some((t) => t.email === 'dv2@example.vn'))!;
    expect(toDv2.text).toContain('Nội dung cam kết');
  });

  it('sends nothing new when run again on unchanged responses, and judges an edited response again', async () => {
    stack = await startCampaignStack(campaign(2, [registration(1, 2), registration(2, 3, { 'Nội dung cam kết': '' })]));
    await stack.run('ingest', NOW);
    const first = outboxKeys(stack).length;
    const again = await stack.run('ingest', NOW);
    expect(outboxKeys(stack)).toHaveLength(first);
    expect(again.mailRequests).toBe(0);

    // The unit fixes its answer through the edit link: Google Forms rewrites the row in place with a new timestamp.
    const fixed = registration(2, 5, { 'Nội dung cam kết': 'Đã bổ sung cam kết.' });
    await stack.api.spreadsheets.values.update({
      spreadsheetId: 'faults',
      range: "'Đăng ký thi đua'!A3",
      valueInputOption: 'RAW',
      requestBody: { values: [fixed] },
    });
    await stack.run('ingest', NOW);
    const receipts = stack.mail
      .outbox()
      .flatMap((m) => m.rendered)
      .filter((m) => m.to.some((t) => t.email === 'dv2@example.vn'));
    expect(receipts.map((m) => m.subject.split(':')[0])).toEqual([
      expect.stringContaining('Đề nghị'),
      expect.stringContaining('Xác nhận'),
    ]);
  });

  it('sends no receipt again when a coordinator corrects the campaign name in Cấu hình', async () => {
    stack = await startCampaignStack(campaign(2, [registration(1, 2), registration(2, 3)]));
    await stack.run('ingest', NOW);
    const first = outboxKeys(stack);
    expect(first).toHaveLength(2);
    await stack.api.spreadsheets.values.update({
      spreadsheetId: 'faults',
      range: "'Cấu hình'!B2",
      valueInputOption: 'RAW',
      requestBody: { values: [['Phong trào thi đua "Toàn dân bảo vệ an ninh Tổ quốc"']] },
    });
    const again = await stack.run('ingest', NOW);
    expect(again.mailRequests).toBe(0);
    expect(outboxKeys(stack)).toEqual(first);
  });

  it('makes as many Sheets API calls for 500 responses as for 50', async () => {
    const calls: number[] = [];
    for (const n of [50, 500]) {
      stack = await startCampaignStack(
        campaign(
          n,
          Array.from({ length: n }, (_, i) => registration(i + 1, 2 + (i % 20))),
        ),
      );
      const summary = await stack.run('ingest', NOW);
      calls.push(summary.sheetsCalls);
      await stack.close();
      stack = undefined;
    }
    expect(calls[0]).toBe(calls[1]);
    // The values read and the sheet list beside it, the tabs' write, the claims append and its read-back, the
    // statuses' write; and, on this first run only, one structure change that sizes the grids setup made (1,000 × 26)
    // to the tabs.
    expect(calls[0]).toBeLessThanOrEqual(7);
  });

  it('writes and sends nothing in a dry run', async () => {
    stack = await startCampaignStack(campaign(1, [registration(1, 2)]));
    const summary = await stack.run('ingest', NOW, true);
    expect(summary.lines.join('\n')).toContain('Chạy thử');
    expect(stack.mail.outbox()).toHaveLength(0);
    expect((await stack.read(['Kiểm tra'])).get('Kiểm tra')!.length).toBeLessThanOrEqual(1);
  });

  it('puts the responses of one unit judged in one run in one email, and a later response in one more', async () => {
    // 3 units × 5 responses (registration, interim and final reports, two nominations), all valid.
    const grids = toSnapshot(benchCampaign(3, 2026)).tabs as Map<string, Cell[][]>;
    stack = await startCampaignStack(grids);
    await stack.run('ingest', DECEMBER);
    const receipts = () =>
      stack!.mail
        .outbox()
        .flatMap((m) => m.rendered)
        .filter((m) => (m.email_key ?? '').startsWith('ingest|'));
    const first = receipts();
    expect(first.map((m) => m.to.map((t) => t.email).join(','))).toEqual([
      'vanthu.dv00001@example.vn',
      'vanthu.dv00002@example.vn',
      'vanthu.dv00003@example.vn',
    ]);
    expect(first.map((m) => m.subject.replace(/ – .*/, ''))).toEqual(
      Array(3).fill('[Phong trào Toàn dân bảo vệ an ninh Tổ quốc] Xác nhận đã nhận 5 biểu mẫu'),
    );
    expect(first.every((m) => keyItems(m.email_key ?? '').length === 5)).toBe(true);
    expect((await stack.run('ingest', DECEMBER)).mailRequests).toBe(0);

    // The first unit sends one more nomination: one email, carrying that response alone.
    const nominations = grids.get(TAB.nominations)!;
    const extra = [...nominations[1]];
    extra[0] = Number(extra[0]) + 1;
    await stack.api.spreadsheets.values.append({
      spreadsheetId: 'faults',
      range: `'${TAB.nominations}'!A1`,
      valueInputOption: 'RAW',
      requestBody: { values: [extra] },
    });
    await stack.run('ingest', DECEMBER);
    const later = receipts().slice(first.length);
    expect(later.map((m) => [m.to[0].email, keyItems(m.email_key ?? '').length])).toEqual([
      ['vanthu.dv00001@example.vn', 1],
    ]);
    expect(later[0].subject).toContain('Xác nhận đã nhận: ');
  });
});
