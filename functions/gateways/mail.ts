// The SendGrid gateway, built once: dynamic-template sends in requests kept inside every Mail Send limit, and the
// templates API for sync. The limits and their sources are in docs/limits.md.
import { Client } from '@sendgrid/client';
import { isEmailAddress } from '../core/address.ts';
import type { OutgoingEmail, Recipient } from '../core/snapshot.ts';
import { displayName, senderName } from '../mail/display-name.ts';
import { TEMPLATE_PREFIX } from '../mail/names.ts';
import type { TemplateVersion } from '../mail/types.ts';
import {
  DEFAULT_RETRY,
  isRetryableStatus,
  parseRetryAfter,
  withRetry,
  type RetryPolicy,
  type RetryVerdict,
} from './retry.ts';

export interface MailGatewayOptions {
  readonly apiKey: string;
  /** Root of the SendGrid API (e.g. a local server); unset: SendGrid's. */
  readonly baseUrl?: string;
  readonly retry?: RetryPolicy;
  /** Per HTTP request. */
  readonly timeoutMs?: number;
  /** Largest mail send body, in bytes (default MAX_REQUEST_BYTES; tests lower it to see the split). */
  readonly maxRequestBytes?: number;
  /** Largest body of a request holding one email alone (default MAX_EMAIL_BYTES; tests lower it). */
  readonly maxEmailBytes?: number;
}

export interface Envelope {
  readonly from: Recipient;
  readonly replyTo?: Recipient;
  readonly categories: string[];
}

/** `unknown`: no answer after the request may have reached SendGrid (timeout, reset); never retried blindly. */
export type SendOutcome =
  | { readonly status: 'sent' }
  | { readonly status: 'failed'; readonly error: string }
  | { readonly status: 'unknown'; readonly error: string };

export interface TemplateSummary {
  readonly id: string;
  readonly name: string;
  readonly generation: string;
  readonly versions: readonly {
    readonly id: string;
    readonly name: string;
    readonly active: number;
    readonly updated_at?: string;
  }[];
}

export interface TemplateDetail {
  readonly id: string;
  readonly name: string;
  readonly versions: readonly (TemplateVersion & { readonly id: string; readonly active: number })[];
}

/** The subset of SendGrid's Transactional Templates API the sync script needs. */
export interface TemplatesApi {
  /** Every dynamic template, all pages. */
  list(): Promise<TemplateSummary[]>;
  get(id: string): Promise<TemplateDetail>;
  create(name: string): Promise<TemplateSummary>;
  /** Adds a version and makes it the active one. */
  addActiveVersion(templateId: string, version: TemplateVersion): Promise<{ readonly id: string }>;
  deleteVersion(templateId: string, versionId: string): Promise<void>;
}

export interface MailGateway {
  /**
   * Never throws for a failed request: its emails come back `failed` with the reason. Emails are taken one at a time,
   * each one's `data` read once as it is put in a request, and each template's request goes out as soon as it is full:
   * data a planner builds on read (receipts, results) lives only as the text of the requests being filled, and a
   * caller that hands the emails over from a consuming iterator lets each one go once its request is sent.
   */
  send(emails: Iterable<OutgoingEmail>, envelope: Envelope): Promise<Map<string, SendOutcome>>;
  readonly templates: TemplatesApi;
  /** HTTP requests made to /v3/mail/send so far, retries included. */
  requests(): number;
}

/** The narrow face of the mail gateway the apply step needs (tests pass a literal). */
export type MailSender = Pick<MailGateway, 'send'>;

/** SendGrid's limits per mail send request. */
const MAX_PERSONALIZATIONS = 1000;
const MAX_RECIPIENTS = 1000;
/** "The total length of custom arguments must be less than 10000 bytes." */
const MAX_CUSTOM_ARGS_BYTES = 10_000;
const MAX_CATEGORIES = 10;
const MAX_CATEGORY_LENGTH = 255;
/**
 * Our own cap on a mail send body, far under SendGrid's (it refuses 30 MB with a 413): each request's personalizations
 * are held as text, joined into the body and copied into a buffer while it is sent, so the cap is what a send adds to
 * the heap several times over. At 20 MB a first 10,000-unit ingest peaked at 310–330 MiB with the deployed heap; at
 * 2 MB (about 200 receipts a request) the send phase stays under the 256 MiB budget (README, Performance).
 */
export const MAX_REQUEST_BYTES = 2_000_000;
/**
 * An email larger than MAX_REQUEST_BYTES goes in a request of its own, up to this: SendGrid recommends at most 20 MB
 * for a whole message. Rare (a unit's receipt of dozens of long reports), so its memory matters less than sending it:
 * refused, it would fail again on every sweep.
 */
export const MAX_EMAIL_BYTES = 20_000_000;
/**
 * Requests being filled at once per template. An email whose address is already in a request waits for another, and
 * SendGrid allows an address once per request: with each unit's address on up to this many emails in one run, the
 * requests stay as few as the count and byte limits allow. Beyond it, the fullest request is sent to make room.
 */
const MAX_OPEN_REQUESTS = 16;
const PAGE_SIZE = 200;

export function createMailGateway(options: MailGatewayOptions): MailGateway {
  // A client of our own rather than the module singleton, so several gateways can live in one process.
  const client = new Client();
  client.setApiKey(options.apiKey);
  // setApiKey resets the base URL to SendGrid's region host, so the override must come after it.
  if (options.baseUrl)
    client.setDefaultRequest('baseUrl', options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`);
  // Every request is handed to axios with the default request merged in, so this timeout covers sends and template
  // calls alike (it is what @sendgrid/mail's setTimeout does; the client's types do not list the field).
  client.setDefaultRequest({ timeout: options.timeoutMs ?? 30_000 } as unknown as Parameters<
    Client['setDefaultRequest']
  >[0]);
  const policy = options.retry ?? DEFAULT_RETRY;
  let sendRequests = 0;

  const call = async <T>(request: Parameters<Client['request']>[0]): Promise<T> => {
    const [, body] = (await withRetry(() => client.request(request), judge, policy)) as [unknown, unknown];
    return body as T;
  };

  const templates: TemplatesApi = {
    async list() {
      const all: TemplateSummary[] = [];
      let pageToken: string | undefined;
      do {
        const qs: Record<string, string | number> = { generations: 'dynamic', page_size: PAGE_SIZE };
        if (pageToken) qs.page_token = pageToken;
        const page = await call<{ result: TemplateSummary[]; _metadata?: { next?: string } }>({
          method: 'GET',
          url: '/v3/templates',
          qs,
        });
        all.push(...page.result);
        pageToken = page._metadata?.next
          ? (new URL(page._metadata.next).searchParams.get('page_token') ?? undefined)
          : undefined;
      } while (pageToken);
      return all;
    },
    get: (id) => call<TemplateDetail>({ method: 'GET', url: `/v3/templates/${encodeURIComponent(id)}` }),
    create: (name) =>
      call<TemplateSummary>({ method: 'POST', url: '/v3/templates', body: { name, generation: 'dynamic' } }),
    addActiveVersion: (templateId, version) =>
      call<{ id: string }>({
        method: 'POST',
        url: `/v3/templates/${encodeURIComponent(templateId)}/versions`,
        body: { ...version, active: 1, editor: 'code', generate_plain_content: false },
      }),
    deleteVersion: async (templateId, versionId) => {
      await call({
        method: 'DELETE',
        url: `/v3/templates/${encodeURIComponent(templateId)}/versions/${encodeURIComponent(versionId)}`,
      });
    },
  };

  // Template name → id, listed once per gateway (built once per process); listed again only for a name not seen.
  let ids: Promise<Map<string, string>> | undefined;
  const listIds = () => {
    ids = templates.list().then((list) => new Map(list.map((t) => [t.name, t.id])));
    ids.catch(() => (ids = undefined));
    return ids;
  };
  const templateId = async (name: string): Promise<string> => {
    const fullName = TEMPLATE_PREFIX + name;
    let id = (await (ids ?? listIds())).get(fullName);
    if (!id) id = (await listIds()).get(fullName);
    if (!id) throw new Error(`SendGrid has no template '${fullName}': run npm run sync-templates`);
    return id;
  };

  async function send(emails: Iterable<OutgoingEmail>, envelope: Envelope): Promise<Map<string, SendOutcome>> {
    const results = new Map<string, SendOutcome>();
    const fail = (key: string, error: string) => results.set(key, { status: 'failed', error });
    // Looked up once per template and send, so an unknown template costs one listing, not one per batch.
    const idOfTemplate = new Map<string, Promise<string>>();
    const head = envelopeJson(envelope);
    // What a body adds around its personalizations; the template id is not known yet, so room is kept for a long one.
    const around = Buffer.byteLength(head) + Buffer.byteLength(',"template_id":"","personalizations":[]}') + 64;
    const room = (options.maxRequestBytes ?? MAX_REQUEST_BYTES) - around;
    const maxEmailBytes = Math.max(options.maxEmailBytes ?? MAX_EMAIL_BYTES, options.maxRequestBytes ?? 0);

    /** One request; every email in it gets the request's outcome. */
    const post = async (name: string, batch: Batch) => {
      let id: string;
      try {
        if (!idOfTemplate.has(name)) idOfTemplate.set(name, templateId(name));
        id = await idOfTemplate.get(name)!;
      } catch (error) {
        for (const key of batch.keys) fail(key, describe(error));
        return;
      }
      // One join of the parts, the opening and the closing put in the first and the last: a template literal around
      // the joined parts is a second copy of the whole body once the client encodes it (4 MB of two-byte text for a
      // 2 MB request), made at every request of a run's send phase.
      const { parts } = batch;
      parts[0] = `${head},"template_id":${JSON.stringify(id)},"personalizations":[${parts[0]}`;
      parts[parts.length - 1] += ']}';
      const body = parts.join(',');
      let outcome: SendOutcome;
      try {
        await withRetry(
          () => {
            sendRequests += 1;
            return client.request({ method: 'POST', url: '/v3/mail/send', body });
          },
          judge,
          policy,
        );
        outcome = { status: 'sent' };
      } catch (error) {
        outcome = { status: inDoubt(error) ? 'unknown' : 'failed', error: describe(error) };
      }
      for (const key of batch.keys) results.set(key, outcome);
    };

    // Per template, the requests being filled. Each holds ≤1,000 personalizations, ≤1,000 recipients (to + cc), at
    // most `maxBytes`, and never one address twice: SendGrid refuses an address repeated anywhere in a request's
    // personalizations. Each email is checked and serialised as it is taken, so one that cannot be sent fails alone
    // and its data is not kept; a request goes out as soon as it is full.
    const filling = new Map<string, Batch[]>();
    const sendOut = async (name: string, open: Batch[], batch: Batch) => {
      open.splice(open.indexOf(batch), 1);
      await post(name, batch);
    };
    for (const email of emails) {
      const prepared = prepare(email);
      if (typeof prepared === 'string') {
        fail(email.key, prepared);
        continue;
      }
      const part = JSON.stringify({
        to: prepared.to,
        ...(prepared.cc.length > 0 ? { cc: prepared.cc } : {}),
        dynamic_template_data: email.data,
        custom_args: { email_key: email.key },
      });
      const bytes = Buffer.byteLength(part) + 1; // and its comma
      const n = prepared.to.length + prepared.cc.length;
      if (bytes > room) {
        if (bytes > maxEmailBytes - around) {
          fail(email.key, `Email of ${bytes} bytes: more than the ${maxEmailBytes}-byte limit of one SendGrid request`);
        } else {
          await post(email.template, { keys: [email.key], parts: [part], addresses: new Set(), recipients: n, bytes });
        }
        continue;
      }
      let open = filling.get(email.template);
      if (!open) filling.set(email.template, (open = []));
      // What a template's open requests hold stays within one request's bytes, whatever the planner sends.
      while (open.length > 0 && open.reduce((sum, b) => sum + b.bytes, 0) + bytes > room) {
        await sendOut(
          email.template,
          open,
          open.reduce((a, b) => (b.bytes > a.bytes ? b : a)),
        );
      }
      let target = open.find(
        (b) => b.recipients + n <= MAX_RECIPIENTS && !prepared.addresses.some((a) => b.addresses.has(a)),
      );
      if (!target) {
        if (open.length >= MAX_OPEN_REQUESTS)
          await sendOut(
            email.template,
            open,
            open.reduce((a, b) => (b.keys.length > a.keys.length ? b : a)),
          );
        open.push((target = { keys: [], parts: [], addresses: new Set(), recipients: 0, bytes: 0 }));
      }
      target.keys.push(email.key);
      target.parts.push(part);
      for (const a of prepared.addresses) target.addresses.add(a);
      target.recipients += n;
      target.bytes += bytes;
      if (target.keys.length === MAX_PERSONALIZATIONS || target.recipients === MAX_RECIPIENTS)
        await sendOut(email.template, open, target);
    }
    for (const [name, open] of filling) for (const batch of [...open]) await post(name, batch);
    return results;
  }

  return { send, templates, requests: () => sendRequests };
}

/**
 * The opening of every mail/send body of a send, without its closing brace: sender, reply-to and categories, each kept
 * inside SendGrid's limits here whatever the caller passes. The body stays one JSON string assembled from
 * personalizations serialised one by one, not the document @sendgrid/mail builds with three copies of each (at 1,000
 * per request, those copies were most of a first run's peak memory); the client passes a string body through
 * untouched, with its JSON content type (not a Buffer, which its `mergeData` copies into an object of numbered keys).
 */
function envelopeJson(envelope: Envelope): string {
  const name = senderName(envelope.from.name);
  const from = name ? { email: envelope.from.email, name } : { email: envelope.from.email };
  // A malformed reply-to would make SendGrid refuse every request: it is left out (the job warns about the setting).
  const replyAddress = envelope.replyTo?.email.trim() ?? '';
  const replyName = displayName(envelope.replyTo?.name);
  const replyTo = isEmailAddress(replyAddress)
    ? replyName
      ? { email: replyAddress, name: replyName }
      : { email: replyAddress }
    : undefined;
  const categories = [...new Set(envelope.categories)]
    .filter((c) => c.length <= MAX_CATEGORY_LENGTH && /^[\x20-\x7e]+$/.test(c))
    .slice(0, MAX_CATEGORIES);
  const json = JSON.stringify({
    from,
    ...(replyTo ? { reply_to: replyTo } : {}),
    ...(categories.length > 0 ? { categories } : {}),
  });
  return json.slice(0, -1);
}

/**
 * Recipients cleaned so one bad email cannot make SendGrid reject or drop the 999 others sharing its request: addresses
 * checked and each kept once, names made header-safe (displayName), the email key within custom_args' limit.
 */
function prepare(email: OutgoingEmail): { to: Recipient[]; cc: Recipient[]; addresses: string[] } | string {
  const seen = new Set<string>();
  const clean = (list: readonly Recipient[] | undefined) => {
    const out: Recipient[] = [];
    for (const r of list ?? []) {
      const address = r.email.trim();
      // The readers keep only such addresses; checked again since SendGrid refuses a whole request for one bad one.
      if (!isEmailAddress(address)) return `Invalid recipient address '${address}'`;
      if (seen.has(address.toLowerCase())) continue; // SendGrid refuses an address twice in one personalization
      seen.add(address.toLowerCase());
      const name = displayName(r.name);
      out.push(name ? { email: address, name } : { email: address });
    }
    return out;
  };
  const to = clean(email.to);
  if (typeof to === 'string') return to;
  const cc = clean(email.cc);
  if (typeof cc === 'string') return cc;
  if (to.length === 0) return 'No recipient';
  if (to.length + cc.length > MAX_RECIPIENTS) return `More than ${MAX_RECIPIENTS} recipients in one email`;
  if (Buffer.byteLength(JSON.stringify({ email_key: email.key })) >= MAX_CUSTOM_ARGS_BYTES)
    return `Email key longer than SendGrid's ${MAX_CUSTOM_ARGS_BYTES}-byte custom_args limit`;
  return { to, cc, addresses: [...seen] };
}

/** One request being filled: its emails' keys and serialised personalizations, and what limits it. */
interface Batch {
  readonly keys: string[];
  readonly parts: string[];
  /** Lower-cased, every address of every personalization. */
  readonly addresses: Set<string>;
  recipients: number;
  bytes: number;
}

interface SendGridFailure {
  code?: unknown;
  message?: string;
  response?: { headers?: Record<string, unknown>; body?: unknown };
}

/** Network errors that prove the request never reached SendGrid, so sending it again cannot double an email. */
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

function judge(error: unknown): RetryVerdict {
  const e = error as SendGridFailure;
  if (typeof e.code === 'number') {
    const retryAfter = e.response?.headers?.['retry-after'];
    return {
      retry: isRetryableStatus(e.code),
      retryAfterMs: parseRetryAfter(typeof retryAfter === 'string' ? retryAfter : undefined),
    };
  }
  // A timeout or a reset may come after SendGrid accepted the message: retrying could send it twice.
  return { retry: typeof e.code === 'string' && NEVER_SENT.has(e.code) };
}

/** A failure with no answer from SendGrid, after the request may have reached it: the outcome is unknown. */
function inDoubt(error: unknown): boolean {
  const code = (error as SendGridFailure).code;
  return typeof code === 'string' && !NEVER_SENT.has(code);
}

/** `SendGrid API error - [status] messages`, so callers never parse raw bodies. */
function describe(error: unknown): string {
  const e = error as SendGridFailure;
  if (typeof e.code === 'number') {
    const body = e.response?.body as { errors?: { message?: string; field?: string | null }[] } | undefined;
    const detail = body?.errors?.map((x) => (x.field ? `${x.message} (${x.field})` : x.message)).join('; ');
    return `SendGrid API error - [${e.code}] ${detail || e.message || 'no detail'}`;
  }
  return error instanceof Error ? error.message : String(error);
}
