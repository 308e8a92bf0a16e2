// The year's end as jobs of the `yearend` function, which the spreadsheet's menu calls: "Ghi quyết định vào sổ"
// (`record-decisions`) and "Tạo chiến dịch năm sau" (`new-year`, into the empty spreadsheet Apps Script created as the
// coordinator: docs/design/awards.md §3).
import { loadConfig } from '../config.ts';
import { JobRefusedError } from '../core/refused.ts';
import { createSheetsClient } from '../gateways/sheets-client.ts';
import { openSpreadsheet } from '../gateways/spreadsheet.ts';
import type { JobSummary, RunOptions } from '../jobs/run.ts';
import { createNextYear } from './new-year.ts';
import { recordDecisions } from './record.ts';

export type YearEndJob = 'record-decisions' | 'new-year';

export async function runYearEnd(
  name: YearEndJob,
  options: RunOptions & { readonly into?: string } = {},
): Promise<JobSummary> {
  const config = loadConfig(options.env);
  const now = options.now ?? new Date();
  const api = createSheetsClient(config.GOOGLE_SHEETS_ROOT_URL);
  if (name === 'record-decisions') {
    const book = openSpreadsheet({ api, spreadsheetId: config.SPREADSHEET_ID, retry: options.retry });
    const lines = await recordDecisions(book, now, config.UNIT_SECRET_KEY);
    const stats = book.stats();
    return { job: name, lines, sheetsCalls: stats.calls, mailRequests: 0, sheetsWrites: stats.writes };
  }
  // The functions' account has no Drive storage, so it never creates a spreadsheet: the menu names the one it made.
  if (!options.into)
    throw new JobRefusedError(
      'Thiếu mã bảng tính năm sau: hãy chọn "Tạo chiến dịch năm sau" trong trình đơn Thi đua để Apps Script tạo bảng tính rồi gọi hàm.',
    );
  const result = await createNextYear(api, config.SPREADSHEET_ID, now, {
    unitSecretKey: config.UNIT_SECRET_KEY,
    into: options.into,
  });
  const { lines, sheetsCalls, sheetsWrites } = result;
  return { job: name, lines, sheetsCalls, mailRequests: 0, sheetsWrites };
}
