import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { levelFor } from '../../../functions/rules/classify.ts';
import { tallyStatus } from '../../../functions/rules/nominations.ts';
import { evaluateCampaign } from '../../../functions/rules/index.ts';
import { LEVELS } from '../../../functions/core/model.ts';
import { AWARD_MINISTER_CERTIFICATE } from '../../../sheets-schema/forms/index.ts';
import { campaign } from './builder.ts';

const NOW = new Date('2026-12-01T00:00:00Z');
const rankOf = (level: string) => LEVELS.indexOf(level as (typeof LEVELS)[number]);

describe('properties', () => {
  it('QĐ 510: the level never decreases when a score increases', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 0, max: 50 }),
        (a, lower, extra) => {
          const higher = Math.min(lower + extra, 50);
          const ev = evaluateCampaign(
            campaign()
              .unit('A')
              .unit('B')
              .report('A', { TC1: a, TC2: lower })
              .report('B', { TC1: a, TC2: higher })
              .snapshot(),
            NOW,
          );
          const [ra, rb] = ev.results;
          expect(rankOf(rb.level)).toBeLessThanOrEqual(rankOf(ra.level));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('levelFor is monotone for any ordered thresholds', () => {
    fc.assert(
      fc.property(fc.tuple(fc.nat(100), fc.nat(100), fc.nat(100)), fc.nat(120), fc.nat(30), (ts, x, d) => {
        const [average, good, excellent] = [...ts].sort((p, q) => p - q);
        const t = { excellent, good, average };
        expect(rankOf(levelFor(x + d, t))).toBeLessThanOrEqual(rankOf(levelFor(x, t)));
      }),
    );
  });

  it('Đủ/Thiếu/Vượt agrees with the counts', () => {
    fc.assert(
      fc.property(
        fc.nat(20),
        fc.option(fc.nat(10), { nil: null }),
        fc.option(fc.nat(10), { nil: null }),
        (eligible, min, maxOffset) => {
          const max = maxOffset === null ? null : (min ?? 0) + maxOffset;
          const status = tallyStatus(eligible, min, max);
          if (min !== null && eligible < min) expect(status).toBe(`Thiếu ${min - eligible}`);
          else if (max !== null && eligible > max) expect(status).toBe(`Vượt ${eligible - max}`);
          else expect(status).toBe('Đủ');
        },
      ),
    );
  });

  const nominationCampaign = fc.record({
    scores: fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 3, maxLength: 3 }),
    nominations: fc.array(
      fc.record({
        unit: fc.constantFrom('A', 'B', 'C', 'Z'),
        name: fc.constantFrom('An', 'Bình', 'Chi', 'an '),
        kind: fc.constantFrom('Tập thể', 'Cá nhân'),
      }),
      {
        maxLength: 12,
      },
    ),
    quota: fc.nat(3),
  });

  type Case = typeof nominationCampaign extends fc.Arbitrary<infer T> ? T : never;
  const build = (c: Case) => {
    const b = campaign()
      .unit('A')
      .unit('B')
      .unit('C')
      .quota('A', AWARD_MINISTER_CERTIFICATE, 'Cá nhân', c.quota)
      .target(AWARD_MINISTER_CERTIFICATE, 'Cá nhân', 1, 2);
    ['A', 'B'].forEach((u, i) => b.report(u, { TC1: c.scores[i], TC2: c.scores[2] }));
    for (const n of c.nominations)
      b.nominate(n.unit, {
        'Đối tượng': n.kind,
        'Hình thức khen thưởng': AWARD_MINISTER_CERTIFICATE,
        'Họ tên / Tên tập thể': n.name,
      });
    return b.snapshot();
  };

  it('eligible ≤ nominated for every award, and the tally status agrees with the counts', () => {
    fc.assert(
      fc.property(nominationCampaign, (c) => {
        const ev = evaluateCampaign(build(c), NOW);
        for (const t of ev.awards) {
          expect(t.eligible).toBeLessThanOrEqual(t.nominated);
          expect(t.status).toBe(tallyStatus(t.eligible, t.min, t.max));
        }
      }),
      { numRuns: 80 },
    );
  });

  it('evaluating twice gives identical tabs', () => {
    fc.assert(
      fc.property(nominationCampaign, (c) => {
        const snapshot = build(c);
        expect(evaluateCampaign(snapshot, NOW).tabs).toEqual(evaluateCampaign(snapshot, NOW).tabs);
      }),
      { numRuns: 40 },
    );
  });
});
