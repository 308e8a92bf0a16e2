// Puts the body bounds in front of the Functions Framework's own HTTP server, as Cloud Run runs it.
//
// Why this way: Cloud Run starts the framework's main() with `--target=<entry point>`; main() imports our entry module
// (which registers the functions), then builds its Express app with its unbounded body parsers and passes it to
// http.createServer once. The framework offers no option and no hook in between, so the entry module takes that one
// call: the next http.createServer of the process gets the bounded listener and tighter header timeouts, and the
// original function is put back at once, so no other server in the process is touched.
import http from 'node:http';
import type { RequestListener, ServerOptions } from 'node:http';
import type { AddressInfo } from 'node:net';
import { boundBodies, type BodyBounds } from './bounded-body.ts';

/** Slow headers are cut as slow bodies are; Node checks its request timers every `connectionsCheckingInterval`. */
const SERVER_TIMEOUTS: ServerOptions = { headersTimeout: 10_000, connectionsCheckingInterval: 1_000 };

export function guardNextServer(bounds: BodyBounds): void {
  const original = http.createServer;
  const guarded = (...args: unknown[]): http.Server => {
    http.createServer = original;
    const listener = args.find((arg): arg is RequestListener => typeof arg === 'function');
    const options = typeof args[0] === 'object' && args[0] !== null ? (args[0] as ServerOptions) : {};
    const server = listener
      ? original({ ...SERVER_TIMEOUTS, ...options }, boundBodies(listener, bounds))
      : original({ ...SERVER_TIMEOUTS, ...options });
    // The framework prints nothing in production; one line says the function is up and where.
    server.once('listening', () => {
      const port = (server.address() as AddressInfo | null)?.port ?? 0;
      bounds.logger?.log('INFO', `${bounds.job}: listening on port ${port}`, {
        job: bounds.job,
        port,
        bodyLimitBytes: bounds.limitBytes,
      });
    });
    return server;
  };
  http.createServer = guarded;
}

/** The function this process serves, read as the framework reads it: `--target` first, then FUNCTION_TARGET. */
export function frameworkTarget(
  argv: readonly string[] = process.argv,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i].startsWith('--target=')) return argv[i].slice('--target='.length);
    if (argv[i] === '--target' && i + 1 < argv.length) return argv[i + 1];
  }
  return env.FUNCTION_TARGET || undefined;
}
