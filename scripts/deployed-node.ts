// Prints the path of the Node binary of the runtime the functions are deployed to (scripts/bench/runtime.ts), fetched
// from npm once: CI runs the tests of functions/ with it. Exits 1, saying why, when it cannot be had.
import { deployedRuntime } from './bench/runtime.ts';

const runtime = await deployedRuntime();
if (!runtime.deployed) {
  process.stderr.write(`${runtime.warning}\n`);
  process.exit(1);
}
process.stdout.write(`${runtime.node}\n`);
