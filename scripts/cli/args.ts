// The command line of every script, read by node:util parseArgs. A person who mistypes a flag gets one Vietnamese line
// and the command's usage (exit code 2) instead of Node's English stack trace; -h / --help prints the usage.
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** The Vietnamese for one of parseArgs's refusals, or undefined when the error is not one. */
export function explainArgsError(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS_')) return undefined;
  const message = (error as Error).message;
  // parseArgs names the argument between single quotes; '--out <value>' when the value is missing.
  const named = /'([^']*)'/.exec(message)?.[1]?.replace(/ <value>$/, '') ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `Không có tùy chọn ${named}.`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `Tham số thừa: "${named}".`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return message.includes('does not take an argument')
        ? `Tùy chọn ${named} không nhận giá trị.`
        : `Tùy chọn ${named} cần một giá trị.`;
    default:
      return `Tham số không hợp lệ: ${message}`;
  }
}

/**
 * parseArgs (strict by default: unknown flags are refused), or, on a mistyped command line, its explanation and `usage`
 * on stderr and exit code 2. `usage` is the command's "Cách dùng: …" line.
 */
export function parseCommandLine<T extends ParseArgsConfig>(config: T, usage: string): ReturnType<typeof parseArgs<T>> {
  const args = config.args ?? process.argv.slice(2);
  const end = args.indexOf('--');
  const flags = end < 0 ? args : args.slice(0, end);
  if (flags.includes('--help') || flags.includes('-h')) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  try {
    return parseArgs(config);
  } catch (error) {
    const explained = explainArgsError(error);
    if (explained === undefined) throw error;
    process.stderr.write(`${explained}\n${usage}\n`);
    process.exit(2);
  }
}

/** Stops a command whose command line it cannot run: `message` and the command's usage on stderr, exit code 2. */
export function refuseCommandLine(message: string, usage: string): never {
  process.stderr.write(`${message}\n${usage}\n`);
  process.exit(2);
}

/** `--now <ISO time>`, the moment a command runs as: undefined when absent; an unreadable time is refused. */
export function nowOption(value: string | undefined, usage: string): Date | undefined {
  if (value === undefined) return undefined;
  const now = new Date(value);
  if (Number.isNaN(now.getTime()))
    refuseCommandLine(`Thời điểm "${value}" không hợp lệ; ví dụ 2026-11-23T08:00:00+07:00.`, usage);
  return now;
}

/** `--port <n>`: 0 (a free port) when absent; anything but a whole number from 0 to 65535 is refused. */
export function portOption(value: string | undefined, usage: string): number {
  if (value === undefined) return 0;
  const port = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(port <= 65535)) refuseCommandLine(`Cổng không hợp lệ: "${value}". Dùng --port <số từ 0 đến 65535>.`, usage);
  return port;
}
