// Reads the children: one values.batchGet per child of `Tổng hợp`, `Tổng hợp cấp dưới` and `Đề nghị gửi cấp trên`, a
// few at a time and paced under Google's per-minute read quota. A child that cannot be read becomes a reason in
// Vietnamese, never an exception.
import { TAB } from '../../sheets-schema/index.ts';
import type { Cell } from '../core/cells.ts';
import type { Body } from '../rules/index.ts';
import { childSpreadsheetId } from './source.ts';
import type { ChildReading } from './tab.ts';

/** The one call the roll-up makes on a child (the Sheets access layer's batchGet has this shape). */
export interface ChildSpreadsheet {
  batchGet(ranges: readonly string[]): Promise<readonly { values?: unknown[][] | null }[]>;
}

export interface ReadChildrenOptions {
  /** Opens a child by id through the Sheets access layer (retry, normalised errors, counting). */
  readonly open: (spreadsheetId: string) => ChildSpreadsheet;
  /** Requests in flight at once. */
  readonly concurrency: number;
  /** Requests started per minute at most (Google: 60 read requests per minute per user). */
  readonly readsPerMinute: number;
  /** For tests of the pacing; setTimeout by default. */
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface ChildReadings {
  /** By body code, for every body whose `Mã bảng tính` is well formed. */
  readonly readings: ReadonlyMap<string, ChildReading>;
  /** values.batchGet requests made (an older child without the newer tabs costs more), retries not included. */
  readonly requests: number;
}

const quote = (tab: string) => `'${tab.replace(/'/g, "''")}'`;
const DASHBOARD = quote(TAB.dashboard);
const CHILDREN = quote(TAB.children);
const SEND_UP = quote(TAB.sendUp);
/** What is asked of a child, newest version first. */
const RANGES: readonly (readonly string[])[] = [[DASHBOARD, CHILDREN, SEND_UP], [DASHBOARD, CHILDREN], [DASHBOARD]];

interface ApiFailure {
  readonly status?: number;
  readonly reason?: string;
  readonly message?: string;
}

/** Why a child could not be read, for the coordinator: what happened and what to do. */
export function failureReason(error: unknown): string {
  const e = error as ApiFailure;
  const words = e?.reason ?? e?.message ?? String(error);
  switch (e?.status) {
    case 403:
      return 'Không có quyền xem bảng tính cấp dưới: hãy chia sẻ bảng tính đó (quyền Người xem) cho tài khoản của hệ thống.';
    case 404:
      return 'Không tìm thấy bảng tính cấp dưới: bảng tính đã bị xóa hoặc Mã bảng tính bị sai.';
    case 429:
      return 'Google Sheets tạm từ chối vì vượt hạn mức đọc; bảng tính sẽ được đọc lại ở lượt tổng hợp sau.';
    case 400:
      return `Bảng tính cấp dưới không đọc được trang ${TAB.dashboard} (chưa được thiết lập hoặc trang bị đổi tên: hãy chạy setup-sheets và các công việc của phong trào cấp dưới). Google trả lời: ${words}`;
    case undefined:
      return `Không kết nối được với Google Sheets (${words}); bảng tính sẽ được đọc lại ở lượt tổng hợp sau.`;
    default:
      return `Google Sheets trả lỗi ${e.status} (${words}); bảng tính sẽ được đọc lại ở lượt tổng hợp sau.`;
  }
}

/** Starts at most `perMinute` calls a minute, evenly spaced. */
function pacer(perMinute: number, sleep: (ms: number) => Promise<void>) {
  const interval = Number.isFinite(perMinute) && perMinute > 0 ? 60_000 / perMinute : 0;
  let next = 0;
  return async () => {
    if (interval === 0) return;
    const now = Date.now();
    const at = Math.max(now, next);
    next = at + interval;
    if (at > now) await sleep(at - now);
  };
}

const rows = (range: { values?: unknown[][] | null } | undefined) => (range?.values ?? []) as Cell[][];

export async function readChildren(bodies: readonly Body[], options: ReadChildrenOptions): Promise<ChildReadings> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const pace = pacer(options.readsPerMinute, sleep);
  const readings = new Map<string, ChildReading>();
  let requests = 0;
  const queue = bodies.flatMap((body) => {
    const ref = childSpreadsheetId(body.spreadsheet);
    return 'id' in ref ? [{ code: body.code, id: ref.id }] : [];
  });

  async function read(id: string): Promise<ChildReading> {
    const child = options.open(id);
    // One unknown range fails the whole read with 400: a child set up before the roll-up lacks the newer tabs (and has
    // no children of its own to forward), so it is read again with fewer. Only such a child costs a second read.
    for (const ranges of RANGES) {
      await pace();
      requests++;
      try {
        const [dashboard, children, sendUp] = await child.batchGet(ranges);
        return {
          dashboard: rows(dashboard),
          ...(ranges.length > 1 ? { children: rows(children) } : {}),
          ...(ranges.length > 2 ? { sendUp: rows(sendUp) } : {}),
        };
      } catch (error) {
        if ((error as ApiFailure)?.status !== 400 || ranges.length === 1) return { failure: failureReason(error) };
      }
    }
    return { failure: 'Chưa đọc.' };
  }

  let next = 0;
  async function worker(): Promise<void> {
    while (next < queue.length) {
      const { code, id } = queue[next++];
      readings.set(code, await read(id));
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, queue.length)) }, worker));
  return { readings, requests };
}
