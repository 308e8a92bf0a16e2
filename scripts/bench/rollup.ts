// The roll-up at a province's scale: one parent over `children` child campaigns on the strict local Sheets server, the
// compiled `rollup` job run in its own process (job-child.mjs). Measures the reads per child, the wall time and the
// peak memory of one roll-up; paced, with Google's per-minute read quotas enforced by the server, or unpaced.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { CHILD_SPREADSHEET_HEADER, TAB } from '../../sheets-schema/index.ts';
import type { Cell } from '../../functions/core/cells.ts';
import { quoteSheet } from '../../functions/core/a1.ts';
import { renderDashboard } from '../../functions/dashboard/index.ts';
import { createSheetsClient } from '../../functions/gateways/sheets-client.ts';
import { openSpreadsheet } from '../../functions/gateways/spreadsheet.ts';
import { jobContext } from '../../functions/jobs/jobs.ts';
import { CHILDREN_HEADERS } from '../../sheets-schema/index.ts';
import { GOOGLE_QUOTAS, startSheetsServer } from '../sheets-server/index.ts';
import { setupSpreadsheet } from '../../functions/setup/index.ts';
import { benchCampaign, FIXTURE_UNIT_KEY, toSnapshot } from './campaign.ts';
import { loadGrids } from './load.ts';
import { DEPLOYED_HEAP, type Runtime } from './runtime.ts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');

export interface RollupBenchResult {
  readonly children: number;
  /** Units of each child campaign (a district of that many communes, say). */
  readonly unitsPerChild: number;
  /** Rows of each child's `Tổng hợp` and `Đề nghị gửi cấp trên`: what one read carries. */
  readonly dashboardRows: number;
  readonly paced: boolean;
  /** values.batchGet requests on the children, per child. */
  readonly readsPerChild: number;
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly peakRssMiB: number;
  /** Children the parent's `Tổng hợp cấp dưới` shows as read. */
  readonly read: number;
  /** Eligible nominations of the children now in the parent's `Đề nghị cấp dưới`, judged by its rules. */
  readonly forwarded: number;
}

/**
 * `paced`: the server enforces Google's read quota (60 a minute per user) and the job keeps under it, as deployed;
 * otherwise neither, which measures the work itself.
 */
export async function benchRollup(options: {
  children: number;
  unitsPerChild: number;
  built: string;
  /** The Node the child job runs on (runtime.ts), with the deployed heap. */
  runtime: Runtime;
  now: Date;
  paced: boolean;
}): Promise<RollupBenchResult> {
  const { children, unitsPerChild, now } = options;
  // One child's `Tổng hợp` as its own jobs write it, from a campaign of `unitsPerChild` units.
  const snapshot = toSnapshot(benchCampaign(unitsPerChild, now.getUTCFullYear()));
  const context = jobContext(snapshot, now, { unitKey: FIXTURE_UNIT_KEY });
  const dashboard = renderDashboard(context.dashboard).rows;
  // …and its eligible nominations, with names: the third range of the same read, forwarded into the parent.
  const sendUp = context.evaluation.tabs.find((t) => t.tab === TAB.sendUp)!.rows;
  const dir = await mkdtemp(path.join(tmpdir(), 'thidua-bench-rollup-'));
  // Set up without quotas (hundreds of child spreadsheets would wait minutes on Google's write quota); the roll-up then
  // runs under them.
  const sheets = await startSheetsServer({ port: 0, dataDir: path.join(dir, 'sheets') });
  try {
    const api = createSheetsClient(sheets.url);
    const ids = Array.from({ length: children }, (_, i) => `con-${String(i + 1).padStart(4, '0')}`);
    for (const id of ids) {
      await fetch(new URL(`__admin/spreadsheets/${id}`, sheets.url), { method: 'PUT' });
      const book = openSpreadsheet({ api, spreadsheetId: id });
      await book.batchUpdate(
        [TAB.dashboard, TAB.children, TAB.sendUp].map((title) => ({ addSheet: { properties: { title } } })),
      );
      await book.valuesBatchUpdate([
        { range: `${quoteSheet(TAB.dashboard)}!A1`, values: dashboard },
        { range: `${quoteSheet(TAB.children)}!A1`, values: [[...CHILDREN_HEADERS]] },
        { range: `${quoteSheet(TAB.sendUp)}!A1`, values: sendUp },
      ]);
    }
    const parent = openSpreadsheet({ api, spreadsheetId: 'tinh' });
    await fetch(new URL('__admin/spreadsheets/tinh', sheets.url), { method: 'PUT' });
    await setupSpreadsheet(parent, {});
    const tabs = toSnapshot(benchCampaign(0, now.getUTCFullYear())).tabs as Map<string, Cell[][]>;
    tabs.set(TAB.units, [
      ['Mã đơn vị', 'Tên đơn vị', 'Loại hình', 'Cụm/Khối', 'Email liên hệ', 'Email lãnh đạo', CHILD_SPREADSHEET_HEADER],
      ...ids.map((id, i) => [`HUYEN-${i + 1}`, `Ban Chỉ đạo cấp dưới số ${i + 1}`, 'Cơ quan', 'Cụm 1', '', '', id]),
    ]);
    await loadGrids(parent, tabs);
    if (options.paced) {
      sheets.setQuotas(GOOGLE_QUOTAS);
      // Setting up may count in the minute's quota: the job starts on a fresh one.
      await new Promise((resolve) => setTimeout(resolve, 61_000));
    }
    sheets.resetStats();
    const env = {
      ...process.env,
      SPREADSHEET_ID: 'tinh',
      GOOGLE_SHEETS_ROOT_URL: sheets.url,
      SENDGRID_API_KEY: 'SG.bench-rollup-sends-nothing',
      SENDGRID_BASE_URL: 'http://127.0.0.1:9',
      MAIL_FROM: 'thuongtruc@thidua.example.vn',
      UNIT_SECRET_KEY: FIXTURE_UNIT_KEY,
      ROLLUP_READS_PER_MINUTE: options.paced ? '60' : '999999',
    };
    const { stdout } = await run(
      options.runtime.node,
      [...DEPLOYED_HEAP, path.join(ROOT, 'scripts/bench/job-child.mjs'), options.built, 'rollup', now.toISOString()],
      { cwd: ROOT, env, maxBuffer: 16 * 1024 * 1024 },
    );
    const result = JSON.parse(stdout.trim().split('\n').pop()!) as {
      wallMs: number;
      cpuMs: number;
      peakRssMiB: number;
    };
    const batchGets = sheets.stats().calls['values.batchGet'] ?? 0;
    const [childTab, forwardedTab] = await parent.batchGet([quoteSheet(TAB.children), quoteSheet(TAB.forwarded)]);
    const [, ...rows] = childTab?.values ?? [];
    return {
      children,
      unitsPerChild,
      dashboardRows: dashboard.length + sendUp.length,
      paced: options.paced,
      // The parent's own snapshot is one of them.
      readsPerChild: (batchGets - 1) / children,
      wallMs: result.wallMs,
      cpuMs: result.cpuMs,
      peakRssMiB: result.peakRssMiB,
      read: rows.filter((r) => r[3] === 'Đã đọc').length,
      forwarded: Math.max(0, (forwardedTab?.values?.length ?? 0) - 1),
    };
  } finally {
    await sheets.close();
    await rm(dir, { recursive: true, force: true });
  }
}
