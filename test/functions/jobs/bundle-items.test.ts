// Bundle.items (functions/jobs/plan.ts): no two bundles of one plan carry the same item, so the mail log checks a
// bundle's items against its rows and the bundle's own items only, never against a set of the plan's 50,000 items.
// These plans are what the bundling planners (ingest's receipts and results summaries, remind) produce; each must keep
// the convention.
import { describe, expect, it } from 'vitest';
import { TAB } from '../../../sheets-schema/index.ts';
import { jobContext } from '../../../functions/jobs/jobs.ts';
import { ingest } from '../../../functions/jobs/ingest.ts';
import type { EmailOffer } from '../../../functions/jobs/plan.ts';
import { remind } from '../../../functions/jobs/remind.ts';
import { campaign } from '../rules/builder.ts';
import { evaluation, ict, snapshot, type ResponseEvent } from '../calendar/fixture.ts';

/** Each item (a gate included) that two bundles of the plan carry; a bundle repeating its own item is its business. */
function sharedItems(offers: Iterable<EmailOffer>): { bundles: number; shared: string[] } {
  const carried = new Set<string>();
  const shared: string[] = [];
  let bundles = 0;
  for (const offer of offers) {
    if (!('items' in offer)) continue;
    bundles++;
    for (const item of new Set([...(offer.gate === undefined ? [] : [offer.gate]), ...offer.items])) {
      if (carried.has(item)) shared.push(item);
      else carried.add(item);
    }
  }
  return { bundles, shared };
}

/** A collective nominated for a certificate, named by `i`. */
const nominee = (i: number) => ({
  'Đối tượng': 'Tập thể',
  'Hình thức khen thưởng': 'Giấy khen',
  'Họ tên / Tên tập thể': `Tổ tự quản số ${i}`,
});

/**
 * `count` nominations of `unit`, the `copy`th and the next being one double submission (same second, same answers):
 * two responses with one item.
 */
function nominateWithCopy(b: ReturnType<typeof campaign>, unit: string, count: number, copy: number): void {
  for (let i = 1; i <= count; i++)
    b.nominate(unit, i === copy || i === copy + 1 ? { ...nominee(copy), 'Dấu thời gian': 46_305.5 } : nominee(i));
}

/** What ingest offers the mail log for the campaign `b` builds, on its first run after the campaign. */
function ingestOffers(b: ReturnType<typeof campaign>): EmailOffer[] {
  const snap = b.tab(TAB.milestones, [['Mã mốc', 'Tên mốc', 'Biểu mẫu', 'Hạn nộp', 'Nhắc trước (ngày)']]).snapshot();
  return [...ingest(jobContext(snap, new Date('2026-12-01T01:00:00Z'))).emails];
}

describe('no two bundles of a plan share an item (plan.ts, Bundle.items)', () => {
  it("ingest: each unit's responses and results summary in bundles of their own, one response sent twice in a second", () => {
    const b = campaign().unit('A').unit('B').unit('C');
    for (const unit of ['A', 'B', 'C']) b.register(unit);
    b.register('B', { 'Email người đăng ký': 'sai@' });
    // 120 nominations of A: three emails of 50 at most. Each response to `Đề nghị khen thưởng` stands on its own, so a
    // double submission (same second, same answers) is two responses with one item, carried by one email.
    nominateWithCopy(b, 'A', 120, 10);
    b.nominate('C', nominee(1)).nominate('C', nominee(1));
    const { bundles, shared } = sharedItems(ingestOffers(b));
    // A in three emails, B and C in one each; the results summaries of A and C (their nominations' verdicts).
    expect(bundles).toBe(7);
    expect(shared).toEqual([]);
  });

  it("ingest: a response sent twice in a second where a unit's responses are split between two emails", () => {
    const b = campaign().unit('A');
    b.register('A');
    // After the registration, the 50-response split falls between the two copies of nominations 49 and 50.
    nominateWithCopy(b, 'A', 70, 49);
    const offers = ingestOffers(b);
    const { shared } = sharedItems(offers);
    expect(shared).toEqual([]);
    // Every response of the unit is still in a receipt: 71 responses (the registration and 70 nominations), one item
    // fewer for the copy.
    const receiptItems = offers.flatMap((o) => ('items' in o ? o.items : [])).filter((i) => i.startsWith('ingest|'));
    expect(new Set(receiptItems).size).toBe(70);
    expect(receiptItems).toHaveLength(70);
  });

  it('remind: one bundle a unit a day, its items and its gate naming the unit', () => {
    const events: readonly ResponseEvent[] = [
      { unitCode: 'SO-TP', form: TAB.registration, at: ict('03/04/2026', '10:00'), valid: true },
    ];
    const snap = snapshot();
    for (const day of ['28/03/2026', '31/03/2026', '02/04/2026', '25/09/2026', '05/10/2026']) {
      const now = ict(day, '08:00');
      const plan = remind(jobContext(snap, now, { evaluation: evaluation(snap, events, now) }));
      const { bundles, shared } = sharedItems(plan.emails);
      expect(bundles, day).toBeGreaterThan(1);
      expect(shared, day).toEqual([]);
    }
  });
});
