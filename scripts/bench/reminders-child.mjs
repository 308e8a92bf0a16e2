// Plans `remind` once over one snapshot and renders every planned email, with the compiled functions in a process of
// its own, as the deployed function does on the day's one run (a cold instance: the first plan is the one measured).
// Prints one JSON line. Usage: node reminders-child.mjs <compiled root> <snapshot JSON file> <now ISO> <unit key>
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const {
  positionals: [root, file, nowIso, unitKey],
} = parseArgs({ allowPositionals: true });
const load = (module) => import(pathToFileURL(path.join(root, module)).href);
const { planJob } = await load('functions/jobs/jobs.js');
const { loadTemplates } = await load('functions/mail/index.js');
const { spreadsheetId, tabs } = JSON.parse(await readFile(file, 'utf8'));
const snapshot = { spreadsheetId, tabs: new Map(tabs) };
const templates = loadTemplates();
// As in the function, the plan follows the snapshot's asynchronous read.
await new Promise((resolve) => setImmediate(resolve));
let wall = performance.now();
const { plan } = planJob('remind', snapshot, new Date(nowIso), unitKey);
const planMs = performance.now() - wall;
wall = performance.now();
for (const email of plan.emails) templates.render(email.template, email.data);
const renderMs = performance.now() - wall;
process.stdout.write(JSON.stringify({ planMs, renderMs }) + '\n');
