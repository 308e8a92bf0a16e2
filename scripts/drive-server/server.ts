// HTTP routing for the Drive v3 subset the product uses (files.create, files.list, files.get, files.update, with
// multipart and simple uploads) and the local /__admin endpoints, on node:http.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { BodyTooLarge, decodeSegment, guard, MalformedUrl, type Refusal } from '../stack/local-guard.ts';
import { FaultBoard } from '../sheets-server/faults.ts';
import { badRequest, DriveApiError, faultError, fileNotFound, invalidValue } from './errors.ts';
import { FILE_FIELDS, FILE_LIST_FIELDS, mask, parseFields, type Selection } from './fields.ts';
import { MAX_BODY_BYTES, MAX_PAGE_SIZE, MULTIPART_MAX_MEDIA_BYTES, SIMPLE_MAX_MEDIA_BYTES } from './limits.ts';
import { parseMultipart, relatedBoundary } from './multipart.ts';
import { parseQuery } from './query.ts';
import { DriveStore, FOLDER_MIME, newFileId, type StoredFile } from './store.ts';

/** Default fields of a file in every answer without `fields` ("Return specific fields"). */
const DEFAULT_FILE: Selection = { kind: true, id: true, name: true, mimeType: true, resourceKey: true };
const DEFAULT_LIST: Selection = { kind: true, incompleteSearch: true, nextPageToken: true, files: DEFAULT_FILE };

/** Metadata a request may set on create or update. */
const WRITABLE = new Set(['name', 'mimeType', 'parents', 'description', 'trashed']);

type Route =
  | { readonly method: 'files.list' | 'files.create' }
  | { readonly method: 'files.get' | 'files.update'; readonly id: string }
  | { readonly method: 'files.create.upload' }
  | { readonly method: 'files.update.upload'; readonly id: string };

function route(verb: string, path: string): Route | null {
  const m = /^\/(upload\/)?drive\/v3\/files(?:\/([^/]+))?$/.exec(path);
  if (!m) return null;
  const [, upload, rawId] = m;
  const id = rawId === undefined ? undefined : decodeSegment(rawId);
  if (upload) {
    if (id === undefined) return verb === 'POST' ? { method: 'files.create.upload' } : null;
    return verb === 'PATCH' ? { method: 'files.update.upload', id } : null;
  }
  if (id === undefined) {
    if (verb === 'GET') return { method: 'files.list' };
    return verb === 'POST' ? { method: 'files.create' } : null;
  }
  if (verb === 'GET') return { method: 'files.get', id };
  return verb === 'PATCH' ? { method: 'files.update', id } : null;
}

/** Responses to requests that sent `prettyPrint=false`; Google indents every other one. */
const compact = new WeakSet<ServerResponse>();

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = compact.has(res) ? JSON.stringify(body) : JSON.stringify(body, null, 2);
  res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' });
  res.end(text);
}

function sendError(res: ServerResponse, error: DriveApiError): void {
  send(res, error.code, error.body());
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function parseJson(raw: Buffer): Record<string, unknown> {
  const text = raw.toString('utf8');
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw badRequest('Invalid JSON payload received.');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw badRequest('Invalid JSON payload received.');
  return parsed as Record<string, unknown>;
}

/** The metadata of a create or update, checked as Drive checks it. */
function metadataOf(raw: Record<string, unknown>, updating: boolean): Record<string, unknown> {
  if (updating && raw['parents'] !== undefined) {
    throw new DriveApiError(
      403,
      'The parents field is not directly writable in update requests. Use the addParents and removeParents parameters instead.',
      'fieldNotWritable',
    );
  }
  for (const key of Object.keys(raw)) {
    if (!FILE_FIELDS.has(key))
      throw badRequest(`Invalid JSON payload received. Unknown name "${key}": Cannot find field.`);
    if (!WRITABLE.has(key)) {
      throw new DriveApiError(
        403,
        `The resource body includes fields which are not directly writable.`,
        'fieldNotWritable',
      );
    }
  }
  if (raw['name'] !== undefined && typeof raw['name'] !== 'string') throw badRequest('Invalid value for name.');
  if (raw['parents'] !== undefined) {
    const parents = raw['parents'];
    if (!Array.isArray(parents) || parents.some((p) => typeof p !== 'string'))
      throw badRequest('Invalid value for parents.');
  }
  return raw;
}

function fileView(f: StoredFile, base: string): Record<string, unknown> {
  const folder = f.mimeType === FOLDER_MIME;
  return {
    kind: 'drive#file',
    id: f.id,
    name: f.name,
    mimeType: f.mimeType,
    parents: f.parents,
    trashed: f.trashed,
    ...(f.description !== undefined ? { description: f.description } : {}),
    createdTime: f.createdTime,
    modifiedTime: f.modifiedTime,
    version: String(f.version),
    ...(f.size !== undefined ? { size: String(f.size), md5Checksum: f.md5Checksum } : {}),
    webViewLink: folder ? `${base}drive/folders/${f.id}` : `${base}file/d/${f.id}/view?usp=drivesdk`,
    ...(folder ? {} : { webContentLink: `${base}uc?id=${f.id}&export=download` }),
  };
}

/** `fields` of a single-file answer. */
function fileSelection(url: URL): Selection {
  const fields = url.searchParams.get('fields');
  return fields === null ? DEFAULT_FILE : parseFields(fields, FILE_FIELDS);
}

interface PageToken {
  readonly offset: number;
  readonly q: string;
}

function encodeToken(t: PageToken): string {
  return Buffer.from(JSON.stringify(t)).toString('base64url');
}

function decodeToken(text: string, q: string): PageToken {
  try {
    const t = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as PageToken;
    if (Number.isInteger(t.offset) && t.offset >= 0 && t.q === q) return t;
  } catch {
    // refused below
  }
  throw invalidValue('pageToken');
}

export interface DriveHandle {
  readonly server: Server;
  readonly faults: FaultBoard;
  readonly store: DriveStore;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Refusals of the shared guard, in Drive's envelope. */
function refuse(res: ServerResponse, refusal: Refusal): void {
  if (refusal.reason === 'too-large') {
    return sendError(
      res,
      badRequest(
        `Local Drive server: request body larger than ${MAX_BODY_BYTES} bytes (uploads take at most 5 MB here).`,
      ),
    );
  }
  const code = refusal.status === 415 ? 400 : refusal.status;
  sendError(
    res,
    new DriveApiError(code, `Local Drive server: ${refusal.detail}.`, code === 403 ? 'forbidden' : 'badRequest'),
  );
}

export interface DriveHttpOptions {
  readonly hosts?: readonly string[];
  readonly now?: () => Date;
  /** Fewer files per page than asked ("The service may return fewer than this value"), so tests see paging. */
  readonly maxPageSize?: number;
}

export function createDriveHttpServer(store: DriveStore, options: DriveHttpOptions = {}): DriveHandle {
  const faults = new FaultBoard();
  const now = () => (options.now ? options.now() : new Date()).toISOString();

  function requireFile(id: string): StoredFile {
    const f = store.get(id);
    if (!f) throw fileNotFound(id);
    return f;
  }

  function checkParents(parents: readonly string[]): void {
    for (const p of parents) if (!store.get(p)) throw fileNotFound(p);
  }

  /** The metadata and media of an upload request, by its uploadType. */
  async function uploadParts(
    req: IncomingMessage,
    url: URL,
    read: () => Promise<Buffer>,
  ): Promise<{ meta: Record<string, unknown>; media: Buffer; mediaType: string }> {
    const type = url.searchParams.get('uploadType');
    const body = await read();
    if (type === 'multipart') {
      const boundary = relatedBoundary(req.headers['content-type']);
      if (!boundary) throw badRequest('Multipart uploads must be sent as multipart/related with a boundary.');
      const parts = parseMultipart(body, boundary);
      if (parts.length !== 2)
        throw badRequest('A multipart upload has exactly two parts: the metadata, then the media.');
      const media = parts[1].body;
      if (media.length > MULTIPART_MAX_MEDIA_BYTES) {
        throw badRequest(
          `Local Drive server: a multipart upload carries a small file (5 MB or less); this one has ${media.length} bytes. Use a resumable upload.`,
        );
      }
      return { meta: parseJson(parts[0].body), media, mediaType: parts[1].contentType };
    }
    if (type === 'media') {
      if (body.length > SIMPLE_MAX_MEDIA_BYTES) {
        throw badRequest(
          `Local Drive server: a simple upload carries a small file (5 MB or less); this one has ${body.length} bytes. Use a resumable upload.`,
        );
      }
      return { meta: {}, media: body, mediaType: req.headers['content-type'] ?? 'application/octet-stream' };
    }
    if (type === 'resumable') throw badRequest('Local Drive server: resumable uploads are not served here.');
    throw invalidValue('uploadType');
  }

  async function api(
    r: Route,
    url: URL,
    req: IncomingMessage,
    read: () => Promise<Buffer>,
    res: ServerResponse,
    base: string,
  ): Promise<void> {
    const method = r.method.replace('.upload', '');
    const fault = faults.take(method);
    if (fault?.latencyMs) {
      await sleep(fault.latencyMs);
      if (req.socket.destroyed) return;
    }
    if (fault?.status) return sendError(res, faultError(fault.status));

    switch (r.method) {
      case 'files.list': {
        const q = url.searchParams.get('q') ?? '';
        const predicate = parseQuery(q);
        const fields = url.searchParams.get('fields');
        const selection = fields === null ? DEFAULT_LIST : parseFields(fields, FILE_LIST_FIELDS);
        const sizeText = url.searchParams.get('pageSize');
        let pageSize = Number.POSITIVE_INFINITY;
        if (sizeText !== null) {
          const n = Number(sizeText);
          if (!/^\d+$/.test(sizeText) || n < 1) throw invalidValue('pageSize');
          pageSize = Math.min(n, MAX_PAGE_SIZE);
        }
        pageSize = Math.min(pageSize, options.maxPageSize ?? Number.POSITIVE_INFINITY);
        const tokenText = url.searchParams.get('pageToken');
        const offset = tokenText ? decodeToken(tokenText, q).offset : 0;
        const matching = store
          .all()
          .filter(predicate)
          .sort((a, b) => a.createdTime.localeCompare(b.createdTime) || a.id.localeCompare(b.id));
        const page = matching.slice(offset, offset + pageSize);
        const next =
          offset + page.length < matching.length ? encodeToken({ offset: offset + page.length, q }) : undefined;
        const body = {
          kind: 'drive#fileList',
          incompleteSearch: false,
          files: page.map((f) => fileView(f, base)),
          ...(next ? { nextPageToken: next } : {}),
        };
        return send(res, 200, mask(body, selection));
      }
      case 'files.get': {
        const f = requireFile(r.id);
        if (url.searchParams.get('alt') === 'media') {
          if (f.size === undefined) {
            throw new DriveApiError(
              403,
              'Only files with binary content can be downloaded. Use Export with Docs Editors files.',
              'fileNotDownloadable',
              { name: 'alt', type: 'parameter' },
            );
          }
          const content = await store.content(f.id);
          res.writeHead(200, { 'content-type': f.mimeType, 'content-length': content.length });
          res.end(content);
          return;
        }
        return send(res, 200, mask(fileView(f, base), fileSelection(url)));
      }
      case 'files.create':
      case 'files.create.upload': {
        const selection = fileSelection(url);
        const upload = r.method === 'files.create.upload' ? await uploadParts(req, url, read) : undefined;
        const meta = metadataOf(upload ? upload.meta : parseJson(await read()), false);
        const parents = (meta['parents'] as string[] | undefined) ?? [];
        if (parents.length > 1) {
          throw new DriveApiError(
            403,
            'Increasing the number of parents is not allowed. A file can have only one parent folder.',
            'cannotAddParent',
          );
        }
        checkParents(parents);
        const time = now();
        const file: StoredFile = {
          id: newFileId(),
          name: (meta['name'] as string | undefined) ?? 'Untitled',
          mimeType: (meta['mimeType'] as string | undefined) ?? upload?.mediaType ?? 'application/octet-stream',
          parents,
          trashed: meta['trashed'] === true,
          ...(typeof meta['description'] === 'string' ? { description: meta['description'] } : {}),
          createdTime: time,
          modifiedTime: time,
          version: 1,
        };
        await store.put(file, upload?.media);
        return send(res, 200, mask(fileView(file, base), selection));
      }
      case 'files.update':
      case 'files.update.upload': {
        const selection = fileSelection(url);
        const existing = requireFile(r.id);
        const upload = r.method === 'files.update.upload' ? await uploadParts(req, url, read) : undefined;
        const meta = metadataOf(upload ? upload.meta : parseJson(await read()), true);
        const add = (url.searchParams.get('addParents') ?? '').split(',').filter(Boolean);
        const remove = new Set((url.searchParams.get('removeParents') ?? '').split(',').filter(Boolean));
        checkParents(add);
        const parents = [
          ...existing.parents.filter((p) => !remove.has(p)),
          ...add.filter((p) => !existing.parents.includes(p)),
        ];
        if (parents.length > 1) {
          throw new DriveApiError(
            403,
            'Increasing the number of parents is not allowed. A file can have only one parent folder.',
            'cannotAddParent',
          );
        }
        const file: StoredFile = {
          ...existing,
          parents,
          ...(typeof meta['name'] === 'string' ? { name: meta['name'] } : {}),
          ...(typeof meta['mimeType'] === 'string' ? { mimeType: meta['mimeType'] } : {}),
          ...(typeof meta['description'] === 'string' ? { description: meta['description'] } : {}),
          ...(typeof meta['trashed'] === 'boolean' ? { trashed: meta['trashed'] } : {}),
          modifiedTime: now(),
          version: existing.version + 1,
        };
        await store.put(file, upload?.media);
        return send(res, 200, mask(fileView(file, base), selection));
      }
    }
  }

  /** What a person opening a file's webViewLink gets here: the file itself (Drive shows a viewer). */
  async function view(path: string, res: ServerResponse, base: string): Promise<boolean> {
    const file = /^\/(?:file\/d\/([^/]+)\/view|uc)$/.exec(path);
    const folder = /^\/drive\/folders\/([^/]+)$/.exec(path);
    if (file) {
      const id = file[1] !== undefined ? decodeSegment(file[1]) : '';
      const f = store.get(id);
      if (!f || f.size === undefined) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Không tìm thấy tệp.');
        return true;
      }
      const content = await store.content(f.id);
      res.writeHead(200, {
        'content-type': f.mimeType,
        'content-length': content.length,
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`,
      });
      res.end(content);
      return true;
    }
    if (folder) {
      const id = decodeSegment(folder[1]);
      const f = store.get(id);
      if (!f || f.mimeType !== FOLDER_MIME) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Không tìm thấy thư mục.');
        return true;
      }
      const items = store
        .all()
        .filter((x) => x.parents.includes(id) && !x.trashed)
        .map(
          (x) =>
            `<li><a href="${escapeHtml(String(fileView(x, base)['webViewLink']))}">${escapeHtml(x.name)}</a> (${escapeHtml(x.modifiedTime)})</li>`,
        );
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        `<!DOCTYPE html><meta charset="utf-8"><title>${escapeHtml(f.name)}</title><h1>${escapeHtml(f.name)}</h1><ul>${items.join('')}</ul>`,
      );
      return true;
    }
    return false;
  }

  async function admin(
    verb: string,
    path: string,
    read: () => Promise<Buffer>,
    res: ServerResponse,
    base: string,
  ): Promise<void> {
    const folder = /^\/__admin\/folders\/([^/]+)$/.exec(path);
    if (folder && verb === 'PUT') {
      const id = decodeSegment(folder[1]);
      const body = parseJson(await read());
      const f = await store.ensureFolder(id, typeof body['name'] === 'string' ? body['name'] : id, now());
      return send(res, 200, fileView(f, base));
    }
    if (path === '/__admin/files' && verb === 'GET')
      return send(
        res,
        200,
        store.all().map((f) => fileView(f, base)),
      );
    const shared = await faults.admin(verb, path, async () => parseJson(await read()));
    if (shared) return send(res, shared.status, shared.body);
    return send(res, 404, { error: 'unknown admin endpoint' });
  }

  const expectsJson = (method: string, path: string) => !path.startsWith('/upload/') && method !== 'GET';
  const server = createServer(
    guard({ maxBodyBytes: MAX_BODY_BYTES, expectsJson, refuse, hosts: options.hosts }, (req, res, request) => {
      const { url } = request;
      const verb = req.method ?? 'GET';
      const path = url.pathname;
      const base = `http://${req.headers.host}/`;
      const pretty = url.searchParams.get('prettyPrint');
      if (path.startsWith('/__admin/') || pretty === 'false' || pretty === '0') compact.add(res);
      const work = path.startsWith('/__admin/')
        ? admin(verb, path, request.body, res, base)
        : (async () => {
            if (verb === 'GET' && (await view(path, res, base))) return;
            const r = route(verb, path);
            if (!r) {
              res.writeHead(404, { 'content-type': 'text/html; charset=UTF-8' });
              res.end('Not Found');
              return;
            }
            await api(r, url, req, request.body, res, base);
          })();
      work.catch((error: unknown) => {
        if (res.headersSent) return;
        if (error instanceof DriveApiError) return sendError(res, error);
        if (error instanceof BodyTooLarge) return refuse(res, { reason: 'too-large', status: 413, detail: '' });
        if (error instanceof MalformedUrl) return sendError(res, badRequest('Malformed request URL.'));
        console.error(error);
        sendError(res, new DriveApiError(500, 'Internal Error', 'internalError'));
      });
    }),
  );
  return { server, faults, store };
}
