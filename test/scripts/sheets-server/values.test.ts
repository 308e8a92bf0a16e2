import { describe, expect, it } from 'vitest';
import { formatNumber, formatSerial, parseUserEntered, toInput } from '../../../scripts/sheets-server/values.ts';

describe('USER_ENTERED parsing', () => {
  it.each([
    ['123', 'en_US', { numberValue: 123 }],
    ['-1,234.5', 'en_US', { numberValue: -1234.5 }],
    ['1.234,5', 'vi_VN', { numberValue: 1234.5 }],
    ['TRUE', 'en_US', { boolValue: true }],
    ['false', 'en_US', { boolValue: false }],
    ["'123", 'en_US', { stringValue: '123' }],
    ['=SUM(1)', 'en_US', { formulaValue: '=SUM(1)' }],
    ['Hà Nội', 'vi_VN', { stringValue: 'Hà Nội' }],
    ['50%', 'en_US', { numberValue: 0.5 }],
    ['2024-01-15', 'en_US', { numberValue: 45306 }],
    ['15/01/2024', 'vi_VN', { numberValue: 45306 }],
    ['1/15/2024', 'en_US', { numberValue: 45306 }],
    ['31/02/2024', 'vi_VN', { stringValue: '31/02/2024' }],
  ])('%s in %s', (text, locale, value) => {
    const input = parseUserEntered(text, locale);
    expect(input.kind === 'set' ? input.value : input).toEqual(value);
  });

  it('keeps RAW text as text, skips null and clears on empty string', () => {
    expect(toInput('=IMPORTXML("x")', 'RAW', 'en_US')).toEqual({
      kind: 'set',
      value: { stringValue: '=IMPORTXML("x")' },
    });
    expect(toInput('123', 'RAW', 'en_US')).toEqual({ kind: 'set', value: { stringValue: '123' } });
    expect(toInput(null, 'RAW', 'en_US')).toEqual({ kind: 'skip' });
    expect(toInput('', 'USER_ENTERED', 'en_US')).toEqual({ kind: 'clear' });
  });
});

describe('formatted values', () => {
  it.each([
    [1234.5, undefined, 'en_US', '1234.5'],
    [1234.5, undefined, 'vi_VN', '1234,5'],
    [1 / 3, undefined, 'en_US', '0.3333333333'],
    [1234.5, { type: 'NUMBER', pattern: '#,##0.00' }, 'en_US', '1,234.50'],
    [0.125, { type: 'PERCENT', pattern: '0.0%' }, 'en_US', '12.5%'],
    [45306, { type: 'DATE', pattern: 'dd/mm/yyyy' }, 'en_US', '15/01/2024'],
    [45306.5, { type: 'DATE_TIME', pattern: 'dd/MM/yyyy HH:mm:ss' }, 'en_US', '15/01/2024 12:00:00'],
    [45306.75, { type: 'DATE_TIME' }, 'vi_VN', '15/01/2024 18:00:00'],
    [45306, { type: 'DATE' }, 'en_US', '1/15/2024'],
  ])('%s with %j in %s is %s', (n, nf, locale, text) => {
    expect(formatNumber(n, nf, locale)).toBe(text);
  });

  it('reads m as minutes next to hours or seconds', () => {
    expect(formatSerial(45306 + (9 * 60 + 5) / 1440, 'h:mm am/pm "ngày" d mmmm')).toBe('9:05 AM ngày 15 January');
  });
});
