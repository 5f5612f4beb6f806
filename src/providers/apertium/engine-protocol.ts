/**
 * The engine server's protocol (`versio engine`, engine-server.ts): JSON messages, one per line,
 * over a Unix socket that only its user can open. The server holds warm Apertium pipelines between
 * runs; a client asks it to pass records through the pipeline of given stages, as it would write
 * them to a pipeline of its own (pipeline.ts). Every request carries an id its reply repeats.
 *
 * - `exchange`: stages, the stage environment, a payload of NUL-terminated records, how many
 *   records to expect. The last expected record is the batch's closing record (its marker's index
 *   is `expected − 1`, stream-format.ts): it ends the exchange even when the engine dropped one,
 *   as on a pipeline of the client's own. Reply: `records`, or `error` (`exit`: the pipeline died).
 * - `run`: a whole `versio translate` (argv, working directory, environment, whether its
 *   stdout and stderr are terminals, and the build of Versio the client runs). The server runs it
 *   as the client would and streams back `out` and `err` text, then the exit `code`; a server of
 *   another build answers `refused`, and the client runs the command itself.
 * - `cancel`: stop the exchange or run `id` (an exchange's pipeline is killed, as a local one would
 *   be; a run is interrupted, as by Ctrl-C).
 * - `status`: what the server holds. `stop`: end the server.
 */
import { lstat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { cacheDirectory } from './lookup-cache.js';

export const PROTOCOL = 1;

export interface ExchangeRequest {
  op: 'exchange';
  id: number;
  stages: string[][];
  env: Record<string, string>;
  /** How many pipelines of these stages the client would run at once (the server keeps as many, up to its cores). */
  parallel: number;
  payload: string;
  expected: number;
}

export interface RunRequest {
  op: 'run';
  id: number;
  argv: string[];
  cwd: string;
  env: Record<string, string>;
  tty: { stdout: boolean; stderr: boolean };
  build: string;
}

export type Request =
  | ExchangeRequest
  | RunRequest
  | { op: 'cancel'; id: number }
  | { op: 'status'; id: number }
  | { op: 'stop'; id: number };

export interface PipelineStatus {
  /** The first stage's command line, for people. */
  first: string;
  stages: number;
  /** Pipelines of these stages running now. */
  running: number;
  /** Pipelines of these stages started since the server started (a restart after a crash or an upgrade counts). */
  started: number;
}

export interface EngineStatus {
  protocol: number;
  version: string;
  pid: number;
  socket: string;
  uptimeMs: number;
  /** 0: never stops on its own. */
  idleTimeoutMs: number;
  /** Commands run since the server started (`versio translate` of clients). */
  runs: number;
  pipelines: PipelineStatus[];
}

export type Reply =
  | { id: number; records: string[] }
  | { id: number; error: string; exit: boolean }
  | { id: number; status: EngineStatus }
  | { id: number; stopping: true }
  | { id: number; out: string }
  | { id: number; err: string }
  | { id: number; code: number }
  | { id: number; refused: string };

/** A socket path longer than this does not fit in `sockaddr_un` (108 bytes on Linux, 104 on macOS). */
const MAX_SOCKET_PATH = 100;

/**
 * Where the server listens: `VERSIO_ENGINE_SOCKET`, else `engine.sock` in Versio's cache directory
 * (private to the user), else — when that path is too long for a socket — a name in the temporary
 * directory derived from it.
 */
export function socketPath(env: NodeJS.ProcessEnv): string {
  if (env.VERSIO_ENGINE_SOCKET) return env.VERSIO_ENGINE_SOCKET;
  const inCache = path.join(cacheDirectory(env), 'engine.sock');
  if (inCache.length <= MAX_SOCKET_PATH) return inCache;
  let hash = 0;
  for (const char of inCache) hash = (Math.imul(hash, 31) + (char.codePointAt(0) ?? 0)) >>> 0;
  return path.join(os.tmpdir(), `versio-engine-${os.userInfo().uid}-${hash.toString(16)}.sock`);
}

/**
 * Whether `socket` is a socket this user owns. One another user created (in a shared temporary
 * directory) is never connected to: its server could answer anything.
 */
export async function isOwnSocket(socket: string): Promise<boolean> {
  const info = await lstat(socket).catch(() => undefined);
  if (!info?.isSocket()) return false;
  return process.getuid === undefined || info.uid === process.getuid();
}

/** Variables that change what a stage does or which program runs; the rest of a shell's environment does not. */
const STAGE_VARIABLE = /^(?:PATH|HOME|LANG|LC_\w+|TMPDIR|APERTIUM_\w+|GLIBC_TUNABLES|LD_\w+|VERSIO_\w+)$/;
/** Versio's own settings that only the client reads. */
const CLIENT_ONLY = /^VERSIO_(?:ENGINE\w*|CACHE_DIR|REPAIR|POSTEDIT|APERTIUM_BIN)$/;

/**
 * The part of `env` a stage sees: the server runs each pipeline with the variables of the client
 * that asked for it, and keeps pipelines apart by them (another PATH may mean another `lt-proc`).
 */
export function stageVariables(env: NodeJS.ProcessEnv): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && STAGE_VARIABLE.test(name) && !CLIENT_ONLY.test(name)) picked[name] = value;
  }
  return picked;
}

/** Splits a stream of newline-terminated JSON messages; a line that is not JSON is skipped. */
export function messageReader(onMessage: (message: unknown) => void): (chunk: Buffer) => void {
  // A chunk may end inside a character: the decoder keeps its first bytes for the next one.
  const decoder = new StringDecoder('utf8');
  let pending = '';
  return (chunk) => {
    const lines = (pending + decoder.write(chunk)).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (line.trim() === '') continue;
      let message: unknown;
      try {
        message = JSON.parse(line);
      } catch {
        continue;
      }
      onMessage(message);
    }
  };
}

export const encodeMessage = (message: Request | Reply) => `${JSON.stringify(message)}\n`;
