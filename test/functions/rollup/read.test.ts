// Reading the children: one batchGet each, a bounded number at once, paced under the read quota, a failure a reason.
// The child spreadsheet is the roll-up's narrow interface (the access layer's batchGet), passed as a literal; the
// local stack test (test/functions/jobs/rollup.test.ts) reads real children over HTTP.
import { describe, expect, it } from 'vitest';
import { failureReason, readChildren, type ChildSpreadsheet } from '../../../functions/rollup/index.ts';
import type { Body } from '../../../functions/rules/index.ts';

const body = (code: string, spreadsheet = code.toLowerCase()): Body => ({ code, name: code, cluster: '', spreadsheet });
const DASHBOARD = [['Số đơn vị', 3]];
const SEND_UP = [['Mã đơn vị', 'Nguồn']];

describe('readChildren', () => {
  it('reads each child once with its three tabs, at most `concurrency` at a time', async () => {
    let inFlight = 0;
    let most = 0;
    const asked: string[][] = [];
    const open = (): ChildSpreadsheet => ({
      async batchGet(ranges) {
        asked.push([...ranges]);
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight--;
        return [{ values: DASHBOARD }, { values: [] }, { values: SEND_UP }];
      },
    });
    const bodies = Array.from({ length: 10 }, (_, i) => body(`H${i}`));
    const { readings, requests } = await readChildren(bodies, { open, concurrency: 3, readsPerMinute: Infinity });
    expect(requests).toBe(10);
    expect(most).toBe(3);
    expect(asked.every((r) => r.join() === "'Tổng hợp','Tổng hợp cấp dưới','Đề nghị gửi cấp trên'")).toBe(true);
    expect([...readings.keys()].sort()).toEqual(bodies.map((b) => b.code).sort());
    expect(readings.get('H0')).toEqual({ dashboard: DASHBOARD, children: [], sendUp: SEND_UP });
  });

  it('starts at most readsPerMinute reads a minute, evenly spaced (Google: 60 read requests per minute per user)', async () => {
    const waits: number[] = [];
    const open = (): ChildSpreadsheet => ({ batchGet: () => Promise.resolve([{ values: DASHBOARD }, {}]) });
    await readChildren(
      Array.from({ length: 4 }, (_, i) => body(`H${i}`)),
      {
        open,
        concurrency: 4,
        readsPerMinute: 60,
        sleep: (ms) => {
          waits.push(ms);
          return Promise.resolve();
        },
      },
    );
    // The first starts at once; the others 1, 2 and 3 seconds after it (the clock barely moves meanwhile).
    expect(waits).toHaveLength(3);
    waits.forEach((ms, i) => expect(ms).toBeGreaterThan(1000 * (i + 1) - 50));
  });

  it.each([
    ['without Đề nghị gửi cấp trên', 3, 2, { dashboard: DASHBOARD, children: [] }],
    ['without Tổng hợp cấp dưới', 2, 3, { dashboard: DASHBOARD }],
  ] as const)('reads an older child %s again with fewer tabs', async (_, refused, requests, expected) => {
    const asked: number[] = [];
    const open = (): ChildSpreadsheet => ({
      batchGet: (ranges) => {
        asked.push(ranges.length);
        return ranges.length >= refused
          ? Promise.reject(Object.assign(new Error('x'), { status: 400, reason: 'Unable to parse range' }))
          : Promise.resolve([{ values: DASHBOARD }, { values: [] }]);
      },
    });
    const { readings, requests: made } = await readChildren([body('H1')], {
      open,
      concurrency: 1,
      readsPerMinute: Infinity,
    });
    expect(made).toBe(requests);
    expect(asked).toEqual([3, 2, 1].slice(0, requests));
    expect(readings.get('H1')).toEqual(expected);
  });

  it('turns a refusal into the reason shown to the coordinator, and never asks Google about a malformed id', async () => {
    const opened: string[] = [];
    const open = (id: string): ChildSpreadsheet => {
      opened.push(id);
      return {
        batchGet: () =>
          Promise.reject(Object.assign(new Error('x'), { status: 403, reason: 'The caller does not have permission' })),
      };
    };
    const { readings } = await readChildren([body('H1', 'con-1'), body('H2', 'sai/mã')], {
      open,
      concurrency: 2,
      readsPerMinute: Infinity,
    });
    expect(opened).toEqual(['con-1']);
    expect(readings.get('H1')).toEqual({
      failure:
        'Không có quyền xem bảng tính cấp dưới: hãy chia sẻ bảng tính đó (quyền Người xem) cho tài khoản của hệ thống.',
    });
    expect(readings.has('H2')).toBe(false);
  });

  it.each([
    [404, 'Requested entity was not found.', /^Không tìm thấy bảng tính cấp dưới/],
    [429, 'Quota exceeded', /^Google Sheets tạm từ chối vì vượt hạn mức đọc/],
    [
      503,
      'The service is currently unavailable.',
      /^Google Sheets trả lỗi 503 \(The service is currently unavailable\.\)/,
    ],
    [undefined, 'socket hang up', /^Không kết nối được với Google Sheets \(socket hang up\)/],
    [
      400,
      "Unable to parse range: 'Tổng hợp'",
      /^Bảng tính cấp dưới không đọc được trang Tổng hợp .*Unable to parse range/,
    ],
  ])('explains %s in Vietnamese', (status, reason, expected) => {
    expect(failureReason({ status, reason })).toMatch(expected);
  });
});
