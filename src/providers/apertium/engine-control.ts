/**
 * `versio engine serve | start | status | stop`: running the engine server (engine-server.ts) in
 * the foreground or the background, and asking it what it holds or to stop.
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InputError, ProviderError } from '../../errors.js';
import { cliEntry } from '../../package-root.js';
import { EngineConnection } from './engine-client.js';
import { type EngineStatus, socketPath } from './engine-protocol.js';
import { type EngineServerOptions, startEngineServer } from './engine-server.js';
import { cacheDirectory } from './lookup-cache.js';

export interface ServeOptions {
  env: NodeJS.ProcessEnv;
  /** The commands clients hand over (`versio translate`) and this process's build. */
  commands?: EngineServerOptions['commands'];
  socket?: string;
  idleTimeoutMs: number;
  signal: AbortSignal;
  say: (line: string) => void;
}

/** Serves until stopped: `stop`, the idle timeout, or `signal` (Ctrl-C, SIGTERM). */
export async function serveEngine(options: ServeOptions): Promise<void> {
  const socket = options.socket ?? socketPath(options.env);
  mkdirSync(path.dirname(socket), { recursive: true, mode: 0o700 });
  let server: Awaited<ReturnType<typeof startEngineServer>>;
  try {
    server = await startEngineServer({
      socket,
      idleTimeoutMs: options.idleTimeoutMs,
      processes: os.availableParallelism(),
      env: options.env,
      ...(options.commands ? { commands: options.commands } : {}),
    });
  } catch (error) {
    throw new InputError(`cannot serve on ${socket}: ${(error as Error).message}`, {
      hint: '`versio engine status` shows the running one; `versio engine stop` stops it',
      cause: error,
    });
  }
  const onAbort = () => void server.close();
  options.signal.addEventListener('abort', onAbort, { once: true });
  const idle =
    options.idleTimeoutMs > 0
      ? `stops after ${formatMinutes(options.idleTimeoutMs)} without a request`
      : 'no idle timeout';
  options.say(`versio engine: serving on ${socket} (pid ${process.pid}); ${idle}`);
  await server.stopped;
  options.signal.removeEventListener('abort', onAbort);
  options.say('versio engine: stopped');
}

export interface StartOptions {
  env: NodeJS.ProcessEnv;
  socket?: string;
  idleTimeoutMs: number;
  /** How long the server may take to answer before the start is called failed. */
  readyTimeoutMs?: number;
}

/** Starts `versio engine serve` detached, unless a server answers already; returns the line to print. */
export async function startEngineInBackground(options: StartOptions): Promise<string> {
  const socket = options.socket ?? socketPath(options.env);
  const running = await statusAt(socket);
  if (running) return `engine server already running (pid ${running.pid}) on ${socket}`;
  const directory = cacheDirectory(options.env);
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  mkdirSync(path.dirname(socket), { recursive: true, mode: 0o700 });
  const log = path.join(directory, 'engine.log');
  const logFd = openSync(log, 'a', 0o600);
  const child = spawn(
    process.execPath,
    [
      cliEntry,
      'engine',
      'serve',
      '--socket',
      socket,
      '--idle-timeout',
      String(options.idleTimeoutMs / 60_000),
    ],
    // Its own session, no terminal, nothing of ours held open: it outlives this command.
    { detached: true, stdio: ['ignore', 'ignore', logFd], env: options.env, cwd: directory },
  );
  closeSync(logFd);
  let exited: number | null | undefined;
  child.once('exit', (code) => {
    exited = code;
  });
  child.once('error', () => {
    exited = -1;
  });
  const deadline = Date.now() + (options.readyTimeoutMs ?? 20_000);
  while (Date.now() < deadline && exited === undefined) {
    const status = await statusAt(socket);
    if (status) {
      child.unref();
      const idle =
        options.idleTimeoutMs > 0
          ? `stops after ${formatMinutes(options.idleTimeoutMs)} idle`
          : 'no idle timeout';
      return `engine server started (pid ${status.pid}) on ${socket}; ${idle}`;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (exited === undefined) child.kill();
  const tail = readFileSync(log, 'utf8').trim().split('\n').slice(-3).join(' / ');
  throw new ProviderError(`the engine server did not start${tail ? `: ${tail}` : ''}`, {
    hint: `its log is ${log}`,
  });
}

/** The status of the server on `socket`, or undefined when none answers. */
async function statusAt(socket: string): Promise<EngineStatus | undefined> {
  const connection = await EngineConnection.connect(socket, 1_000);
  if (!connection) return undefined;
  try {
    return await connection.status();
  } catch {
    return undefined;
  } finally {
    connection.close();
  }
}

export const engineStatus = (env: NodeJS.ProcessEnv, socket?: string) => statusAt(socket ?? socketPath(env));

/** Asks the server to stop and waits until it has; undefined when none was running. */
export async function stopEngine(env: NodeJS.ProcessEnv, socket?: string): Promise<EngineStatus | undefined> {
  const at = socket ?? socketPath(env);
  const connection = await EngineConnection.connect(at, 1_000);
  if (!connection) return undefined;
  try {
    const status = await connection.status();
    await connection.request({ op: 'stop' }).reply;
    // Stopped once nobody answers on the socket any more (commands it runs are interrupted first: 10 s at most).
    const deadline = Date.now() + 20_000;
    while (await statusAt(at)) {
      if (Date.now() > deadline)
        throw new ProviderError(`the engine server (pid ${status.pid}) did not stop within 20 s`, {
          hint: `stop it with \`kill ${status.pid}\``,
        });
      await new Promise((r) => setTimeout(r, 50));
    }
    return status;
  } finally {
    connection.close();
  }
}

export function formatStatus(status: EngineStatus): string {
  const idle =
    status.idleTimeoutMs > 0 ? `stops after ${formatMinutes(status.idleTimeoutMs)} idle` : 'no idle timeout';
  const lines = [
    `engine server running (pid ${status.pid}, Versio ${status.version}, up ${formatMinutes(status.uptimeMs)}) on ${status.socket}; ${idle}`,
  ];
  for (const p of status.pipelines) {
    lines.push(
      `  ${p.first
        .split(' ')
        .map((arg) => path.basename(arg))
        .join(' ')} … (${p.stages} stages): ${p.running} running, ${p.started} started`,
    );
  }
  if (status.pipelines.length === 0) lines.push('  no pipeline loaded yet (the first run loads them)');
  return `${lines.join('\n')}\n`;
}

function formatMinutes(ms: number): string {
  const minutes = ms / 60_000;
  if (minutes < 1) return `${Math.round(ms / 1000)} s`;
  return `${Math.round(minutes * 10) / 10} min`;
}
