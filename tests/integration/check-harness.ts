/**
 * Runs `versio check` in-process with its own streams, mapping errors to exit codes as cli/main.ts
 * does (VersioError → its exitCode, commander usage errors → 2). It builds a program with only the
 * check command, so these tests do not depend on cli/index.ts wiring.
 */
import { PassThrough } from 'node:stream';
import { Command, CommanderError } from 'commander';
import { registerCheck } from '../../src/cli/commands/check.js';
import type { CliContext } from '../../src/cli/context.js';
import { VersioError } from '../../src/errors.js';

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCheckCommand(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = { NO_COLOR: '1' },
): Promise<CommandResult> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => {
    out += c.toString('utf8');
  });
  stderr.on('data', (c: Buffer) => {
    err += c.toString('utf8');
  });
  const ctx: CliContext = {
    io: { stdout, stderr, env, cwd },
    exitCode: 0,
    signal: new AbortController().signal,
  };
  const program = new Command('versio')
    .exitOverride()
    .configureOutput({ writeOut: (s) => stdout.write(s), writeErr: (s) => stderr.write(s) });
  registerCheck(program, ctx);
  let code: number;
  try {
    await program.parseAsync(['node', 'versio', 'check', ...args]);
    code = ctx.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) code = error.exitCode === 0 ? 0 : 2;
    else if (error instanceof VersioError) {
      stderr.write(`versio: ${error.message}\n`);
      code = error.exitCode;
    } else throw error;
  }
  await new Promise((r) => setImmediate(r));
  return { code, stdout: out, stderr: err };
}
