// Plans `ingest` over one snapshot again and again with the compiled functions (the code the deployed function runs,
// without the tsx loader) in a process of its own, so the plans' CPU time and garbage collection are theirs alone:
// the bench's own heap (its servers, other sizes' campaigns) is neither marked nor counted. Prints one JSON line: each
// plan's wall and CPU time, and the collector's pauses of the main thread within it.
// Usage: node pure-child.mjs <compiled root> <snapshot JSON file> <runs> <now ISO> <unit key>
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const {
  positionals: [root, file, runs, nowIso, unitKey],
} = parseArgs({ allowPositionals: true });
const { planJob } = await import(pathToFileURL(path.join(root, 'functions/jobs/jobs.js')).href);
const { spreadsheetId, tabs } = JSON.parse(await readFile(file, 'utf8'));
const snapshot = { spreadsheetId, tabs: new Map(tabs) };
const now = new Date(nowIso);
const walls = [];
const cpus = [];
// Each plan's [start, end], and the collector's pauses of the main thread within it. V8 reports a pause after the
// plan, on a later turn of the event loop; it is added up at once rather than kept, so the measured heap holds no
// report.
const plans = [];
const gcs = [];
const addPauses = (entries) => {
  for (const { startTime, duration } of entries) {
    const i = plans.findIndex(([from, to]) => startTime >= from && startTime < to);
    if (i >= 0) gcs[i] += duration;
  }
};
const observer = new PerformanceObserver((list) => addPauses(list.getEntries()));
observer.observe({ entryTypes: ['gc'] });
let emails = 0;
for (let i = 0; i < Number(runs); i++) {
  // In the deployed function a plan always follows the snapshot's asynchronous read, so the collector's tasks queued
  // during the last plan have run before the next one starts. Plans back to back in one task never let them run, and
  // took 2,640 instead of 1,444 ms of CPU (median of 7, Node 22 with the deployed heap, 2/12/2026).
  await new Promise((resolve) => setImmediate(resolve));
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const { plan } = planJob('ingest', snapshot, now, unitKey);
  const used = process.cpuUsage(cpu);
  const end = performance.now();
  plans.push([wall, end]);
  gcs.push(0);
  walls.push(end - wall);
  cpus.push((used.user + used.system) / 1000);
  emails = plan.emails.length;
}
// Node hands V8's reports on after a turn of the event loop or two.
await new Promise((resolve) => setTimeout(resolve, 10));
addPauses(observer.takeRecords());
observer.disconnect();
process.stdout.write(JSON.stringify({ walls, cpus, gcs, emails }) + '\n');
