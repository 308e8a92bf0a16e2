// Issue 15, part 5: no cell the product writes and no email it renders contains "NaN", "undefined" or "Invalid Date",
// whatever the snapshot: random settings, deadlines, holidays, reissue dates, timestamps and answers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORMS, TAB, TIMESTAMP_HEADER } from '../../../sheets-schema/index.ts';
import { defaultCriteria } from '../../../sheets-schema/defaults.ts';
import { formatDateTime, type Cell } from '../../../functions/core/cells.ts';
import type { Snapshot } from '../../../functions/core/snapshot.ts';
import { campaignTimeZone } from '../../../functions/core/zone.ts';
import { JOB_NAMES, planJob } from '../../../functions/jobs/jobs.ts';
import { loadTemplates } from '../../../functions/mail/templates.ts';
import {
  benchUnit,
  coordinatorTabs,
  FIXTURE_UNIT_KEY,
  formHeaders,
  seeded,
  toGrid,
  validResponse,
  type Row,
} from '../../../scripts/bench/campaign.ts';

const BAD = /NaN|undefined|Invalid Date/;
const UNITS = [benchUnit(0), benchUnit(1), benchUnit(2)];
const templates = loadTemplates();

/** Text a person could type: anything but the three words the property looks for. */
const text = fc.string({ maxLength: 30 }).filter((s) => !BAD.test(s));
/** Any value the Sheets API can return (UNFORMATTED_VALUE): text, a finite number, a boolean. */
const cell: fc.Arbitrary<Cell> = fc.oneof(
  text,
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1e6, max: 1e12 }),
  fc.double({ min: 0, max: 120_000, noNaN: true }),
  fc.boolean(),
  fc.constantFrom('31/02/2026', '15/11/2026', '01/01/1899', '29/02/2028 25:61', '7,3,1', ''),
);
const zone = fc.oneof(
  fc.constantFrom('Asia/Ho_Chi_Minh', 'Europe/Paris', 'America/New_York', 'Asia/HoChiMinh', 'UTC+7', 'GMT', ''),
  text,
);
const now = fc.date({
  min: new Date('1990-01-01T00:00:00Z'),
  max: new Date('2199-12-31T00:00:00Z'),
  noInvalidDate: true,
});

interface Case {
  readonly settings: Record<string, Cell>;
  readonly deadline: Cell;
  readonly offsets: Cell;
  readonly reissued: Cell;
  /** Per form: rows of [header index, value] laid over a valid response. */
  readonly changes: readonly (readonly [number, number, Cell][])[];
  readonly now: Date;
}

const arbitraryCase: fc.Arbitrary<Case> = fc.record({
  settings: fc.record({
    'Múi giờ': zone,
    Năm: cell,
    'Ngưỡng Xuất sắc': cell,
    'Ngưỡng Khá': cell,
    'Số lần nhắc quá hạn tối đa': cell,
    'Ngày nghỉ lễ': cell,
    'Dời hạn khi trùng ngày nghỉ': fc.constantFrom('Có', 'Không', ''),
    'Xác thực đơn vị': fc.constantFrom('Có', 'Không'),
    'Bắt đầu lại nhật ký thư': cell,
  }),
  deadline: cell,
  offsets: cell,
  reissued: cell,
  changes: fc.array(fc.array(fc.tuple(fc.nat(3), fc.nat(60), cell), { maxLength: 6 }), {
    minLength: FORMS.length,
    maxLength: FORMS.length,
  }),
  now,
});

function snapshotOf(c: Case): Snapshot {
  const tabs = new Map<string, Cell[][]>();
  for (const [tab, rows] of coordinatorTabs(UNITS, 2026)) tabs.set(tab, toGrid(rows));
  const config = tabs.get(TAB.config)!;
  for (const [key, value] of Object.entries(c.settings)) config.push([key, value]);
  const milestones = tabs.get(TAB.milestones)!;
  milestones[1][milestones[0].indexOf('Hạn nộp')] = c.deadline;
  milestones[1][milestones[0].indexOf('Nhắc trước (ngày)')] = c.offsets;
  const units = tabs.get(TAB.units)!;
  units[0].push('Ngày cấp lại mã xác thực');
  units[1].push(c.reissued);
  const rnd = seeded(3);
  FORMS.forEach((form, f) => {
    const headers = formHeaders(form.tab);
    const rows: Row[] = UNITS.map((u, i) =>
      validResponse(form, defaultCriteria(), u, new Date(Date.UTC(2026, 2 + i, 10)), rnd),
    );
    const grid = toGrid(rows, headers);
    for (const [row, column, value] of c.changes[f]) {
      const r = 1 + (row % rows.length);
      grid[r][column % grid[0].length] = value;
    }
    // The timestamp is what every date of a response comes from: give it the random cells too.
    if (c.changes[f][0]) grid[1][grid[0].indexOf(TIMESTAMP_HEADER)] = c.changes[f][0][2];
    tabs.set(form.tab, grid);
  });
  return { spreadsheetId: 'nan', tabs };
}

describe('no NaN, undefined or Invalid Date anywhere (issue 15, part 5)', () => {
  it('in any system tab, any email key, the mail log time or any rendered email of any job', () => {
    fc.assert(
      fc.property(arbitraryCase, (c) => {
        const snapshot = snapshotOf(c);
        for (const job of JOB_NAMES) {
          const { plan, settings } = planJob(job, snapshot, c.now, FIXTURE_UNIT_KEY);
          for (const write of plan.writes)
            for (const row of write.rows)
              for (const v of row) expect(String(v), `${job}: ${write.tab}`).not.toMatch(BAD);
          expect(formatDateTime(c.now, campaignTimeZone(settings))).not.toMatch(BAD);
          for (const line of plan.summary) expect(line).not.toMatch(BAD);
          for (const email of plan.emails) {
            expect(email.key).not.toMatch(BAD);
            const rendered = templates.render(email.template, email.data);
            expect(`${rendered.subject}\n${rendered.text}\n${rendered.html}`, `${job}: ${email.template}`).not.toMatch(
              BAD,
            );
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
