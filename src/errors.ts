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

/**
 * A provider failure worth another attempt: rate limiting (429, `rateLimited`), a server
 * error (5xx), a dropped or timed-out connection. Providers throw it; the run's scheduler
 * (queue/) retries it. It is a ProviderError because one that escapes the scheduler is an
 * engine failure (exit 3), never a bug.
 */
export class RetryableError extends ProviderError {
  /** Short reason for progress events (`429`, `503`, `ECONNRESET`). */
  readonly reason: string;
  /** The server's Retry-After in ms, when it sent one. */
  readonly retryAfterMs: number | undefined;
  /** True for a 429: the whole lane pauses, and the retry budget is time, not attempts. */
  readonly rateLimited: boolean;
  constructor(
    message: string,
    options: VersioErrorOptions & { reason: string; retryAfterMs?: number; rateLimited?: boolean },
  ) {
    super(message, options);
    this.reason = options.reason;
    this.retryAfterMs = options.retryAfterMs;
    this.rateLimited = options.rateLimited ?? false;
  }
}

/**
 * One batch outlasted its retry budget (429s) or its attempts (5xx, timeouts). It fails its own
 * document only: the run's other documents go on. Exit 3.
 */
export class RetriesExhaustedError extends ProviderError {}
