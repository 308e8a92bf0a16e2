// The local Drive v3–compatible server: start it in-process (tests, npm start) or via main.ts.
import { listenLocal } from '../stack/ports.ts';
import type { Fault, Stats } from '../sheets-server/faults.ts';
import { createDriveHttpServer } from './server.ts';
import { DriveStore } from './store.ts';

export { FOLDER_MIME } from './store.ts';
export { MULTIPART_MAX_MEDIA_BYTES } from './limits.ts';

export interface DriveServerOptions {
  /** 0 or absent: a free port. */
  readonly port?: number;
  /** Folder holding the files' bytes and their metadata. */
  readonly dataDir: string;
  /** Defaults to 127.0.0.1: the server is for this machine only. */
  readonly host?: string;
  /** At most this many files per files.list page, whatever was asked (tests of paging). */
  readonly maxPageSize?: number;
}

export interface DriveServer {
  /** Root URL for `createDriveClient`, e.g. `http://127.0.0.1:PORT/`. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
  readonly faults: { inject(fault: Fault): void; clear(): void };
  stats(): Stats;
  /** Creates a folder with this id when it does not exist (the local stand-in for a folder a coordinator made). */
  ensureFolder(id: string, name: string): Promise<void>;
}

export async function startDriveServer(options: DriveServerOptions): Promise<DriveServer> {
  const host = options.host ?? '127.0.0.1';
  const store = new DriveStore(options.dataDir);
  const { server, faults } = createDriveHttpServer(store, { hosts: [host], maxPageSize: options.maxPageSize });
  const listening = await listenLocal(server, options.port, host);
  return {
    url: `${listening.origin}/`,
    port: listening.port,
    async close() {
      await listening.close();
      await store.drain();
    },
    faults: { inject: (f) => faults.inject(f), clear: () => faults.clear() },
    stats: () => faults.stats(),
    async ensureFolder(id, name) {
      await store.ensureFolder(id, name, new Date().toISOString());
    },
  };
}
