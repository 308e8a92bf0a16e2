// Runs one job in its own process so its peak RSS and CPU are its own; prints one JSON line for the bench.
import { runJob, type JobName } from '../../functions/jobs/run.ts';

const [name = 'ingest', nowIso] = process.argv.slice(2);
const wall = performance.now();
const cpu = process.cpuUsage();
const summary = await runJob(name as JobName, { now: new Date(nowIso), env: process.env });
const used = process.cpuUsage(cpu);
process.stdout.write(
  JSON.stringify({
    wallMs: performance.now() - wall,
    cpuMs: (used.user + used.system) / 1000,
    // resourceUsage().maxRSS is the process's peak resident set in KiB (getrusage), sampled by the kernel.
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    sheetsCalls: summary.sheetsCalls,
    mailRequests: summary.mailRequests,
    lines: summary.lines,
  }) + '\n',
);
