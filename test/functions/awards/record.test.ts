// Reading `Quyết định khen thưởng` for the registry (docs/design/awards.md §2): what it reads must be there.
import { describe, expect, it } from 'vitest';
import { DECISION_HEADERS as D, TAB } from '../../../sheets-schema/index.ts';
import { readDecisions } from '../../../functions/awards/record.ts';
import type { Snapshot } from '../../../functions/core/snapshot.ts';

const ZONE = 'Asia/Ho_Chi_Minh';
const AWARD = 'Bằng khen của Bộ trưởng Bộ Công an';
const tab = (rows: string[][]): Snapshot => ({ spreadsheetId: 's', tabs: new Map([[TAB.decisions, rows]]) });

describe('readDecisions (awards.md §2: the decision recorded in Sổ theo dõi khen thưởng)', () => {
  it('gives each award its number and date, the last row of an award winning', () => {
    const decisions = readDecisions(
      tab([
        [D.award, D.decision, D.date, D.by],
        [AWARD, '12/QĐ-BCA', '01/12/2026', 'Bộ Công an'],
        [AWARD, '15/QĐ-BCA', '05/12/2026', 'Bộ Công an'],
        ['Giấy khen', '', '', ''],
      ]),
      ZONE,
    );
    expect([...decisions.values()]).toEqual([{ award: AWARD, number: '15/QĐ-BCA', date: '05/12/2026' }]);
  });

  it('a tab without Ngày quyết định stops with the Vietnamese message naming it, instead of undated records', () => {
    expect(() =>
      readDecisions(
        tab([
          [D.award, D.decision, D.by],
          [AWARD, '12/QĐ-BCA', 'Bộ Công an'],
        ]),
        ZONE,
      ),
    ).toThrow(`Trang tính '${TAB.decisions}' thiếu cột '${D.date}'.`);
  });
});
