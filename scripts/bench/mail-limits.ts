// The mail side of a first `ingest` on its own: every email the pure core plans for N units, sent by the mail gateway
// to the strict local SendGrid. Shows each request within our 2 MB cap, nothing dropped, every email delivered once,
// whatever the Sheets side of the run does.
import { createMailGateway } from '../../functions/gateways/mail.ts';
import { planJob } from '../../functions/jobs/jobs.ts';
import { startMailServer } from '../mail-server/index.ts';
import { syncTemplates } from '../sync-templates.ts';
import { benchCampaign, FIXTURE_UNIT_KEY, toSnapshot } from './campaign.ts';

export interface MailLimitsResult {
  readonly emails: number;
  readonly requests: number;
  readonly largestRequestBytes: number;
  readonly drops: number;
  readonly failed: number;
  /** Deliveries, and distinct email keys among them (equal when no email went out twice). */
  readonly delivered: number;
  readonly distinctDelivered: number;
  readonly sendMs: number;
}

const API_KEY = 'SG.bench-placeholder-key';

export async function benchMailLimits(units: number, now: Date, dataDir: string): Promise<MailLimitsResult> {
  const { plan, settings } = planJob('ingest', toSnapshot(benchCampaign(units, 2026)), now, FIXTURE_UNIT_KEY);
  const mail = await startMailServer({ port: 0, dataDir });
  try {
    await syncTemplates({ apiKey: API_KEY, baseUrl: mail.url });
    const gateway = createMailGateway({ apiKey: API_KEY, baseUrl: mail.url });
    const t = performance.now();
    const results = await gateway.send(plan.emails, {
      from: { email: 'thuongtruc@thidua.example.vn', name: settings.get('Tên người gửi') },
      categories: ['thidua', 'ingest'],
    });
    const sendMs = performance.now() - t;
    const keys = mail.outbox().flatMap((m) => m.rendered.map((r) => r.email_key));
    return {
      emails: plan.emails.length,
      requests: mail.requestCount(),
      largestRequestBytes: mail.largestMailSendBytes(),
      drops: mail.drops().length,
      failed: [...results.values()].filter((r) => r.status !== 'sent').length,
      delivered: keys.length,
      distinctDelivered: new Set(keys).size,
      sendMs,
    };
  } finally {
    await mail.close();
  }
}
