// Issue 15, defect 3: anyone with a form link could act as any unit. A response counts as a unit's only with that
// unit's secret (`Mã xác thực`, prefilled in its links), and emails go only to the addresses registered for the unit.
import { afterEach, describe, expect, it } from 'vitest';
import { TAB, TIMESTAMP_HEADER, UNIT_SECRET_HEADER } from '../../sheets-schema/index.ts';
import { dateToSerial, type Cell } from '../../functions/core/cells.ts';
import { unitSecret } from '../../functions/core/unit-secret.ts';
import { demoGrids } from '../../scripts/demo/campaign.ts';
import { FIXTURE_UNIT_KEY } from '../../scripts/bench/campaign.ts';
import { startCampaignStack, type CampaignStack } from '../faults/campaign-stack.ts';

const NOW = new Date('2026-11-23T08:00:00+07:00');
const VICTIM = 'victim@evil.example';
const FORGED_AT = new Date('2026-11-20T22:00:00+07:00');

let stack: CampaignStack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

/** The demo with one more registration typed with SO-TP's code, after SO-TP's real one. */
function withForgery(secret: string, setting?: 'Có' | 'Không'): Map<string, Cell[][]> {
  const grids = demoGrids(NOW, 'http://127.0.0.1:9/');
  if (setting) grids.get(TAB.config)!.push(['Xác thực đơn vị', setting, '']);
  const grid = grids.get(TAB.registration)!;
  const header = grid[0].map(String);
  const real = grid.find((r) => r[header.indexOf('Mã đơn vị')] === 'SO-TP')!;
  const forged = [...real];
  forged[header.indexOf(TIMESTAMP_HEADER)] = dateToSerial(FORGED_AT);
  forged[header.indexOf(UNIT_SECRET_HEADER)] = secret;
  forged[header.indexOf('Người đăng ký')] = 'Kẻ mạo danh';
  forged[header.indexOf('Email người đăng ký')] = VICTIM;
  forged[header.indexOf('Nội dung cam kết')] = 'Nội dung do người ngoài tự soạn, kèm đường dẫn http://evil.example';
  grid.push(forged);
  return grids;
}

async function checksOf(s: CampaignStack, unit: string): Promise<Record<string, Cell>[]> {
  const checks = (await s.read([TAB.checks])).get(TAB.checks)!;
  const header = checks[0].map(String);
  return checks
    .slice(1)
    .map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])))
    .filter((r) => r['Biểu mẫu'] === TAB.registration && r['Mã đơn vị'] === unit);
}

const mailedTo = (s: CampaignStack) =>
  s.mail.outbox().flatMap((m) => m.rendered.flatMap((r) => [...r.to, ...r.cc].map((a) => a.email.toLowerCase())));

async function progressOf(s: CampaignStack, unit: string, milestone: string): Promise<Cell | undefined> {
  const rows = (await s.read([TAB.progress])).get(TAB.progress)!;
  const h = rows[0].map(String);
  return rows.find((r) => r[h.indexOf('Mã đơn vị')] === unit && r[h.indexOf('Mã mốc')] === milestone)?.[
    h.indexOf('Trạng thái')
  ];
}

describe('defect 3: a response typed with SO-TP’s code and Email người đăng ký = victim@evil.example', () => {
  it.each([
    ['without the secret', '', 'câu trả lời không có "Mã xác thực"'],
    ['with another unit’s secret', unitSecret(FIXTURE_UNIT_KEY, 'SO-XD', 0), '"Mã xác thực" không đúng'],
    ['with a guessed secret', '0123456789abcdef0123', '"Mã xác thực" không đúng'],
  ])('%s no longer replaces SO-TP’s real registration, counts nowhere and mails no one', async (_, secret, why) => {
    stack = await startCampaignStack(withForgery(secret));
    await stack.run('ingest', NOW);

    const rows = await checksOf(stack, 'SO-TP');
    const [real, forged] = [rows[0], rows.at(-1)!];
    expect(real['Trạng thái']).toBe('Hợp lệ');
    expect(String(real['Ghi chú'])).not.toContain('Đã thay thế');
    expect(forged['Trạng thái']).toBe('Không hợp lệ');
    expect(forged['Lỗi']).toBe(
      `Chưa xác thực được đơn vị: ${why} của đơn vị "SO-TP", nên câu trả lời này không được tính và không thay thế câu trả lời nào. ` +
        'Đơn vị hãy nộp bằng đường liên kết riêng trong thư Thường trực phong trào gửi tới địa chỉ email đã đăng ký của đơn vị.',
    );
    expect(await progressOf(stack, 'SO-TP', 'DK')).toBe('Đã nộp');
    expect(mailedTo(stack)).not.toContain(VICTIM);
    // Nothing at all is mailed about the forged response, not even to SO-TP's own address.
    const aboutForgery = stack.mail
      .outbox()
      .flatMap((m) => m.rendered)
      .filter((r) => r.text.includes('Kẻ mạo danh') || r.text.includes('evil.example'));
    expect(aboutForgery).toEqual([]);
  });

  it('with Xác thực đơn vị = Không, counts as before yet still mails only SO-TP’s registered addresses', async () => {
    stack = await startCampaignStack(withForgery('', 'Không'));
    await stack.run('ingest', NOW);
    const rows = await checksOf(stack, 'SO-TP');
    const [real, forged] = [rows[0], rows.at(-1)!];
    expect(forged['Trạng thái']).toBe('Hợp lệ');
    expect(String(real['Ghi chú'])).toContain('Đã thay thế bằng lần nộp sau');
    expect(mailedTo(stack)).not.toContain(VICTIM);
    const receipt = stack.mail
      .outbox()
      .flatMap((m) => m.rendered)
      .find((r) => r.text.includes('Kẻ mạo danh'));
    expect(receipt?.to.map((a) => a.email)).toEqual(['vanthu.sotp@example.vn']);
  });

  it('with the secret of SO-TP itself (its own clerk), replaces the earlier registration as a correction does', async () => {
    stack = await startCampaignStack(withForgery(unitSecret(FIXTURE_UNIT_KEY, 'SO-TP', 0)));
    await stack.run('ingest', NOW);
    const rows = await checksOf(stack, 'SO-TP');
    const [real, later] = [rows[0], rows.at(-1)!];
    expect(later['Trạng thái']).toBe('Hợp lệ');
    expect(String(real['Ghi chú'])).toContain('Đã thay thế bằng lần nộp sau');
    expect(mailedTo(stack)).not.toContain(VICTIM);
  });
});

describe('the key of the units’ secrets', () => {
  it('is required while Xác thực đơn vị is on: the job stops before writing or sending, naming UNIT_SECRET_KEY', async () => {
    stack = await startCampaignStack(withForgery(''));
    const env = { ...stack.env, UNIT_SECRET_KEY: '' };
    const { runJob } = await import('../../functions/jobs/run.ts');
    await expect(runJob('ingest', { now: NOW, env })).rejects.toThrow(/UNIT_SECRET_KEY/);
    expect(stack.mail.outbox()).toEqual([]);
    expect((await stack.read([TAB.checks])).get(TAB.checks)!.length).toBeLessThanOrEqual(1);
  });
});

describe("the unit's prefilled links in its emails", () => {
  it('carry its code and its secret in force, so the clerk lands on the unit’s own form, ready to count', async () => {
    const grids = withForgery('');
    // SO-NV's secret was reissued in June: its links must carry the new one.
    const units = grids.get(TAB.units)!;
    units[0].push('Ngày cấp lại mã xác thực');
    units.find((r) => r[0] === 'SO-NV')!.push('15/06/2026');
    stack = await startCampaignStack(grids);
    await stack.run('remind', NOW);
    const reminders = stack.mail
      .outbox()
      .flatMap((m) => m.rendered)
      .filter((r) => /forms\/[a-z-]+\?unit=/.test(r.text));
    expect(reminders.length).toBeGreaterThan(0);
    for (const r of reminders) {
      const link = new URL(/http:\/\/127\.0\.0\.1:9\/forms\/[^\s"<]+/.exec(r.text)![0]);
      const code = link.searchParams.get('unit')!;
      expect(link.searchParams.get('secret')).toBe(unitSecret(FIXTURE_UNIT_KEY, code, code === 'SO-NV' ? 1 : 0));
    }
    expect(reminders.some((r) => r.text.includes('unit=SO-NV'))).toBe(true);
  });
});
