// Finding a response's verdict in `Kiểm tra`: by its row number when the tab records it, else by form, unit and time.
import { TAB, tabDef } from '../../sheets-schema/index.ts';
import type { Cell } from '../../functions/core/cells.ts';
import { cellDate, cellText, unitCode } from '../../functions/core/cells.ts';

export interface CheckVerdict {
  readonly status: string;
  readonly errors: readonly string[];
  /** Further columns of the row (e.g. `Kết luận`), header → text, non-empty only. */
  readonly extra: readonly { readonly header: string; readonly text: string }[];
  /** 1-based row in `Kiểm tra`. */
  readonly checkRow: number;
}

const ROW_HEADERS = ['Dòng', 'Dòng trả lời', 'Số dòng'];
const SHOWN = new Set([...tabDef(TAB.checks).headers, ...ROW_HEADERS]);

/** `checks` is `Kiểm tra` with UNFORMATTED values; `response` is the response row's unit and timestamp cells. */
export function findVerdict(
  checks: readonly (readonly Cell[])[],
  form: string,
  row: number,
  response: { unit: Cell | undefined; submittedAt: Cell | undefined },
  timeZone: string,
): CheckVerdict | null {
  const head = (checks[0] ?? []).map((h) => cellText(h));
  const col = (h: string) => head.indexOf(h);
  const rowCol = head.findIndex((h) => ROW_HEADERS.includes(h));
  const at = cellDate(response.submittedAt ?? '', timeZone)?.getTime();
  let found = -1;
  for (let r = 1; r < checks.length; r++) {
    const line = checks[r];
    if (cellText(line[col('Biểu mẫu')]) !== form) continue;
    if (rowCol >= 0) {
      if (Number(cellText(line[rowCol])) === row) found = r;
      continue;
    }
    const when = cellDate(line[col('Dấu thời gian')] ?? '', timeZone)?.getTime();
    if (
      unitCode(line[col('Mã đơn vị')]) === unitCode(response.unit) &&
      at !== undefined &&
      when !== undefined &&
      Math.abs(when - at) < 1500
    ) {
      found = r;
    }
  }
  if (found < 0) return null;
  const line = checks[found];
  return {
    status: cellText(line[col('Trạng thái')]),
    errors: cellText(line[col('Lỗi')])
      .split('\n')
      .map((e) => e.trim())
      .filter((e) => e !== ''),
    extra: head
      .map((h, i) => ({ header: h, text: cellText(line[i]) }))
      .filter((x) => x.header !== '' && !SHOWN.has(x.header) && x.text !== ''),
    checkRow: found + 1,
  };
}
