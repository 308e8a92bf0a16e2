// Structured logs, one JSON line each, in the shape Cloud Logging reads from stdout; every string passes a redaction
// guard.

export type Severity = 'DEBUG' | 'INFO' | 'NOTICE' | 'WARNING' | 'ERROR' | 'CRITICAL';

/** Only scalars are accepted beside the message, so a response body or a row cannot be logged by accident. */
export type LogFields = Readonly<Record<string, string | number | boolean>>;

export interface Logger {
  log(severity: Severity, message: string, fields?: LogFields): void;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
// Shapes of credentials that could reach a message through an error: signatures, bearer tokens, SendGrid keys, JWTs.
const CREDENTIALS: readonly [RegExp, string][] = [
  [/sha256=[0-9a-f]{16,}/gi, 'sha256=[redacted]'],
  [/Bearer\s+[\w.~+/=-]+/gi, 'Bearer [redacted]'],
  [/SG\.[\w-]{8,}\.[\w-]{8,}/g, '[redacted]'],
  [/eyJ[\w-]+\.[\w-]+\.[\w-]+/g, '[redacted]'],
];
/** Long enough for a Vietnamese error line, short enough that no response content rides along. */
const MAX_TEXT = 500;

/** Removes email addresses, the given secrets and credential-looking strings, and bounds the length. */
function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 8) out = out.split(secret).join('[redacted]');
  for (const [pattern, replacement] of CREDENTIALS) out = out.replace(pattern, replacement);
  out = out.replace(EMAIL, '[email]');
  return out.length > MAX_TEXT ? `${out.slice(0, MAX_TEXT)}…` : out;
}

export interface LoggerOptions {
  /** Labels on every entry (e.g. the function name), shown as LogEntry labels. */
  readonly labels?: Readonly<Record<string, string>>;
  /** Values that must never appear in a log line (the ingest secret, the SendGrid key). */
  readonly secrets?: readonly string[];
  readonly write?: (line: string) => void;
  readonly now?: () => Date;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const secrets = (options.secrets ?? []).filter((s) => s.length > 0);
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const now = options.now ?? (() => new Date());
  const labels = Object.fromEntries(Object.entries(options.labels ?? {}).map(([k, v]) => [k, redact(v, secrets)]));
  return {
    log(severity, message, fields = {}) {
      const entry: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(fields))
        entry[key] = typeof value === 'string' ? redact(value, secrets) : value;
      entry.severity = severity;
      entry.message = redact(message, secrets);
      entry.time = now().toISOString();
      if (Object.keys(labels).length > 0) entry['logging.googleapis.com/labels'] = labels;
      write(JSON.stringify(entry));
    },
  };
}
