// The Drive gateway: the folder the documents go to, its files, and uploads that create a file once and update it on
// every later run. Explicit retry, errors normalised, API calls counted.
import { Readable } from 'node:stream';
import type { drive_v3 } from '@googleapis/drive';
import {
  DEFAULT_RETRY,
  isRetryableStatus,
  parseRetryAfter,
  withRetry,
  type RetryPolicy,
  type RetryVerdict,
} from './retry.ts';
import type { DriveClient } from './drive-client.ts';

export const FOLDER_MIME = 'application/vnd.google-apps.folder';

/** A Drive API failure, normalised so callers never parse raw bodies. */
export class DriveError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    /** Drive's own reason (`notFound`, `rateLimitExceeded`, …), when it gave one. */
    readonly reason: string | undefined,
  ) {
    super(message);
    this.name = 'DriveError';
  }
}

export interface DriveFolder {
  readonly id: string;
  readonly name: string;
  readonly mimeType: string;
  readonly trashed: boolean;
}

export interface DriveFile {
  readonly id: string;
  readonly name: string;
  readonly webViewLink: string;
  readonly modifiedTime: string;
}

export interface Upload {
  readonly folderId: string;
  readonly name: string;
  readonly mimeType: string;
  readonly bytes: Uint8Array;
  /** The file this document already is in the folder: its content is replaced, its id and link stay. */
  readonly existingId?: string;
}

export interface DriveGateway {
  /** The folder's metadata; a DriveError with status 404 when it is absent or not shared with us. */
  folder(id: string): Promise<DriveFolder>;
  /** Every file (not folder, not trashed) directly in the folder, all pages read. */
  listFolder(folderId: string): Promise<DriveFile[]>;
  /** files.create (multipart) into the folder, or files.update (multipart) of `existingId`. */
  upload(upload: Upload): Promise<DriveFile>;
  /** Drive API requests made so far, retries included. */
  readonly calls: () => number;
}

interface GaxiosLike {
  status?: number;
  code?: number | string;
  message?: string;
  response?: {
    status?: number;
    headers?: unknown;
    data?: unknown;
  };
}

function statusOf(error: unknown): number | undefined {
  const e = error as GaxiosLike;
  const status = e?.response?.status ?? e?.status ?? (typeof e?.code === 'number' ? e.code : undefined);
  return typeof status === 'number' ? status : undefined;
}

type ErrorBody = { error?: { message?: string; errors?: { reason?: string }[] } };

/** Drive's message and first reason, from a parsed body or its text. */
function bodyOf(error: unknown): { message?: string; reason?: string } {
  let data: unknown = (error as GaxiosLike)?.response?.data;
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data);
    } catch {
      return {};
    }
  }
  const e = (data as ErrorBody | undefined)?.error;
  return { message: e?.message, reason: e?.errors?.[0]?.reason };
}

function header(headers: unknown, name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * 429 and 5xx are retried, and so is a 403 whose reason is a rate limit: Drive answers `userRateLimitExceeded` and
 * `rateLimitExceeded` with 403 as well as 429 ("Resolve errors", Drive API guides).
 */
export function judgeDriveError(error: unknown): RetryVerdict {
  const status = statusOf(error);
  const reason = bodyOf(error).reason;
  const rateLimited = status === 403 && (reason === 'userRateLimitExceeded' || reason === 'rateLimitExceeded');
  if (!rateLimited && !isRetryableStatus(status)) return { retry: false };
  return {
    retry: true,
    retryAfterMs: parseRetryAfter(header((error as GaxiosLike)?.response?.headers, 'retry-after')),
  };
}

function normalise(error: unknown): DriveError {
  const status = statusOf(error);
  const { message, reason } = bodyOf(error);
  const text = message ?? (error as GaxiosLike)?.message ?? String(error);
  return new DriveError(`Google Drive API error - [${status ?? 'network'}] ${text}`, status, reason);
}

export interface DriveGatewayOptions {
  readonly client: DriveClient;
  readonly retry?: RetryPolicy;
  /** Per-request timeout; a slower answer counts as a network failure and is retried. */
  readonly timeoutMs?: number;
}

const FILE_FIELDS = 'id,name,webViewLink,modifiedTime';

/** A string as a `q` literal: in single quotes, `\` and `'` escaped ("Search query terms and operators"). */
export function queryString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function toFile(f: drive_v3.Schema$File): DriveFile {
  return { id: f.id ?? '', name: f.name ?? '', webViewLink: f.webViewLink ?? '', modifiedTime: f.modifiedTime ?? '' };
}

export function createDriveGateway(options: DriveGatewayOptions): DriveGateway {
  const { api, uploadOptions } = options.client;
  const policy = options.retry ?? DEFAULT_RETRY;
  const timeout = options.timeoutMs ?? 60_000;
  let calls = 0;

  async function call<T>(run: () => Promise<{ data: T }>): Promise<T> {
    try {
      return await withRetry(
        () => {
          calls++;
          return run().then((r) => r.data);
        },
        judgeDriveError,
        policy,
      );
    } catch (error) {
      throw normalise(error);
    }
  }

  return {
    async folder(id) {
      const f = await call(() =>
        api.files.get({ fileId: id, fields: 'id,name,mimeType,trashed', supportsAllDrives: true }, { timeout }),
      );
      return { id: f.id ?? id, name: f.name ?? '', mimeType: f.mimeType ?? '', trashed: f.trashed === true };
    },

    async listFolder(folderId) {
      const files: DriveFile[] = [];
      let pageToken: string | undefined;
      do {
        const token = pageToken;
        const page = await call(() =>
          api.files.list(
            {
              q: `${queryString(folderId)} in parents and trashed = false and mimeType != ${queryString(FOLDER_MIME)}`,
              fields: `nextPageToken,files(${FILE_FIELDS})`,
              pageSize: 1000,
              supportsAllDrives: true,
              includeItemsFromAllDrives: true,
              ...(token ? { pageToken: token } : {}),
            },
            { timeout },
          ),
        );
        for (const f of page.files ?? []) files.push(toFile(f));
        pageToken = page.nextPageToken ?? undefined;
      } while (pageToken);
      return files;
    },

    async upload(u) {
      // A fresh stream per attempt: a retried upload sends the whole file again.
      const media = () => ({ mimeType: u.mimeType, body: Readable.from([Buffer.from(u.bytes)]) });
      const methodOptions = { ...uploadOptions, timeout };
      const f = u.existingId
        ? await call(() =>
            api.files.update(
              {
                fileId: u.existingId,
                requestBody: { name: u.name, mimeType: u.mimeType },
                media: media(),
                fields: FILE_FIELDS,
                supportsAllDrives: true,
              },
              methodOptions,
            ),
          )
        : await call(() =>
            api.files.create(
              {
                requestBody: { name: u.name, mimeType: u.mimeType, parents: [u.folderId] },
                media: media(),
                fields: FILE_FIELDS,
                supportsAllDrives: true,
              },
              methodOptions,
            ),
          );
      return toFile(f);
    },

    calls: () => calls,
  };
}
