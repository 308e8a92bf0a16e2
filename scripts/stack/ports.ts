// The local stack's ports: fixed defaults so bookmarks and scripts keep working across restarts, changeable by flags or
// environment variables. Tests pass 0 (a free port chosen by the system) and never use these defaults.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const SERVICES = ['web', 'sheets', 'mail', 'ingest', 'drive'] as const;
export type Service = (typeof SERVICES)[number];
export type Ports = Readonly<Record<Service, number>>;

/** The web page on the base port, then the Sheets server, the mail server, the functions and the Drive server. */
export const DEFAULT_BASE_PORT = 8080;
const OFFSET: Record<Service, number> = { web: 0, sheets: 1, mail: 2, ingest: 3, drive: 4 };

/** What a person calls each server, in the messages they read. */
export const SERVICE_LABEL: Record<Service, string> = {
  web: 'trang theo dõi và biểu mẫu',
  sheets: 'máy chủ Google Sheets cục bộ',
  mail: 'máy chủ thư cục bộ',
  ingest: 'hàm ingest',
  drive: 'máy chủ Google Drive cục bộ',
};

/** `--port` sets the base; `--sheets-port` etc. one server. */
export const PORT_FLAGS = {
  port: { type: 'string' },
  'web-port': { type: 'string' },
  'sheets-port': { type: 'string' },
  'mail-port': { type: 'string' },
  'ingest-port': { type: 'string' },
  'drive-port': { type: 'string' },
} as const;

export type PortFlags = Partial<Record<keyof typeof PORT_FLAGS, string>>;

const ENV_BASE = 'THIDUA_PORT';
const envName = (service: Service) => `THIDUA_${service.toUpperCase()}_PORT`;

/** A port setting a person got wrong; its message is one Vietnamese line. */
export class PortSettingError extends Error {}

const START_HINT = `chọn cổng khác: npm start -- --port <số> (hoặc biến môi trường ${ENV_BASE})`;

/** A port that another program holds. `hint` says how to choose another one with the command at hand. */
export class PortInUseError extends Error {
  constructor(
    readonly service: Service,
    readonly port: number,
    hint: string = START_HINT,
  ) {
    super(
      `Cổng ${port} (${SERVICE_LABEL[service]}) đang được một chương trình khác dùng. Hãy dừng chương trình đó, hoặc ${hint}.`,
    );
  }
}

function parsePort(raw: string, source: string): number {
  const port = /^\d+$/.test(raw.trim()) ? Number(raw) : NaN;
  if (!Number.isInteger(port) || port > 65535)
    throw new PortSettingError(`${source} không hợp lệ: "${raw}". Cần một số từ 0 đến 65535.`);
  return port;
}

/**
 * Flags before environment variables, a server's own setting before the base. A base of 0 means free ports for all.
 */
export function resolvePorts(flags: PortFlags = {}, env: NodeJS.ProcessEnv = process.env): Ports {
  const given = (raw: string | undefined) => raw !== undefined && raw.trim() !== '';
  const baseRaw = given(flags.port)
    ? { raw: flags.port!, source: '--port' }
    : given(env[ENV_BASE])
      ? { raw: env[ENV_BASE]!, source: ENV_BASE }
      : undefined;
  const base = baseRaw ? parsePort(baseRaw.raw, baseRaw.source) : DEFAULT_BASE_PORT;
  if (base > 65535 - (SERVICES.length - 1)) {
    throw new PortSettingError(
      `${baseRaw?.source ?? ENV_BASE} quá lớn: ${base}. Năm máy chủ dùng năm cổng liền nhau, từ cổng này trở đi.`,
    );
  }
  const ports = {} as Record<Service, number>;
  for (const service of SERVICES) {
    const flag = flags[`${service}-port`];
    const own = env[envName(service)];
    if (given(flag)) ports[service] = parsePort(flag!, `--${service}-port`);
    else if (given(own) && !given(flags.port)) ports[service] = parsePort(own!, envName(service));
    else ports[service] = base === 0 ? 0 : base + OFFSET[service];
  }
  return ports;
}

/** Every server on a free port: tests, and commands that start their own servers beside a possible `npm start`. */
export const FREE_PORTS: Ports = { web: 0, sheets: 0, mail: 0, ingest: 0, drive: 0 };

/** Turns a listen failure into PortInUseError when the port is taken; other errors pass through. */
export async function listenOn<T>(service: Service, port: number, start: () => Promise<T>, hint?: string): Promise<T> {
  try {
    return await start();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new PortInUseError(service, port, hint);
    throw error;
  }
}

export interface Listening {
  readonly port: number;
  /** `http://127.0.0.1:PORT`, without a trailing slash (an IPv6 host in brackets). */
  readonly origin: string;
  /** Stops listening and ends open keep-alive connections, so a test or Ctrl-C never waits for a client. */
  readonly close: () => Promise<void>;
}

/**
 * Every local server listens through here: on 127.0.0.1 unless told (the servers are for this machine only), port 0
 * for a free one; a listen failure (EADDRINUSE) rejects, for listenOn to name.
 */
export async function listenLocal(server: Server, port = 0, host = '127.0.0.1'): Promise<Listening> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    port: bound,
    origin: `http://${host.includes(':') ? `[${host}]` : host}:${bound}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
