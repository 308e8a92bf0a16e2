// How a command ends on a failure a person can act on: one Vietnamese line and exit code 1, never a stack trace.
import { ConfigError } from '../../functions/config.ts';
import { HeaderError } from '../../functions/core/table.ts';
import { SheetsError } from '../../functions/gateways/spreadsheet.ts';

type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * Runs `main`. A configuration, a sheet's headers, Google Sheets' refusal (after `sheetsFailure`, what the command
 * could not do) or one of `also` prints its message and exits 1; anything else is a bug and keeps its stack trace.
 */
export function runCommand(
  main: () => Promise<void>,
  options: { readonly sheetsFailure: string; readonly also?: readonly ErrorClass[] },
): void {
  main().catch((error: unknown) => {
    if ([ConfigError, HeaderError, ...(options.also ?? [])].some((c) => error instanceof c)) {
      console.error((error as Error).message);
      process.exit(1);
    }
    if (error instanceof SheetsError) {
      console.error(`${options.sheetsFailure}: ${error.message}`);
      process.exit(1);
    }
    throw error;
  });
}
