// Loads templates/ once per process: inlines layout and partials into one SendGrid-ready version per email, checked
// against what SendGrid supports.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { TEMPLATE_PREFIX } from './names.ts';
import { renderVersion } from './render.ts';
import type { RenderedEmail, TemplateVersion } from './types.ts';

export { TEMPLATE_PREFIX };
export const DEFAULT_TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

/** A template that cannot be built; the message names the file and what to change. */
export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

export interface TemplateSet {
  /** Template names (`receipt`, `fix-request`, …), sorted. */
  names(): string[];
  /** The inlined source pushed to SendGrid as one dynamic template version. */
  version(name: string): TemplateVersion;
  /** What a recipient sees for this data; identical to the local mail server's rendering of the same version. */
  render(name: string, data: unknown): RenderedEmail;
}

type Part = 'subject' | 'html' | 'txt';
const PART_FIELD = { subject: 'subject', html: 'html_content', txt: 'plain_content' } as const;
// The block helpers SendGrid documents that behave like Handlebars.js; its own extra helpers (equals, formatDate…) have
// no local twin.
const BLOCK_HELPERS = new Set(['if', 'unless', 'each']);
const PARTIAL = /\{\{>\s*([\w.-]+)\s*\}\}/g;
const MAX_PARTIAL_DEPTH = 8;

const cache = new Map<string, TemplateSet>();

export function loadTemplates(dir: string = DEFAULT_TEMPLATES_DIR): TemplateSet {
  let set = cache.get(dir);
  if (!set) {
    set = buildTemplateSet(dir);
    cache.set(dir, set);
  }
  return set;
}

function buildTemplateSet(dir: string): TemplateSet {
  const files = new Set(readdirSync(dir));
  const read = (file: string) => readFileSync(join(dir, file), 'utf8').normalize('NFC');
  const partials = new Map<string, string>();
  if (files.has('partials')) {
    for (const file of readdirSync(join(dir, 'partials'))) {
      if (file.endsWith('.hbs')) partials.set(file.slice(0, -'.hbs'.length), read(join('partials', file)));
    }
  }
  const layouts: Record<'html' | 'txt', string> = { html: read('layout.html.hbs'), txt: read('layout.txt.hbs') };

  const versions = new Map<string, TemplateVersion>();
  const names = [...files]
    .filter((f) => f.endsWith('.subject.hbs'))
    .map((f) => f.slice(0, -'.subject.hbs'.length))
    .sort();
  for (const name of names) {
    const source = (part: Part) => {
      const file = `${name}.${part}.hbs`;
      if (!files.has(file))
        throw new TemplateError(
          `Template '${name}' has no ${file} in ${dir}: every email needs subject, html and txt parts.`,
        );
      return read(file);
    };
    const subject = inline(source('subject').trim(), partials, `${name}.subject.hbs`);
    const html = inline(
      layouts.html.replace(/\{\{>\s*content\s*\}\}/, () => source('html').trimEnd()),
      partials,
      `${name}.html.hbs`,
    );
    const txt = inline(
      layouts.txt.replace(/\{\{>\s*content\s*\}\}/, () => source('txt').trimEnd()),
      partials,
      `${name}.txt.hbs`,
    );
    const version: TemplateVersion = { name: TEMPLATE_PREFIX + name, subject, html_content: html, plain_content: txt };
    for (const part of ['subject', 'html', 'txt'] as const)
      checkSendGridSupport(version[PART_FIELD[part]], part, `${name}.${part}.hbs`);
    versions.set(name, version);
  }

  const get = (name: string) => {
    const version = versions.get(name);
    if (!version)
      throw new TemplateError(
        `No email template '${name}' in ${dir}: add ${name}.subject.hbs, ${name}.html.hbs and ${name}.txt.hbs.`,
      );
    return version;
  };
  return {
    names: () => [...names],
    version: get,
    render: (name, data) => renderVersion(get(name), data),
  };
}

function inline(source: string, partials: ReadonlyMap<string, string>, file: string, depth = 0): string {
  if (depth > MAX_PARTIAL_DEPTH)
    throw new TemplateError(
      `${file}: partials nest deeper than ${MAX_PARTIAL_DEPTH} levels (a partial includes itself?).`,
    );
  return source.replace(PARTIAL, (_, name: string) => {
    const partial = partials.get(name);
    if (partial === undefined) throw new TemplateError(`${file}: no partial templates/partials/${name}.hbs.`);
    return inline(partial.trimEnd(), partials, file, depth + 1);
  });
}

/** Rejects what SendGrid would not render like Handlebars.js, and raw output in HTML. */
function checkSendGridSupport(source: string, part: Part, file: string): void {
  let ast: hbs.AST.Program;
  try {
    ast = Handlebars.parse(source);
  } catch (error) {
    throw new TemplateError(`${file}: ${(error as Error).message}`);
  }
  const fail = (node: hbs.AST.Node, what: string): never => {
    throw new TemplateError(`${file} line ${node.loc?.start.line ?? '?'}: ${what}`);
  };
  const visit = (program: hbs.AST.Program | undefined): void => {
    if (!program) return;
    if (program.blockParams?.length) fail(program, 'block parameters (as |x|) are not supported by SendGrid.');
    for (const node of program.body) {
      switch (node.type) {
        case 'ContentStatement':
        case 'CommentStatement':
          break;
        case 'MustacheStatement': {
          const m = node as hbs.AST.MustacheStatement;
          if (m.path.type !== 'PathExpression' || m.params.length > 0 || m.hash)
            fail(node, 'only plain values ({{name}}) may be output; helpers are not supported.');
          // SendGrid escapes {{x}} in the subject and plain text too, so raw output is the documented way to keep
          // quotes readable there.
          if (!m.escaped && part === 'html')
            fail(node, 'triple-stash {{{x}}} outputs unescaped data into HTML: use {{x}}.');
          break;
        }
        case 'BlockStatement': {
          const b = node as hbs.AST.BlockStatement;
          const helper = b.path.type === 'PathExpression' ? b.path.original : '';
          if (!BLOCK_HELPERS.has(helper))
            fail(node, `block '{{#${helper}}}' is not one of {{#if}}, {{#unless}}, {{#each}}.`);
          if (b.params.length !== 1 || b.params[0].type !== 'PathExpression' || b.hash)
            fail(node, `{{#${helper}}} takes exactly one value.`);
          visit(b.program);
          visit(b.inverse);
          break;
        }
        default:
          fail(
            node,
            `${node.type} is not supported in SendGrid dynamic templates (partials are inlined by name only: {{> name}}).`,
          );
      }
    }
  };
  visit(ast);
}
