// The baseline typical Apps Script tutorials show: one Sheets call per response row read, one per `Kiểm tra` row
// written, one mail request per email. Same verdicts as the product (from the pure planner), only the I/O differs.
import { MailService } from '@sendgrid/mail';
import { Client } from '@sendgrid/client';
import { FORMS, TAB } from '../../sheets-schema/index.ts';
import type { Snapshot } from '../../functions/core/snapshot.ts';
import { planJob } from '../../functions/jobs/jobs.ts';
import { FIXTURE_UNIT_KEY } from './campaign.ts';
import { quoteSheet } from '../../functions/core/a1.ts';
import type { Spreadsheet } from '../../functions/gateways/spreadsheet.ts';

export interface NaiveResult {
  readonly sheetsCalls: number;
  readonly mailRequests: number;
  readonly wallMs: number;
  /** Requests actually made; when fewer than all, `wallMs` is extrapolated linearly from them. */
  readonly issued: number;
}

export async function runNaive(
  book: Spreadsheet,
  snapshot: Snapshot,
  now: Date,
  mail: { apiKey: string; baseUrl: string; templateIds: ReadonlyMap<string, string> },
  budget = Infinity,
): Promise<NaiveResult> {
  const started = performance.now();
  let sheetsCalls = 0;
  let mailRequests = 0;
  let issued = 0;
  // Counts are exact; past the budget the requests are counted but not made, to keep the bench short.
  const spend = () => issued < budget && ++issued > 0;
  for (const form of FORMS) {
    const rows = snapshot.tabs.get(form.tab)?.length ?? 0;
    for (let r = 1; r <= rows; r++) {
      sheetsCalls++;
      if (spend()) await book.batchGet([`${quoteSheet(form.tab)}!A${r}:ZZ${r}`]);
    }
  }
  const { plan } = planJob('ingest', snapshot, now, FIXTURE_UNIT_KEY);
  const checks = plan.writes.find((w) => w.tab === TAB.checks)?.rows ?? [];
  for (let r = 0; r < checks.length; r++) {
    sheetsCalls++;
    if (spend()) await book.valuesBatchUpdate([{ range: `${quoteSheet(TAB.checks)}!A${r + 1}`, values: [checks[r]] }]);
  }
  const client = new Client();
  client.setApiKey(mail.apiKey);
  client.setDefaultRequest('baseUrl', mail.baseUrl);
  const sender = new MailService();
  sender.setClient(client);
  for (const email of plan.emails) {
    mailRequests++;
    if (spend())
      await sender.send({
        from: { email: 'thuongtruc@thidua.example.vn' },
        templateId: mail.templateIds.get(`thidua-${email.template}`) ?? '',
        hideWarnings: true,
        personalizations: [
          {
            to: email.to.map((t) => ({ email: t.email })),
            dynamicTemplateData: email.data,
            customArgs: { email_key: email.key },
          },
        ],
      });
  }
  const elapsed = performance.now() - started;
  return { sheetsCalls, mailRequests, issued, wallMs: (elapsed * (sheetsCalls + mailRequests)) / Math.max(1, issued) };
}
