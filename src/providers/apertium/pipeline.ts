/**
 * One warm Apertium pipeline: every stage of both legs (fr-es, then spa-eng) in
 * null-flush mode, each stage a child process whose stdout feeds the next one's stdin.
 * Each NUL-terminated record written in comes back as one NUL-terminated record, and
 * the processes stay up between calls, so the transducers load once per pipeline.
 *
 * Node plumbs the stages itself (as Apertium-APy does) rather than a `bash -c 'a | b'`:
 * bash would keep waiting on the other stages when one dies, stdout would stay open and
 * the call would hang; here the first stage to exit takes the others down and fails the call.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';

/** Rejection when the pipeline dies with records still owed. */
export class PipelineExit extends Error {}

interface PendingCall {
  expected: number;
  /** The batch's closing record: arriving early means the engine dropped records on the way. */
  isLast: ((record: string) => boolean) | undefined;
  records: string[];
  resolve: (records: string[]) => void;
  reject: (error: Error) => void;
}

interface StageEnd {
  name: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

const STDERR_TAIL = 1_000;
/**
 * When one stage dies, its neighbours follow (EOF downstream, SIGPIPE upstream); wait this
 * long for them before killing the rest, so the error names the stage that died first.
 */
const SETTLE_MS = 250;

/** The end that explains the others: a signal other than SIGPIPE, then an error code. */
function rootCause(ends: readonly StageEnd[]): StageEnd | undefined {
  const rank = (end: StageEnd) =>
    end.signal && end.signal !== 'SIGPIPE' ? 0 : end.code ? 1 : end.signal ? 2 : 3;
  return [...ends].sort((a, b) => rank(a) - rank(b))[0];
}

function describeEnd(end: StageEnd): string {
  const how = end.signal ? `was killed (${end.signal})` : `exited with code ${end.code}`;
  return `${end.name} ${how}${end.stderr ? `: ${end.stderr}` : ''}`;
}

export class ApertiumPipeline {
  readonly #stages: ChildProcess[] = [];
  readonly #input: Writable;
  readonly #exited: Promise<void>;
  #alive = true;
  #killing = false;
  #pending: PendingCall | undefined;
  #partial: Buffer[] = [];
  readonly #ends: StageEnd[] = [];

  /** `stages`: one argv per process, in pipeline order (see mode-commands.ts). */
  constructor(stages: readonly (readonly string[])[], env: NodeJS.ProcessEnv) {
    let upstream: Readable | 'pipe' = 'pipe';
    const exits: Promise<void>[] = [];
    for (const [command, ...args] of stages) {
      if (command === undefined) continue;
      const child = spawn(command, args, { env, stdio: [upstream, 'pipe', 'pipe'] });
      // The child holds its own copy of the upstream pipe; ours would only keep it open.
      if (upstream !== 'pipe') upstream.destroy();
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => {
        stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_TAIL);
      });
      const name = path.basename(command);
      exits.push(
        new Promise((resolve) => {
          child.on('error', (error) => {
            stderr += error.message;
          });
          child.on('close', (code, signal) => {
            this.#stageEnded({ name, code, signal, stderr: stderr.trim() });
            resolve();
          });
        }),
      );
      this.#stages.push(child);
      upstream = child.stdout as Readable;
    }
    const first = this.#stages[0];
    if (!first?.stdin || upstream === 'pipe') throw new Error('ApertiumPipeline: no stages');
    this.#input = first.stdin;
    // EPIPE when a stage died: its exit is reported instead.
    this.#input.on('error', () => {});
    upstream.on('data', (chunk: Buffer) => this.#read(chunk));
    this.#exited = Promise.all(exits).then(() => {
      const cause = rootCause(this.#ends);
      const reason = cause ? describeEnd(cause) : 'the Apertium pipeline was stopped';
      this.#fail(new PipelineExit(reason));
    });
  }

  get alive(): boolean {
    return this.#alive;
  }

  /** Process ids of the stages, first to last. */
  get pids(): number[] {
    return this.#stages.flatMap((stage) => (stage.pid === undefined ? [] : [stage.pid]));
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

  /** Kills every stage; a pending call rejects once they have all exited. */
  kill(): void {
    this.#alive = false;
    this.#killing = true;
    for (const stage of this.#stages) {
      if (stage.exitCode === null && stage.signalCode === null) stage.kill('SIGKILL');
    }
  }

  /** Ends input so the stages exit in turn; kills what is left after `graceMs`. Resolves once all have exited. */
  async close(graceMs = 5_000): Promise<void> {
    this.#alive = false;
    this.#input.end();
    const timer = setTimeout(() => this.kill(), graceMs);
    await this.#exited;
    clearTimeout(timer);
  }
}
