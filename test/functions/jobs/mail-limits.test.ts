// The demo campaign's jobs against the strict local SendGrid: unit names such as "Sở Văn hóa, Thể thao và Du lịch"
// (a comma SendGrid would drop the email for) and many emails per unit in one run, yet nothing refused or dropped.
import { afterEach, describe, expect, it } from 'vitest';
import { demoGrids } from '../../../scripts/demo/campaign.ts';
import { startCampaignStack, type CampaignStack } from '../../faults/campaign-stack.ts';

let stack: CampaignStack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

describe('SendGrid limitations and errors page, end to end: the demo year mails every email once, none refused or dropped', () => {
  it('a first ingest late in the year, then remind: no drop recorded, no failed email, no key delivered twice', async () => {
    const now = new Date('2026-11-23T08:00:00+07:00');
    stack = await startCampaignStack(demoGrids(now, 'http://127.0.0.1:9/'));
    for (const job of ['ingest', 'remind'] as const) {
      const summary = await stack.run(job, now);
      expect(summary.lines.at(-1)).toMatch(/^Thư: đã gửi \d+, lỗi 0,/);
    }
    expect(stack.mail.drops()).toEqual([]);
    const delivered = stack.mail.outbox().flatMap((m) => m.rendered);
    expect(delivered.length).toBeGreaterThan(20);
    expect(new Set(delivered.map((r) => r.email_key)).size).toBe(delivered.length);
    const names = delivered.flatMap((r) => [...r.to, ...r.cc]).map((a) => a.name ?? '');
    expect(names).toContain('Sở Văn hóa Thể thao và Du lịch');
    expect(names.filter((n) => /[,;\r\n]/.test(n))).toEqual([]);
  });
});
