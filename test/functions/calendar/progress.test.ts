import { describe, expect, it } from 'vitest';
import { TAB } from '../../../sheets-schema/index.ts';
import { computeProgress, progressTab, readMilestones } from '../../../functions/calendar/index.ts';
import { evaluation, ict, snapshot, type ResponseEvent } from './fixture.ts';

const snap = snapshot();

function statuses(events: readonly ResponseEvent[], now: Date) {
  const ev = evaluation(snap, events, now);
  const progress = computeProgress(ev, readMilestones(snap, ev.settings), now);
  return { progress, table: progress.entries.map((e) => `${e.unit.code} ${e.milestone.code} ${e.status}`) };
}

const reg = (unitCode: string, day: string, time: string, valid = true): ResponseEvent => ({
  unitCode,
  form: TAB.registration,
  at: ict(day, time),
  valid,
  errors: valid ? [] : ["Câu 'Mô hình điển hình đăng ký' chưa được trả lời."],
});

describe('computeProgress', () => {
  it('gives every status of the movement, DK and KH both answered by the registration form', () => {
    const events = [
      reg('SO-TP', '31/03/2026', '23:59'), // the last minute of the deadline day counts as on time
      reg('XA-AB', '01/04/2026', '00:01'), // one minute late for DK, on time for KH
      reg('THPT-LQD', '10/03/2026', '09:00', false),
    ];
    expect(statuses(events, ict('20/03/2026')).table.filter((l) => l.includes(' DK '))).toEqual([
      'SO-TP DK Chưa đến hạn',
      'SO-YT DK Chưa đến hạn',
      'XA-AB DK Chưa đến hạn',
      'THPT-LQD DK Không hợp lệ',
    ]);
    expect(statuses(events, ict('24/03/2026', '00:00')).table[0]).toBe('SO-TP DK Sắp đến hạn');
    expect(statuses(events, ict('23/03/2026', '23:59')).table[0]).toBe('SO-TP DK Chưa đến hạn');
    expect(statuses(events, ict('02/04/2026')).table).toEqual([
      'SO-TP DK Đã nộp',
      'SO-TP KH Đã nộp',
      'SO-TP SK Chưa đến hạn',
      'SO-YT DK Quá hạn',
      'SO-YT KH Chưa đến hạn',
      'SO-YT SK Chưa đến hạn',
      'XA-AB DK Nộp muộn',
      'XA-AB KH Đã nộp',
      'XA-AB SK Chưa đến hạn',
      'THPT-LQD DK Không hợp lệ',
      'THPT-LQD KH Không hợp lệ',
      'THPT-LQD SK Chưa đến hạn',
    ]);
  });

  it('keeps an on-time unit on time when it edits after the deadline, and dates it by the on-time submission', () => {
    const events = [
      reg('SO-TP', '01/03/2026', '10:00'),
      reg('SO-TP', '20/03/2026', '10:00'),
      reg('SO-TP', '10/04/2026', '10:00'),
    ];
    const { progress } = statuses(events, ict('11/04/2026'));
    const [dk, kh] = progress.entries;
    expect([dk.status, dk.submittedAt]).toEqual(['Đã nộp', ict('20/03/2026', '10:00')]);
    expect([kh.status, kh.submittedAt]).toEqual(['Đã nộp', ict('10/04/2026', '10:00')]);
  });

  it('treats a fix after an invalid submission as the submission, and ignores unknown units', () => {
    const events = [
      reg('XA-AB', '20/03/2026', '09:00', false),
      reg('XA-AB', '29/03/2026', '15:00'),
      reg('KHONG-CO', '01/03/2026', '08:00'),
    ];
    const { progress } = statuses(events, ict('30/03/2026'));
    const dk = progress.entries.find((e) => e.unit.code === 'XA-AB' && e.milestone.code === 'DK')!;
    expect([dk.status, dk.submittedAt, dk.invalidResponse]).toEqual(['Đã nộp', ict('29/03/2026', '15:00'), undefined]);
    expect(progress.entries).toHaveLength(12);
  });

  it('writes Tiến độ with the required headers and Vietnamese dates', () => {
    const events = [reg('XA-AB', '01/04/2026', '00:01'), reg('THPT-LQD', '10/03/2026', '09:00', false)];
    const tab = progressTab(statuses(events, ict('02/04/2026')).progress);
    expect(tab.tab).toBe('Tiến độ');
    expect(tab.rows[0]).toEqual(['Mã đơn vị', 'Tên đơn vị', 'Mã mốc', 'Hạn nộp', 'Trạng thái', 'Ngày nộp']);
    expect(tab.rows.slice(1, 4)).toEqual([
      ['SO-TP', 'Sở Tư pháp', 'DK', '31/03/2026', 'Quá hạn', ''],
      ['SO-TP', 'Sở Tư pháp', 'KH', '15/05/2026', 'Chưa đến hạn', ''],
      ['SO-TP', 'Sở Tư pháp', 'SK', '30/09/2026', 'Chưa đến hạn', ''],
    ]);
    expect(tab.rows[7]).toEqual(['XA-AB', 'UBND xã An Bình', 'DK', '31/03/2026', 'Nộp muộn', '01/04/2026']);
    expect(tab.rows[10]).toEqual([
      'THPT-LQD',
      'Trường THPT Lê Quý Đôn',
      'DK',
      '31/03/2026',
      'Không hợp lệ',
      '10/03/2026',
    ]);
  });

  it('dates each submission by its day in the campaign zone, even two on the same UTC day (Cấu hình, Múi giờ)', () => {
    const events = [
      reg('SO-TP', '01/03/2026', '23:30'), // 16:30 UTC on 01/03
      reg('SO-YT', '02/03/2026', '00:30'), // 17:30 UTC, still 01/03 in UTC
      reg('XA-AB', '02/03/2026', '06:59'), // 23:59 UTC on 01/03
    ];
    const tab = progressTab(statuses(events, ict('02/04/2026')).progress);
    const dk = tab.rows.filter((row) => row[2] === 'DK').map((row) => `${row[0]} ${row[5]}`);
    expect(dk).toEqual(['SO-TP 01/03/2026', 'SO-YT 02/03/2026', 'XA-AB 02/03/2026', 'THPT-LQD ']);
  });

  it('shows an optional milestone past its deadline as Không bắt buộc for a unit that sent nothing, not Quá hạn (Mốc thời gian, Bắt buộc)', () => {
    const optional = snapshot(
      {},
      {
        [TAB.milestones]: [
          ['Mã mốc', 'Tên mốc', 'Biểu mẫu', 'Hạn nộp', 'Nhắc trước (ngày)', 'Bắt buộc'],
          ['TK', 'Báo cáo tổng kết', TAB.final, '15/11/2026', '7,3,1', ''],
          ['KT', 'Đề nghị khen thưởng', TAB.nominations, '15/11/2026', '7,3,1', 'Không'],
        ],
      },
    );
    const nomination: ResponseEvent = { unitCode: 'SO-TP', form: TAB.nominations, at: ict('10/11/2026'), valid: true };
    const at = (day: string) => {
      const ev = evaluation(optional, [nomination], ict(day));
      return computeProgress(ev, readMilestones(optional, ev.settings), ict(day))
        .entries.slice(0, 4)
        .map((e) => `${e.unit.code} ${e.milestone.code} ${e.status}`);
    };
    expect(at('10/11/2026')).toEqual([
      'SO-TP TK Sắp đến hạn',
      'SO-TP KT Đã nộp',
      'SO-YT TK Sắp đến hạn',
      'SO-YT KT Sắp đến hạn',
    ]);
    expect(at('16/11/2026')).toEqual([
      'SO-TP TK Quá hạn',
      'SO-TP KT Đã nộp',
      'SO-YT TK Quá hạn',
      'SO-YT KT Không bắt buộc',
    ]);
  });
});
