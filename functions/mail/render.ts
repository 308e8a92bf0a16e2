// Renders a template version with one recipient's data the way SendGrid's dynamic templates do.
import Handlebars from 'handlebars';
import type { RenderedEmail } from './types.ts';

// A private environment: SendGrid has no custom helpers or registered partials, so neither do we.
const hb = Handlebars.create();
const compiled = new Map<string, Handlebars.TemplateDelegate>();

function compile(source: string): Handlebars.TemplateDelegate {
  let template = compiled.get(source);
  if (!template) {
    // SendGrid HTML-escapes {{x}} in every part (subject and plain text included); Handlebars does the same.
    template = hb.compile(source, { strict: false });
    compiled.set(source, template);
  }
  return template;
}

export interface VersionSource {
  readonly subject?: string | null;
  readonly html_content?: string | null;
  readonly plain_content?: string | null;
}

export function renderVersion(version: VersionSource, data: unknown): RenderedEmail {
  const context = data ?? {};
  const run = (source: string | null | undefined) => (source ? compile(source)(context) : '');
  // A subject is one line; a newline in the data must not become a header injection.
  return {
    subject: run(version.subject)
      .replace(/\s*[\r\n]+\s*/g, ' ')
      .trim(),
    html: run(version.html_content),
    text: run(version.plain_content),
  };
}
