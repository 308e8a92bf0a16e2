// Runs one job from the compiled functions (as deployed, without the tsx loader, whose own memory would count in the
// peak) in its own process, so its peak RSS and CPU are its own; prints one JSON line for the bench.
// Usage: node job-child.mjs <compiled root> <job> <now ISO>
import diagnostics from 'node:diagnostics_channel';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

// THIDUA_BENCH_TRACE=1: to stderr, the memory at each HTTP request the job starts (Sheets or SendGrid), and the
// request after which the sampled peak came, so a peak can be placed in a phase without touching the job's code.
const trace = process.env.THIDUA_BENCH_TRACE === '1';
const mib = (n) => Math.round(n / 1048576);
const started = performance.now();
const events = [];
let peak = { rss: 0, after: 'start' };
if (trace) {
  diagnostics.subscribe('http.client.request.start', ({ request }) => {
    const { rss, heapTotal, heapUsed, external } = process.memoryUsage();
    const label = `${request.method} ${request.path.split('?')[0]}`;
    events.push(
      `${Math.round(performance.now() - started)} ms ${label}: RSS ${mib(rss)}, heap ${mib(heapUsed)} of ${mib(heapTotal)}, external ${mib(external)} MiB`,
    );
    peak.last = label;
  });
  setInterval(() => {
    const rss = process.memoryUsage.rss();
    if (rss > peak.rss) peak = { ...peak, rss, after: peak.last ?? 'start' };
  }, 5).unref();
}

const {
  positionals: [root, name, nowIso],
} = parseArgs({ allowPositionals: true });
const { runJob } = await import(pathToFileURL(path.join(root, 'functions/jobs/run.js')).href);
const wall = performance.now();
const cpu = process.cpuUsage();
const summary = await runJob(name, { now: new Date(nowIso), env: process.env });
const used = process.cpuUsage(cpu);
if (trace) process.stderr.write(`${events.join('\n')}\nsampled peak ${mib(peak.rss)} MiB after ${peak.after}\n`);
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
