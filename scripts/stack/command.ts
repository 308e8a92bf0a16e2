// The configuration of every command (job, setup-sheets, export, sync-templates and any later one): Google's when
// the environment names it, as before; otherwise the embedded local stack on the data `npm start` uses. A running
// `npm start` for that data folder is used as it is; when there is none, the command starts the local Sheets and mail
// servers itself, on free ports, for as long as it runs.
import path from 'node:path';
import { findRunning } from './running.ts';
import { DEFAULT_BASE_PORT, resolvePorts } from './ports.ts';
import { ingestSecret, localDataDir, localEnvironment, startLocalStack, unitSecretKey } from './index.ts';

/** Any of these set means the command talks to the configured services, never to the local stack. */
export const GOOGLE_VARIABLES = [
  'SPREADSHEET_ID',
  'GOOGLE_SHEETS_ROOT_URL',
  'GOOGLE_DRIVE_ROOT_URL',
  'SENDGRID_API_KEY',
  'SENDGRID_BASE_URL',
  'MAIL_FROM',
] as const;

export function hasGoogleConfiguration(env: NodeJS.ProcessEnv): boolean {
  return GOOGLE_VARIABLES.some((name) => (env[name] ?? '') !== '');
}

export interface CommandEnvironment {
  /** What to read the configuration from (`loadConfig(env)`, `runJob(..., { env })`). */
  readonly env: NodeJS.ProcessEnv;
  /** True when the command works on the local stack. */
  readonly local: boolean;
  /** Stops the servers the command started, after their data is on disk; nothing otherwise. */
  readonly close: () => Promise<void>;
}

export interface CommandEnvironmentOptions {
  readonly env?: NodeJS.ProcessEnv;
  /** Where the one line about the local stack goes (default: stderr, so stdout stays the command's own output). */
  readonly say?: (line: string) => void;
  /** The command was given its service on the command line (e.g. `sync-templates --api-key`). */
  readonly configured?: boolean;
}

export async function commandEnvironment(options: CommandEnvironmentOptions = {}): Promise<CommandEnvironment> {
  const env = options.env ?? process.env;
  if (options.configured || hasGoogleConfiguration(env)) return { env, local: false, close: async () => undefined };
  const say = options.say ?? ((line: string) => process.stderr.write(line + '\n'));
  const dataDir = localDataDir(env);
  const relative = path.relative(process.cwd(), dataDir);
  const shown = relative === '' ? '.' : relative.startsWith('..') || path.isAbsolute(relative) ? dataDir : relative;

  const running = await findRunning(dataDir);
  if (running) {
    say(
      `Không có cấu hình Google: dùng hệ thống cục bộ đang chạy (npm start, tiến trình ${running.pid}), ` +
        `bảng tính "${running.spreadsheetId}" tại ${running.urls.sheets}, dữ liệu trong ${shown}.`,
    );
    const local = localEnvironment(dataDir, running.urls, await ingestSecret(dataDir), await unitSecretKey(dataDir));
    return { env: { ...env, ...local }, local: true, close: async () => undefined };
  }

  const stack = await startLocalStack({ dataDir, servers: 'data', formBaseUrl: formBaseUrl(env), quiet: true });
  say(
    `Không có cấu hình Google: dùng hệ thống cục bộ, bảng tính "${stack.spreadsheetId}" trong ${shown} (máy chủ cục bộ tự khởi động cho lệnh này).`,
  );
  return { env: stack.env, local: true, close: () => stack.close() };
}

/** Where `npm start` will serve the forms, so links seeded by a command keep working there. */
function formBaseUrl(env: NodeJS.ProcessEnv): string {
  let port = DEFAULT_BASE_PORT;
  try {
    port = resolvePorts({}, env).web || DEFAULT_BASE_PORT;
  } catch {
    // a malformed port variable is reported by `npm start`; links take the default meanwhile
  }
  return `http://127.0.0.1:${port}/`;
}
