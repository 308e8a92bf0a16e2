// A response's timestamp read once, as a date and as the text the spreadsheet shows.
import type { Cell } from '../core/cells.ts';
import { cellDate, cellText, formatDateTime } from '../core/cells.ts';

export interface Timestamp {
  readonly date: Date | null;
  /** dd/MM/yyyy HH:mm:ss as the spreadsheet shows it, or the cell's own text when unreadable. */
  readonly text: string;
}

export function timestampReader(timeZone: string): (cell: Cell | undefined) => Timestamp {
  return (cell) => {
    const date = cellDate(cell, timeZone);
    return { date, text: date ? formatDateTime(date, timeZone) : cellText(cell) };
  };
}
