import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { loadTemplates, type TemplateName } from '../../../functions/mail/index.ts';
import { SAMPLES } from './samples.ts';

/**
 * Every `{{field}}` of `source` that `data` does not hold, as `path (line n)`. Handlebars looks a name up in the
 * current context only: `{{#each list}}` enters the list's first item, `{{#if}}`/`{{#unless}}` stay where they are.
 */
function missingFields(source: string, data: unknown): string[] {
  const missing: string[] = [];
  const lookup = (context: unknown, parts: readonly string[]): { found: boolean; value?: unknown } => {
    let value = context;
    for (const part of parts) {
      if (value === null || typeof value !== 'object' || !(part in value)) return { found: false };
      value = (value as Record<string, unknown>)[part];
    }
    return { found: true, value };
  };
  const path = (node: hbs.AST.Expression, context: unknown): unknown => {
    if (node.type !== 'PathExpression') return undefined;
    const p = node as hbs.AST.PathExpression;
    if (p.data || p.parts.length === 0) return context; // `this`, `@index`
    const { found, value } = lookup(context, p.parts);
    if (!found) missing.push(`${p.original} (line ${p.loc.start.line})`);
    return value;
  };
  const visit = (program: hbs.AST.Program | undefined, context: unknown): void => {
    for (const node of program?.body ?? []) {
      if (node.type === 'MustacheStatement') path((node as hbs.AST.MustacheStatement).path, context);
      if (node.type !== 'BlockStatement') continue;
      const block = node as hbs.AST.BlockStatement;
      const value = path(block.params[0], context);
      const helper = block.path.original;
      visit(block.program, helper === 'each' && Array.isArray(value) ? value[0] : context);
      visit(block.inverse, context);
    }
  };
  visit(Handlebars.parse(source), data);
  return missing;
}

describe('email templates and their data types (functions/mail/types.ts TemplateData)', () => {
  const templates = loadTemplates();

  it('every template under templates/ has a data type, and every data type a template', () => {
    expect(templates.names()).toEqual(Object.keys(SAMPLES).sort());
  });

  it.each(Object.keys(SAMPLES) as TemplateName[])('every field %s reads is in its data type', (name) => {
    const version = templates.version(name);
    for (const source of [version.subject, version.html_content, version.plain_content])
      expect(missingFields(source, SAMPLES[name])).toEqual([]);
  });

  it('names a field a template reads that its data lacks, inside a list too', () => {
    const source = '{{unitName}} {{#each items}}{{milestoneName}} {{nope}}{{/each}}\n{{#if several}}{{count}}{{/if}}';
    expect(missingFields(source, SAMPLES.reminder)).toEqual(['nope (line 1)', 'count (line 2)']);
  });
});
