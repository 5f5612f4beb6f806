import { CommanderError } from 'commander';
import { ExitCode, InternalError, InterruptedError, VersioError } from '../errors.js';
import type { CliContext } from './context.js';
import { buildProgram } from './index.js';
import { type CliIO, processIO } from './io.js';

/**
 * The one place that turns errors into exit codes. Returns the exit code; only bin.ts exits.
 * Tests call it in-process with their own streams.
 */
export async function main(
  argv: string[] = process.argv,
  io: CliIO = processIO(),
  signal?: AbortSignal,
): Promise<number> {
  const controller = new AbortController();
  const ctx: CliContext = { io, exitCode: ExitCode.ok, signal: signal ?? controller.signal };
  const program = buildProgram(ctx);
  try {
    await program.parseAsync(argv);
    return ctx.exitCode;
  } catch (error) {
    return report(error, io, argv.includes('--debug'));
  }
}

function report(error: unknown, io: CliIO, debug: boolean): number {
  if (error instanceof CommanderError) {
    // --help and --version end here with exit code 0; commander already printed the message.
    return error.exitCode === 0 ? ExitCode.ok : ExitCode.input;
  }
  if (error instanceof VersioError && !(error instanceof InternalError)) {
    io.stderr.write(`versio: ${error.message}\n`);
    if (error.hint) io.stderr.write(`  hint: ${error.hint}\n`);
    if (debug && error.stack) io.stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  if (isAbort(error)) {
    const interrupted = new InterruptedError('interrupted');
    io.stderr.write(`versio: ${interrupted.message}\n`);
    return interrupted.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`versio: internal error: ${message}\n`);
  io.stderr.write('  please report this with the command you ran (add --debug for the stack trace)\n');
  if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  return ExitCode.bug;
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}
