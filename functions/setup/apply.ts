// Reads a spreadsheet, plans what is missing and applies it: one batchUpdate for the structure, one values.batchUpdate,
// then one batchUpdate per chart, so a chart the API refuses costs only itself.
import type { Cell } from '../core/cells.ts';
import { SheetsError, type Spreadsheet } from '../gateways/spreadsheet.ts';
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

export async function setupSpreadsheet(book: Spreadsheet, options: SetupSpreadsheetOptions = {}): Promise<SetupResult> {
  const structure = await book.get(STRUCTURE_FIELDS);
  const sheets = structure.sheets ?? [];
  const wanted = headerRanges(sheets.map((s) => s.properties?.title ?? ''));
  const values = new Map<string, Cell[][]>();
  // Value ranges come back in request order, so pair them with titles rather than parsing the echoed A1 ranges.
  const read = await book.batchGet(
    wanted.map((w) => w.range),
    { render: 'FORMATTED_VALUE' },
  );
  read.forEach((vr, i) => values.set(wanted[i].title, (vr.values ?? []) as Cell[][]));
  const plan = planSetup(toState(sheets, values, structure.properties ?? {}), {
    serviceAccount: options.serviceAccount,
    warningOnly: options.warningOnly,
    defaults: defaultRows(options.year ?? DEFAULT_YEAR),
  });
  await book.batchUpdate(plan.requests);
  await book.valuesBatchUpdate(plan.writes);
  const changes = [...plan.changes];
  const warnings: string[] = [];
  for (const chart of plan.charts) {
    try {
      await book.batchUpdate([chart.request]);
      changes.push(`Thêm biểu đồ '${chart.title}' vào '${TAB.dashboard}'.`);
    } catch (error) {
      if (!(error instanceof SheetsError)) throw error;
      warnings.push(`Không thêm được biểu đồ '${chart.title}' vào '${TAB.dashboard}': ${error.reason}`);
    }
  }
  return { changes, warnings };
}
