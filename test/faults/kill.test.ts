// A job process killed (SIGKILL) at an exact step: what had reached Google and SendGrid stays, nothing is lost or
// sent twice, and the next run completes the work.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { TAB } from '../../sheets-schema/index.ts';
import { benchCampaign, toSnapshot } from '../../scripts/bench/campaign.ts';
import type { Cell } from '../../functions/core/cells.ts';
import { startCampaignStack, type CampaignStack } from './campaign-stack.ts';
import { deliveries, expectEveryResponseChecked, expectNoDuplicateEmails, expectWorkComplete } from './invariants.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const NOW = new Date('2026-12-01T03:00:00Z');
/** Long enough that the kill always comes first; the server drops a delayed request whose client is gone. */
const HOLD_MS = 20_000;
/**
 * What a first ingest of this campaign sends: per unit, one email with all its responses and one classification result.
 */
const FIRST_RUN_EMAILS = 6 + 6;

let stack: CampaignStack | undefined;
let child: ChildProcess | undefined;
afterEach(async () => {
  child?.kill('SIGKILL');
  await stack?.close();
  stack = child = undefined;
});

/** 6 units × 5 responses, and one invalid registration so a "please fix" email is in play too. */
function campaign(): Map<string, Cell[][]> {
  const tabs = benchCampaign(6, 2026);
  const reg = tabs.get(TAB.registration)!;
  reg.push({ ...reg[0], 'Dấu thời gian': '20/03/2026 08:00:00', 'Nội dung cam kết': '' });
  return toSnapshot(tabs).tabs as Map<string, Cell[][]>;
}

/**
 * `npm run job -- ingest` in its own process, killed with SIGKILL once the Sheets server has received the `nth` request
 * of `method`.
 */
async function killAt(s: CampaignStack, method: string, nth = 1): Promise<void> {
  // The requests before the nth go through (a fault that only delays them); the nth is held.
  if (nth > 1) s.sheets.faults.inject({ latencyMs: 1, count: nth - 1, methods: [method] });
  s.sheets.faults.inject({ latencyMs: HOLD_MS, count: 1, methods: [method] });
  s.sheets.resetStats();
  const proc = spawn(process.execPath, ['--import', 'tsx', 'scripts/job.ts', 'ingest', '--now', NOW.toISOString()], {
    cwd: ROOT,
    env: s.env,
    stdio: 'ignore',
  });
  child = proc;
  const exited = new Promise<NodeJS.Signals | null>((resolve) => proc.on('exit', (_, signal) => resolve(signal)));
  const deadline = Date.now() + HOLD_MS;
  while (!(s.sheets.stats().calls[method] >= nth)) {
    if (proc.exitCode !== null) throw new Error(`the job ended (${proc.exitCode}) before it reached ${method}`);
    if (Date.now() > deadline) throw new Error(`the job never reached ${method}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  proc.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  s.sheets.faults.clear();
}

describe('a job process killed mid-run', () => {
  it('killed between the snapshot and its first write: nothing written or sent; the next run does it all', async () => {
    const s = (stack = await startCampaignStack(campaign()));
    const before = await s.read([TAB.checks, TAB.mailLog]);
    // The tabs' write, the run's first values write.
    await killAt(s, 'values.batchUpdate');
    expect(deliveries(s).size).toBe(0);
    expect(await s.read([TAB.checks, TAB.mailLog])).toEqual(before);

    const next = await s.run('ingest', NOW);
    expect(next.lines.join('\n')).toContain(`Thư: đã gửi ${FIRST_RUN_EMAILS}, lỗi 0`);
    await expectEveryResponseChecked(s);
    expectNoDuplicateEmails(s);
    await expectWorkComplete(s);
  });

  it('killed after SendGrid accepted the emails, before their statuses were written: none is sent again', async () => {
    const s = (stack = await startCampaignStack(campaign()));
    // The statuses' write, after the tabs' one.
    await killAt(s, 'values.batchUpdate', 2);
    const sent = deliveries(s).size;
    expect(sent).toBe(FIRST_RUN_EMAILS);
    const log = (await s.read([TAB.mailLog])).get(TAB.mailLog) ?? [];
    expect(log.slice(1).map((row) => row[log[0].indexOf('Trạng thái')])).toEqual(
      Array(FIRST_RUN_EMAILS).fill('Đang gửi'),
    );

    const next = await s.run('ingest', NOW);
    expect(next.mailRequests).toBe(0);
    expect(next.lines.join('\n')).toContain(`chưa rõ kết quả ${FIRST_RUN_EMAILS}`);
    expect(deliveries(s).size).toBe(sent);
    await expectEveryResponseChecked(s);
    expectNoDuplicateEmails(s);
    await expectWorkComplete(s);
  });
});
