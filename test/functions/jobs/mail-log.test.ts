import { describe, expect, it } from 'vitest';
import type { PlannedEmail, Snapshot } from '../../../functions/core/snapshot.ts';
import { bundleKey, DueEmailSorter, dueEmails, resolveClaims } from '../../../functions/jobs/mail-log.ts';

const HEADER = ['Khóa', 'Mẫu thư', 'Người nhận', 'Thời điểm', 'Trạng thái', 'Chi tiết'];
/** The log reads only an email's key: the data here is a marker, not a receipt's. */
const email = (key: string, data: object = {}): PlannedEmail =>
  ({ key, template: 'receipt', to: [{ email: 'a@example.vn' }], data }) as unknown as PlannedEmail;
/** A log as readColumns gives it: each column by header, from row 2 down. */
const columns = (values: string[][]): Map<string, string[]> =>
  new Map(values[0].map((h, c) => [h, values.slice(1).map((row) => row[c] ?? '')]));
const log = (rows: string[][]): Snapshot => ({
  spreadsheetId: 't',
  tabs: new Map([['Nhật ký thư', [HEADER, ...rows]]]),
});

describe('mail log', () => {
  it('drops emails already sent and counts them', () => {
    const result = dueEmails(log([['k1', 'receipt', 'a@example.vn', '46000', 'Đã gửi']]), [email('k1'), email('k2')]);
    expect(result.due.map((e) => e.key)).toEqual(['k2']);
    expect(result.alreadySent).toBe(1);
  });

  it('never resends on its own an email whose run died between sending and logging (Đang gửi)', () => {
    const result = dueEmails(log([['k1', 'receipt', 'a@example.vn', '46000', 'Đang gửi']]), [email('k1')]);
    expect(result.due).toEqual([]);
    expect(result.inDoubt).toBe(1);
  });

  it('tries again an email that failed, or that a coordinator marked Gửi lại', () => {
    const result = dueEmails(
      log([
        ['k1', 'receipt', 'a@example.vn', '46000', 'Lỗi'],
        ['k2', 'receipt', 'a@example.vn', '46000', 'Gửi lại'],
      ]),
      [email('k1'), email('k2')],
    );
    expect(result.due.map((e) => e.key)).toEqual(['k1', 'k2']);
  });

  it('plans a key once even when the plan repeats it', () => {
    expect(dueEmails(log([]), [email('k1'), email('k1')]).due).toHaveLength(1);
  });

  it('never keeps an email the log already holds, so a later run does not keep 50,000 sent emails', () => {
    const sorter = new DueEmailSorter(
      log([
        ['k1', 'receipt', 'a@example.vn', '46000', 'Đã gửi'],
        ['k2', 'receipt', 'a@example.vn', '46000', 'Đang gửi'],
      ]),
    );
    for (const key of ['k1', 'k2', 'k3', 'k1', 'k3']) sorter.offer(email(key));
    expect(sorter.result()).toEqual({ due: [email('k3')], alreadySent: 1, inDoubt: 1 });
  });

  it('gives a key to the first claim in sheet order, so overlapping runs agree on one sender', () => {
    // Run A appended its claims at rows 2-3, run B appended the same keys at rows 4-5.
    const values = [
      [...HEADER, 'Lượt chạy'],
      ['k1', 'receipt', '', '', 'Đang gửi', '', 'A'],
      ['k2', 'receipt', '', '', 'Đang gửi', '', 'A'],
      ['k1', 'receipt', '', '', 'Đang gửi', '', 'B'],
      ['k2', 'receipt', '', '', 'Đang gửi', '', 'B'],
    ];
    const byRun = (run: string) => (_: number, cell: unknown) => cell === run;
    expect(resolveClaims(columns(values), ['k1', 'k2'], byRun('A'))).toEqual({
      won: [2, 3],
      copies: [],
      beaten: [],
      unclaimed: 0,
    });
    expect(resolveClaims(columns(values), ['k1', 'k2'], byRun('B'))).toEqual({
      won: [0, 0],
      copies: [],
      beaten: [4, 5],
      unclaimed: 0,
    });
  });

  it('keeps a key won when a retried append wrote the same claims twice, and marks the second copy', () => {
    const values = [
      [...HEADER, 'Lượt chạy'],
      ['k1', 'receipt', '', '', 'Đang gửi', '', 'A'],
      ['k1', 'receipt', '', '', 'Đang gửi', '', 'A'],
    ];
    expect(resolveClaims(columns(values), ['k1'], (_, run) => run === 'A')).toEqual({
      won: [2],
      copies: [3],
      beaten: [],
      unclaimed: 0,
    });
  });

  it('sends from the copy that holds the key when the first copy no longer does', () => {
    const values = [
      [...HEADER, 'Lượt chạy'],
      ['k1', 'receipt', '', '', 'Lỗi', '', 'A'],
      ['k1', 'receipt', '', '', 'Đang gửi', '', 'A'],
    ];
    expect(resolveClaims(columns(values), ['k1'], (_, run) => run === 'A')).toEqual({
      won: [3],
      copies: [2],
      beaten: [],
      unclaimed: 0,
    });
  });

  it('ignores failed rows when choosing the winner of a retried key', () => {
    const values = [HEADER, ['k1', 'receipt', '', '', 'Lỗi'], ['k1', 'receipt', '', '', 'Đang gửi']];
    expect(resolveClaims(columns(values), ['k1'], (row) => row === 3)).toEqual({
      won: [3],
      copies: [],
      beaten: [],
      unclaimed: 0,
    });
  });

  it('sends a bundle with only the items the log does not hold, and nothing once its gate is held', () => {
    const sorter = new DueEmailSorter(log([[bundleKey(['g1', 'a', 'b']), 'reminder', '', '', 'Đã gửi']]));
    const built: string[] = [];
    const bundle = (items: string[], gate: string) => ({
      items,
      gate,
      build: (key: string, isDue: (item: string) => boolean) => (
        built.push(key),
        email(key, { due: items.filter(isDue) })
      ),
    });
    sorter.offerBundle(bundle(['a', 'b'], 'g1')); // same day: the gate is held
    sorter.offerBundle(bundle(['a', 'b', 'c'], 'g2')); // the next day, one new item
    sorter.offerBundle(bundle(['b'], 'g3')); // nothing new
    expect(built).toEqual([bundleKey(['g2', 'c'])]);
    expect(sorter.result().due.map((e) => e.data)).toEqual([{ due: ['c'] }]);
  });

  it('lets an item go out once when two runs claim bundles that share it: only the first holder of every item sends', () => {
    // Run A claims {g, x, y}; run B, planned on an older log, claims {g, x}; run C claims {z, y} after both.
    const values = [
      [...HEADER, 'Lượt chạy'],
      [bundleKey(['g', 'x', 'y']), 'reminder', '', '', 'Đang gửi', '', 'A'],
      [bundleKey(['g', 'x']), 'reminder', '', '', 'Đang gửi', '', 'B'],
      [bundleKey(['z', 'y']), 'receipt', '', '', 'Đang gửi', '', 'C'],
    ];
    const byRun = (run: string) => (_: number, cell: unknown) => cell === run;
    expect(resolveClaims(columns(values), [bundleKey(['g', 'x', 'y'])], byRun('A')).won).toEqual([2]);
    expect(resolveClaims(columns(values), [bundleKey(['g', 'x'])], byRun('B'))).toEqual({
      won: [0],
      copies: [],
      beaten: [3],
      unclaimed: 0,
    });
    expect(resolveClaims(columns(values), [bundleKey(['z', 'y'])], byRun('C'))).toEqual({
      won: [0],
      copies: [],
      beaten: [4],
      unclaimed: 0,
    });
  });

  it('treats an item of a failed bundle as free again', () => {
    const values = [
      HEADER,
      [bundleKey(['x', 'y']), 'receipt', '', '', 'Lỗi'],
      [bundleKey(['y']), 'receipt', '', '', 'Đang gửi'],
    ];
    expect(resolveClaims(columns(values), ['y'], (row) => row === 3).won).toEqual([3]);
    expect(dueEmails(log(values.slice(1)), [email('x')]).due).toHaveLength(1);
  });
  it('sends an item a bundle repeats once, in one email with the items the log does not hold', () => {
    const sorter = new DueEmailSorter(log([['b', 'receipt', '', '', 'Đã gửi']]));
    const seen: string[][] = [];
    sorter.offerBundle({
      items: ['a', 'b', 'a', 'c'],
      build: (key, isDue) => (seen.push(['a', 'b', 'c'].filter(isDue)), email(key)),
    });
    expect(sorter.result().due.map((e) => e.key)).toEqual([bundleKey(['a', 'c'])]);
    expect(seen).toEqual([['a', 'c']]);
    expect(sorter.result().alreadySent).toBe(1);
  });

  it('sends an item a bundle repeats once on a first run too, when the log holds none of its items', () => {
    const sorter = new DueEmailSorter(log([]));
    const seen: string[][] = [];
    sorter.offerBundle({
      items: ['a', 'b', 'a'],
      gate: 'g',
      build: (key, isDue) => (seen.push(['a', 'b', 'c'].filter(isDue)), email(key)),
    });
    sorter.offerBundle({ items: ['c', 'd'], build: (key, isDue) => (seen.push(['c', 'd'].filter(isDue)), email(key)) });
    expect(sorter.result().due.map((e) => e.key)).toEqual([bundleKey(['g', 'a', 'b']), bundleKey(['c', 'd'])]);
    expect(seen).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });
});
