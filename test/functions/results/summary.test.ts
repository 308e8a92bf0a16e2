import { describe, expect, it } from 'vitest';
import { loadTemplates } from '../../../functions/mail/index.ts';
import type { Evaluation } from '../../../functions/core/model.ts';
import type { Snapshot } from '../../../functions/core/snapshot.ts';
import { jobContext } from '../../../functions/jobs/jobs.ts';
import { resultsEmails } from '../../../functions/results/index.ts';
import { NOW, lateCampaign } from '../dashboard/fixture.ts';

/** The summaries as a first run's mail log builds them: each is a bundle of one item, its key. */
const planResultsEmails = (evaluation: Evaluation, snap: Snapshot) =>
  [...resultsEmails(jobContext(snap, NOW, { evaluation }))].map((bundle) => {
    expect(bundle.items).toHaveLength(1);
    return bundle.build(bundle.items[0], () => true);
  });

const PREFIX = 'results|Phong trào Toàn dân bảo vệ an ninh Tổ quốc 2026|';

describe('resultsEmails', () => {
  it('mails units with a level or a nomination verdict, to their contact address', () => {
    const { snap, ev } = lateCampaign();
    const emails = planResultsEmails(ev, snap);
    expect(emails.map((e) => e.key.slice(PREFIX.length).split('|')[0])).toEqual([
      'SO-TP',
      'SO-YT',
      'XA-AB',
      'THPT-LQD',
    ]);
    expect(emails.every((e) => e.template === 'results' && /\|[0-9a-f]{16}$/.test(e.key))).toBe(true);
    expect(emails[0].to).toEqual([{ email: 'vanthu.so-tp@example.vn', name: 'Sở Tư pháp' }]);
    const yt = emails[1].data;
    expect([yt.classified, yt.level, yt.nominations.map((n) => n.status)]).toEqual([
      false,
      'Chưa xếp loại',
      ['Chờ xếp loại'],
    ]);
  });

  it('skips a unit with neither a level nor a nomination', () => {
    const { snap, ev } = lateCampaign();
    const emails = planResultsEmails(
      { ...ev, nominations: ev.nominations.filter((n) => n.unitCode !== 'SO-YT') },
      snap,
    );
    expect(emails.map((e) => e.key.slice(PREFIX.length).split('|')[0])).toEqual(['SO-TP', 'XA-AB', 'THPT-LQD']);
  });

  it('gives each unit its own result when an evaluation lists the results in another order than the units', () => {
    const { snap, ev } = lateCampaign();
    const inOrder = planResultsEmails(ev, snap);
    const reversed = planResultsEmails({ ...ev, results: [...ev.results].reverse() }, snap);
    expect(reversed.map((e) => e.key)).toEqual(inOrder.map((e) => e.key));
    expect(reversed.map((e) => e.data)).toEqual(inOrder.map((e) => e.data));
  });

  it('keeps the key while the result is unchanged, and changes it when the level, ANTT or a verdict changes', () => {
    const { snap, ev } = lateCampaign();
    const keyOf = (e: typeof ev, unit: string) =>
      planResultsEmails(e, snap).find((m) => m.key.includes(`|${unit}|`))!.key;
    const base = keyOf(ev, 'XA-AB');
    expect(keyOf(lateCampaign().ev, 'XA-AB')).toBe(base);
    const withResult = (change: Partial<(typeof ev.results)[number]>) => ({
      ...ev,
      results: ev.results.map((r) => (r.unitCode === 'XA-AB' ? { ...r, ...change } : r)),
    });
    expect(keyOf(withResult({ level: 'Xuất sắc' }), 'XA-AB')).not.toBe(base);
    expect(keyOf(withResult({ antt: 'Chưa đạt: chưa có mô hình hoạt động hiệu quả' }), 'XA-AB')).not.toBe(base);
    // Another unit of the cluster being classified moves nobody's key.
    expect(keyOf(withResult({}), 'XA-AB')).toBe(base);
    const verdict = {
      ...ev,
      nominations: ev.nominations.map((n) =>
        n.unitCode === 'SO-YT' ? { ...n, status: 'Đủ điều kiện' as const, reason: '' } : n,
      ),
    };
    expect(keyOf(verdict, 'SO-YT')).not.toBe(keyOf(ev, 'SO-YT'));
    expect(keyOf(verdict, 'SO-TP')).toBe(keyOf(ev, 'SO-TP'));
  });

  it('renders the score by group, level, rank, commendation and each nomination verdict', () => {
    const { snap, ev } = lateCampaign();
    const [tp, yt] = planResultsEmails(ev, snap);
    const templates = loadTemplates();
    const r = templates.render(tp.template, tp.data);
    expect(r.subject).toBe('[Phong trào Toàn dân bảo vệ an ninh Tổ quốc] Kết quả xếp loại: Xuất sắc – Sở Tư pháp');
    expect(r.text).toContain(
      '- Xếp loại: Xuất sắc\n- Tổng điểm: 92 (điểm tự chấm)\n- Thứ hạng trong Khối cơ quan tỉnh: 1/1 đơn vị đã xếp loại\n- Được xét khen thưởng: Có',
    );
    expect(r.text).toContain('- Lãnh đạo, chỉ đạo: 14/15\n- Kết quả thực hiện: 78/85');
    expect(r.text).toContain(
      '- Phòng Phổ biến giáo dục pháp luật (Tập thể), Bằng khen của Bộ trưởng Bộ Công an: Đủ điều kiện',
    );
    expect(r.html).toContain('Tiêu chuẩn “An toàn về ANTT”');
    const y = templates.render(yt.template, yt.data);
    expect(y.subject).toBe('[Phong trào Toàn dân bảo vệ an ninh Tổ quốc] Kết quả xét đề nghị khen thưởng – Sở Y tế');
    expect(y.text).toContain(
      '- Nguyễn Văn An (Cá nhân), Bằng khen của Bộ trưởng Bộ Công an: Chờ xếp loại – Đơn vị chưa được xếp loại.',
    );
    expect(y.text).not.toContain('Tổng điểm');
  });

  it('escapes a nominee name typed with HTML in the HTML part', () => {
    const { snap, ev } = lateCampaign();
    const hostile = { ...ev, nominations: [{ ...ev.nominations[0], nominee: '<script>alert(1)</script>' }] };
    const email = planResultsEmails(hostile, snap)[0];
    const { html } = loadTemplates().render(email.template, email.data);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
  });
});
