// HTTP routing for the Sheets v4 subset and the local /__admin endpoints, on node:http.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { BodyTooLarge, decodeSegment, guard, MalformedUrl, type Refusal } from '../stack/local-guard.ts';
import { ApiError, badRequest, faultError, MAX_REQUEST_BYTES, notFound, payloadTooLarge } from './errors.ts';
import { FaultBoard } from './faults.ts';
import { parseQuotas, QuotaBoard, type Quotas } from './quota.ts';
import { locate } from './grid.ts';
import { checkGrowth, invalidTimeZone, isTimeZone } from './limits.ts';
import { jsonText, type JsonObject, type SheetState, type SpreadsheetState } from './model.ts';
import { applyBatch, parseBatch } from './requests/apply.ts';
import { check, list, obj, type Schema } from './requests/schema.ts';
import { SheetProperties, SpreadsheetProperties } from './requests/types.ts';
import { newSheet, newSpreadsheet, newSpreadsheetId, Store } from './store.ts';
import {
  valuesAppend,
  valuesBatchClear,
  valuesBatchGet,
  valuesBatchUpdate,
  valuesClear,
  valuesGet,
  valuesUpdate,
  type Query,
} from './values-api.ts';
import { spreadsheetView } from './view.ts';

const VALUE_RANGE: Schema = obj('ValueRange', () => ({
  range: 'string',
  majorDimension: 'string',
  values: 'any',
}));
const BODIES: Record<string, Schema> = {
  'spreadsheets.create': obj('Spreadsheet', () => ({
    spreadsheetId: 'string',
    properties: SpreadsheetProperties,
    sheets: list(obj('Sheet', () => ({ properties: SheetProperties }))),
    namedRanges: 'any',
    spreadsheetUrl: 'string',
    developerMetadata: 'any',
    dataSources: 'any',
  })),
  'values.update': VALUE_RANGE,
  'values.append': VALUE_RANGE,
  'values.batchUpdate': obj('BatchUpdateValuesRequest', () => ({
    valueInputOption: 'string',
    data: list(VALUE_RANGE),
    includeValuesInResponse: 'bool',
    responseValueRenderOption: 'string',
    responseDateTimeRenderOption: 'string',
  })),
  'values.clear': obj('ClearValuesRequest', () => ({})),
  'values.batchClear': obj('BatchClearValuesRequest', () => ({ ranges: list('string') })),
};

interface Route {
  readonly method: string;
  readonly id?: string;
  readonly range?: string;
}

/** Google's paths put the method after a colon: `{id}:batchUpdate`, `values/{range}:append`. */
function route(verb: string, path: string): Route | null {
  const m =
    /^\/v4\/spreadsheets(?:\/([^/]+?))?(?:(\/values)(?::(batchGet|batchUpdate|batchClear)|\/([^/]+?)(?::(append|clear))?)?|:(batchUpdate))?$/.exec(
      path,
    );
  if (!m) return null;
  const [, rawId, values, batch, rawRange, rangeMethod, bookMethod] = m;
  const id = rawId === undefined ? undefined : decodeSegment(rawId);
  if (id === undefined) return verb === 'POST' && !values && !bookMethod ? { method: 'spreadsheets.create' } : null;
  const range = rawRange === undefined ? undefined : decodeSegment(rawRange);
  if (bookMethod) return verb === 'POST' ? { method: 'spreadsheets.batchUpdate', id } : null;
  if (!values) return verb === 'GET' ? { method: 'spreadsheets.get', id } : null;
  if (batch) {
    const want = batch === 'batchGet' ? 'GET' : 'POST';
    return verb === want ? { method: `values.${batch}`, id } : null;
  }
  if (range === undefined) return null;
  if (rangeMethod) return verb === 'POST' ? { method: `values.${rangeMethod}`, id, range } : null;
  if (verb === 'GET') return { method: 'values.get', id, range };
  if (verb === 'PUT') return { method: 'values.update', id, range };
  return null;
}

function queryOf(url: URL): Query {
  const q: Query = {};
  for (const [k, v] of url.searchParams) {
    const prev = q[k];
    q[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return q;
}

async function parseBody(read: () => Promise<Buffer>): Promise<unknown> {
  const text = (await read()).toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest('Invalid JSON payload received. Unexpected token.');
  }
}

/**
 * Responses to API requests that sent the system parameter `prettyPrint=false`. Google indents and breaks lines in
 * every response unless asked not to ("Default: true"), which at 50,000 rows makes a body several times larger.
 */
const compact = new WeakSet<ServerResponse>();

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? '' : compact.has(res) ? JSON.stringify(body) : JSON.stringify(body, null, 2);
  res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers });
  res.end(text);
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function defaultBook(id: string, body: JsonObject = {}): SpreadsheetState {
  const properties = (body['properties'] as JsonObject | undefined) ?? {};
  if (properties['timeZone'] !== undefined && !isTimeZone(properties['timeZone']))
    throw invalidTimeZone(properties['timeZone']);
  const book = newSpreadsheet(id, properties);
  const given = ((body['sheets'] as JsonObject[] | undefined) ?? []).map(
    (s) => (s['properties'] as JsonObject | undefined) ?? {},
  );
  if (given.length === 0) given.push({});
  const used = new Set<number>();
  given.forEach((p, i) => {
    let sheetId = typeof p['sheetId'] === 'number' ? p['sheetId'] : i === 0 && !used.has(0) ? 0 : undefined;
    while (sheetId === undefined || used.has(sheetId)) sheetId = Math.floor(Math.random() * 2_000_000_000) + 1;
    used.add(sheetId);
    const title = typeof p['title'] === 'string' ? p['title'] : `Sheet${i + 1}`;
    if (book.sheets.some((s) => s.properties.title.toLocaleLowerCase() === title.toLocaleLowerCase())) {
      throw badRequest(
        `Invalid sheets[${i}]: A sheet with the name "${title}" already exists. Please enter another name.`,
      );
    }
    book.sheets.push(newSheet({ ...p, sheetId, title, index: i }));
  });
  checkGrowth(book, 0);
  return book;
}

/** The sheets a values write changed (its ranges are valid by now), so unchanged sheets are not re-serialised. */
function touchedSheets(book: SpreadsheetState, r: Route, body: JsonObject): SheetState[] {
  const ranges =
    r.method === 'values.batchUpdate'
      ? ((body['data'] as JsonObject[] | undefined) ?? []).map((d) => jsonText(d['range']))
      : r.method === 'values.batchClear'
        ? ((body['ranges'] as string[] | undefined) ?? [])
        : [r.range!];
  return [...new Set(ranges.map((text) => locate(book, text).sheet))];
}

export interface Handle {
  readonly server: Server;
  readonly faults: FaultBoard;
  readonly quotas: QuotaBoard;
  readonly store: Store;
}

export interface HttpOptions {
  /** Host names the server answers to besides the loopback names. */
  readonly hosts?: readonly string[];
  /** Per-minute request quotas; none by default. */
  readonly quotas?: Quotas;
  /** The clock the quotas count minutes by. */
  readonly now?: () => number;
}

/** Google's front end answers a request it cannot parse with a bare HTML 400, before any API sees it. */
function malformed(res: ServerResponse): void {
  res.writeHead(400, { 'content-type': 'text/html; charset=UTF-8' });
  res.end(
    '<!DOCTYPE html><p><b>400.</b> That’s an error.<p>Your client has issued a malformed or illegal request. That’s all we know.',
  );
}

/** Refusals of the shared guard, in Google's words where Google has them. */
function refuse(res: ServerResponse, refusal: Refusal): void {
  switch (refusal.reason) {
    case 'malformed-url':
      return malformed(res);
    case 'too-large':
      return send(res, 400, payloadTooLarge().body());
    case 'not-json':
      return send(res, 415, new ApiError(415, `Local Sheets server: ${refusal.detail}.`, 'INVALID_ARGUMENT').body());
    default:
      return send(res, 403, new ApiError(403, `Local Sheets server: ${refusal.detail}.`).body());
  }
}

export function createSheetsHttpServer(store: Store, options: HttpOptions = {}): Handle {
  const faults = new FaultBoard();
  const quotas = new QuotaBoard(options.quotas, options.now);
  const hosts = options.hosts ?? [];

  async function admin(verb: string, path: string, read: () => Promise<Buffer>, res: ServerResponse): Promise<void> {
    const book = /^\/__admin\/spreadsheets\/([^/]+)$/.exec(path);
    if (book && verb === 'PUT') {
      const id = decodeSegment(book[1]);
      let state = store.get(id);
      if (!state) {
        state = defaultBook(id);
        await store.put(state);
      }
      return send(res, 200, spreadsheetView(state));
    }
    // Deleted (or trashed) in Drive: from then on every Sheets call on it answers 404, as Google does.
    if (book && verb === 'DELETE') {
      const deleted = await store.delete(decodeSegment(book[1]));
      return send(res, deleted ? 200 : 404, deleted ? {} : { error: 'no such spreadsheet' });
    }
    const shared = await faults.admin(verb, path, () => parseBody(read));
    if (shared) return send(res, shared.status, shared.body);
    if (path === '/__admin/quotas' && verb === 'POST') {
      const given = parseQuotas(await parseBody(read));
      if (typeof given === 'string') return send(res, 400, { error: given });
      quotas.set(given);
      return send(res, 200, { ok: true });
    }
    return send(res, 404, { error: 'unknown admin endpoint' });
  }

  async function api(
    r: Route,
    url: URL,
    req: IncomingMessage,
    read: () => Promise<Buffer>,
    res: ServerResponse,
  ): Promise<void> {
    const fault = faults.take(r.method);
    if (fault?.latencyMs) {
      await sleep(fault.latencyMs);
      // The client hung up while the answer was delayed (a timeout, or a killed process): the request is dropped
      // unapplied, so a test can stop a job at an exact step and know what reached the spreadsheet.
      if (req.socket.destroyed) return;
    }
    if (fault?.status) {
      const headers: Record<string, string> =
        fault.retryAfterSec === undefined ? {} : { 'retry-after': String(fault.retryAfterSec) };
      const e = faultError(fault.status);
      return send(res, e.code, e.body(), headers);
    }
    const overQuota = quotas.take(r.method);
    if (overQuota) return send(res, overQuota.code, overQuota.body());
    const q = queryOf(url);
    const raw = req.method === 'GET' ? {} : await parseBody(read);
    const schema = BODIES[r.method];
    const body = (schema ? check(raw, schema, '') : raw) as JsonObject;

    if (r.method === 'spreadsheets.create') {
      const book = defaultBook(newSpreadsheetId(), body);
      await store.put(book);
      return send(res, 200, spreadsheetView(book));
    }
    const book = store.get(r.id!);
    if (!book) throw notFound();
    const range = r.range!;
    let out: JsonObject;
    switch (r.method) {
      case 'spreadsheets.get':
        return send(
          res,
          200,
          spreadsheetView(book, {
            ranges: [q['ranges'] ?? []].flat(),
            includeGridData: q['includeGridData'] === 'true',
          }),
        );
      case 'values.get':
        return send(res, 200, valuesGet(book, range, q));
      case 'values.batchGet':
        return send(res, 200, valuesBatchGet(book, q));
      case 'spreadsheets.batchUpdate': {
        const batch = parseBatch(raw);
        // Applied to a copy and committed whole: a failing request leaves the spreadsheet as it was.
        const next = structuredClone(book);
        const replies = applyBatch(next, batch);
        await store.put(next);
        out = { spreadsheetId: next.spreadsheetId, replies };
        if (batch.includeSpreadsheetInResponse) {
          out['updatedSpreadsheet'] = spreadsheetView(next, {
            ranges: batch.responseRanges,
            includeGridData: batch.responseIncludeGridData,
          });
        }
        return send(res, 200, out);
      }
      case 'values.update':
        out = valuesUpdate(book, range, q, body);
        break;
      case 'values.append':
        out = valuesAppend(book, range, q, body);
        break;
      case 'values.batchUpdate':
        out = valuesBatchUpdate(book, body);
        break;
      case 'values.clear':
        out = valuesClear(book, range);
        break;
      case 'values.batchClear':
        out = valuesBatchClear(book, body);
        break;
      default:
        throw notFound();
    }
    // A write is answered only once it is on disk.
    await store.persist(book.spreadsheetId, touchedSheets(book, r, body));
    send(res, 200, out);
  }

  const server = createServer(
    guard({ maxBodyBytes: MAX_REQUEST_BYTES, expectsJson: () => true, refuse, hosts }, (req, res, request) => {
      const { url } = request;
      const verb = req.method ?? 'GET';
      const path = url.pathname;
      const pretty = url.searchParams.get('prettyPrint');
      if (path.startsWith('/__admin/') || pretty === 'false' || pretty === '0') compact.add(res);
      const work = path.startsWith('/__admin/')
        ? admin(verb, path, request.body, res)
        : (async () => {
            const r = route(verb, path);
            if (!r) throw notFound();
            await api(r, url, req, request.body, res);
          })();
      work.catch((error: unknown) => {
        if (res.headersSent) return;
        if (error instanceof ApiError) return send(res, error.code, error.body());
        if (error instanceof BodyTooLarge) return send(res, 400, payloadTooLarge().body());
        if (error instanceof MalformedUrl) return malformed(res);
        console.error(error);
        const e = new ApiError(500, 'Internal error encountered.');
        send(res, 500, e.body());
      });
    }),
  );
  return { server, faults, quotas, store };
}
