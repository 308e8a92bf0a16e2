// Reading the document templates for a caller (the command, the documents function): the shipped defaults under
// templates/documents/, each replaced by a file of the same name in the campaign's own folder when there is one.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEMPLATE_FILES, type DocumentTemplates } from './index.ts';

export const DEFAULT_DOCUMENT_TEMPLATES_DIR = fileURLToPath(new URL('../../templates/documents/', import.meta.url));

export function loadDocumentTemplates(
  overrideDir?: string,
  defaultsDir: string = DEFAULT_DOCUMENT_TEMPLATES_DIR,
): DocumentTemplates {
  const templates = new Map<string, Uint8Array>();
  for (const file of Object.values(TEMPLATE_FILES)) {
    const own = overrideDir ? path.join(overrideDir, file) : undefined;
    templates.set(file, readFileSync(own && existsSync(own) ? own : path.join(defaultsDir, file)));
  }
  return templates;
}
