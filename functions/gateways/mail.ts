// The SendGrid gateway, built once: dynamic-template sends in batches of 1,000 personalizations, and the templates API for sync.
import { Client } from '@sendgrid/client';
import { isEmail } from '../core/email.ts';
import type { PlannedEmail, Recipient } from '../core/snapshot.ts';
import { TEMPLATE_PREFIX } from '../mail/names.ts';
import type { TemplateVersion } from '../mail/types.ts';
import { DEFAULT_RETRY, isRetryableStatus, parseRetryAfter, withRetry, type RetryPolicy, type RetryVerdict } from './retry.ts';

export interface MailGatewayOptions {
  readonly apiKey: string;
  /** Root of the SendGrid API (e.g. a local server); unset: SendGrid's. */
  readonly baseUrl?: string;
  readonly retry?: RetryPolicy;
  /** Per HTTP request. */
  readonly timeoutMs?: number;
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
  readonly versions: readonly { readonly id: string; readonly name: string; readonly active: number }[];
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
}

export interface MailGateway {
  /**
   * Never throws for a failed request: its emails come back `failed` with the reason. Emails are taken one at a time
   * and each template's request goes out as soon as it is full, so a caller that hands them over from a consuming
   * iterator lets each one go once its request is sent.
   */
  send(emails: Iterable<PlannedEmail>, envelope: Envelope): Promise<Map<string, SendOutcome>>;
  readonly templates: TemplatesApi;
  /** HTTP requests made to /v3/mail/send so far, retries included. */
  requests(): number;
}

/** SendGrid's limits per mail send request. */
const MAX_PERSONALIZATIONS = 1000;
const MAX_RECIPIENTS = 1000;
const PAGE_SIZE = 200;

export function createMailGateway(options: MailGatewayOptions): MailGateway {
  // A client of our own rather than the module singleton, so several gateways can live in one process.
  const client = new Client();
  client.setApiKey(options.apiKey);
  // setApiKey resets the base URL to SendGrid's region host, so the override must come after it.
  if (options.baseUrl) client.setDefaultRequest('baseUrl', options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`);
  // Every request is handed to axios with the default request merged in, so this timeout covers sends and template
  // calls alike (it is what @sendgrid/mail's setTimeout does; the client's types do not list the field).
  client.setDefaultRequest({ timeout: options.timeoutMs ?? 30_000 } as unknown as Parameters<Client['setDefaultRequest']>[0]);
  const policy = options.retry ?? DEFAULT_RETRY;
  let sendRequests = 0;

  const call = async <T>(request: Parameters<Client['request']>[0]): Promise<T> => {
    const [, body] = await withRetry(() => client.request(request), judge, policy);
    return body as T;
  };

  const templates: TemplatesApi = {
    async list() {
      const all: TemplateSummary[] = [];
      let pageToken: string | undefined;
      do {
        const qs: Record<string, string | number> = { generations: 'dynamic', page_size: PAGE_SIZE };
        if (pageToken) qs.page_token = pageToken;
        const page = await call<{ result: TemplateSummary[]; _metadata?: { next?: string } }>({ method: 'GET', url: '/v3/templates', qs });
        all.push(...page.result);
        pageToken = page._metadata?.next ? (new URL(page._metadata.next).searchParams.get('page_token') ?? undefined) : undefined;
      } while (pageToken);
      return all;
    },
    get: (id) => call<TemplateDetail>({ method: 'GET', url: `/v3/templates/${encodeURIComponent(id)}` }),
    create: (name) => call<TemplateSummary>({ method: 'POST', url: '/v3/templates', body: { name, generation: 'dynamic' } }),
    addActiveVersion: (templateId, version) =>
      call<{ id: string }>({
        method: 'POST',
        url: `/v3/templates/${encodeURIComponent(templateId)}/versions`,
        body: { ...version, active: 1, editor: 'code', generate_plain_content: false },
      }),
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

  async function send(emails: Iterable<PlannedEmail>, envelope: Envelope): Promise<Map<string, SendOutcome>> {
    const results = new Map<string, SendOutcome>();
    const fail = (email: PlannedEmail, error: string) => results.set(email.key, { status: 'failed', error });
    // Looked up once per template and send, so an unknown template costs one listing, not one per batch.
    const idOfTemplate = new Map<string, Promise<string>>();

    /** One request of one template's batch; every email in it gets the request's outcome. */
    const post = async (name: string, batch: readonly Prepared[]) => {
      let id: string;
      try {
        if (!idOfTemplate.has(name)) idOfTemplate.set(name, templateId(name));
        id = await idOfTemplate.get(name)!;
      } catch (error) {
        for (const { email } of batch) fail(email, describe(error));
        return;
      }
      const body = sendBody(envelope, id, batch);
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
      for (const { email } of batch) results.set(email.key, outcome);
    };

    // Per template, the batch being filled: ≤1,000 personalizations and ≤1,000 recipients (to + cc), as SendGrid
    // requires. Recipients are cleaned as each email is taken, so an email that cannot be sent fails alone.
    const filling = new Map<string, { batch: Prepared[]; recipients: number }>();
    for (const email of emails) {
      const prepared = prepare(email);
      if (typeof prepared === 'string') {
        fail(email, prepared);
        continue;
      }
      const n = prepared.to.length + prepared.cc.length;
      let open = filling.get(email.template);
      if (open && (open.batch.length === MAX_PERSONALIZATIONS || open.recipients + n > MAX_RECIPIENTS)) {
        filling.delete(email.template);
        await post(email.template, open.batch);
        open = undefined;
      }
      if (!open) filling.set(email.template, (open = { batch: [], recipients: 0 }));
      open.batch.push({ email, ...prepared });
      open.recipients += n;
    }
    for (const [name, { batch }] of filling) await post(name, batch);
    return results;
  }

  return { send, templates, requests: () => sendRequests };
}

/**
 * The v3 mail/send body of one batch, as one JSON string: the same document @sendgrid/mail builds, without its three
 * copies of every personalization (at 1,000 per request, those copies were most of a first run's peak memory). The
 * client passes a string body through untouched, with its JSON content type; not a Buffer, which its `mergeData`
 * copies into a plain object of numbered keys.
 */
function sendBody(envelope: Envelope, templateId: string, batch: readonly Prepared[]): string {
  return JSON.stringify({
    from: envelope.from,
    ...(envelope.replyTo ? { reply_to: envelope.replyTo } : {}),
    template_id: templateId,
    categories: envelope.categories,
    personalizations: batch.map(({ email, to, cc }) => ({
      to,
      ...(cc.length > 0 ? { cc } : {}),
      dynamic_template_data: email.data,
      custom_args: { email_key: email.key },
    })),
  });
}

/** Recipients cleaned so one bad email cannot make SendGrid reject the 999 others sharing its request. */
function prepare(email: PlannedEmail): { to: Recipient[]; cc: Recipient[] } | string {
  const seen = new Set<string>();
  const clean = (list: readonly Recipient[] | undefined) => {
    const out: Recipient[] = [];
    for (const r of list ?? []) {
      const address = r.email.trim();
      if (!isEmail(address)) return `Invalid recipient address '${address}'`;
      if (seen.has(address.toLowerCase())) continue; // SendGrid refuses an address twice in one personalization
      seen.add(address.toLowerCase());
      out.push(r.name ? { email: address, name: r.name } : { email: address });
    }
    return out;
  };
  const to = clean(email.to);
  if (typeof to === 'string') return to;
  const cc = clean(email.cc);
  if (typeof cc === 'string') return cc;
  if (to.length === 0) return 'No recipient';
  if (to.length + cc.length > MAX_RECIPIENTS) return `More than ${MAX_RECIPIENTS} recipients in one email`;
  return { to, cc };
}

type Prepared = { email: PlannedEmail; to: Recipient[]; cc: Recipient[] };

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
    return { retry: isRetryableStatus(e.code), retryAfterMs: parseRetryAfter(typeof retryAfter === 'string' ? retryAfter : undefined) };
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
