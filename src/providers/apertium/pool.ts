/**
 * A pool of at most `size` warm pipelines, started on demand. A call borrows a free
 * pipeline (or waits for one), so concurrent `translate` calls run side by side; a
 * pipeline that died or was killed is dropped and a fresh one started for later calls.
 */
import { ProviderError } from '../../errors.js';
import type { EnginePipeline } from './pipeline.js';
import { batchPayload, decodeRecord, isClosingRecord } from './stream-format.js';

/**
 * Words through a pipeline of `pool`, one record each and a closing one, in one exchange: per word,
 * the answer (unknown-word marks kept), or undefined when its record came back out of step. The
 * whole call is undefined when the pipeline failed: look-ups are extras (the unknown-word repair,
 * the location analyser), and a failed one is asked again next time. An abort still throws.
 */
export async function lookUpWords(
  pool: PipelinePool,
  words: readonly string[],
  signal: AbortSignal,
): Promise<(string | undefined)[] | undefined> {
  const payload = batchPayload(words);
  const isClosing = (record: string) => isClosingRecord(record, words.length);
  let records: string[];
  try {
    records = await pool.use(signal, (pipeline) => pipeline.exchange(payload, words.length + 1, isClosing));
  } catch (error) {
    if (signal.aborted) throw error;
    return undefined;
  }
  return words.map((word, i) => {
    const decoded = decodeRecord(records[i] ?? '', word, true);
    return decoded?.index === i ? decoded.text : undefined;
  });
}

interface Waiter {
  resolve: (pipeline: EnginePipeline) => void;
  reject: (error: unknown) => void;
}

export class PipelinePool {
  readonly #size: number;
  readonly #start: () => EnginePipeline;
  readonly #idle: EnginePipeline[] = [];
  readonly #all = new Set<EnginePipeline>();
  readonly #waiters: Waiter[] = [];
  #closed = false;

  constructor(size: number, start: () => EnginePipeline) {
    this.#size = Math.max(1, Math.floor(size));
    this.#start = start;
  }

  /** Runs `work` on a pipeline of its own; gives the pipeline back (or drops it if dead) afterwards. */
  async use<T>(signal: AbortSignal, work: (pipeline: EnginePipeline) => Promise<T>): Promise<T> {
    const pipeline = await this.#acquire(signal);
    try {
      return await work(pipeline);
    } finally {
      this.#release(pipeline);
    }
  }

  /**
   * Starts a pipeline ahead of the first call (when none runs yet), so that its processes load
   * their transducers while other work goes on; the first call then finds it idle.
   */
  warm(): void {
    if (!this.#closed && this.#all.size === 0) this.#idle.push(this.#spawn());
  }

  /** Takes over a pipeline started before the pool (prestart.ts), as if the pool had started it. */
  adopt(pipeline: EnginePipeline): void {
    if (this.#closed || this.#all.size >= this.#size) {
      void pipeline.close(0);
      return;
    }
    this.#all.add(pipeline);
    this.#idle.push(pipeline);
  }

  /** Pipelines currently running (for tests and diagnostics). */
  get pipelines(): readonly EnginePipeline[] {
    return [...this.#all];
  }

  #acquire(signal: AbortSignal): Promise<EnginePipeline> {
    if (this.#closed) return Promise.reject(new ProviderError('the Apertium provider is closed'));
    signal.throwIfAborted();
    for (let pipeline = this.#idle.pop(); pipeline; pipeline = this.#idle.pop()) {
      if (pipeline.alive) return Promise.resolve(pipeline);
      this.#all.delete(pipeline);
    }
    if (this.#all.size < this.#size) return Promise.resolve(this.#spawn());
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        resolve: (pipeline) => {
          signal.removeEventListener('abort', onAbort);
          resolve(pipeline);
        },
        reject,
      };
      const onAbort = () => {
        this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
        reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.#waiters.push(waiter);
    });
  }

  #spawn(): EnginePipeline {
    const pipeline = this.#start();
    this.#all.add(pipeline);
    return pipeline;
  }

  #release(pipeline: EnginePipeline): void {
    if (!pipeline.alive || this.#closed) {
      this.#all.delete(pipeline);
      pipeline.kill();
      if (this.#closed) return;
    }
    const next = this.#waiters.shift();
    if (next) {
      next.resolve(pipeline.alive ? pipeline : this.#spawn());
    } else if (pipeline.alive) {
      this.#idle.push(pipeline);
    }
  }

  /** Ends every pipeline (a busy one answers its call first, an idle one is killed) and waits until all their processes have exited. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const waiter of this.#waiters.splice(0))
      waiter.reject(new ProviderError('the Apertium provider is closed'));
    const idle = new Set(this.#idle.splice(0));
    const all = [...this.#all];
    this.#all.clear();
    // An idle pipeline is stopped at once; a busy one answers its call first.
    await Promise.all(all.map((pipeline) => pipeline.close(idle.has(pipeline) ? 0 : undefined)));
  }
}
