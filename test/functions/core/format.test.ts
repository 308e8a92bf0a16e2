import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../../functions/core/format.ts';

describe('formatNumber: numbers as Vietnamese read them (Intl vi-VN)', () => {
  it.each([
    [0, '0'],
    [-0, '0'],
    [12, '12'],
    [1234, '1.234'],
    [10_000_000, '10.000.000'],
    [2.5, '2,5'],
    [87.25, '87,25'],
    [-1234.5, '-1.234,5'],
    [1 / 3, '0,3333333333333333'],
    [1e21, '1.000.000.000.000.000.000.000'],
    [1e-7, '0,0000001'],
  ])('%d → %s', (n, text) => {
    expect(formatNumber(n)).toBe(text);
  });

  it.each([
    [87.125, 2, '87,13'],
    [1.005, 2, '1,01'], // rounded as written, not as the nearest double (1.00499…) would round
    [99.995, 2, '100'],
    [12.04, 1, '12'],
    [1843.25, 1, '1.843,3'],
  ])('%d with at most %d decimals → %s', (n, decimals, text) => {
    expect(formatNumber(n, decimals)).toBe(text);
  });
});
