// Renders the Apps Script project (plain .gs files and appsscript.json) from the schema; pure, so tests parse its
// output.
import { scriptForms, scriptNames } from './schema-data.ts';
import { SCRIPT_FILES } from './sources.ts';

const MANIFEST = {
  timeZone: 'Asia/Ho_Chi_Minh',
  runtimeVersion: 'V8',
  exceptionLogging: 'STACKDRIVER',
  // The narrowest scopes that let the script build forms, edit this spreadsheet, install its trigger and call ingest.
  oauthScopes: [
    'https://www.googleapis.com/auth/forms',
    'https://www.googleapis.com/auth/spreadsheets',
    'https://www.googleapis.com/auth/script.scriptapp',
    'https://www.googleapis.com/auth/script.external_request',
    'https://www.googleapis.com/auth/script.container.ui',
  ],
} as const;

/** File name → content. */
export function renderAppsScript(): Record<string, string> {
  const header = '// Sinh tự động từ sheets-schema bởi scripts/apps-script/generate.ts. Đừng sửa tay: hãy sinh lại.\n';
  const schema =
    header +
    `var THIDUA_FORMS = ${JSON.stringify(scriptForms(), null, 2)};\n\n` +
    `var THIDUA_NAMES = ${JSON.stringify(scriptNames(), null, 2)};\n`;
  const files: Record<string, string> = { 'Schema.gs': schema };
  for (const [name, body] of Object.entries(SCRIPT_FILES)) files[name] = header + body;
  files['appsscript.json'] = `${JSON.stringify(MANIFEST, null, 2)}\n`;
  return files;
}
