// The four HTTP handlers, built from their dependencies so tests run them without a spreadsheet or Google.
import type { HttpFunction, Request, Response } from '@google-cloud/functions-framework';
import { z } from 'zod';
import type { Logger } from '../logging.ts';
import { createLogger } from '../logging.ts';
import { JobRefusedError } from '../core/refused.ts';
import type { OidcVerifier } from './oidc.ts';
import { createReplayGuard, type ReplayGuard } from './replay.ts';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifySignature } from './signature.ts';

// Types only: erased at build, so a handler's cold start still loads no job code until its first request.
import type { AnyJobName } from '../jobs/any-job.ts';
import type { JobSummary } from '../jobs/run.ts';

export type { AnyJobName, JobSummary };

export interface RunJobOptions {
  readonly now: Date;
  readonly dryRun: boolean;
  /** documents only: run only on the days before an organiser's report deadline (the scheduler's daily call). */
  readonly whenDue?: boolean;
  /** new-year only: the empty spreadsheet the menu created as the coordinator, to fill with next year's campaign. */
  readonly into?: string;
}

export type RunJob = (name: AnyJobName, options: RunJobOptions) => Promise<JobSummary>;

export interface HandlerDeps {
  readonly runJob: RunJob;
  readonly verifyOidc: OidcVerifier;
  /** The HMAC secret shared with the form trigger; without it only OIDC callers reach `ingest`. */
  readonly secret?: string;
  readonly now?: () => Date;
  readonly logger?: Logger;
  /** How old a signed request may be, in seconds; also how long its signature is remembered. */
  readonly toleranceSec?: number;
  readonly replay?: ReplayGuard;
}

export interface Handlers {
  readonly ingest: HttpFunction;
  /** The menu's year-end items (signed only): "Ghi quyết định vào sổ" and "Tạo chiến dịch năm sau". */
  readonly yearend: HttpFunction;
  readonly remind: HttpFunction;
  readonly digest: HttpFunction;
  readonly documents: HttpFunction;
  /** The roll-up of the child campaigns: the menu's "Tổng hợp cấp dưới" (signed) or Cloud Scheduler (OIDC). */
  readonly rollup: HttpFunction;
}

/** What the form trigger posts: the response tab and the row that changed (the run recomputes everything anyway). */
const IngestBody = z.object({ tab: z.string().min(1).max(200), row: z.int().min(2) });

/** What the spreadsheet's menu posts to run a job now (documents, roll-up). */
// The menu names the job it asks for inside the signed body: both menu functions share INGEST_SECRET, so without it a
// request captured on its way to one of them could start the other, and each deployed function has its own replay
// guard.
const MenuBody = z.object({ from: z.literal('menu'), job: z.string() });

/**
 * What the menu posts to the yearend function: the job, and for the new year the spreadsheet Apps Script just created
 * as the coordinator (a Drive file id: letters, digits, `-` and `_`).
 */
const YearEndBody = z.discriminatedUnion('job', [
  z.object({ from: z.literal('menu'), job: z.literal('record-decisions') }),
  z.object({
    from: z.literal('menu'),
    job: z.literal('new-year'),
    spreadsheetId: z.string().regex(/^[\w-]{1,200}$/),
  }),
]);

/** A signed body read as JSON against its schema; undefined when it is not JSON or not of that shape. */
function parseJsonBody<T>(schema: z.ZodType<T>, body: string): T | undefined {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return undefined;
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

/** The deployed functions, each a target of the Functions Framework (functions/index.ts). */
export type FunctionName = keyof Handlers;

const MESSAGES = {
  method: 'Chỉ chấp nhận phương thức POST.',
  missing: 'Thiếu chữ ký hoặc mã xác thực.',
  malformed: 'Chữ ký không đúng định dạng.',
  stale: 'Yêu cầu đã quá hạn; kiểm tra đồng hồ của máy gửi.',
  mismatch: 'Chữ ký không khớp.',
  replayed: 'Yêu cầu này đã được nhận trước đó.',
  invalid: 'Mã xác thực OIDC không hợp lệ.',
  'wrong-account': 'Tài khoản gọi không được phép chạy công việc này.',
  'no-secret': 'Máy chủ chưa cấu hình INGEST_SECRET nên không nhận yêu cầu có chữ ký.',
  body: 'Nội dung yêu cầu phải là JSON {"tab": "...", "row": số dòng}.',
  'menu-body': 'Nội dung yêu cầu phải là JSON {"from": "menu", "job": "<tên công việc>"}.',
  'other-job': 'Yêu cầu này được ký cho một công việc khác, không chạy công việc này.',
  'yearend-body':
    'Nội dung yêu cầu phải là JSON {"from": "menu", "job": "record-decisions"} hoặc {"from": "menu", "job": "new-year", "spreadsheetId": "<mã bảng tính>"}.',
  failed: 'Công việc gặp lỗi; xem nhật ký của hàm để biết chi tiết.',
} as const;

type Refusal = keyof typeof MESSAGES;

export function createHandlers(deps: HandlerDeps): Handlers {
  const now = deps.now ?? (() => new Date());
  const tolerance = deps.toleranceSec ?? 300;
  const replay = deps.replay ?? createReplayGuard(tolerance);
  const logger = deps.logger ?? createLogger({ secrets: deps.secret ? [deps.secret] : [] });

  function refuse(res: Response, job: AnyJobName | FunctionName, status: number, reason: Refusal): void {
    logger.log(status >= 500 ? 'ERROR' : 'WARNING', `${job}: request refused (${reason})`, { job, status, reason });
    res.status(status).json({ error: MESSAGES[reason], reason });
  }

  async function run(
    res: Response,
    job: AnyJobName,
    dryRun: boolean,
    caller: string,
    extra: { whenDue?: boolean; into?: string } = {},
  ): Promise<void> {
    try {
      const summary = await deps.runJob(job, { now: now(), dryRun, ...extra });
      for (const line of summary.lines) logger.log('INFO', line, { job });
      logger.log('NOTICE', `${job}: done`, {
        job,
        caller,
        dryRun,
        sheetsCalls: summary.sheetsCalls,
        mailRequests: summary.mailRequests,
      });
      res.status(200).json({ job: summary.job, dryRun, lines: summary.lines });
    } catch (error) {
      if (error instanceof JobRefusedError) {
        // Not a failure: the job declined for a reason the coordinator reads and acts on (409, its Vietnamese text).
        logger.log('WARNING', `${job}: refused by the job`, { job, caller, status: 409 });
        res.status(409).json({ error: error.message, reason: 'refused' });
        return;
      }
      logger.log('ERROR', `${job}: ${error instanceof Error ? error.message : String(error)}`, { job, caller });
      refuse(res, job, 500, 'failed');
    }
  }

  /** Scheduler calls may ask for a plan only with `?dryRun=true`; a form trigger never does. */
  function wantsDryRun(req: Request): boolean {
    return req.query.dryRun === 'true' || req.query.dryRun === '1';
  }

  function scheduled(job: AnyJobName): HttpFunction {
    return async (req, res) => {
      if (req.method !== 'POST') return refuse(res, job, 405, 'method');
      const verdict = await deps.verifyOidc(req.get('authorization'));
      if (verdict !== 'ok') return refuse(res, job, 401, verdict);
      await run(res, job, wantsDryRun(req), 'scheduler');
    };
  }

  /**
   * The body of a request signed by the spreadsheet's Apps Script (the form trigger, the menu), or undefined once the
   * request has been refused.
   */
  function signedBody(req: Request, res: Response, job: AnyJobName | FunctionName): string | undefined {
    if (!deps.secret) {
      refuse(res, job, 401, 'no-secret');
      return undefined;
    }
    // The signature covers the bytes as sent, so verify the raw body, never a re-serialised JSON.
    const body = req.rawBody ? req.rawBody.toString('utf8') : '';
    const timestamp = req.get(TIMESTAMP_HEADER);
    const signature = req.get(SIGNATURE_HEADER);
    const nowSec = Math.floor(now().getTime() / 1000);
    const verdict = verifySignature(body, deps.secret, timestamp, signature, nowSec, tolerance);
    if (verdict !== 'ok') {
      refuse(res, job, 401, verdict);
      return undefined;
    }
    if (!replay.accept(signature!, Number(timestamp), nowSec)) {
      refuse(res, job, 401, 'replayed');
      return undefined;
    }
    return body;
  }

  const ingest: HttpFunction = async (req, res) => {
    if (req.method !== 'POST') return refuse(res, 'ingest', 405, 'method');
    // A bearer token means Cloud Scheduler's sweep; anything else must carry the form trigger's signature.
    if (req.get('authorization')) {
      const verdict = await deps.verifyOidc(req.get('authorization'));
      if (verdict !== 'ok') return refuse(res, 'ingest', 401, verdict);
      return run(res, 'ingest', wantsDryRun(req), 'scheduler');
    }
    const body = signedBody(req, res, 'ingest');
    if (body === undefined) return;
    const submission = parseJsonBody(IngestBody, body);
    if (!submission) return refuse(res, 'ingest', 400, 'body');
    logger.log('INFO', `ingest: form submission at row ${submission.row}`, {
      job: 'ingest',
      tab: submission.tab,
      row: submission.row,
    });
    return run(res, 'ingest', false, 'form');
  };

  /**
   * A job the spreadsheet's menu starts now (signed like the form trigger, body `{"from":"menu","job":"<job>"}`) and
   * Cloud Scheduler runs on its schedule (OIDC): `documents` ("Tạo văn bản báo cáo"; the scheduler's daily call makes
   * them only in the days before an organiser's report deadline) and `rollup` ("Tổng hợp cấp dưới").
   */
  function menuOrScheduled(job: AnyJobName, scheduledWhenDue: boolean): HttpFunction {
    return async (req, res) => {
      if (req.method !== 'POST') return refuse(res, job, 405, 'method');
      if (req.get('authorization')) {
        const verdict = await deps.verifyOidc(req.get('authorization'));
        if (verdict !== 'ok') return refuse(res, job, 401, verdict);
        return run(res, job, wantsDryRun(req), 'scheduler', scheduledWhenDue ? { whenDue: true } : {});
      }
      const body = signedBody(req, res, job);
      if (body === undefined) return;
      const request = parseJsonBody(MenuBody, body);
      if (!request) return refuse(res, job, 400, 'menu-body');
      if (request.job !== job) return refuse(res, job, 403, 'other-job');
      return run(res, job, false, 'menu');
    };
  }

  /**
   * The menu's year-end items, signed like the other menu items; no schedule calls them, so a bearer token is refused.
   * The body names the job, so a request signed for one cannot start the other.
   */
  const yearend: HttpFunction = async (req, res) => {
    if (req.method !== 'POST') return refuse(res, 'yearend', 405, 'method');
    const body = signedBody(req, res, 'yearend');
    if (body === undefined) return;
    const request = parseJsonBody(YearEndBody, body);
    if (!request) return refuse(res, 'yearend', 400, 'yearend-body');
    if (request.job === 'record-decisions') return run(res, 'record-decisions', false, 'menu');
    return run(res, 'new-year', false, 'menu', { into: request.spreadsheetId });
  };

  return {
    ingest,
    yearend,
    remind: scheduled('remind'),
    digest: scheduled('digest'),
    rollup: menuOrScheduled('rollup', false),
    documents: menuOrScheduled('documents', true),
  };
}
