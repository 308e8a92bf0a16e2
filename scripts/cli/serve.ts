// One local server run alone from the command line (npm run sheets-server, mail-server, drive-server) until Ctrl-C.
import { PortInUseError, listenOn, type Service } from '../stack/ports.ts';

/**
 * Starts the server on `port`, prints `announce(server)` and serves until SIGINT or SIGTERM. A port another program
 * holds is one Vietnamese line naming it and exit code 1.
 */
export async function serveUntilStopped<T extends { close(): Promise<void> }>(
  service: Service,
  port: number,
  start: () => Promise<T>,
  announce: (server: T) => string,
): Promise<void> {
  let server: T;
  try {
    server = await listenOn(service, port, start, 'chọn cổng khác với --port <số>');
  } catch (error) {
    if (!(error instanceof PortInUseError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  console.log(announce(server));
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => void server.close().then(() => process.exit(0)));
}
