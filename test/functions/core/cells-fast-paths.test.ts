// The shortcuts taken for speed give exactly what the plain definitions give.
import { describe, expect, it } from 'vitest';
import { cellText, formatDate, formatDateTime } from '../../../functions/core/cells.ts';

describe('cellText fast path', () => {
  it.each([
    ['precomposed Vietnamese stays as typed', 'Nguyễn Thị Ánh Tuyết', 'Nguyễn Thị Ánh Tuyết'],
    ['decomposed Vietnamese is composed', 'Ánh Tuyết'.normalize('NFD'), 'Ánh Tuyết'],
    ['a compatibility singleton outside Latin is normalised', 'Å ngström', '\u00c5 ngström'],
    ['a combining mark after Latin Extended Additional is composed', 'e\u0323\u0302', 'ệ'],
    ['surrounding spaces are trimmed', '  Có  ', 'Có'],
    ['a blank cell is blank', '', ''],
    ['a cell of spaces is blank', '   ', ''],
  ])('%s', (_, typed, expected) => {
    expect(cellText(typed)).toBe(expected);
    expect(cellText(typed)).toBe(String(typed).normalize('NFC').trim());
  });
});

describe('formatDate', () => {
  it('is the date part of formatDateTime, even in far years', () => {
    for (const iso of [
      '2026-03-17T05:00:00Z',
      '2026-12-31T17:30:00Z',
      '+012026-01-01T00:00:00Z',
      '0999-06-01T00:00:00Z',
    ]) {
      const date = new Date(iso);
      expect(formatDate(date, 'Asia/Ho_Chi_Minh')).toBe(formatDateTime(date, 'Asia/Ho_Chi_Minh').slice(0, 10));
    }
  });
});
