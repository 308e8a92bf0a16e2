// The documents job's pure plan over the demo campaign: the files to put on Drive and where, or why there are none.
import { describe, expect, it } from 'vitest';
import { TAB } from '../../../sheets-schema/index.ts';
import type { Snapshot } from '../../../functions/core/snapshot.ts';
import { TEMPLATE_FILES } from '../../../functions/documents/index.ts';
import { loadDocumentTemplates } from '../../../functions/documents/load.ts';
import { planDocuments } from '../../../functions/jobs/documents.ts';
import { jobContext } from '../../../functions/jobs/jobs.ts';
import { FIXTURE_UNIT_KEY } from '../../../scripts/bench/campaign.ts';
import { DEMO_DRIVE_FOLDER_ID, demoGrids } from '../../../scripts/demo/campaign.ts';

const NOW = new Date('2026-12-01T09:00:00+07:00');
const snapshot: Snapshot = { spreadsheetId: 'demo', tabs: demoGrids(NOW, 'http://127.0.0.1:8080/') };
const templates = loadDocumentTemplates();
const context = jobContext(snapshot, NOW, { unitKey: FIXTURE_UNIT_KEY });

describe('planDocuments', () => {
  it('from the menu: every document of the campaign, for the folder of Cấu hình', () => {
    const plan = planDocuments(context, templates);
    expect(plan.publish).toBe(true);
    expect(plan.folder).toEqual({ kind: 'ok', id: DEMO_DRIVE_FOLDER_ID });
    expect(plan.timeZone).toBe('Asia/Ho_Chi_Minh');
    expect(plan.files.map((f) => f.kind)).toContain('bao-cao-tong-ket');
    expect(new Set(plan.files.map((f) => f.name)).size).toBe(plan.files.length);
    expect(plan.summary).toEqual([`Đã tạo ${plan.files.length} văn bản từ bảng tính.`]);
    // The planner contract's shape: no tab of its own before Drive has answered, no email.
    expect(plan.writes).toEqual([]);
    expect([...plan.emails]).toEqual([]);
  });

  it('a template that is not a .docx stops the run with the generator’s Vietnamese message, nothing to publish', () => {
    const broken = new Map(templates);
    broken.set(TEMPLATE_FILES.list, new TextEncoder().encode('không phải docx'));
    const plan = planDocuments(context, broken);
    expect(plan.publish).toBe(false);
    expect(plan.files).toEqual([]);
    expect(plan.summary[0]).toMatch(/^Mẫu văn bản "danh-sach\.docx"/);
    expect(plan.summary[1]).toBe('Chưa tạo văn bản nào; Google Drive và trang Văn bản giữ nguyên.');
  });

  it('ends its summary, as every job does, with the problems of Mốc thời gian the context found', () => {
    const tabs = new Map(snapshot.tabs);
    const milestones = tabs.get(TAB.milestones)!.map((row) => [...row]);
    const at = milestones[0].indexOf('Hạn nộp');
    milestones[1][at] = 'giữa tháng 5';
    tabs.set(TAB.milestones, milestones);
    const plan = planDocuments(jobContext({ ...snapshot, tabs }, NOW, { unitKey: FIXTURE_UNIT_KEY }), templates);
    expect(plan.publish).toBe(true);
    expect(plan.summary.at(-1)).toMatch(/^Mốc thời gian, dòng 2: hạn nộp 'giữa tháng 5' không phải ngày hợp lệ/);
  });

  describe('the scheduler’s daily call (issue 18 §4: on the organiser’s own deadlines)', () => {
    // The demo's BC-TK: the report to Bộ Công an and Bộ Nội vụ by 30/11, documents prepared 7 and 3 days before.
    const scheduled = (at: string) => {
      const now = new Date(at);
      const grids: Snapshot = { spreadsheetId: 'demo', tabs: demoGrids(now, 'http://127.0.0.1:8080/') };
      return planDocuments(jobContext(grids, now, { unitKey: FIXTURE_UNIT_KEY }), templates, { whenDue: true });
    };

    it('makes nothing before the report’s preparation begins, or after its deadline day, and says why', () => {
      for (const at of ['2026-11-22T07:00:00+07:00', '2026-12-01T07:00:00+07:00']) {
        const plan = scheduled(at);
        expect(plan.publish).toBe(false);
        expect(plan.files).toEqual([]);
        expect(plan.summary[0]).toMatch(/^Lịch hằng ngày: hôm nay không trong thời gian chuẩn bị báo cáo cấp trên nào/);
      }
    });

    it('makes every document from 7 days before the report to its deadline day, naming the report', () => {
      const first = scheduled('2026-11-23T07:00:00+07:00');
      expect(first.publish).toBe(true);
      expect(first.summary[0]).toBe(
        'Chuẩn bị "Báo cáo kết quả phong trào gửi Bộ Công an, Bộ Nội vụ" (hạn 30/11/2026, còn 7 ngày).',
      );
      expect(first.files.map((f) => f.kind)).toContain('bao-cao-tong-ket');
      const last = scheduled('2026-11-30T07:00:00+07:00');
      expect(last.publish).toBe(true);
      expect(last.summary[0]).toBe(
        'Chuẩn bị "Báo cáo kết quả phong trào gửi Bộ Công an, Bộ Nội vụ" (hạn 30/11/2026, hạn là hôm nay).',
      );
    });
  });
});
