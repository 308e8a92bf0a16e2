// Reminders at scale: N units that have not registered, the day before the deadline. Measures the time to plan and to
// render every reminder (pure), and the SendGrid requests it takes to send them to the local mail server.
import { createMailGateway } from '../../functions/gateways/mail.ts';
import { planJob } from '../../functions/jobs/jobs.ts';
import { loadTemplates } from '../../functions/mail/index.ts';
import { FORMS } from '../../sheets-schema/index.ts';
import { startMailServer } from '../mail-server/index.ts';
import { syncTemplates } from '../sync-templates.ts';
import { benchUnit, coordinatorTabs, FIXTURE_UNIT_KEY, toSnapshot } from './campaign.ts';

export interface ReminderResult {
  readonly due: number;
  readonly planMs: number;
  readonly renderMs: number;
  readonly mailRequests: number;
}

/** 30/03 08:00 ICT: one day before the registration deadline (31/03), so each unit is due exactly one reminder. */
const EVE_OF_DEADLINE = new Date('2026-03-30T01:00:00Z');
const API_KEY = 'SG.bench-placeholder-key';

export async function benchReminders(units: number, dataDir: string): Promise<ReminderResult> {
  const tabs = coordinatorTabs(
    Array.from({ length: units }, (_, i) => benchUnit(i)),
    2026,
  );
  for (const form of FORMS) tabs.set(form.tab, []);
  const snapshot = toSnapshot(tabs);

  let t = performance.now();
  const { plan, settings } = planJob('remind', snapshot, EVE_OF_DEADLINE, FIXTURE_UNIT_KEY);
  const planMs = performance.now() - t;

  const templates = loadTemplates();
  t = performance.now();
  for (const email of plan.emails) templates.render(email.template, email.data);
  const renderMs = performance.now() - t;

  const mail = await startMailServer({ port: 0, dataDir });
  try {
    await syncTemplates({ apiKey: API_KEY, baseUrl: mail.url });
    const before = mail.requestCount();
    const gateway = createMailGateway({ apiKey: API_KEY, baseUrl: mail.url });
    await gateway.send(plan.emails, {
      from: { email: 'thuongtruc@thidua.example.vn', name: settings.get('Tên người gửi') },
      categories: ['thidua', 'remind'],
    });
    return { due: plan.emails.length, planMs, renderMs, mailRequests: mail.requestCount() - before };
  } finally {
    await mail.close();
  }
}
