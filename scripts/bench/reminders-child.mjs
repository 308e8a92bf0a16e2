// Plans `remind` once over one snapshot, renders every planned email and sends them to the mail API at <mail URL>,
// with the compiled functions in a process of its own, as the deployed function does on the day's one run (a cold
// instance: the first plan is the one measured). Prints one JSON line.
// Usage: node reminders-child.mjs <compiled root> <snapshot JSON file> <now ISO> <unit key> <mail URL> <mail API key>
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const {
  positionals: [root, file, nowIso, unitKey, mailUrl, apiKey],
} = parseArgs({ allowPositionals: true });
const load = (module) => import(pathToFileURL(path.join(root, module)).href);
const { planJob } = await load('functions/jobs/jobs.js');
const { loadTemplates } = await load('functions/mail/index.js');
const { createMailGateway } = await load('functions/gateways/mail.js');
const { spreadsheetId, tabs } = JSON.parse(await readFile(file, 'utf8'));
const snapshot = { spreadsheetId, tabs: new Map(tabs) };
const templates = loadTemplates();
// As in the function, the plan follows the snapshot's asynchronous read.
await new Promise((resolve) => setImmediate(resolve));
let wall = performance.now();
const { plan, settings } = planJob('remind', snapshot, new Date(nowIso), unitKey);
const planMs = performance.now() - wall;
wall = performance.now();
for (const email of plan.emails) templates.render(email.template, email.data);
const renderMs = performance.now() - wall;
await createMailGateway({ apiKey, baseUrl: mailUrl }).send(plan.emails, {
  from: { email: 'thuongtruc@thidua.example.vn', name: settings.get('Tên người gửi') },
  categories: ['thidua', 'remind'],
});
process.stdout.write(JSON.stringify({ due: plan.emails.length, planMs, renderMs }) + '\n');
