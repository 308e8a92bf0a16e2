// The campaign archive: every tab plus the two official lists as an .xlsx, built from values by pure functions.
import type { Snapshot } from '../../functions/core/snapshot.ts';
import { DEFAULT_TIME_ZONE } from '../../functions/core/cells.ts';
import { classificationList, nomineeList } from './lists.ts';
import { tabSheet, type SheetModel, type WorkbookModel } from './model.ts';
import type { TabValues } from './read.ts';

export type ListName = 'classification' | 'nominees';

/** Every tab in spreadsheet order, then the two lists (each only when its source tabs can be read). */
export function archiveModel(
  tabs: readonly TabValues[],
  snapshot: Snapshot,
  timeZone = DEFAULT_TIME_ZONE,
): WorkbookModel {
  const sheets: SheetModel[] = tabs.map((t) => tabSheet(t.tab, t.values, timeZone));
  for (const name of ['classification', 'nominees'] as const) {
    try {
      sheets.push(listModel(name, snapshot, timeZone).sheets[0]);
    } catch {
      // A list whose tabs are missing is left out of the archive; `--list` reports the reason instead.
    }
  }
  return { sheets };
}

export function listModel(name: ListName, snapshot: Snapshot, timeZone = DEFAULT_TIME_ZONE): WorkbookModel {
  return { sheets: [name === 'classification' ? classificationList(snapshot) : nomineeList(snapshot, timeZone)] };
}

export { classificationList, nomineeList, CLASSIFICATION_HEADERS, NOMINEE_HEADERS } from './lists.ts';
export {
  tabSheet,
  DATE_FORMAT,
  DATE_TIME_FORMAT,
  type SheetModel,
  type WorkbookModel,
  type XlsxCell,
} from './model.ts';
export { readAllTabs, readCampaign, snapshotOf, type TabValues } from './read.ts';
export { toWorkbook, writeXlsx } from './xlsx.ts';
