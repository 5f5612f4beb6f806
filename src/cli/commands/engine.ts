import type { Command } from 'commander';
import { nonNegativeNumber } from '../arguments.js';
import { action, type CliContext } from '../context.js';

interface EngineCliOptions {
  idleTimeout: number;
  socket?: string;
}

const DEFAULT_IDLE_MINUTES = 30;

export function registerEngine(program: Command, ctx: CliContext): void {
  const engine = program
    .command('engine')
    .description(
      'keep Apertium loaded between runs: a server whose pipelines every `versio translate` on this machine uses',
    )
    .addHelpText(
      'after',
      `
Loading Apertium's dictionaries is most of what translating one article costs. With a server
running, each \`versio translate\` (and its unknown-word repair) passes its sentences through the
server's pipelines instead of starting its own: same English, byte for byte, in a fraction of the
time. Without a server, or if it stops, runs start their own pipelines as usual.

The server holds about 1 GB of dictionaries in memory (the main pipeline and the repair's chains)
and stops after --idle-timeout minutes without a request. VERSIO_ENGINE=local makes a run ignore
it; VERSIO_ENGINE_SOCKET chooses another socket (default: engine.sock in the cache directory).

Examples:
  $ versio engine start               start in the background (stops after 30 idle minutes)
  $ versio engine status
  $ versio engine serve --idle-timeout 0   in the foreground, never idle-stopped (systemd, a container)
  $ versio engine stop`,
    );
  const socketOption = [
    '--socket <path>',
    'the socket (default: VERSIO_ENGINE_SOCKET, else engine.sock in the cache directory)',
  ] as const;
  const idleOption = [
    '--idle-timeout <minutes>',
    'stop after this long without a request; 0: never',
    nonNegativeNumber,
    DEFAULT_IDLE_MINUTES,
  ] as const;

  engine
    .command('serve')
    .description(
      'run the server in the foreground until stopped (Ctrl-C, `versio engine stop`, idle timeout)',
    )
    .option(...socketOption)
    .option(...idleOption)
    .action(
      action(ctx, async (options: EngineCliOptions) => {
        const [{ serveEngine }, { main }, { buildStamp }] = await Promise.all([
          import('../../providers/apertium/engine-control.js'),
          import('../main.js'),
          import('../build.js'),
        ]);
        const build = await buildStamp();
        await serveEngine({
          env: ctx.io.env,
          // `versio translate` of clients of this build runs here, warm (cli/engine-run.ts).
          ...(build ? { commands: { run: main, build } } : {}),
          ...(options.socket ? { socket: options.socket } : {}),
          idleTimeoutMs: options.idleTimeout * 60_000,
          signal: ctx.signal,
          say: (line) => ctx.io.stderr.write(`${line}\n`),
        });
        return 0;
      }),
    );

  engine
    .command('start')
    .description('start the server in the background, unless one is running')
    .option(...socketOption)
    .option(...idleOption)
    .action(
      action(ctx, async (options: EngineCliOptions) => {
        const { startEngineInBackground } = await import('../../providers/apertium/engine-control.js');
        const line = await startEngineInBackground({
          env: ctx.io.env,
          ...(options.socket ? { socket: options.socket } : {}),
          idleTimeoutMs: options.idleTimeout * 60_000,
        });
        ctx.io.stdout.write(`${line}\n`);
        return 0;
      }),
    );

  engine
    .command('status')
    .description('what the server holds (exit 1 when none is running)')
    .option(...socketOption)
    .option('--json', 'print the status as JSON')
    .action(
      action(ctx, async (options: { socket?: string; json?: boolean }) => {
        const { engineStatus, formatStatus } = await import('../../providers/apertium/engine-control.js');
        const status = await engineStatus(ctx.io.env, options.socket);
        if (options.json) ctx.io.stdout.write(`${JSON.stringify(status ?? null, null, 2)}\n`);
        else ctx.io.stdout.write(status ? formatStatus(status) : 'no engine server running\n');
        return status ? 0 : 1;
      }),
    );

  engine
    .command('stop')
    .description('stop the server (a run in progress goes on with pipelines of its own)')
    .option(...socketOption)
    .action(
      action(ctx, async (options: { socket?: string }) => {
        const { stopEngine } = await import('../../providers/apertium/engine-control.js');
        const stopped = await stopEngine(ctx.io.env, options.socket);
        ctx.io.stdout.write(
          stopped ? `engine server stopped (pid ${stopped.pid})\n` : 'no engine server running\n',
        );
        return 0;
      }),
    );
}
