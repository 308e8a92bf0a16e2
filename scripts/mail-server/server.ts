// The HTTP side of the local SendGrid: mail send, the templates subset, the outbox and the admin endpoints.
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { listenLocal } from '../stack/ports.ts';
import { BodyTooLarge, guard, tooLarge, type Refusal } from '../stack/local-guard.ts';
import { renderVersion } from '../../functions/mail/index.ts';
import { findDrops, type Drop } from './drops.ts';
import { Faults, parseFault, type FaultController } from './faults.ts';
import {
  MailStore,
  type Address,
  type RenderedMessage,
  type StoredMessage,
  type StoredTemplate,
  type StoredVersion,
} from './store.ts';
import { validateMailSend, type SendGridError } from './validate.ts';

export interface MailServerOptions {
  /** 0 or absent: a free port. */
  readonly port?: number;
  readonly host?: string;
  /** Where templates.json and outbox.jsonl live. */
  readonly dataDir: string;
  /** When set, only this key is accepted; otherwise any non-empty bearer key is. */
  readonly apiKey?: string;
  /**
   * Template versions the account may hold across all its templates (SendGrid: 300 per user; depends on the account).
   */
  readonly maxTemplateVersions?: number;
  /** Templates the account may hold (SendGrid: 300 per account or Subuser). */
  readonly maxTemplates?: number;
}

export interface MailServer {
  /** http://127.0.0.1:PORT, without a trailing slash. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
  readonly faults: FaultController;
  /** Accepted messages, oldest first. */
  outbox(): StoredMessage[];
  /** POST /v3/mail/send requests received, failed and faulted ones included. */
  requestCount(): number;
  /** Personalizations accepted with 202 and then dropped, as real SendGrid would (see drops.ts). */
  drops(): Drop[];
  /** The largest POST /v3/mail/send body read so far, in bytes (one refused with 413 for its size is not read). */
  largestMailSendBytes(): number;
}

/**
 * "The total size of your email, including attachments, must be less than 30MB": refused with 413 at 30,000,000 bytes.
 */
export const MAX_BODY_BYTES = 30_000_000;
/**
 * "Each user can have up to 300 versions across all templates"; "each parent account ... up to 300 different
 * transactional templates".
 */
export const DEFAULT_MAX_TEMPLATE_VERSIONS = 300;
const DEFAULT_MAX_TEMPLATES = 300;
const TEMPLATE_NAME_MAX = 100;

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly errors: readonly SendGridError[],
    readonly headers: Record<string, string> = {},
  ) {
    super(errors[0]?.message ?? String(status));
  }
}

const error = (message: string, field: string | null = null): SendGridError => ({ message, field, help: null });

export async function startMailServer(options: MailServerOptions): Promise<MailServer> {
  const store = new MailStore(options.dataDir);
  const faults = new Faults();
  const stats = { mailSend: 0, total: 0, largestMailSendBytes: 0 };
  const drops: Drop[] = [];
  const maxVersions = options.maxTemplateVersions ?? DEFAULT_MAX_TEMPLATE_VERSIONS;
  const maxTemplates = options.maxTemplates ?? DEFAULT_MAX_TEMPLATES;
  const host = options.host ?? '127.0.0.1';

  const refuse = (res: ServerResponse, refusal: Refusal) =>
    // A body too large gets the Mail Send API reference's 413 answer.
    send(res, refusal.status, {
      errors: [error(refusal.reason === 'too-large' ? 'content too large' : refusal.detail)],
    });
  // "Less than 30MB": the guard refuses what is larger than its cap, so the cap is one byte under.
  const guarded = { maxBodyBytes: MAX_BODY_BYTES - 1, expectsJson: () => true, refuse, hosts: [host] };
  const server: Server = createServer(
    guard(guarded, (req, res, request) => {
      handle(req, res, request.url, request.body).catch((e: unknown) => {
        if (e instanceof BodyTooLarge) return refuse(res, tooLarge(e.limit));
        const status = e instanceof HttpError ? e.status : 500;
        const errors = e instanceof HttpError ? e.errors : [error('internal error')];
        const headers = e instanceof HttpError ? e.headers : {};
        if (!(e instanceof HttpError)) console.error(e);
        send(res, status, { errors }, headers);
      });
    }),
  );

  async function handle(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    read: () => Promise<Buffer>,
  ): Promise<void> {
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const method = req.method ?? 'GET';
    const raw = (await read()).toString('utf8');

    if (path === '/outbox' && method === 'GET') return send(res, 200, store.messages);
    if (path === '/__admin/stats' && method === 'GET') return send(res, 200, { ...stats });
    if (path === '/__admin/drops' && method === 'GET') return send(res, 200, drops);
    if (path === '/__admin/faults') {
      if (method === 'DELETE') {
        faults.clear();
        return send(res, 204);
      }
      if (method === 'POST') {
        const fault = parseFault(parseJson(raw));
        if (typeof fault === 'string') throw new HttpError(400, [error(fault)]);
        faults.inject(fault);
        return send(res, 201, fault);
      }
    }
    if (!path.startsWith('/v3/')) throw new HttpError(404, [error('not found')]);

    stats.total += 1;
    const isSend = path === '/v3/mail/send';
    if (isSend) {
      stats.mailSend += 1;
      stats.largestMailSendBytes = Math.max(stats.largestMailSendBytes, Buffer.byteLength(raw));
    }
    authorize(req.headers.authorization);

    const fault = faults.take(isSend);
    if (fault?.latencyMs) await new Promise((r) => setTimeout(r, fault.latencyMs));
    if (fault?.status) {
      const headers: Record<string, string> =
        fault.retryAfterSec !== undefined ? { 'Retry-After': String(fault.retryAfterSec) } : {};
      const message = {
        400: 'Bad Request',
        429: 'too many requests',
        500: 'internal server error',
        502: 'bad gateway',
        503: 'service unavailable',
      }[fault.status];
      throw new HttpError(fault.status, [error(message)], headers);
    }

    if (isSend && method === 'POST') return mailSend(parseJson(raw), res);
    return templatesApi(method, path.split('/').slice(2), url, parseJson(raw), res);
  }

  function authorize(header: string | undefined): void {
    if (!header) throw new HttpError(401, [error('authorization required')]);
    const match = /^Bearer\s+(\S+)$/.exec(header);
    if (!match || (options.apiKey !== undefined && match[1] !== options.apiKey)) {
      throw new HttpError(401, [error('The provided authorization grant is invalid, expired, or revoked')]);
    }
  }

  function activeVersion(template: StoredTemplate | undefined): StoredVersion | undefined {
    return template?.versions.find((v) => v.active === 1);
  }

  function mailSend(body: unknown, res: ServerResponse): void {
    const errors = validateMailSend(body, (id) => {
      const template = store.templates.find((t) => t.id === id);
      return { exists: template !== undefined, subject: activeVersion(template)?.subject };
    });
    if (errors.length > 0) throw new HttpError(400, errors);
    const mail = body as MailBody;
    // Sandbox mode: validated, answered 200, neither stored nor "delivered" (SendGrid documents 200 for it).
    if (mail.mail_settings?.sandbox_mode?.enable === true) return send(res, 200);
    const id = randomBytes(16).toString('base64url').slice(0, 22);
    const receivedAt = new Date().toISOString();
    const dropped = findDrops(body as Record<string, unknown>);
    for (const [i, why] of dropped) {
      drops.push({
        messageId: id,
        receivedAt,
        personalization: i,
        email_key: mail.personalizations[i]?.custom_args?.email_key ?? mail.custom_args?.email_key,
        ...why,
      });
    }
    const rendered = renderAll(mail).filter((_, i) => !dropped.has(i));
    const message: StoredMessage = { id, receivedAt, body, rendered };
    store.addMessage(message);
    send(res, 202, undefined, { 'X-Message-Id': id });
  }

  function renderAll(mail: MailBody): RenderedMessage[] {
    const version = mail.template_id
      ? activeVersion(store.templates.find((t) => t.id === mail.template_id))
      : undefined;
    return mail.personalizations.map((p) => {
      const base = {
        to: addresses(p.to),
        cc: addresses(p.cc),
        email_key: p.custom_args?.email_key ?? mail.custom_args?.email_key,
      };
      const fallbackSubject = p.subject ?? mail.subject ?? '';
      if (!mail.template_id) {
        const html = mail.content?.find((c) => c.type === 'text/html')?.value ?? '';
        const text = mail.content?.find((c) => c.type === 'text/plain')?.value ?? '';
        return { ...base, subject: fallbackSubject, html, text };
      }
      try {
        const rendered = renderVersion(version ?? {}, p.dynamic_template_data ?? {});
        return { ...base, ...rendered, subject: version?.subject ? rendered.subject : fallbackSubject };
      } catch (e) {
        return { ...base, subject: fallbackSubject, html: '', text: '', error: (e as Error).message };
      }
    });
  }

  function templatesApi(method: string, parts: string[], url: URL, body: unknown, res: ServerResponse): void {
    if (parts[0] !== 'templates') throw new HttpError(404, [error('not found')]);
    const [, templateId, sub, versionId] = parts;
    if (templateId === undefined) {
      if (method === 'GET') return listTemplates(url, res);
      if (method === 'POST') return createTemplate(body, res);
      throw new HttpError(405, [error('method not allowed')]);
    }
    const template = store.templates.find((t) => t.id === templateId);
    if (!template) throw new HttpError(404, [error('resource not found', 'template_id')]);
    if (sub === undefined) {
      if (method === 'GET') return send(res, 200, template);
      if (method === 'PATCH') {
        const name = (body as { name?: unknown } | undefined)?.name;
        if (name !== undefined) template.name = checkName(name);
        template.updated_at = now();
        store.saveTemplates();
        return send(res, 200, template);
      }
      if (method === 'DELETE') {
        store.templates.splice(store.templates.indexOf(template), 1);
        store.saveTemplates();
        return send(res, 204);
      }
      throw new HttpError(405, [error('method not allowed')]);
    }
    if (sub !== 'versions') throw new HttpError(404, [error('not found')]);
    if (versionId === undefined) {
      if (method !== 'POST') throw new HttpError(405, [error('method not allowed')]);
      const fields = versionFields(body, true);
      const held = store.templates.reduce((n, t) => n + t.versions.length, 0);
      if (held >= maxVersions) {
        // SendGrid documents the limit but not its error text: this message is ours.
        throw new HttpError(400, [
          error(
            `You have reached the limit of ${maxVersions} template versions for this account. Delete versions you no longer use.`,
          ),
        ]);
      }
      const version: StoredVersion = {
        id: randomUUID(),
        template_id: template.id,
        active: 0,
        name: '',
        subject: '',
        html_content: '',
        plain_content: '',
        generate_plain_content: false,
        editor: 'code',
        updated_at: now(),
        thumbnail_url: '',
        ...fields,
      };
      template.versions.push(version);
      if (version.active === 1) activate(template, version);
      template.updated_at = version.updated_at;
      store.saveTemplates();
      return send(res, 201, version);
    }
    const version = template.versions.find((v) => v.id === versionId);
    if (!version) throw new HttpError(404, [error('resource not found', 'version_id')]);
    if (method === 'GET') return send(res, 200, version);
    if (method === 'DELETE') {
      template.versions.splice(template.versions.indexOf(version), 1);
      store.saveTemplates();
      return send(res, 204);
    }
    if (method === 'PATCH') {
      Object.assign(version, versionFields(body, false), { updated_at: now() });
      if (version.active === 1) activate(template, version);
      store.saveTemplates();
      return send(res, 200, version);
    }
    throw new HttpError(405, [error('method not allowed')]);
  }

  function listTemplates(url: URL, res: ServerResponse): void {
    const pageSize = Number(url.searchParams.get('page_size'));
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 200) {
      throw new HttpError(400, [error('page_size should be an integer between 1 and 200', 'page_size')]);
    }
    const generations = (url.searchParams.get('generations') ?? 'legacy').split(',');
    const matching = store.templates.filter((t) => generations.includes(t.generation));
    const start = Number(url.searchParams.get('page_token') ?? 0) || 0;
    const page = matching.slice(start, start + pageSize);
    const link = (token: number) => {
      const next = new URL(url.href);
      next.searchParams.set('page_token', String(token));
      return `${serverUrl}${next.pathname}${next.search}`;
    };
    // Listing carries version metadata only; the content is read with GET /v3/templates/{id}.
    const result = page.map((t) => ({
      ...t,
      versions: t.versions.map(({ html_content: _h, plain_content: _p, ...meta }) => meta),
    }));
    const metadata: Record<string, unknown> = { self: link(start), count: matching.length };
    if (start + pageSize < matching.length) metadata.next = link(start + pageSize);
    if (start > 0) metadata.prev = link(Math.max(0, start - pageSize));
    send(res, 200, { result, _metadata: metadata });
  }

  function createTemplate(body: unknown, res: ServerResponse): void {
    const b = (body ?? {}) as { name?: unknown; generation?: unknown };
    const generation = b.generation ?? 'legacy';
    if (generation !== 'legacy' && generation !== 'dynamic')
      throw new HttpError(400, [error("generation must be 'legacy' or 'dynamic'", 'generation')]);
    if (store.templates.length >= maxTemplates) {
      throw new HttpError(400, [error(`You have reached the limit of ${maxTemplates} templates for this account.`)]);
    }
    const template: StoredTemplate = {
      id: generation === 'dynamic' ? `d-${randomBytes(16).toString('hex')}` : randomUUID(),
      name: checkName(b.name),
      generation,
      updated_at: now(),
      versions: [],
    };
    store.templates.push(template);
    store.saveTemplates();
    send(res, 201, template);
  }

  const listening = await listenLocal(server, options.port, host);
  // Template pages link to the next one by this server's own address.
  const serverUrl = listening.origin;
  return {
    url: listening.origin,
    port: listening.port,
    faults,
    outbox: () => [...store.messages],
    requestCount: () => stats.mailSend,
    drops: () => [...drops],
    largestMailSendBytes: () => stats.largestMailSendBytes,
    close: listening.close,
  };
}

interface MailBody {
  subject?: string;
  template_id?: string;
  content?: { type: string; value: string }[];
  custom_args?: Record<string, string>;
  mail_settings?: { sandbox_mode?: { enable?: boolean } };
  personalizations: {
    to: Address[];
    cc?: Address[];
    subject?: string;
    dynamic_template_data?: Record<string, unknown>;
    custom_args?: Record<string, string>;
  }[];
}

function addresses(list: readonly Address[] | undefined): Address[] {
  return (list ?? []).map((a) => (a.name ? { email: a.email, name: a.name } : { email: a.email }));
}

function checkName(name: unknown): string {
  if (typeof name !== 'string' || name.trim() === '' || name.length > TEMPLATE_NAME_MAX) {
    throw new HttpError(400, [error(`name is required and must be at most ${TEMPLATE_NAME_MAX} characters`, 'name')]);
  }
  return name;
}

function versionFields(body: unknown, creating: boolean): Partial<StoredVersion> {
  if (typeof body !== 'object' || body === null) throw new HttpError(400, [error('a JSON object is required')]);
  const b = body as Record<string, unknown>;
  const out: Partial<StoredVersion> = {};
  for (const key of ['name', 'subject', 'html_content', 'plain_content'] as const) {
    if (b[key] === undefined) continue;
    if (typeof b[key] !== 'string') throw new HttpError(400, [error(`${key} must be a string`, key)]);
    out[key] = b[key];
  }
  if (creating && !out.name) throw new HttpError(400, [error('name is required', 'name')]);
  if (creating && out.subject === undefined) throw new HttpError(400, [error('subject is required', 'subject')]);
  if (b.active !== undefined) {
    if (b.active !== 0 && b.active !== 1) throw new HttpError(400, [error('active must be 0 or 1', 'active')]);
    out.active = b.active;
  }
  if (typeof b.generate_plain_content === 'boolean') out.generate_plain_content = b.generate_plain_content;
  if (b.editor === 'code' || b.editor === 'design') out.editor = b.editor;
  return out;
}

/** Only one version of a template is active: activating one deactivates the others. */
function activate(template: StoredTemplate, version: StoredVersion): void {
  for (const v of template.versions) v.active = v === version ? 1 : 0;
}

function now(): string {
  return new Date().toISOString().slice(0, 19).replace('T', ' ');
}

function parseJson(raw: string): unknown {
  if (raw.trim() === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    throw new HttpError(400, [error('Bad Request: the body is not valid JSON')]);
  }
}

function send(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  const payload = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    ...(payload ? { 'Content-Type': 'application/json' } : {}),
    'Content-Length': Buffer.byteLength(payload),
  });
  res.end(payload);
}
