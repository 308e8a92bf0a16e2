import { describe, expect, it } from 'vitest';
import { DASHBOARD_SECTIONS, dashboardModel, dashboardTab } from '../../../functions/dashboard/index.ts';
import type { Settings } from '../../../functions/core/settings.ts';
import { folderSettingLine } from '../../../functions/publish/folder.ts';
import { NOW, lateCampaign } from './fixture.ts';
import { evaluation, ict, snapshot } from '../calendar/fixture.ts';
import { computeProgress, readMilestones } from '../../../functions/calendar/index.ts';
import { TAB } from '../../../sheets-schema/index.ts';

describe('dashboardModel', () => {
  it('counts each milestone, lists overdue and late units, levels, cluster leaders and pending fixes', () => {
    const { ev, progress } = lateCampaign();
    const model = dashboardModel(ev, progress, NOW);
    expect(
      model.milestones.map((m) => [m.code, m.onTime, m.late, m.overdue, m.invalid, m.notYetDue, m.submittedPercent]),
    ).toEqual([
      ['DK', 2, 1, 1, 0, 0, 75],
      ['KH', 3, 0, 1, 0, 0, 75],
      ['SK', 2, 0, 1, 1, 0, 50],
    ]);
    expect(model.overdue.map((o) => `${o.unitCode} ${o.milestoneCode} ${o.status}`)).toEqual([
      'SO-YT DK Quá hạn',
      'SO-YT KH Quá hạn',
      'SO-YT SK Quá hạn',
      'XA-AB SK Không hợp lệ',
    ]);
    expect(model.late.map((o) => `${o.unitCode} ${o.milestoneCode}`)).toEqual(['SO-TP DK']);
    expect(model.levels).toEqual([
      { level: 'Xuất sắc', count: 1, percent: 25 },
      { level: 'Khá', count: 2, percent: 50 },
      { level: 'Trung bình', count: 0, percent: 0 },
      { level: 'Yếu', count: 0, percent: 0 },
      { level: 'Chưa xếp loại', count: 1, percent: 25 },
    ]);
    expect(model.leaders.map((l) => [l.cluster, l.unitCode, l.total])).toEqual([
      ['Khối cơ quan tỉnh', 'SO-TP', 92],
      ['Cụm xã, phường', 'THPT-LQD', 81.5],
    ]);
    expect(model.pendingFixes.map((f) => [f.unitCode, f.unitName, f.errors])).toEqual([
      ['XA-AB', 'UBND xã An Bình', ["Câu 'Số buổi tuyên truyền' phải là số nguyên không âm."]],
    ]);
  });
});

describe('answers waiting for a fix (CÂU TRẢ LỜI CHỜ ĐƠN VỊ SỬA)', () => {
  it('lists an invalid response until a later valid one of the same unit to the same form replaces it', () => {
    const at = (day: string) => ict(day, '09:00');
    const event = (unitCode: string, form: string, day: string, valid: boolean) => ({
      unitCode,
      form,
      at: at(day),
      valid,
      errors: valid ? [] : [`Lỗi của ${unitCode}`],
    });
    const events = [
      event('XA-AB', TAB.registration, '10/03/2026', false), // fixed on 20/03
      event('THPT-LQD', TAB.registration, '01/03/2026', true),
      event('THPT-LQD', TAB.registration, '05/03/2026', false), // after its valid one: still waiting
      event('SO-TP', TAB.registration, '10/03/2026', false), // a valid report to another form fixes nothing
      event('SO-TP', TAB.interim, '20/03/2026', true),
      event('XA-AB', TAB.registration, '20/03/2026', true),
      event('KHONG-CO', TAB.registration, '11/03/2026', false),
    ];
    const now = ict('25/03/2026');
    const snap = snapshot();
    const ev = evaluation(snap, events, now);
    const model = dashboardModel(ev, computeProgress(ev, readMilestones(snap, ev.settings), now), now);
    expect(model.pendingFixes.map((f) => [f.unitCode, f.unitName, f.form, f.errors.join()])).toEqual([
      ['THPT-LQD', 'Trường THPT Lê Quý Đôn', TAB.registration, 'Lỗi của THPT-LQD'],
      ['SO-TP', 'Sở Tư pháp', TAB.registration, 'Lỗi của SO-TP'],
      ['KHONG-CO', '', TAB.registration, 'Lỗi của KHONG-CO'],
    ]);
  });
});

describe('optional milestones on the dashboard', () => {
  it('counts units with nothing to send for an optional milestone as Không bắt buộc, never as overdue (Mốc thời gian, Bắt buộc)', () => {
    const milestones = [
      ['Mã mốc', 'Tên mốc', 'Biểu mẫu', 'Hạn nộp', 'Nhắc trước (ngày)', 'Bắt buộc'],
      ['DK', 'Đăng ký thi đua', 'Đăng ký thi đua', '31/03/2026', '7', 'Có'],
      ['KT', 'Đề nghị khen thưởng', 'Đề nghị khen thưởng', '30/09/2026', '7', 'Không'],
    ];
    const { ev, progress } = lateCampaign({}, { 'Mốc thời gian': milestones });
    const model = dashboardModel(ev, progress, NOW);
    const kt = model.milestones.find((m) => m.code === 'KT')!;
    expect([kt.units, kt.onTime, kt.overdue, kt.notYetDue, kt.notRequired]).toEqual([4, 0, 0, 0, 4]);
    expect(model.overdue.filter((o) => o.milestoneCode === 'KT')).toEqual([]);
  });
});

describe('dashboardTab', () => {
  it('lays out Tổng hợp as titled sections with stable labels and codes in columns', () => {
    const { ev, progress } = lateCampaign();
    const { tab, rows } = dashboardTab(ev, progress, NOW);
    expect(tab).toBe('Tổng hợp');
    expect(rows.slice(0, 7)).toEqual([
      ['BẢNG TỔNG HỢP PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC'],
      ['Năm', '2026'],
      ['Cơ quan phát động', 'Ban Chỉ đạo phong trào tỉnh'],
      ['Cập nhật lúc', '05/10/2026 07:30:00'],
      ['Số đơn vị', 4],
      ['Thư mục Drive văn bản', '', folderSettingLine({ kind: 'missing' })],
      [],
    ]);
    const at = (title: string) => rows.findIndex((r) => r[0] === title);
    const p = at(DASHBOARD_SECTIONS.progress);
    expect(rows.slice(p + 1, p + 5)).toEqual([
      [
        'Mã mốc',
        'Tên mốc',
        'Hạn nộp',
        'Số đơn vị',
        'Đã nộp đúng hạn',
        'Nộp muộn',
        'Quá hạn',
        'Không hợp lệ',
        'Chưa đến hạn',
        'Tỷ lệ đã nộp (%)',
        'Không bắt buộc',
      ],
      ['DK', 'Đăng ký thi đua', '31/03/2026', 4, 2, 1, 1, 0, 0, 75, 0],
      ['KH', 'Kế hoạch, tiêu chí thi đua', '15/05/2026', 4, 3, 0, 1, 0, 0, 75, 0],
      ['SK', 'Báo cáo sơ kết', '30/09/2026', 4, 2, 0, 1, 1, 0, 50, 0],
    ]);
    const o = at(DASHBOARD_SECTIONS.overdue);
    expect(rows[o + 2]).toEqual([
      'SO-YT',
      'Sở Y tế',
      'Khối cơ quan tỉnh',
      'DK',
      'Đăng ký thi đua',
      '31/03/2026',
      'Quá hạn',
    ]);
    const l = at(DASHBOARD_SECTIONS.levels);
    expect(rows.slice(l + 1, l + 8)).toEqual([
      ['Xếp loại', 'Số đơn vị', 'Tỷ lệ (%)'],
      ['Xuất sắc', 1, 25],
      ['Khá', 2, 50],
      ['Trung bình', 0, 0],
      ['Yếu', 0, 0],
      ['Chưa xếp loại', 1, 25],
      [],
    ]);
    const n = at(DASHBOARD_SECTIONS.nominations);
    expect(rows[n + 2]).toEqual(['Bằng khen của Bộ trưởng Bộ Công an', 'Tập thể', 1, 1, 2, '', 'Thiếu 1']);
    const f = at(DASHBOARD_SECTIONS.fixes);
    expect(rows[f + 2]).toEqual([
      'Báo cáo sơ kết',
      '02/10/2026 09:00:00',
      'XA-AB',
      'UBND xã An Bình',
      "Câu 'Số buổi tuyên truyền' phải là số nguyên không âm.",
    ]);
    // Sections appear in reading order, each preceded by a blank row.
    const order = Object.values(DASHBOARD_SECTIONS).map(at);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    for (const i of order) expect(rows[i - 1]).toEqual([]);
  });

  it('says so in words when a section is empty', () => {
    const { ev, progress } = lateCampaign();
    const empty = { ...ev, results: [], awards: [], responses: ev.responses.filter((r) => r.valid) };
    const rows = dashboardTab(
      empty,
      { ...progress, entries: progress.entries.filter((e) => e.status === 'Đã nộp') },
      NOW,
    ).rows;
    const flat = rows.map((r) => r[0]);
    expect(flat).toContain('Không có đơn vị quá hạn.');
    expect(flat).toContain('Chưa có đơn vị nào được xếp loại.');
    expect(flat).toContain('Chưa có chỉ tiêu khen thưởng.');
    expect(flat).toContain('Không có câu trả lời nào chờ sửa.');
  });
});

describe('issue 18: Tổng hợp says where the documents go', () => {
  const withFolder = (value: string) => {
    const { ev, progress } = lateCampaign();
    const settings = new Map(ev.settings) as Map<string, string>;
    settings.set('Thư mục Drive văn bản', value);
    const rows = dashboardTab({ ...ev, settings: settings as Settings }, progress, NOW).rows;
    return rows[rows.findIndex((r) => r[0] === 'Số đơn vị') + 1];
  };

  it('names the folder of a valid setting, an id or a link, under Số đơn vị', () => {
    expect(withFolder('https://drive.google.com/drive/folders/1AbCdEfGhIjK?usp=sharing')).toEqual([
      'Thư mục Drive văn bản',
      '1AbCdEfGhIjK',
      "Văn bản báo cáo được đưa vào thư mục này; danh sách và đường liên kết ở trang 'Văn bản'.",
    ]);
  });

  it('gives one clear Vietnamese line for a missing or wrong setting', () => {
    expect(withFolder('')).toEqual([
      'Thư mục Drive văn bản',
      '',
      expect.stringMatching(/^Chưa đặt 'Thư mục Drive văn bản': văn bản báo cáo chưa được đưa lên Google Drive\./),
    ]);
    expect(withFolder('https://drive.google.com/file/d/1AbCdEfGhIjK/view')[2]).toMatch(
      /là đường liên kết của một tệp, không phải của một thư mục/,
    );
  });
});
