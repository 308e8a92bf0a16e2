// The embedded local stack: Sheets- and SendGrid-compatible servers, the functions, the web view and the demo campaign,
// all on 127.0.0.1, so the product runs and is tested with no Google account.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { http } from '@google-cloud/functions-framework';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import { BODY_DEADLINE_MS, BODY_LIMITS, createHandlers, guardNextServer } from '../../functions/http/index.ts';
import { runAnyJob, type AnyJobName } from '../../functions/jobs/any-job.ts';
import { runJob, type JobName, type JobSummary } from '../../functions/jobs/run.ts';
import { createSheetsClient } from '../../functions/gateways/sheets-client.ts';
import { openSpreadsheet } from '../../functions/gateways/spreadsheet.ts';
import { startDriveServer } from '../drive-server/index.ts';
import { startMailServer } from '../mail-server/index.ts';
import { startSheetsServer } from '../sheets-server/index.ts';
import { setupSpreadsheet } from '../../functions/setup/index.ts';
import { syncTemplates } from '../sync-templates.ts';
import { startWebView } from '../web/index.ts';
import { DEMO_DRIVE_FOLDER_ID, demoYear } from '../demo/campaign.ts';
import { seedDemo } from '../demo/seed.ts';
import { bottomUp, seedDemoChildren } from '../demo/children.ts';
import { FIXTURE_UNIT_KEY } from '../bench/campaign.ts';
import { DEFAULT_BASE_PORT, FREE_PORTS, listenLocal, listenOn, type Ports } from './ports.ts';
import type { StackUrls } from './running.ts';

export {
  DEFAULT_BASE_PORT,
  PORT_FLAGS,
  PortInUseError,
  PortSettingError,
  resolvePorts,
  type Ports,
  type PortFlags,
} from './ports.ts';
export { findRunning, forgetRunning, recordRunning, type RunningStack, type StackUrls } from './running.ts';

export const DEMO_SPREADSHEET_ID = 'demo';
export { DEMO_DRIVE_FOLDER_ID };
/** Placeholders: the local mail server accepts any key and sender. */
const LOCAL_API_KEY = 'SG.local-placeholder-key';
const LOCAL_SENDER = 'thuongtruc@thidua.example.vn';

export interface LocalStackOptions {
  readonly dataDir: string;
  /** The clock of the demo: the campaign year and response dates are laid out around it. */
  readonly now?: () => Date;
  readonly quiet?: boolean;
  /** Default: free ports (tests). `npm start` passes its fixed ones. */
  readonly ports?: Ports;
  /**
   * `data`: only the Sheets and mail servers, for a command that needs the data and nothing else; the demo's form
   * links then point at `formBaseUrl`, where `npm start` serves the forms.
   */
  readonly servers?: 'all' | 'data';
  readonly formBaseUrl?: string;
}

export interface LocalStack {
  /** In `data` mode, `web` and `ingest` are empty: nothing listens there. */
  readonly urls: StackUrls;
  readonly spreadsheetId: string;
  readonly env: NodeJS.ProcessEnv;
  /** Lines of what setup did on this start (tabs created, demo seeded...). */
  readonly startLines: readonly string[];
  runJob(
    name: AnyJobName,
    options?: { now?: Date; dryRun?: boolean; whenDue?: boolean; into?: string },
  ): Promise<JobSummary>;
  /**
   * The demo's roll-up, as each level's own scheduled functions would run it: every child campaign's `ingest`, then
   * each level's `rollup` from the communes up to the province; one line per run. `parent: false` stops below the
   * province (whose roll-up the menu or the schedule then runs).
   */
  rollUp(options?: { now?: Date; parent?: boolean }): Promise<string[]>;
  close(): Promise<void>;
}

/** A random secret generated on first start and kept in `dataDir/name` (0600), so restarts keep their links valid. */
async function keptSecret(dataDir: string, name: string): Promise<string> {
  const file = path.join(dataDir, name);
  try {
    const kept = (await readFile(file, 'utf8')).trim();
    if (kept.length >= 16) return kept;
  } catch {
    // first start: generate below
  }
  const secret = randomBytes(32).toString('hex');
  await writeFile(file, secret + '\n', { mode: 0o600 });
  return secret;
}

/** The local stack's data folder: THIDUA_DATA_DIR, else `.data/` at the root of the project. */
export function localDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.THIDUA_DATA_DIR || path.join(import.meta.dirname, '..', '..', '.data'));
}

/** The configuration every job and command reads, pointed at local servers. */
export function localEnvironment(
  dataDir: string,
  urls: Pick<StackUrls, 'sheets' | 'mail' | 'drive'>,
  secret: string,
  unitKey: string,
): NodeJS.ProcessEnv {
  return {
    SPREADSHEET_ID: DEMO_SPREADSHEET_ID,
    GOOGLE_SHEETS_ROOT_URL: urls.sheets,
    ...(urls.drive ? { GOOGLE_DRIVE_ROOT_URL: urls.drive } : {}),
    SENDGRID_API_KEY: LOCAL_API_KEY,
    SENDGRID_BASE_URL: urls.mail,
    MAIL_FROM: LOCAL_SENDER,
    INGEST_SECRET: secret,
    UNIT_SECRET_KEY: unitKey,
    THIDUA_DATA_DIR: dataDir,
  };
}

/** The secret the local form trigger signs with, kept in the data folder. */
export const ingestSecret = (dataDir: string): Promise<string> => keptSecret(dataDir, 'ingest-secret');

/** The key of the demo units' secrets (UNIT_SECRET_KEY), kept in the data folder: the seeded links stay valid. */
export const unitSecretKey = (dataDir: string): Promise<string> => keptSecret(dataDir, 'unit-secret-key');

/** Creates the demo spreadsheet through the local server's admin endpoint; true when it did not exist yet. */
async function ensureSpreadsheet(sheetsUrl: string, id: string): Promise<boolean> {
  const before = await fetch(new URL(`v4/spreadsheets/${id}`, sheetsUrl));
  if (before.ok) return false;
  const created = await fetch(new URL(`__admin/spreadsheets/${id}`, sheetsUrl), { method: 'PUT' });
  if (!created.ok) throw new Error(`Local Sheets server refused to create '${id}': ${created.status}`);
  return true;
}

export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const dataDir = path.resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  const now = options.now ?? (() => new Date());
  const closers: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const c of closers.reverse()) await c().catch(() => undefined);
  };
  try {
    const ports = options.ports ?? FREE_PORTS;
    const sheetsServer = await listenOn('sheets', ports.sheets, () =>
      startSheetsServer({ port: ports.sheets, dataDir: path.join(dataDir, 'sheets') }),
    );
    closers.push(() => sheetsServer.close());
    const mailServer = await listenOn('mail', ports.mail, () =>
      startMailServer({ port: ports.mail, dataDir: path.join(dataDir, 'mail') }),
    );
    closers.push(() => mailServer.close());
    const driveServer = await listenOn('drive', ports.drive, () =>
      startDriveServer({ port: ports.drive, dataDir: path.join(dataDir, 'drive') }),
    );
    closers.push(() => driveServer.close());
    await driveServer.ensureFolder(DEMO_DRIVE_FOLDER_ID, 'Văn bản Thi đua (thư mục cục bộ)');
    const secret = await ingestSecret(dataDir);
    // The units' key: the demo's responses and form links carry the secrets it derives.
    const unitKey = await unitSecretKey(dataDir);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...localEnvironment(
        dataDir,
        { sheets: sheetsServer.url, mail: mailServer.url, drive: driveServer.url },
        secret,
        unitKey,
      ),
    };

    const startLines: string[] = [];
    const created = await ensureSpreadsheet(sheetsServer.url, DEMO_SPREADSHEET_ID);
    const book = openSpreadsheet({ api: createSheetsClient(sheetsServer.url), spreadsheetId: DEMO_SPREADSHEET_ID });
    const setup = await setupSpreadsheet(book, {});
    startLines.push(...setup.changes, ...setup.warnings);
    const templates = await syncTemplates({ apiKey: LOCAL_API_KEY, baseUrl: mailServer.url });
    if (templates.created.length + templates.updated.length > 0) {
      startLines.push(`Đã cập nhật ${templates.created.length + templates.updated.length} mẫu thư trên máy chủ thư.`);
    }

    const jobs = (name: AnyJobName, o: { now?: Date; dryRun?: boolean; whenDue?: boolean; into?: string } = {}) =>
      runAnyJob(name, { now: o.now ?? now(), dryRun: o.dryRun, whenDue: o.whenDue, into: o.into, env });
    const seed = async (formBaseUrl: string) => {
      if (created) startLines.push(await seedDemo(book, { now: now(), formBaseUrl, unitKey }));
      startLines.push(
        ...(await seedDemoChildren(createSheetsClient(sheetsServer.url), sheetsServer.url, demoYear(now()))),
      );
    };
    const rollUp = async (o: { now?: Date; parent?: boolean } = {}) => {
      const at = o.now ?? now();
      const lines: string[] = [];
      // The local server keeps no read quota unless asked to, so the children are read unpaced.
      const childReads = { readsPerMinute: Infinity };
      for (const child of bottomUp()) {
        // Each child is its own campaign, with its own key for its units' secrets.
        const childEnv = { ...env, SPREADSHEET_ID: child.spreadsheetId, UNIT_SECRET_KEY: FIXTURE_UNIT_KEY };
        const jobs: JobName[] = child.children.length > 0 ? ['ingest', 'rollup'] : ['ingest'];
        for (const job of jobs) {
          const summary = await runJob(job, { now: at, env: childEnv, childReads });
          lines.push(`${child.name} (${job}): ${summary.lines[0] ?? ''}`);
        }
      }
      if (o.parent === false) return lines;
      const summary = await runJob('rollup', { now: at, env, childReads });
      lines.push(...summary.lines);
      return lines;
    };

    if (options.servers === 'data') {
      await seed(options.formBaseUrl ?? `http://127.0.0.1:${DEFAULT_BASE_PORT}/`);
      return {
        urls: { sheets: sheetsServer.url, mail: mailServer.url, web: '', ingest: '', drive: driveServer.url },
        spreadsheetId: DEMO_SPREADSHEET_ID,
        env,
        startLines,
        runJob: jobs,
        rollUp,
        close,
      };
    }
    const handlers = createHandlers({
      runJob: (name, o) => jobs(name, { now: now(), dryRun: o.dryRun, whenDue: o.whenDue, into: o.into }),
      // Locally only the signed form trigger and menu reach the functions; there is no Cloud Scheduler to present an
      // OIDC token.
      verifyOidc: async () => 'invalid',
      secret,
      now,
    });
    http('ingest', handlers.ingest);
    http('documents', handlers.documents);
    http('rollup', handlers.rollup);
    http('yearend', handlers.yearend);
    // The same edge as the deployed functions: the body is bounded before the framework parses it.
    guardNextServer({ job: 'ingest', limitBytes: BODY_LIMITS.ingest, deadlineMs: BODY_DEADLINE_MS });
    const ingestApp = getTestServer('ingest');
    guardNextServer({ job: 'documents', limitBytes: BODY_LIMITS.documents, deadlineMs: BODY_DEADLINE_MS });
    const documentsApp = getTestServer('documents');
    guardNextServer({ job: 'rollup', limitBytes: BODY_LIMITS.rollup, deadlineMs: BODY_DEADLINE_MS });
    const rollupApp = getTestServer('rollup');
    guardNextServer({ job: 'yearend', limitBytes: BODY_LIMITS.yearend, deadlineMs: BODY_DEADLINE_MS });
    const yearendApp = getTestServer('yearend');
    // One port for the functions: `/documents`, `/rollup` and `/yearend` are the menu's, anything else is ingest.
    const menuApps = new Map([
      ['/documents', documentsApp],
      ['/rollup', rollupApp],
      ['/yearend', yearendApp],
    ]);
    const functionServer = createServer((req, res) => {
      const url = req.url ?? '/';
      const app = [...menuApps].find(([prefix]) => url.startsWith(prefix))?.[1] ?? ingestApp;
      app.emit('request', req, res);
    });
    const functions = await listenOn('ingest', ports.ingest, () => listenLocal(functionServer, ports.ingest));
    closers.push(functions.close);
    const ingestUrl = `${functions.origin}/`;
    const documentsUrl = `${ingestUrl}documents`;
    const rollupUrl = `${ingestUrl}rollup`;
    const yearendUrl = `${ingestUrl}yearend`;

    const webOptions = {
      port: ports.web,
      sheetsRootUrl: sheetsServer.url,
      mailUrl: mailServer.url,
      spreadsheetId: DEMO_SPREADSHEET_ID,
      ingestUrl,
      ingestSecret: secret,
      now,
    };
    const web = await listenOn('web', ports.web, () => startWebView(webOptions));
    closers.push(() => web.close());
    await seed(options.formBaseUrl ?? web.url);

    return {
      urls: {
        sheets: sheetsServer.url,
        mail: mailServer.url,
        web: web.url,
        ingest: ingestUrl,
        documents: documentsUrl,
        rollup: rollupUrl,
        yearend: yearendUrl,
        drive: driveServer.url,
      },
      spreadsheetId: DEMO_SPREADSHEET_ID,
      env,
      startLines,
      runJob: jobs,
      rollUp,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
