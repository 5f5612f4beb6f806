/**
 * One warm Apertium pipeline: every stage of both legs (fr-es, then spa-eng) in
 * null-flush mode, each stage a process whose stdout feeds the next one's stdin.
 * Each NUL-terminated record written in comes back as one NUL-terminated record, and
 * the processes stay up between calls, so the transducers load once per pipeline.
 *
 * One `sh` per pipeline starts the stages (stage-status.ts): Node's spawn() blocks the event
 * loop until the child has exec'd, so 24 stages spawned from Node cost 24 scheduling delays
 * in a row — 0.6 s on a loaded 2-core machine, 3 s for the four pipelines of the repair —
 * where a shell forks them without waiting, as `apertium a | apertium b` does. Each stage still
 * reports its own end: its wrapper subshell prints the stage's pid when it starts and its exit
 * status when it ends on a status pipe (fd 3), so the first stage to exit takes the others down
 * and fails the call (a plain `sh -c 'a | b'` would keep waiting on the other stages, and the
 * call would hang), and the stages can be killed one by one by pid.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { describeEnd, launchScript, rootCause, type StageEnd, statusEnd } from './stage-status.js';

/** Rejection when the pipeline dies with records still owed. */
export class PipelineExit extends Error {}

/**
 * What the pool and the provider need of a pipeline: a local one (below) or one the engine server
 * runs (engine-client.ts).
 */
export interface EnginePipeline {
  readonly alive: boolean;
  /**
   * Writes NUL-terminated records; resolves with `expected` answers, or fewer as soon as the answer
   * `isLast` recognises arrives (the batch's closing record: an engine that drops a record would
   * otherwise leave the call waiting forever). Rejects with PipelineExit when the pipeline dies.
   */
  exchange(payload: string, expected: number, isLast?: (record: string) => boolean): Promise<string[]>;
  /** Stops it at once; a pending call rejects. */
  kill(): void;
  /** Stops it once a pending call is answered (killed after `graceMs`). */
  close(graceMs?: number): Promise<void>;
}

interface PendingCall {
  expected: number;
  /** The batch's closing record: arriving early means the engine dropped records on the way. */
  isLast: ((record: string) => boolean) | undefined;
  records: string[];
  resolve: (records: string[]) => void;
  reject: (error: Error) => void;
}

/** The stages share the shell's stderr: its last characters go into the error message. */
const STDERR_TAIL = 1_000;
/**
 * When one stage dies, its neighbours follow (EOF downstream, SIGPIPE upstream); wait this
 * long for them before killing the rest, so the error names the stage that died first.
 */
const SETTLE_MS = 250;

/**
 * The stages' environment: glibc's malloc backs its heap with transparent huge pages
 * (`glibc.malloc.hugetlb=1`, glibc 2.35+; older ones ignore it, as do kernels where THP is
 * off). Loading a transducer is mostly malloc and first touches of fresh pages: measured on
 * the seed article's bare pipeline, page faults fall from 56,000 to 25,000 and its CPU time
 * by a fifth. A hugetlb setting of the caller's own is kept.
 */
export function stageEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const tunables = env.GLIBC_TUNABLES ?? '';
  if (tunables.includes('glibc.malloc.hugetlb=')) return env;
  return {
    ...env,
    GLIBC_TUNABLES: tunables ? `${tunables}:glibc.malloc.hugetlb=1` : 'glibc.malloc.hugetlb=1',
  };
}

/** SIGKILL to a stage; its subshell reaps it. A stage that already exited is no error. */
function killProcess(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {}
}

/**
 * Starts a pipeline of these stages: a local one, or one on the engine server (apertium.ts
 * chooses). `parallel`: how many of them the caller's pool runs at most (the server keeps as many).
 */
export type StartPipeline = (stages: readonly (readonly string[])[], parallel: number) => EnginePipeline;

export class ApertiumPipeline implements EnginePipeline {
  readonly #shell: ChildProcess;
  readonly #names: string[];
  /** Stage pids as their subshells report them; a stage that ended is removed. */
  readonly #pids = new Map<number, number>();
  readonly #input: Writable;
  readonly #exited: Promise<void>;
  #alive = true;
  #killing = false;
  #pending: PendingCall | undefined;
  #partial: Buffer[] = [];
  #status = '';
  #stderr = '';
  readonly #ends: StageEnd[] = [];

  /** `stages`: one argv per process, in pipeline order (see mode-commands.ts). */
  constructor(stages: readonly (readonly string[])[], env: NodeJS.ProcessEnv) {
    const argvs = stages.filter((argv) => argv.length > 0);
    if (argvs.length === 0) throw new Error('ApertiumPipeline: no stages');
    this.#names = argvs.map((argv) => path.basename(argv[0] ?? ''));
    this.#shell = spawn('/bin/sh', ['-c', launchScript(argvs)], {
      env: stageEnvironment(env),
      stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
    });
    const [input, output, stderr, status] = this.#shell.stdio as unknown as [
      Writable,
      Readable,
      Readable,
      Readable,
    ];
    this.#input = input;
    // EPIPE when a stage died: its exit is reported instead.
    this.#input.on('error', () => {});
    output.on('data', (chunk: Buffer) => this.#read(chunk));
    stderr.on('data', (chunk: Buffer) => {
      this.#stderr = (this.#stderr + chunk.toString('utf8')).slice(-STDERR_TAIL);
    });
    status.on('data', (chunk: Buffer) => this.#readStatus(chunk.toString('utf8')));
    this.#exited = new Promise<void>((resolve) => {
      this.#shell.on('error', (error) => {
        this.#stderr += error.message;
      });
      this.#shell.on('close', (code, signal) => {
        // The shell itself ended without a stage saying so (it could not start, or was killed).
        if (this.#alive) this.#stageEnded({ name: 'sh', code, signal });
        resolve();
      });
    }).then(() => {
      // The shell's stderr is read to its end by now.
      const cause = rootCause(this.#ends);
      const reason = cause ? describeEnd(cause, this.#stderr.trim()) : 'the Apertium pipeline was stopped';
      this.#fail(new PipelineExit(reason));
    });
  }

  /** Status lines from the stages' subshells: `pid <stage> <pid>`, `end <stage> <status>`. */
  #readStatus(text: string): void {
    const lines = (this.#status + text).split('\n');
    this.#status = lines.pop() ?? '';
    for (const line of lines) {
      const [kind, stage, value] = line.split(' ');
      const index = Number(stage);
      if (kind === 'pid') {
        this.#pids.set(index, Number(value));
        if (this.#killing) killProcess(Number(value));
      } else if (kind === 'end') {
        this.#pids.delete(index);
        this.#stageEnded(statusEnd(this.#names[index] ?? 'stage', Number(value)));
      }
    }
  }

  get alive(): boolean {
    return this.#alive;
  }

  /** Process ids of the stages still running, first to last (once their subshells have reported them). */
  get pids(): number[] {
    return [...this.#pids].sort(([a], [b]) => a - b).map(([, pid]) => pid);
  }

  /**
   * Writes the records and resolves with as many answers, in the order they arrived, or with fewer
   * as soon as the answer `isLast` recognises arrives (an engine that drops a record would
   * otherwise leave the call waiting forever).
   */
  exchange(payload: string, expected: number, isLast?: (record: string) => boolean): Promise<string[]> {
    if (this.#pending)
      return Promise.reject(new Error('ApertiumPipeline.exchange: a call is already running'));
    if (!this.#alive) return Promise.reject(new PipelineExit('the Apertium pipeline is not running'));
    if (expected === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      this.#pending = { expected, isLast, records: [], resolve, reject };
      this.#input.write(payload, 'utf8');
    });
  }

  #read(chunk: Buffer): void {
    let start = 0;
    for (let nul = chunk.indexOf(0); nul !== -1; nul = chunk.indexOf(0, start)) {
      this.#partial.push(chunk.subarray(start, nul));
      // Split on bytes, decode whole records: a NUL byte is never inside a UTF-8 sequence.
      const record = Buffer.concat(this.#partial).toString('utf8');
      this.#partial = [];
      start = nul + 1;
      // Stages add bare NULs of their own at end of input; a real answer is never empty.
      if (record !== '') this.#deliver(record);
    }
    if (start < chunk.length) this.#partial.push(chunk.subarray(start));
  }

  #deliver(record: string): void {
    const call = this.#pending;
    if (!call) {
      // Output nobody asked for: the stream is out of step; never reuse it.
      this.kill();
      return;
    }
    call.records.push(record);
    if (call.records.length === call.expected || call.isLast?.(record)) {
      this.#pending = undefined;
      call.resolve(call.records);
    }
  }

  /** The first stage to end unasked takes the pipeline down: the others would wait forever. */
  #stageEnded(end: StageEnd): void {
    if (!this.#killing) this.#ends.push(end);
    if (!this.#alive) return;
    this.#alive = false;
    const timer = setTimeout(() => this.kill(), SETTLE_MS);
    void this.#exited.then(() => clearTimeout(timer));
  }

  #fail(error: Error): void {
    const call = this.#pending;
    this.#pending = undefined;
    call?.reject(error);
  }

  /** Kills every stage (a stage not yet reported is killed when it is); a pending call rejects once they have all exited. */
  kill(): void {
    this.#alive = false;
    this.#killing = true;
    for (const pid of this.#pids.values()) killProcess(pid);
  }

  /**
   * Ends input so the stages exit in turn (a pending call is answered first); kills what is left
   * after `graceMs`. Resolves once all have exited. An idle pipeline owes nothing: the pool stops
   * it with `graceMs` 0, at once, instead of waiting for the end of input to pass stage by stage
   * (on a loaded machine each of the 24–29 stages waits its turn for a CPU).
   */
  async close(graceMs = 5_000): Promise<void> {
    this.#alive = false;
    this.#input.end();
    if (graceMs <= 0) this.kill();
    const timer = setTimeout(() => this.kill(), graceMs);
    await this.#exited;
    clearTimeout(timer);
  }
}
