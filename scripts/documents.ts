// `npm run documents -- --out DIR [--templates DIR] [--now <ISO time>]`: every document of the configured campaign (or,
// with no Google configuration, the local stack's) as .docx files in DIR. `--templates` names a folder whose .docx
// files replace the defaults of templates/documents/ with the same name.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DocumentTemplateError, generateDocuments } from '../functions/documents/index.ts';
import { loadDocumentTemplates } from '../functions/documents/load.ts';
import { evaluateCampaign } from '../functions/rules/index.ts';
import { readCampaign } from './export/index.ts';
import { nowOption, parseCommandLine, refuseCommandLine } from './cli/args.ts';
import { runCommand } from './cli/run.ts';

const USAGE = 'Cách dùng: npm run documents -- --out <thư mục> [--templates <thư mục>] [--now <thời điểm ISO>]';

async function main(): Promise<void> {
  const { values } = parseCommandLine(
    { options: { out: { type: 'string' }, templates: { type: 'string' }, now: { type: 'string' } } },
    USAGE,
  );
  if (!values.out) refuseCommandLine('Thiếu --out <thư mục>. Ví dụ: npm run documents -- --out van-ban', USAGE);
  const now = nowOption(values.now, USAGE) ?? new Date();
  const templates = loadDocumentTemplates(values.templates && path.resolve(values.templates));

  const { config, snapshot } = await readCampaign();
  const evaluation = evaluateCampaign(snapshot, now, config.UNIT_SECRET_KEY);
  const files = generateDocuments({ evaluation, snapshot }, templates, now);

  const dir = path.resolve(values.out);
  mkdirSync(dir, { recursive: true });
  for (const file of files) writeFileSync(path.join(dir, file.name), file.bytes);
  console.log(`Đã ghi ${files.length} văn bản vào ${dir}:`);
  for (const file of files) console.log(`- ${file.name}`);
}

runCommand(main, { sheetsFailure: 'Không đọc được bảng tính', also: [DocumentTemplateError] });
