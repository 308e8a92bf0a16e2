// Reminders at scale: N units that have not registered, the day before the deadline. Measures the time to plan and to
// render every reminder with the compiled functions on the deployed runtime and heap (reminders-child.mjs), and the
// SendGrid requests the child takes to send them to the local mail server.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { FORMS } from '../../sheets-schema/index.ts';
import { startMailServer } from '../mail-server/index.ts';
import { syncTemplates } from '../sync-templates.ts';
import { benchUnit, coordinatorTabs, FIXTURE_UNIT_KEY, toSnapshot, withSnapshotFile } from './campaign.ts';
import { DEPLOYED_HEAP, type Runtime } from './runtime.ts';

export interface ReminderResult {
  readonly due: number;
  readonly planMs: number;
  readonly renderMs: number;
  readonly mailRequests: number;
}

/** 30/03 08:00 ICT: one day before the registration deadline (31/03), so each unit is due exactly one reminder. */
const EVE_OF_DEADLINE = new Date('2026-03-30T01:00:00Z');
const API_KEY = 'SG.bench-placeholder-key';

/** `built`: the compiled functions (the templates beside them), run on `runtime` with the deployed heap. */
export async function benchReminders(
  units: number,
  dataDir: string,
  built: string,
  runtime: Runtime,
): Promise<ReminderResult> {
  const tabs = coordinatorTabs(
    Array.from({ length: units }, (_, i) => benchUnit(i)),
    2026,
  );
  for (const form of FORMS) tabs.set(form.tab, []);
  const snapshot = toSnapshot(tabs);

  const mail = await startMailServer({ port: 0, dataDir });
  try {
    await syncTemplates({ apiKey: API_KEY, baseUrl: mail.url });
    const before = mail.requestCount();
    const { due, planMs, renderMs } = await withSnapshotFile(snapshot, async (file) => {
      const child = path.join(import.meta.dirname, 'reminders-child.mjs');
      const args = [child, built, file, EVE_OF_DEADLINE.toISOString(), FIXTURE_UNIT_KEY, mail.url, API_KEY];
      const { stdout } = await promisify(execFile)(runtime.node, [...DEPLOYED_HEAP, ...args], {
        maxBuffer: 1024 * 1024,
      });
      return JSON.parse(stdout.trim().split('\n').pop()!) as Omit<ReminderResult, 'mailRequests'>;
    });
    return { due, planMs, renderMs, mailRequests: mail.requestCount() - before };
  } finally {
    await mail.close();
  }
}
