import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellDate, formatDateTime } from '../../../functions/core/cells.ts';
import { timestampReader } from '../../../functions/rules/timestamps.ts';

describe('timestampReader', () => {
  it.each(['Asia/Ho_Chi_Minh', 'Europe/Paris', 'America/New_York'])(
    'reads serials and text exactly as cellDate does (%s)',
    (zone) => {
      const read = timestampReader(zone);
      // 2025-2027, including the daylight-saving days of the zones that have them.
      fc.assert(
        fc.property(fc.integer({ min: 45658 * 86_400, max: 46752 * 86_400 }), (seconds) => {
          const serial = seconds / 86_400;
          const expected = cellDate(serial, zone)!;
          const got = read(serial);
          expect(got.date?.getTime()).toBe(expected.getTime());
          expect(got.text).toBe(formatDateTime(expected, zone));
        }),
        { numRuns: 400 },
      );
      expect(read('05/03/2026 08:30').text).toBe('05/03/2026 08:30:00');
      expect(read('không rõ')).toEqual({ date: null, text: 'không rõ' });
    },
  );
});
