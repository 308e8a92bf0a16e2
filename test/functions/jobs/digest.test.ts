import { describe, expect, it } from 'vitest';
import { TAB } from '../../../sheets-schema/index.ts';
import type { Evaluation } from '../../../functions/core/model.ts';
import type { Snapshot } from '../../../functions/core/snapshot.ts';
import { bar, digest } from '../../../functions/jobs/digest.ts';
import { jobContext, planWith } from '../../../functions/jobs/jobs.ts';
import type { DigestData } from '../../../functions/mail/index.ts';
import { loadTemplates } from '../../../functions/mail/index.ts';
import { NOW, lateCampaign } from '../dashboard/fixture.ts';

const RECIPIENTS = 'bithu@example.vn, chutich@example.vn; truongban@example.vn; khong-phai-email';
const PREFIX = 'digest|Phong trào Toàn dân bảo vệ an ninh Tổ quốc 2026|2026-W41|';

const LAST_WEEK = [
  ['Tuần', 'Ngày', 'Số đơn vị', 'Đã nộp DK', 'Quá hạn DK', 'Đã nộp SK', 'Quá hạn SK', 'Xuất sắc', 'Đã nộp CU'],
  ['2026-W39', '21/09/2026', 4, 3, 1, 1, 0, 0, 2],
  ['2026-W40', '28/09/2026', 4, 3, 1, 1, 0, 0, 3],
  ['2026-W41', '05/10/2026', 99, 99, 99, 99, 99, 99, 99],
];

/** The digest's plan with an empty mail log: every email it decides, and its own writes (`Lịch sử`) last. */
const planDigest = (snap: Snapshot, evaluation: Evaluation, now: Date) =>
  planWith(digest, jobContext(snap, now, { evaluation }));

function plan(history?: typeof LAST_WEEK) {
  const { snap, ev } = lateCampaign({ 'Người nhận bản tin': RECIPIENTS }, history ? { [TAB.history]: history } : {});
  return planDigest(snap, ev, NOW);
}

describe('digest', () => {
  it('sends one email per leader list with a key per ISO week and list, skipping a malformed address', () => {
    const p = plan();
    expect(p.emails.map((e) => e.to.map((r) => r.email))).toEqual([
      ['bithu@example.vn', 'chutich@example.vn'],
      ['truongban@example.vn'],
    ]);
    for (const e of p.emails) {
      expect(e.template).toBe('digest');
      expect(e.key.startsWith(PREFIX)).toBe(true);
    }
    expect(new Set(p.emails.map((e) => e.key)).size).toBe(2);
    expect(p.summary).toContain(
      "Cấu hình, 'Người nhận bản tin': 'khong-phai-email' không phải địa chỉ email, đã bỏ qua.",
    );
  });

  it('keeps the same key when the addresses of a list are reordered', () => {
    const { snap, ev } = lateCampaign({ 'Người nhận bản tin': 'Chutich@example.vn,bithu@example.vn' });
    expect(planDigest(snap, ev, NOW).emails[0].key).toBe(plan().emails[0].key);
  });

  it('rewrites Lịch sử whole: earlier weeks kept (with a column no longer tracked), this week replaced on a re-run', () => {
    const rows = plan(LAST_WEEK).writes.at(-1)!.rows;
    expect(plan(LAST_WEEK).writes.at(-1)!.tab).toBe('Lịch sử');
    const header = rows[0] as string[];
    expect(header.slice(0, 2)).toEqual(['Tuần', 'Ngày']);
    expect(header).toContain('Đã nộp KH');
    expect(header.at(-1)).toBe('Đã nộp CU');
    expect(rows.map((r) => r[0])).toEqual(['Tuần', '2026-W39', '2026-W40', '2026-W41']);
    const thisWeek = Object.fromEntries(header.map((h, i) => [h, rows[3][i]]));
    expect(thisWeek).toMatchObject({
      Ngày: '05/10/2026',
      'Số đơn vị': 4,
      'Đã nộp DK': 3,
      'Đã nộp SK': 2,
      'Quá hạn SK': 1,
      'Xuất sắc': 1,
      'Đã nộp CU': '',
    });
    const w39 = Object.fromEntries(header.map((h, i) => [h, rows[1][i]]));
    expect(w39).toMatchObject({ Ngày: '21/09/2026', 'Đã nộp DK': 3, 'Đã nộp KH': '', 'Đã nộp CU': 2 });
  });

  it('says what changed since the previous week, and that a first digest has nothing to compare', () => {
    const data = plan(LAST_WEEK).emails[0].data as DigestData;
    expect(data.previousWeekLabel).toBe('Tuần 40/2026');
    expect(data.changes).toEqual([
      { label: 'Đã nộp SK', previous: 1, current: 2, delta: '+1' },
      { label: 'Quá hạn SK', previous: 0, current: 1, delta: '+1' },
      { label: 'Xuất sắc', previous: 0, current: 1, delta: '+1' },
    ]);
    const first = plan().emails[0].data as DigestData;
    expect([first.hasPrevious, first.changes]).toEqual([false, []]);
  });

  it('groups late and overdue units by cluster', () => {
    const data = plan().emails[0].data as DigestData;
    expect(data.clusters).toEqual([
      {
        cluster: 'Khối cơ quan tỉnh',
        units: [
          { code: 'SO-YT', name: 'Sở Y tế', items: 'DK: quá hạn; KH: quá hạn; SK: quá hạn' },
          { code: 'SO-TP', name: 'Sở Tư pháp', items: 'DK: nộp muộn' },
        ],
      },
      {
        cluster: 'Cụm xã, phường',
        units: [{ code: 'XA-AB', name: 'UBND xã An Bình', items: 'SK: quá hạn, bài nộp không hợp lệ' }],
      },
    ]);
  });

  it('plans no email but still records the week when no leader list is configured', () => {
    const { snap, ev } = lateCampaign();
    const p = planDigest(snap, ev, NOW);
    expect(p.emails).toEqual([]);
    expect(digest(jobContext(snap, NOW, { evaluation: ev })).writes.map((w) => w.tab)).toEqual(['Lịch sử']);
    expect(p.summary[1]).toBe(
      "Chưa có danh sách nhận bản tin hợp lệ ở khóa 'Người nhận bản tin' của trang 'Cấu hình'.",
    );
  });
});

describe('bar', () => {
  it.each([
    [
      [
        [1, 'a'],
        [1, 'b'],
        [1, 'c'],
      ],
      [34, 33, 33],
    ],
    [
      [
        [2, 'a'],
        [0, 'b'],
        [1, 'c'],
      ],
      [67, 33],
    ],
    [
      [
        [0, 'a'],
        [0, 'b'],
      ],
      [100],
    ],
    [
      [
        [1, 'a'],
        [199, 'b'],
      ],
      [1, 99],
    ],
  ] as const)('%j → widths %j adding up to 100', (parts, widths) => {
    const segments = bar(parts);
    expect(segments.map((s) => s.width)).toEqual(widths);
    expect(segments.reduce((s, x) => s + x.width, 0)).toBe(100);
  });
});

describe('the digest email', () => {
  it('renders progress bars as table cells with inline widths, and a plain-text part with the same figures', () => {
    const email = plan(LAST_WEEK).emails[0];
    const { subject, html, text } = loadTemplates().render(email.template, email.data);
    expect(subject).toBe(
      '[Phong trào Toàn dân bảo vệ an ninh Tổ quốc] Bản tin Tuần 41/2026: tiến độ, xếp loại, khen thưởng',
    );
    expect(html).not.toMatch(/<img|<style|class=/);
    // SK: 2 on time, 1 invalid, 1 overdue of 4 units.
    expect(html).toContain(
      '<td width="50%" height="14" style="width:50%;height:14px;line-height:14px;font-size:1px;background-color:#15803d;">',
    );
    expect(html).toContain('background-color:#7c3aed;');
    expect(text).toContain('- SK – Báo cáo sơ kết (hạn 30/09/2026): đã nộp 50%');
    expect(text).toContain('  Đúng hạn 2 · Nộp muộn 0 · Không hợp lệ 1 · Quá hạn 1 · Chưa đến hạn 0');
    expect(text).toContain('- Sở Y tế (SO-YT): DK: quá hạn; KH: quá hạn; SK: quá hạn');
    expect(text).toContain('- Khá: 2 (50%)');
    expect(text).toContain(
      '- Bằng khen của Bộ trưởng Bộ Công an – Tập thể: 1 đề nghị, 1 hợp lệ, chỉ tiêu 2–…: Thiếu 1',
    );
    expect(text).toContain('So với Tuần 40/2026:\n- Đã nộp SK: 1 → 2 (+1)');
    expect(text).not.toMatch(/&[a-z#0-9]+;/);
  });

  it('shows the units with nothing to send for an optional milestone apart, and never lists them as late (Bắt buộc)', () => {
    const milestones = [
      ['Mã mốc', 'Tên mốc', 'Biểu mẫu', 'Hạn nộp', 'Nhắc trước (ngày)', 'Bắt buộc'],
      ['KT', 'Đề nghị khen thưởng', TAB.nominations, '30/09/2026', '7', 'Không'],
    ];
    const { snap, ev } = lateCampaign(
      { 'Người nhận bản tin': 'truongban@example.vn' },
      { [TAB.milestones]: milestones },
    );
    const email = planDigest(snap, ev, NOW).emails[0];
    const { text } = loadTemplates().render(email.template, email.data);
    expect(text).toContain(
      '  Đúng hạn 0 · Nộp muộn 0 · Không hợp lệ 0 · Quá hạn 0 · Chưa đến hạn 0 · Không bắt buộc 4',
    );
    expect(text).not.toContain('KT: quá hạn');
  });
});
