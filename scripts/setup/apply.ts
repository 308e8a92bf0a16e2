// Reads a spreadsheet, plans what is missing and applies it: one batchUpdate for the structure, one values.batchUpdate,
// then one batchUpdate per chart, so a chart the API refuses costs only itself.
import type { SheetsApi } from '../../functions/gateways/sheets-client.ts';
import { judgeGoogleError } from '../../functions/gateways/sheets.ts';
import { withRetry } from '../../functions/gateways/retry.ts';
import type { Cell } from '../../functions/core/cells.ts';
import { SETTINGS, TAB } from '../../sheets-schema/index.ts';
import { defaultRows } from './defaults.ts';
import { planSetup } from './plan.ts';
import { STRUCTURE_FIELDS, headerRanges, toState } from './state.ts';

export interface SetupSpreadsheetOptions {
  readonly serviceAccount?: string;
  readonly warningOnly?: boolean;
  /** Campaign year for default milestones; the `Năm` default otherwise. */
  readonly year?: number;
}

export interface SetupResult {
  /** Vietnamese lines, one per change; empty when the spreadsheet already had everything. */
  readonly changes: string[];
  /** Vietnamese lines, one per part Google refused (a chart); the rest of the setup is in place. */
  readonly warnings: string[];
}

const DEFAULT_YEAR = Number(SETTINGS.find((s) => s.key === 'Năm')?.default ?? new Date().getFullYear());

export async function setupSpreadsheet(
  api: SheetsApi,
  spreadsheetId: string,
  options: SetupSpreadsheetOptions = {},
): Promise<SetupResult> {
  const call = <T>(run: () => Promise<{ data: T }>) => withRetry(() => run().then((r) => r.data), judgeGoogleError);
  const structure = await call(() => api.spreadsheets.get({ spreadsheetId, fields: STRUCTURE_FIELDS }));
  const sheets = structure.sheets ?? [];
  const wanted = headerRanges(sheets.map((s) => s.properties?.title ?? ''));
  const values = new Map<string, Cell[][]>();
  if (wanted.length > 0) {
    const ranges = wanted.map((w) => w.range);
    const read = await call(() => api.spreadsheets.values.batchGet({ spreadsheetId, ranges, majorDimension: 'ROWS' }));
    // Value ranges come back in request order, so pair them with titles rather than parsing the echoed A1 ranges.
    (read.valueRanges ?? []).forEach((vr, i) => values.set(wanted[i].title, (vr.values ?? []) as Cell[][]));
  }
  const plan = planSetup(toState(sheets, values, structure.properties ?? {}), {
    serviceAccount: options.serviceAccount,
    warningOnly: options.warningOnly,
    defaults: defaultRows(options.year ?? DEFAULT_YEAR),
  });
  if (plan.requests.length > 0) {
    await call(() => api.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests: plan.requests } }));
  }
  if (plan.writes.length > 0) {
    await call(() =>
      api.spreadsheets.values.batchUpdate({
        spreadsheetId,
        requestBody: { valueInputOption: 'RAW', data: plan.writes.map((w) => ({ range: w.range, values: w.values })) },
      }),
    );
  }
  const changes = [...plan.changes];
  const warnings: string[] = [];
  for (const chart of plan.charts) {
    try {
      await call(() => api.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests: [chart.request] } }));
      changes.push(`Thêm biểu đồ '${chart.title}' vào '${TAB.dashboard}'.`);
    } catch (error) {
      warnings.push(`Không thêm được biểu đồ '${chart.title}' vào '${TAB.dashboard}': ${googleMessage(error)}`);
    }
  }
  return { changes, warnings };
}

function googleMessage(error: unknown): string {
  const e = error as { response?: { data?: { error?: { message?: unknown } } }; message?: unknown };
  const message = e?.response?.data?.error?.message ?? e?.message;
  return typeof message === 'string' ? message : String(error);
}
