// Process configuration from the environment, each variable declared once and validated at start-up.
import { z } from 'zod';
import { isEmailAddress } from './core/address.ts';

/** A missing or malformed variable; entry points print its one-line message and exit 1. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const url = z.url({ protocol: /^https?$/ });

const VARIABLES = {
  SPREADSHEET_ID: {
    schema: z.string().min(1),
    required: true,
    help: 'the id of the campaign spreadsheet (from its URL)',
  },
  GOOGLE_SHEETS_ROOT_URL: {
    schema: url,
    required: false,
    help: "root URL of the Sheets API; leave unset for Google's",
  },
  SENDGRID_API_KEY: {
    schema: z.string().min(1),
    required: true,
    help: 'the SendGrid API key (Secret Manager in production)',
  },
  SENDGRID_BASE_URL: { schema: url, required: false, help: "base URL of the SendGrid API; leave unset for SendGrid's" },
  GOOGLE_DRIVE_ROOT_URL: {
    schema: url,
    required: false,
    help: "root URL of the Drive API (the documents job); leave unset for Google's",
  },
  // SendGrid refuses every request whose from address is malformed, not ASCII or over 320 characters: the same check
  // as every recipient (core/address.ts), at start-up rather than at the first send.
  MAIL_FROM: {
    schema: z.string().refine(isEmailAddress),
    required: true,
    help: 'the sender address verified at SendGrid',
  },
  INGEST_SECRET: {
    schema: z.string().min(16),
    required: false,
    help: 'HMAC secret shared with the form trigger, at least 16 characters',
  },
  UNIT_SECRET_KEY: {
    schema: z.string().min(32),
    required: false,
    help: "the key the units' secrets derive from, at least 32 characters (Secret Manager; the same value as the Apps Script property UNIT_SECRET_KEY)",
  },
  THIDUA_DATA_DIR: { schema: z.string().min(1), required: false, help: 'where the local stack keeps its data' },
  OIDC_AUDIENCE: {
    schema: z.string().min(1),
    required: false,
    help: 'the audience of Cloud Scheduler OIDC tokens (deployed functions)',
  },
  ROLLUP_READS_PER_MINUTE: {
    schema: z.string().regex(/^[1-9]\d{0,5}$/),
    required: false,
    help: "the roll-up's child reads started per minute, a whole number from 1 (unset: 60, Google's default read quota per user)",
  },
  SCHEDULER_SERVICE_ACCOUNT: {
    schema: z.email(),
    required: false,
    help: 'the service account email Cloud Scheduler runs as (deployed functions)',
  },
} as const;

type Vars = typeof VARIABLES;
export type Config = {
  readonly [K in keyof Vars as Vars[K]['required'] extends true ? K : never]: string;
} & {
  readonly [K in keyof Vars as Vars[K]['required'] extends true ? never : K]?: string;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const out: Record<string, string> = {};
  for (const [name, def] of Object.entries(VARIABLES)) {
    const raw = env[name];
    if (raw === undefined || raw === '') {
      if (def.required) throw new ConfigError(`Missing environment variable ${name}: ${def.help}.`);
      continue;
    }
    const parsed = def.schema.safeParse(raw);
    if (!parsed.success) throw new ConfigError(`Malformed environment variable ${name}: expected ${def.help}.`);
    out[name] = parsed.data;
  }
  return out as Config;
}

/** Makes optional variables required where a caller cannot work without them (the deployed HTTP functions). */
export function requireConfig<K extends keyof Config>(
  config: Config,
  ...names: K[]
): Config & Required<Pick<Config, K>> {
  for (const name of names) {
    if (!config[name]) throw new ConfigError(`Missing environment variable ${String(name)}: ${VARIABLES[name].help}.`);
  }
  return config as Config & Required<Pick<Config, K>>;
}
