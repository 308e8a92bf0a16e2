// `Email trả lời` reaches SendGrid as reply_to only when it is a valid address: SendGrid refuses a whole request with a
// malformed one (errors page: "The reply_to object, when used, must at least have an email parameter with a valid email
// address…"), so a typo must not stop the mail.
import { afterEach, describe, expect, it } from 'vitest';
import { demoGrids } from '../../../scripts/demo/campaign.ts';
import { startCampaignStack, type CampaignStack } from '../../faults/campaign-stack.ts';

const NOW = new Date('2026-11-23T08:00:00+07:00');
let stack: CampaignStack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

function gridsWithReplyTo(value: string) {
  const grids = demoGrids(NOW, 'http://127.0.0.1:9/');
  const config = grids.get('Cấu hình')!;
  const row = config.find((r) => r[0] === 'Email trả lời')!;
  row[1] = value;
  return grids;
}

describe('SendGrid errors page, reply_to: "Email trả lời" is validated before it is sent', () => {
  it('a malformed address is left out with one Vietnamese warning, and every email still goes out', async () => {
    stack = await startCampaignStack(gridsWithReplyTo('phongtrao.pv01@example'));
    const summary = await stack.run('ingest', NOW);
    const warnings = summary.lines.filter((l) => l.includes('Email trả lời'));
    expect(warnings).toEqual([
      'Cảnh báo: "Email trả lời" trong trang Cấu hình ("phongtrao.pv01@example") không phải là địa chỉ email hợp lệ, nên thư được gửi không kèm địa chỉ trả lời (thư trả lời sẽ về địa chỉ gửi). Hãy sửa ô này.',
    ]);
    expect(summary.lines.at(-1)).toMatch(/^Thư: đã gửi [1-9]\d*, lỗi 0,/);
    const outbox = stack.mail.outbox();
    expect(outbox.length).toBeGreaterThan(0);
    for (const message of outbox) expect(message.body).not.toHaveProperty('reply_to');
  });

  it('a valid address is sent as reply_to, with no warning', async () => {
    stack = await startCampaignStack(gridsWithReplyTo(' phongtrao.pv01@example.vn '));
    const summary = await stack.run('ingest', NOW);
    expect(summary.lines.some((l) => l.includes('Email trả lời'))).toBe(false);
    for (const message of stack.mail.outbox())
      expect(message.body).toMatchObject({ reply_to: { email: 'phongtrao.pv01@example.vn' } });
  });
});
