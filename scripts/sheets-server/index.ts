// The local Sheets v4–compatible server: start it in-process (tests, npm start) or via main.ts.
import { listenLocal } from '../stack/ports.ts';
import type { Fault, Stats } from './faults.ts';
import type { Quotas } from './quota.ts';
import { createSheetsHttpServer } from './server.ts';
import { Store } from './store.ts';

export type { Fault, Stats } from './faults.ts';
export { GOOGLE_QUOTAS, type Quotas } from './quota.ts';

export interface SheetsServerOptions {
  /** 0 or absent: a free port. */
  readonly port?: number;
  /** Folder holding one JSON file per spreadsheet. */
  readonly dataDir: string;
  /** Defaults to 127.0.0.1: the server is for this machine only. */
  readonly host?: string;
  /** Google's per-minute quotas to enforce (`GOOGLE_QUOTAS` for the real defaults); none when absent. */
  readonly quotas?: Quotas;
  /** The clock quotas count minutes by (tests). */
  readonly now?: () => number;
}

export interface SheetsServer {
  /** Root URL for `createSheetsClient`, e.g. `http://127.0.0.1:PORT/`. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
  readonly faults: { inject(fault: Fault): void; clear(): void };
  /** Replaces the per-minute quotas (an empty object lifts them). */
  setQuotas(quotas: Quotas): void;
  stats(): Stats;
  resetStats(): void;
}

export async function startSheetsServer(options: SheetsServerOptions): Promise<SheetsServer> {
  const host = options.host ?? '127.0.0.1';
  const store = new Store(options.dataDir);
  const { server, faults, quotas } = createSheetsHttpServer(store, {
    hosts: [host],
    quotas: options.quotas,
    now: options.now,
  });
  const listening = await listenLocal(server, options.port, host);
  return {
    url: `${listening.origin}/`,
    port: listening.port,
    async close() {
      await listening.close();
      await store.drain();
    },
    faults: { inject: (f) => faults.inject(f), clear: () => faults.clear() },
    setQuotas: (q) => quotas.set(q),
    stats: () => faults.stats(),
    resetStats: () => faults.resetStats(),
  };
}
