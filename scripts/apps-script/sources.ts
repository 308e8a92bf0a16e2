// The hand-written part of the Apps Script project. Its files under project/ are the very JavaScript Apps Script runs
// (V8, no modules: every file shares one global scope with the generated Schema.gs, whose THIDUA_FORMS / THIDUA_NAMES
// they read, so no header text is typed twice). tsc checks them against the Apps Script types with
// project/tsconfig.json (JSDoc types, no build step), and the generator copies them as they are.
import { readFileSync } from 'node:fs';

/** File name in the Apps Script project → its source under project/. */
const SOURCES: Readonly<Record<string, string>> = {
  'Menu.gs': 'menu.js',
  'Forms.gs': 'forms.js',
  'Trigger.gs': 'trigger.js',
  'Links.gs': 'links.js',
  'Documents.gs': 'documents.js',
  'Rollup.gs': 'rollup.js',
  'Yearend.gs': 'yearend.js',
};

/** File name → JavaScript source. */
export const SCRIPT_FILES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(SOURCES).map(([name, file]) => [
    name,
    readFileSync(new URL(`project/${file}`, import.meta.url), 'utf8'),
  ]),
);
