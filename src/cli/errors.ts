/** Exit statuses of `portolan`, and the one error type the commands throw. */
import { plainText } from '../core/export/index.ts';

export const EXIT = {
  ok: 0,
  /** `portolan check` found at least one error-severity finding. */
  findings: 1,
  /** Bad usage, or a plan that cannot be read or is not valid. */
  usage: 2,
  /** A bug in Portolan. */
  internal: 3,
} as const;

/** A problem for the user, printed as one line `portolan: <message>`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
    /** Also print `Run 'portolan <command> --help'`. */
    readonly usageHint?: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/**
 * Error messages are one line (a newline would let a plan forge extra output lines) and carry no
 * control characters (they often quote the input, which could hold terminal escape sequences).
 */
export function oneLine(text: string): string {
  return plainText(text.replace(/\s*[\r\n]+\s*/g, ' ').trim());
}
