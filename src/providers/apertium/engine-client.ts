/**
 * The client side of the engine server (engine-server.ts): one connection per provider, and
 * pipelines that pass their records through the server's. A run finds the server on its socket
 * (engine-protocol.ts); without one, or when it stops answering, the provider runs its own
 * pipelines as always (apertium.ts), so a server can come and go without a run noticing more
 * than the time it takes.
 */
import net from 'node:net';
import {
  type EngineStatus,
  encodeMessage,
  isOwnSocket,
  messageReader,
  PROTOCOL,
  type Reply,
  type Request,
  socketPath,
  stageVariables,
} from './engine-protocol.js';
import { type EnginePipeline, PipelineExit } from './pipeline.js';

type Pending = { resolve: (reply: Reply) => void; reject: (error: Error) => void };

/** Distributes a request over `Omit` of a union member by member (an `id` is added when sent). */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

export class EngineConnection {
  readonly #socket: net.Socket;
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;
  #alive = true;

  private constructor(socket: net.Socket) {
    this.#socket = socket;
    socket.on(
      'data',
      messageReader((message) => {
        const reply = message as Reply;
        const pending = this.#pending.get(reply.id);
        if (!pending) return;
        this.#pending.delete(reply.id);
        pending.resolve(reply);
        this.#refWhileBusy();
      }),
    );
    socket.on('error', () => {});
    socket.on('close', () => {
      this.#alive = false;
      for (const pending of this.#pending.values())
        pending.reject(new PipelineExit('the engine server stopped answering'));
      this.#pending.clear();
    });
    this.#refWhileBusy();
  }

  /** Connects within `timeoutMs`, or resolves undefined: no server, a dead one's socket, someone else's. */
  static async connect(socket: string, timeoutMs = 2_000): Promise<EngineConnection | undefined> {
    if (!(await isOwnSocket(socket))) return undefined;
    return new Promise((resolve) => {
      const connection = net.connect(socket);
      const timer = setTimeout(() => {
        connection.destroy();
        resolve(undefined);
      }, timeoutMs);
      connection.once('connect', () => {
        clearTimeout(timer);
        resolve(new EngineConnection(connection));
      });
      connection.once('error', () => {
        clearTimeout(timer);
        resolve(undefined);
      });
    });
  }

  get alive(): boolean {
    return this.#alive;
  }

  /** Sends a request; resolves with its reply, rejects with PipelineExit if the server goes away first. */
  request(request: WithoutId<Request>): { id: number; reply: Promise<Reply> } {
    const id = this.#nextId++;
    const reply = new Promise<Reply>((resolve, reject) => {
      if (!this.#alive) {
        reject(new PipelineExit('the engine server stopped answering'));
        return;
      }
      this.#pending.set(id, { resolve, reject });
      this.#socket.write(encodeMessage({ ...request, id } as Request));
    });
    this.#refWhileBusy();
    return { id, reply };
  }

  /** Asks the server to stop exchange `id` (its pipeline is killed; the exchange's reply says so). */
  cancel(id: number): void {
    if (this.#alive) this.#socket.write(encodeMessage({ op: 'cancel', id }));
  }

  async status(): Promise<EngineStatus> {
    const reply = await this.request({ op: 'status' }).reply;
    if (!('status' in reply)) throw new Error('the engine server did not report its status');
    return reply.status;
  }

  close(): void {
    this.#alive = false;
    this.#socket.end();
    this.#socket.unref();
  }

  /** An idle connection does not keep the process alive; one waiting for a reply does. */
  #refWhileBusy(): void {
    if (this.#pending.size > 0) this.#socket.ref();
    else this.#socket.unref();
  }
}

/** The engine server this environment points at, if one answers; none when `VERSIO_ENGINE=local`. */
export async function openEngine(env: NodeJS.ProcessEnv): Promise<EngineConnection | undefined> {
  if (env.VERSIO_ENGINE === 'local') return undefined;
  const engine = await EngineConnection.connect(socketPath(env));
  // A server that speaks another protocol (another version of Versio) is not used.
  const protocol = await engine?.status().then(
    (status) => status.protocol,
    () => undefined,
  );
  if (engine && protocol === PROTOCOL) return engine;
  engine?.close();
  return undefined;
}

/** A pipeline the server runs: the same stages, the caller's stage environment. */
export class RemotePipeline implements EnginePipeline {
  readonly #connection: EngineConnection;
  readonly #stages: string[][];
  readonly #env: Record<string, string>;
  readonly #parallel: number;
  #alive = true;
  #current: number | undefined;

  constructor(
    connection: EngineConnection,
    stages: readonly (readonly string[])[],
    env: NodeJS.ProcessEnv,
    parallel = 1,
  ) {
    this.#connection = connection;
    this.#stages = stages.map((stage) => [...stage]);
    this.#env = stageVariables(env);
    this.#parallel = parallel;
  }

  get alive(): boolean {
    return this.#alive && this.#connection.alive;
  }

  /** The server ends the exchange at the closing record (index `expected − 1`), as `isLast` would. */
  async exchange(payload: string, expected: number): Promise<string[]> {
    if (!this.alive) throw new PipelineExit('the engine server is not answering');
    if (expected === 0) return [];
    const { id, reply } = this.#connection.request({
      op: 'exchange',
      stages: this.#stages,
      env: this.#env,
      parallel: this.#parallel,
      payload,
      expected,
    });
    this.#current = id;
    try {
      const answer = await reply;
      if ('records' in answer) return answer.records;
      if ('error' in answer && answer.exit) {
        this.#alive = false;
        throw new PipelineExit(answer.error);
      }
      throw new Error('error' in answer ? answer.error : 'the engine server answered out of turn');
    } catch (error) {
      if (error instanceof PipelineExit) this.#alive = false;
      throw error;
    } finally {
      this.#current = undefined;
    }
  }

  kill(): void {
    this.#alive = false;
    if (this.#current !== undefined) this.#connection.cancel(this.#current);
  }

  async close(): Promise<void> {
    this.#alive = false;
  }
}
