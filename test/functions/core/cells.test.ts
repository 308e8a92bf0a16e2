import { describe, expect, it } from 'vitest';
import {
  calendarDay,
  cellDate,
  cellText,
  dateToSerial,
  formatDateTime,
  isPlausibleSerial,
  nameKey,
  serialToDate,
  unitCode,
} from '../../../functions/core/cells.ts';

describe('cells', () => {
  it('normalises decomposed Vietnamese (NFD) to NFC and trims', () => {
    const typed = '  Trần Thị Thu Hà '.normalize('NFD');
    expect(cellText(typed)).toBe('Trần Thị Thu Hà');
    expect(cellText(typed)).toBe('Trần Thị Thu Hà'.normalize('NFC'));
  });

  it('matches unit codes after trimming and upper-casing', () => {
    expect(unitCode('  so-yt ')).toBe('SO-YT');
  });

  it('compares names ignoring case and repeated spaces', () => {
    expect(nameKey('Đoàn trường THPT  chuyên Quang Trung')).toBe(nameKey('đoàn trường thpt chuyên quang trung'));
  });

  it.each([
    // Google Forms writes a serial date in the spreadsheet's zone: 46098.5 is 17/03/2026 12:00 in Hà Nội.
    [46098.5, '17/03/2026 12:00:00'],
    ['17/03/2026', '17/03/2026 00:00:00'],
    ['17/03/2026 08:05:09', '17/03/2026 08:05:09'],
    ['7/3/2026 8:05', '07/03/2026 08:05:00'],
  ])('reads the timestamp %j as %s in Asia/Ho_Chi_Minh', (cell, expected) => {
    const date = cellDate(cell);
    expect(date).not.toBeNull();
    expect(formatDateTime(date!)).toBe(expected);
  });

  it.each(['31/02/2026', '2026-03-17', 'hôm qua', '', 0, -3, '17/13/2026'])('rejects %j as a date', (cell) => {
    expect(cellDate(cell)).toBeNull();
  });

  it('turns a date into the serial Google Sheets shows and back, whatever the server zone', () => {
    const at = new Date('2026-11-23T01:00:00Z'); // 08:00 in Hà Nội
    const serial = dateToSerial(at);
    expect(serial).toBeCloseTo(46349 + 8 / 24, 6);
    expect(serialToDate(serial).toISOString()).toBe(at.toISOString());
  });
});

describe('plausible dates (issue 15, defect 4: a serial of 1e9 became NaN/NaN/NaN)', () => {
  it.each([
    [1e9, null],
    [-5, null],
    [0, null],
    [1, null], // 31/12/1899
    [2, '01/01/1900 00:00:00'],
    [46096.5, '15/03/2026 12:00:00'],
    [109_939, '31/12/2200 00:00:00'],
    [109_940, null], // 01/01/2201
    ['31/12/1899', null],
    ['01/01/2201', null],
    ['31/12/2200 23:59', '31/12/2200 23:59:00'],
  ])('%s → %s', (cell, expected) => {
    const date = cellDate(cell, 'Asia/Ho_Chi_Minh');
    expect(date === null ? null : formatDateTime(date, 'Asia/Ho_Chi_Minh')).toBe(expected);
  });

  it('keeps every plausible serial a real date', () => {
    for (let serial = 2; serial < 109_940; serial += 97.3) {
      expect(isPlausibleSerial(serial)).toBe(true);
      expect(formatDateTime(cellDate(serial)!)).not.toMatch(/NaN/);
    }
  });
});

describe('calendarDay: a day of birth or a deadline typed by hand', () => {
  it.each([
    ['05/03/1980', '05/03/1980'],
    ['5/3/1980', '05/03/1980'],
    ['05.03.1980', '05/03/1980'],
    ['29/02/2028', '29/02/2028'],
    ['29/02/2000', '29/02/2000'],
    ['31/12/2200', '31/12/2200'],
  ])('reads %j as %j', (typed, day) => {
    expect(calendarDay(typed)).toBe(day);
  });

  it.each([
    '29/02/2027',
    '29/02/1900',
    '31/04/1980',
    '00/05/1980',
    '05/00/1980',
    '05/13/1980',
    '01/01/1899',
    '01/01/2201',
  ])('refuses the impossible or implausible day %j', (typed) => {
    expect(calendarDay(typed)).toBeNull();
  });
});
