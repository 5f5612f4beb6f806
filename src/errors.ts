/**
 * Typed errors. Each carries the process exit code the CLI sets and an optional hint.
 * Only cli/main.ts catches them; everything else throws with the file, line or segment
 * in the message.
 */
export const ExitCode = {
  ok: 0,
  checkFailed: 1,
  input: 2,
  provider: 3,
  quota: 4,
  bug: 70,
  interrupted: 130,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export interface VersioErrorOptions {
  hint?: string;
  cause?: unknown;
}

export class VersioError extends Error {
  readonly exitCode: number = ExitCode.bug;
  readonly hint: string | undefined;
  constructor(message: string, options: VersioErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.hint = options.hint;
  }
}

/**
 * An inconsistency of our own (a bug), never the user's fault: exit 70 and the CLI asks for a
 * report. Thrown where an invariant is checked, e.g. a term mark that does not cover its form.
 */
export class InternalError extends VersioError {
  override readonly exitCode: number = ExitCode.bug;
}

/** Usage errors and bad input files: missing, empty, malformed, wrong encoding. Exit 2. */
export class InputError extends VersioError {
  override readonly exitCode: number = ExitCode.input;
}

/** The translation engine failed: missing binary, dead server, bad key. Exit 3. */
export class ProviderError extends VersioError {
  override readonly exitCode: number = ExitCode.provider;
}

/** Quota exhausted or a budget such as --max-chars would be exceeded. Exit 4. */
export class QuotaError extends VersioError {
  override readonly exitCode: number = ExitCode.quota;
}

/** The run was interrupted (SIGINT/SIGTERM). Exit 130. */
export class InterruptedError extends VersioError {
  override readonly exitCode: number = ExitCode.interrupted;
}

/** Writing an output failed (read-only directory, disk full). Exit 2: the user must fix the target. */
export class OutputError extends VersioError {
  override readonly exitCode: number = ExitCode.input;
}
