// The mail log cannot be lost silently (issue 15, part 4): a run that finds `Nhật ký thư` gone while earlier runs left
// results sends nothing, says so at the top of `Tổng hợp`, and stops, unless the coordinator started the log afresh.
import { TAB } from '../../sheets-schema/index.ts';
import { localDay } from '../calendar/days.ts';
import { cellDate, cellText, formatDate, type Cell } from '../core/cells.ts';
import { setting, type Settings } from '../core/settings.ts';
import type { TabWrite } from '../core/snapshot.ts';
import { STATUS } from './mail-log.ts';

/** The `Cấu hình` key by which a coordinator starts the log afresh: today's date, effective that day only. */
export const RESTART_LOG_KEY = 'Bắt đầu lại nhật ký thư';

/** The tabs whose rows only a run writes: rows there mean earlier runs judged responses or planned emails. */
const TRACES = [TAB.checks, TAB.progress, TAB.history] as const;

export interface LogLoss {
  readonly kind: 'missing' | 'no-key';
  /** What happened and why nothing was sent, then how to put it right: Vietnamese, one paragraph each. */
  readonly lines: readonly string[];
}

export class MailLogLostError extends Error {
  constructor(readonly loss: LogLoss) {
    super(loss.lines.join(' '));
    this.name = 'MailLogLostError';
  }
}

const FROM_HISTORY =
  `mở Tệp → Lịch sử phiên bản → Xem lịch sử phiên bản (File → Version history), chọn một phiên bản còn trang '${TAB.mailLog}' ` +
  'đầy đủ, bấm ⋮ → Tạo bản sao; mở bản sao, nhấp chuột phải vào tên trang đó → Sao chép vào → Bảng tính hiện có, chọn bảng ' +
  `tính này, rồi đổi tên trang vừa chép ("Bản sao của ${TAB.mailLog}") thành đúng '${TAB.mailLog}'. Đừng khôi phục cả ` +
  'bảng tính về phiên bản cũ: các câu trả lời nộp sau thời điểm đó sẽ mất khỏi bảng tính.';

/**
 * The log is lost when it is missing or has no `Khóa` header while earlier runs left rows in the tabs only runs write;
 * `rowsOf` tells how many rows (header included) such a tab has as the sheet holds it.
 */
export function mailLogLoss(
  tabs: ReadonlyMap<string, readonly (readonly Cell[])[]>,
  rowsOf: (tab: string) => number,
): LogLoss | undefined {
  const log = tabs.get(TAB.mailLog);
  const hasKey = (log?.[0] ?? []).some((h) => cellText(h) === 'Khóa');
  if (log && hasKey) return undefined;
  if (!TRACES.some((tab) => rowsOf(tab) > 1)) return undefined; // a new campaign: nothing can have been sent
  const stop =
    'Lượt chạy này không gửi thư nào và không ghi gì ngoài thông báo này, vì thiếu nhật ký thì mọi thư của cả năm sẽ bị ' +
    'gửi lại; các lượt chạy sau cũng dừng như vậy cho đến khi nhật ký được khôi phục.';
  if (!log) {
    return {
      kind: 'missing',
      lines: [
        `Dừng gửi thư: không tìm thấy trang '${TAB.mailLog}' (trang đã bị xóa hoặc đổi tên) trong khi phong trào đã có kết quả của các lượt chạy trước. ${stop}`,
        `Cách khôi phục: nếu trang chỉ bị đổi tên, đổi lại đúng '${TAB.mailLog}'. Nếu trang bị xóa, ${FROM_HISTORY}`,
        `Nếu không thể khôi phục: nhập ngày hôm nay (dd/MM/yyyy) vào khóa '${RESTART_LOG_KEY}' của trang '${TAB.config}'. ` +
          `Lượt chạy trong ngày đó tạo nhật ký mới và ghi mọi thư đang đến hạn là '${STATUS.notResent}' mà không gửi; từ đó thư mới gửi bình thường.`,
      ],
    };
  }
  return {
    kind: 'no-key',
    lines: [
      `Dừng gửi thư: trang '${TAB.mailLog}' không còn cột 'Khóa' (tiêu đề bị đổi, cột bị xóa hoặc trang bị xóa hết nội dung) trong khi phong trào đã có kết quả của các lượt chạy trước. ${stop}`,
      `Cách khôi phục: nếu chỉ tiêu đề bị đổi, sửa lại đúng 'Khóa' ở dòng 1. Nếu cột hoặc nội dung bị xóa, dùng Chỉnh sửa → Hoàn tác, hoặc ${FROM_HISTORY}`,
      `Nếu không thể khôi phục: đổi tên trang hỏng (ví dụ '${TAB.mailLog} hỏng') rồi nhập ngày hôm nay (dd/MM/yyyy) vào khóa '${RESTART_LOG_KEY}' của trang '${TAB.config}'.`,
    ],
  };
}

/**
 * The detail written on each row of a log started afresh today, or undefined when the coordinator did not ask today.
 */
export function restartDetail(settings: Settings, now: Date, timeZone: string): string | undefined {
  const day = cellDate(setting(settings, RESTART_LOG_KEY), timeZone);
  if (!day || localDay(day, timeZone) !== localDay(now, timeZone)) return undefined;
  return `Nhật ký thư được bắt đầu lại ngày ${formatDate(now, timeZone)}: thư này đã đến hạn trước đó nên không gửi lại.`;
}

/** `Tổng hợp` with the stop at its top, above the dashboard the run computed. */
export function stopNotice(loss: LogLoss, dashboard: TabWrite | undefined): TabWrite {
  return {
    tab: TAB.dashboard,
    rows: [['ĐÃ DỪNG GỬI THƯ: NHẬT KÝ THƯ BỊ MẤT'], ...loss.lines.map((l) => [l]), [], ...(dashboard?.rows ?? [])],
  };
}

/** The snapshot as if the log were absent: a log without `Khóa` cannot be read, yet the run still plans `Tổng hợp`. */
export function withoutMailLog<S extends { readonly tabs: ReadonlyMap<string, unknown> }>(snapshot: S): S {
  const tabs = new Map(snapshot.tabs);
  tabs.delete(TAB.mailLog);
  return { ...snapshot, tabs };
}
