// `tsx scripts/apps-script/generate.ts --out DIR`: writes the Apps Script project for clasp push or pasting into the
// editor.
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { renderAppsScript } from './render.ts';
import { parseCommandLine } from '../cli/args.ts';

const USAGE = 'Cách dùng: npm run apps-script -- [--out <thư mục>]';

const { values } = parseCommandLine({ options: { out: { type: 'string', default: 'dist/apps-script' } } }, USAGE);
const out = resolve(values.out);
await mkdir(out, { recursive: true });
const files = renderAppsScript();
for (const [name, content] of Object.entries(files)) await writeFile(join(out, name), content, 'utf8');
console.log(`Đã sinh ${Object.keys(files).length} tệp Apps Script vào ${out}.`);
