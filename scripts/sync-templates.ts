// Pushes every template of templates/ to SendGrid: creates missing ones, adds an active version only when the content
// changed, and prunes old versions: SendGrid allows 300 versions per account across all its templates. CLI: tsx
// scripts/sync-templates.ts [--api-key KEY] [--base-url URL]; without flags, SENDGRID_API_KEY and SENDGRID_BASE_URL,
// and with no configuration at all, the local stack's mail server.
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { ConfigError, loadConfig } from '../functions/config.ts';
import {
  createMailGateway,
  type MailGateway,
  type TemplatesApi,
  type TemplateSummary,
} from '../functions/gateways/mail.ts';
import { loadTemplates, type TemplateSet, type TemplateVersion } from '../functions/mail/index.ts';
import { commandEnvironment } from './stack/command.ts';
import { parseCommandLine } from './cli/args.ts';

const USAGE = 'Cách dùng: npm run sync-templates -- [--api-key <khóa SendGrid>] [--base-url <địa chỉ API>]';

export interface SyncResult {
  /** SendGrid template names (`thidua-…`). */
  readonly created: string[];
  readonly updated: string[];
  readonly unchanged: string[];
  /** Old versions deleted from our templates. */
  readonly pruned: number;
}

export type SyncTarget = MailGateway | { readonly apiKey: string; readonly baseUrl?: string };

export async function syncTemplates(
  target: SyncTarget,
  templateSet: TemplateSet = loadTemplates(),
): Promise<SyncResult> {
  const api: TemplatesApi = 'templates' in target ? target.templates : createMailGateway(target).templates;
  const existing = new Map((await api.list()).map((t) => [t.name, t]));
  const result = { created: [] as string[], updated: [] as string[], unchanged: [] as string[], pruned: 0 };
  for (const name of templateSet.names()) {
    const version = templateSet.version(name);
    // The version name carries a hash of the content, so "changed?" does not depend on SendGrid returning the content
    // byte for byte.
    const named = { ...version, name: `${version.name} ${contentHash(version)}` };
    const summary = existing.get(version.name);
    if (!summary) {
      const created = await api.create(version.name);
      await api.addActiveVersion(created.id, named);
      result.created.push(version.name);
      continue;
    }
    const active = summary.versions.find((v) => v.active === 1);
    if (active && (active.name === named.name || sameContent(await activeContent(api, summary.id), version))) {
      result.pruned += await prune(api, summary, KEEP_PREVIOUS);
      result.unchanged.push(version.name);
      continue;
    }
    // Pruned first, so an account at its version limit still takes the new version; the active one becomes the
    // previous.
    result.pruned += await prune(api, summary, 0);
    await api.addActiveVersion(summary.id, named);
    result.updated.push(version.name);
  }
  return result;
}

/**
 * Versions kept besides the active one: the one it replaced, so a coordinator can switch back to it in SendGrid's
 * editor if a new template shows a mistake. Our 7 templates then hold at most 14 of the account's 300 versions.
 */
const KEEP_PREVIOUS = 1;

/** Deletes the inactive versions of one of our templates but the `keep` most recent; how many it deleted. */
async function prune(api: TemplatesApi, template: TemplateSummary, keep: number): Promise<number> {
  const old = template.versions
    .map((v, i) => ({ v, i }))
    .filter(({ v }) => v.active !== 1)
    .sort((a, b) => (b.v.updated_at ?? '').localeCompare(a.v.updated_at ?? '') || b.i - a.i)
    .slice(keep);
  for (const { v } of old) await api.deleteVersion(template.id, v.id);
  return old.length;
}

function contentHash(version: TemplateVersion): string {
  return createHash('sha256')
    .update(JSON.stringify([version.subject, version.html_content, version.plain_content]))
    .digest('hex')
    .slice(0, 12);
}

async function activeContent(api: TemplatesApi, id: string): Promise<TemplateVersion | undefined> {
  return (await api.get(id)).versions.find((v) => v.active === 1);
}

function sameContent(a: TemplateVersion | undefined, b: TemplateVersion): boolean {
  return (
    a !== undefined &&
    a.subject === b.subject &&
    a.html_content === b.html_content &&
    a.plain_content === b.plain_content
  );
}

/** What changed, one Vietnamese line per template. */
export function describeSync(result: SyncResult): string[] {
  return [
    ...result.created.map((n) => `Đã tạo mẫu thư ${n}.`),
    ...result.updated.map((n) => `Đã cập nhật mẫu thư ${n} (phiên bản mới đang dùng).`),
    ...(result.unchanged.length > 0 ? [`Không thay đổi: ${result.unchanged.join(', ')}.`] : []),
    ...(result.pruned > 0
      ? [`Đã xóa ${result.pruned} phiên bản mẫu thư cũ (mỗi mẫu giữ phiên bản đang dùng và phiên bản ngay trước đó).`]
      : []),
  ];
}

async function main(): Promise<void> {
  const { values } = parseCommandLine(
    {
      options: { 'api-key': { type: 'string' }, 'base-url': { type: 'string' } },
    },
    USAGE,
  );
  const { env, close } = await commandEnvironment({
    configured: values['api-key'] !== undefined || values['base-url'] !== undefined,
  });
  try {
    let target: { apiKey: string; baseUrl?: string };
    if (values['api-key']) {
      target = { apiKey: values['api-key'], baseUrl: values['base-url'] };
    } else {
      const config = loadConfig(env);
      target = { apiKey: config.SENDGRID_API_KEY, baseUrl: values['base-url'] ?? config.SENDGRID_BASE_URL };
    }
    const result = await syncTemplates(target);
    for (const line of describeSync(result)) console.log(line);
  } finally {
    await close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    console.error(`Không đồng bộ được mẫu thư: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
