import type { CliIO } from './io.js';

/**
 * What every command gets: the streams to print on, and a slot for its exit code.
 * A command's action returns its exit code (0 unless it found something, like `check`);
 * failures are thrown as VersioError and mapped by cli/main.ts.
 */
export interface CliContext {
  io: CliIO;
  exitCode: number;
  signal: AbortSignal;
}

/** Wrap a command body so its returned exit code reaches `main`. */
export function action<A extends unknown[]>(
  ctx: CliContext,
  run: (...args: A) => Promise<number | undefined> | number | undefined,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    const code = await run(...args);
    if (code !== undefined) ctx.exitCode = code;
  };
}
