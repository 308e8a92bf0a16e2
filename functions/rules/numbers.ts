// Reading the numbers units type into forms: counts with Vietnamese thousands dots, percents and scores with a decimal
// comma.
import type { Cell } from '../core/cells.ts';
import { cellText } from '../core/cells.ts';

/**
 * A non-negative integer: a number cell, `12`, ` 12 `, or `1.234` (Vietnamese thousands dots).
 * `1,5`, `-3`, `abc`, `1.5` give null: a count is never rounded.
 */
export function parseCount(cell: Cell | undefined): number | null {
  if (typeof cell === 'number') return Number.isInteger(cell) && cell >= 0 ? cell : null;
  const text = cellText(cell);
  if (/^\d+$/.test(text)) return Number(text);
  if (/^\d{1,3}(\.\d{3})+$/.test(text)) return Number(text.replaceAll('.', ''));
  return null;
}

/**
 * A non-negative decimal: a number cell, `95`, `95,5` or `95.5`; for percents a trailing `%` is allowed.
 * Used only where thousands cannot occur (percent, criterion scores), so a dot is a decimal point.
 */
export function parseDecimal(cell: Cell | undefined, allowPercentSign = false): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) && cell >= 0 ? cell : null;
  let text = cellText(cell);
  if (allowPercentSign) text = text.replace(/\s*%$/, '');
  if (!/^\d+([.,]\d+)?$/.test(text)) return null;
  return Number(text.replace(',', '.'));
}

/** Any number a coordinator typed in a tab (thresholds, maxima, assessed scores), decimal comma or dot. */
export function parseLooseNumber(cell: Cell | undefined): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  const text = cellText(cell);
  if (text === '') return null;
  if (/^-?\d{1,3}(\.\d{3})+$/.test(text)) return Number(text.replaceAll('.', ''));
  const n = Number(text.replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}
