// Runs one job from the compiled functions (as deployed, without the tsx loader, whose own memory would count in the
// peak) in its own process, so its peak RSS and CPU are its own; prints one JSON line for the bench.
// Usage: node job-child.mjs <compiled root> <job> <now ISO>
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const {
  positionals: [root, name, nowIso],
} = parseArgs({ allowPositionals: true });
const { runJob } = await import(pathToFileURL(path.join(root, 'functions/jobs/run.js')).href);
const wall = performance.now();
const cpu = process.cpuUsage();
const summary = await runJob(name, { now: new Date(nowIso), env: process.env });
const used = process.cpuUsage(cpu);
process.stdout.write(
  JSON.stringify({
    wallMs: performance.now() - wall,
    cpuMs: (used.user + used.system) / 1000,
    // resourceUsage().maxRSS is the process's peak resident set in KiB (getrusage), sampled by the kernel.
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    sheetsCalls: summary.sheetsCalls,
    mailRequests: summary.mailRequests,
    sheetsWrites: summary.sheetsWrites,
    lines: summary.lines,
  }) + '\n',
);
