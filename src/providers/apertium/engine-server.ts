/**
 * The engine server (`versio engine serve`): keeps Apertium pipelines loaded between runs. Loading
 * the transducers is most of what one article costs — the main pipeline's 24 processes, and with
 * new words the unknown-word repair's three chains (67 more) — so a newsroom translating article
 * after article through the day pays it once. Runs then pass their records through the server's
 * pipelines instead of starting their own (engine-client.ts); the English is the same, byte for
 * byte, as the pipelines are the same.
 *
 * - Pipelines are kept per stage list and stage environment (engine-protocol.ts), started on
 *   demand, at most `processes` of each, and a dead one is replaced at the next request.
 * - A pipeline whose files changed (a package upgrade rewrote a transducer, a mode file) is
 *   retired and a fresh one started: the server never answers with the old data.
 * - It stops after `idleTimeoutMs` without a request (0: never), on `stop`, or on close(), and
 *   removes its socket. The socket is created with the user's permissions only.
 */
import { stat, unlink } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { Writable } from 'node:stream';
import { version } from '../../version.js';
import { EngineConnection } from './engine-client.js';
import {
  type EngineStatus,
  type ExchangeRequest,
  encodeMessage,
  messageReader,
  PROTOCOL,
  type Reply,
  type Request,
  type RunRequest,
} from './engine-protocol.js';
import { ApertiumPipeline, type EnginePipeline, PipelineExit } from './pipeline.js';
import { PipelinePool } from './pool.js';
import { isClosingRecord } from './stream-format.js';

/** Runs one CLI command as `main` does (cli/main.ts), printing on `io`; resolves with its exit code. */
export type RunCommand = (
  argv: string[],
  io: {
    stdout: NodeJS.WritableStream & { isTTY?: boolean };
    stderr: NodeJS.WritableStream & { isTTY?: boolean };
    env: NodeJS.ProcessEnv;
    cwd: string;
  },
  signal: AbortSignal,
) => Promise<number>;

export interface EngineServerOptions {
  socket: string;
  /**
   * Runs the commands clients send (`versio translate`): the CLI's `main`, and the build of
   * Versio this process runs (a client of another build is refused and runs the command itself).
   */
  commands?: { run: RunCommand; build: string };
  /** Stop after this long without a request; 0 never. */
  idleTimeoutMs: number;
  /** Pipelines of one stage list at most (requests beyond wait their turn). */
  processes: number;
  /** The server's own environment, under each client's stage variables. */
  env: NodeJS.ProcessEnv;
}

export interface EngineServer {
  status(): EngineStatus;
  /** Resolves once the server has stopped (idle, `stop`, or close()). */
  readonly stopped: Promise<void>;
  close(): Promise<void>;
}

/** One stage list in one environment: its pipelines and the state of the files they loaded. */
interface Pipelines {
  pool: PipelinePool;
  stamp: string;
  stages: string[][];
  started: number;
  running: Set<EnginePipeline>;
}

/** The files a stage list reads (absolute paths among its arguments), `size:mtime:inode` each. */
async function stampOf(stages: readonly (readonly string[])[]): Promise<string> {
  const files = [...new Set(stages.flat().filter((arg) => path.isAbsolute(arg)))];
  const stamps = await Promise.all(
    files.map((file) =>
      stat(file).then(
        (info) => `${file}=${info.size}:${info.mtimeMs}:${info.ino}`,
        () => `${file}=-`,
      ),
    ),
  );
  return stamps.join('|');
}

export async function startEngineServer(options: EngineServerOptions): Promise<EngineServer> {
  const { socket } = options;
  // A socket file nobody answers on is left by a server that died: it is reused.
  const running = await EngineConnection.connect(socket);
  if (running) {
    running.close();
    throw new Error(`an engine server is already running on ${socket}`);
  }
  await unlink(socket).catch(() => {});

  const started = Date.now();
  const sets = new Map<string, Pipelines>();
  /** Exchanges and runs in progress, by connection and id: the pipeline each runs on, or the run's stop. */
  const inFlight = new Map<
    net.Socket,
    Map<number, { pipeline?: EnginePipeline; cancelled: boolean; stop?: () => void }>
  >();
  let active = 0;
  let runs = 0;
  /** Commands running, each settled when its main() returns. */
  const commands = new Set<Promise<unknown>>();
  /** Set once the server is stopping: commands it interrupts print nothing more to their clients. */
  let muted = false;
  let idleTimer: NodeJS.Timeout | undefined;
  let closing: Promise<void> | undefined;
  let resolveStopped: () => void = () => {};
  const stopped = new Promise<void>((resolve) => {
    resolveStopped = resolve;
  });

  const armIdle = () => {
    clearTimeout(idleTimer);
    if (options.idleTimeoutMs > 0 && active === 0 && !closing)
      idleTimer = setTimeout(() => void close(), options.idleTimeoutMs);
  };

  const pipelinesFor = async (request: ExchangeRequest): Promise<Pipelines> => {
    const key = JSON.stringify([request.stages, request.env]);
    const stamp = await stampOf(request.stages);
    const known = sets.get(key);
    if (known && known.stamp === stamp) return known;
    // New, or its files changed since its pipelines loaded them: fresh pipelines from now on.
    if (known) void known.pool.close();
    const env = { ...options.env, ...request.env };
    const set: Pipelines = {
      stamp,
      stages: request.stages,
      started: known?.started ?? 0,
      running: new Set(),
      // As many as the client would run (the main pipeline one per core, a repair chain one): a
      // chain loaded twice would cost hundreds of MB for a few milliseconds.
      pool: new PipelinePool(Math.min(options.processes, Math.max(1, request.parallel)), () => {
        const pipeline = new ApertiumPipeline(set.stages, env);
        set.started += 1;
        set.running.add(pipeline);
        return pipeline;
      }),
    };
    sets.set(key, set);
    return set;
  };

  const exchange = async (
    request: ExchangeRequest,
    slot: { pipeline?: EnginePipeline; cancelled: boolean },
  ) => {
    const set = await pipelinesFor(request);
    const isClosing = (record: string) => isClosingRecord(record, request.expected - 1);
    const controller = new AbortController();
    return set.pool.use(controller.signal, (pipeline) => {
      slot.pipeline = pipeline;
      if (slot.cancelled) pipeline.kill();
      return pipeline.exchange(request.payload, request.expected, isClosing).finally(() => {
        if (!pipeline.alive) set.running.delete(pipeline);
      });
    });
  };

  const handle = async (connection: net.Socket, request: Request) => {
    const send = (reply: Reply) => {
      if (!connection.destroyed) connection.write(encodeMessage(reply));
    };
    // What a command prints, and its exit code: nothing once the server is stopping (the client
    // finishes the command itself).
    const sendFromCommand = (reply: Reply) => {
      if (!muted) send(reply);
    };
    switch (request.op) {
      case 'exchange': {
        const slots = inFlight.get(connection);
        const slot = { cancelled: false } as { pipeline?: EnginePipeline; cancelled: boolean };
        slots?.set(request.id, slot);
        active += 1;
        clearTimeout(idleTimer);
        try {
          send({ id: request.id, records: await exchange(request, slot) });
        } catch (error) {
          send({
            id: request.id,
            error: error instanceof Error ? error.message : String(error),
            exit: error instanceof PipelineExit,
          });
        } finally {
          slots?.delete(request.id);
          active -= 1;
          armIdle();
        }
        return;
      }
      case 'run': {
        if (!options.commands || request.build !== options.commands.build) {
          send({ id: request.id, refused: 'this engine server runs another build of Versio' });
          return;
        }
        const controller = new AbortController();
        const slot = {
          cancelled: false,
          stop: () => controller.abort(new DOMException('interrupted', 'AbortError')),
        };
        inFlight.get(connection)?.set(request.id, slot);
        active += 1;
        runs += 1;
        clearTimeout(idleTimer);
        const stream = (field: 'out' | 'err', isTTY: boolean) =>
          Object.assign(
            new Writable({
              write(chunk: Buffer | string, _encoding, done) {
                sendFromCommand(
                  field === 'out'
                    ? { id: request.id, out: String(chunk) }
                    : { id: request.id, err: String(chunk) },
                );
                done();
              },
            }),
            { isTTY },
          );
        try {
          const running = options.commands.run(
            ['node', 'versio', ...request.argv],
            {
              stdout: stream('out', request.tty.stdout),
              stderr: stream('err', request.tty.stderr),
              env: request.env,
              cwd: request.cwd,
            },
            controller.signal,
          );
          const settled = running.catch(() => {});
          commands.add(settled);
          void settled.then(() => commands.delete(settled));
          const code = await running;
          sendFromCommand({ id: request.id, code });
        } catch (error) {
          // main() reports every error itself; this is a bug in the server's own plumbing.
          sendFromCommand({ id: request.id, err: `versio: internal error: ${(error as Error).message}\n` });
          sendFromCommand({ id: request.id, code: 70 });
        } finally {
          inFlight.get(connection)?.delete(request.id);
          active -= 1;
          armIdle();
        }
        return;
      }
      case 'cancel': {
        const slot = inFlight.get(connection)?.get(request.id);
        if (slot) {
          slot.cancelled = true;
          slot.pipeline?.kill();
          slot.stop?.();
        }
        return;
      }
      case 'status':
        send({ id: request.id, status: status() });
        return;
      case 'stop':
        send({ id: request.id, stopping: true });
        void close();
        return;
    }
  };

  const server = net.createServer((connection) => {
    inFlight.set(connection, new Map());
    connection.on(
      'data',
      messageReader((message) => {
        if (isRequest(message)) void handle(connection, message);
        else {
          // Never silent: a client waiting on this id would wait forever.
          const id = (message as { id?: unknown } | null)?.id;
          if (typeof id === 'number')
            connection.write(
              encodeMessage({ id, error: `unsupported request (engine protocol ${PROTOCOL})`, exit: true }),
            );
        }
      }),
    );
    connection.on('error', () => {});
    connection.on('close', () => {
      // A client that went away mid-exchange (Ctrl-C, a crash): its pipelines stop, as its own would.
      for (const slot of inFlight.get(connection)?.values() ?? []) {
        slot.cancelled = true;
        slot.pipeline?.kill();
        slot.stop?.();
      }
      inFlight.delete(connection);
    });
  });

  const status = (): EngineStatus => ({
    protocol: PROTOCOL,
    version,
    pid: process.pid,
    socket,
    uptimeMs: Date.now() - started,
    idleTimeoutMs: options.idleTimeoutMs,
    runs,
    pipelines: [...sets.values()].map((set) => {
      for (const pipeline of set.running) if (!pipeline.alive) set.running.delete(pipeline);
      return {
        first: set.stages[0]?.join(' ') ?? '',
        stages: set.stages.length,
        running: set.running.size,
        started: set.started,
      };
    }),
  });

  const close = (): Promise<void> => {
    closing ??= (async () => {
      clearTimeout(idleTimer);
      // Commands in progress are interrupted, as by Ctrl-C: what they finished is saved in their
      // memory before the server goes. Their clients hear nothing more, see the connection close,
      // and finish the command themselves (engine-run.ts), the memory sparing the work done.
      muted = true;
      for (const slots of inFlight.values()) for (const slot of slots.values()) slot.stop?.();
      await Promise.race([Promise.all(commands), new Promise((resolve) => setTimeout(resolve, 10_000))]);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const connection of inFlight.keys()) connection.destroy();
      });
      await Promise.all([...sets.values()].map((set) => set.pool.close()));
      await unlink(socket).catch(() => {});
      resolveStopped();
    })();
    return closing;
  };

  // Only the user can connect: the socket is created under a umask that leaves nobody else a bit.
  const umask = process.umask(0o177);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(socket, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } finally {
    process.umask(umask);
  }
  armIdle();
  return { status, stopped, close };
}

function isRequest(message: unknown): message is Request {
  const m = message as Partial<ExchangeRequest> | null;
  if (typeof m !== 'object' || m === null || typeof m.id !== 'number') return false;
  if (m.op === 'exchange')
    return (
      Array.isArray(m.stages) &&
      m.stages.every((stage) => Array.isArray(stage) && stage.every((arg) => typeof arg === 'string')) &&
      typeof m.payload === 'string' &&
      typeof m.expected === 'number' &&
      typeof m.parallel === 'number' &&
      typeof m.env === 'object' &&
      m.env !== null
    );
  if (m.op === 'run') {
    const r = message as Partial<RunRequest>;
    return (
      Array.isArray(r.argv) &&
      r.argv.every((arg) => typeof arg === 'string') &&
      typeof r.cwd === 'string' &&
      typeof r.env === 'object' &&
      r.env !== null &&
      typeof r.build === 'string' &&
      typeof r.tty === 'object' &&
      r.tty !== null
    );
  }
  return m.op === 'cancel' || m.op === 'status' || m.op === 'stop';
}
