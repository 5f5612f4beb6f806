/**
 * `versio worker`: takes engine requests from the BullMQ queue of one provider and runs them
 * through the same provider code as a local `translate`. Every worker of a provider shares:
 * - one concurrency (`setGlobalConcurrency`) and one rate limit over a sliding window
 *   (sliding-window.ts), both from the provider's pacing and held by Redis for all machines;
 * - one pause: a 429 pauses the whole queue for its Retry-After (capped), through
 *   `queue.rateLimit` + `RateLimitError`, which does not use up the job's attempts;
 * - stalled-job recovery: a worker that dies mid-job loses its lock, and another takes the job.
 * A fatal error (bad key 403, quota 456) fails the job at once with its exit code.
 */
import type { Job, Queue, Worker } from 'bullmq';
import { RetryableError, VersioError } from '../errors.js';
import { type ProviderName, providers } from '../providers/index.js';
import type { Pacing, PacingOverrides, Provider, ProviderTerm } from '../providers/provider.js';
import {
  failureText,
  glossaryKey,
  limitedKey,
  queueName,
  type RequestJobData,
  type RequestJobResult,
} from './jobs.js';
import { connectRedis, redisError, redisName } from './redis-connection.js';
import { finishSlot, sentSlot, takeSlot } from './sliding-window.js';

export interface WorkerRunOptions {
  redisUrl: string;
  provider: ProviderName;
  /** Jobs this worker runs at once (the queue's global concurrency still bounds all workers). */
  concurrency: number;
  /**
   * The engine's pacing and retry settings (`--rate`, versio.config.json): they bind every
   * worker together, so each worker of a provider should be given the same.
   */
  overrides?: PacingOverrides;
  /** Lock of a running job; a worker silent for longer is taken for dead (ms). */
  lockMs?: number;
  env: NodeJS.ProcessEnv;
  signal: AbortSignal;
  onEvent?: (event: WorkerEvent) => void;
}

export type WorkerEvent =
  | { type: 'ready'; queue: string }
  | { type: 'job-done'; id: string; texts: number }
  | { type: 'job-retry'; id: string; reason: string }
  | { type: 'paused'; ms: number };

/** Default pacing for engines that declare none (local engines: no rate limit to share). */
const UNPACED: Pacing = { concurrency: 4, rate: 1000, windowMs: 1000 };

export async function runWorker(options: WorkerRunOptions): Promise<void> {
  const name = redisName(options.redisUrl);
  const { Queue, Worker, RateLimitError, UnrecoverableError } = await import('bullmq');
  const connection = await connectRedis(options.redisUrl);
  const queue: Queue = new Queue(queueName(options.provider), { connection });
  queue.on('error', () => undefined);
  const engines = new Map<string, Promise<Provider>>();
  const terms = new Map<string, ProviderTerm[]>();

  const engineFor = async (data: RequestJobData): Promise<Provider> => {
    const key = JSON.stringify(data.options);
    let engine = engines.get(key);
    if (!engine) {
      const providerTerms = data.options.glossaryHash ? await termsFor(data.options.glossaryHash) : undefined;
      engine = providers[options.provider]({
        sourceLang: data.options.sourceLang,
        targetLang: data.options.targetLang,
        ...(data.options.formality ? { formality: data.options.formality } : {}),
        ...(data.options.style ? { style: data.options.style } : {}),
        ...(data.options.model ? { model: data.options.model } : {}),
        ...(providerTerms ? { providerTerms } : {}),
        ...(options.overrides ? { overrides: options.overrides } : {}),
        env: options.env,
      });
      engines.set(key, engine);
      const pacing = (await engine).pacing ?? UNPACED;
      await queue.setGlobalConcurrency(pacing.concurrency);
    }
    return engine;
  };

  const termsFor = async (hash: string): Promise<ProviderTerm[]> => {
    const known = terms.get(hash);
    if (known) return known;
    const json = await connection.get(glossaryKey(hash));
    if (json === null) throw new UnrecoverableError(failureText(2, `glossary ${hash} is not in Redis`));
    const parsed = JSON.parse(json) as ProviderTerm[];
    terms.set(hash, parsed);
    return parsed;
  };

  const lockMs = options.lockMs ?? 30_000;
  const controller = new AbortController();
  const processor = async (job: Job<RequestJobData, RequestJobResult>): Promise<RequestJobResult> => {
    if (job.data.provider !== options.provider) {
      throw new UnrecoverableError(
        failureText(2, `job for ${job.data.provider} on a ${options.provider} worker`),
      );
    }
    const engine = await engineFor(job.data);
    const pacing = engine.pacing ?? UNPACED;
    const { wait, member } = await takeSlot(connection, queueName(options.provider), pacing, lockMs);
    if (wait > 0) {
      // No start slot free in the shared window: every worker waits, the job goes back to the queue.
      await queue.rateLimit(wait);
      throw new RateLimitError();
    }
    const sent = () =>
      void sentSlot(connection, queueName(options.provider), pacing, member).catch(() => undefined);
    const finished = () =>
      finishSlot(connection, queueName(options.provider), pacing, member).catch(() => undefined);
    try {
      // A server that says its window is spent (OpenAI's x-ratelimit headers) pauses every worker.
      const pause = (ms: number) =>
        void queue.rateLimit(Math.min(ms, engine.retry.maxRetryAfterMs)).catch(() => undefined);
      const result = await engine
        .translate(job.data.texts, controller.signal, { sent, pause })
        .finally(finished);
      await connection.del(limitedKey(queueName(options.provider), String(job.id))).catch(() => undefined);
      options.onEvent?.({ type: 'job-done', id: String(job.id), texts: job.data.texts.length });
      return result;
    } catch (error) {
      if (error instanceof RetryableError && error.rateLimited) {
        const { budgetMs, maxRetryAfterMs } = engine.retry;
        const ms = Math.min(error.retryAfterMs ?? 1000, maxRetryAfterMs);
        // 429s are retried within a time budget from the job's first one, whichever worker met it;
        // the mark outlives the budget (the job fails at its first 429 past it), then expires.
        const now = Date.now();
        const limited = limitedKey(queueName(options.provider), String(job.id));
        await connection.set(limited, String(now), 'PX', 2 * budgetMs + maxRetryAfterMs, 'NX');
        const first = Number((await connection.get(limited)) ?? now);
        if (now + ms - first > budgetMs) {
          await connection.del(limited).catch(() => undefined);
          throw new UnrecoverableError(
            failureText(3, `${error.message} (${Math.round((now - first) / 1000)} s of 429s)`, true),
          );
        }
        options.onEvent?.({ type: 'paused', ms });
        await queue.rateLimit(ms);
        throw new RateLimitError();
      }
      if (error instanceof RetryableError) {
        options.onEvent?.({ type: 'job-retry', id: String(job.id), reason: error.reason });
        throw new Error(failureText(error.exitCode, error.message, true));
      }
      if (error instanceof VersioError)
        throw new UnrecoverableError(failureText(error.exitCode, error.message));
      throw error;
    }
  };

  const blocking = connection.duplicate();
  blocking.on('error', () => undefined);
  const worker: Worker = new Worker(queueName(options.provider), processor, {
    connection: blocking,
    concurrency: options.concurrency,
    lockDuration: options.lockMs ?? 30_000,
    stalledInterval: Math.max(1000, Math.floor((options.lockMs ?? 30_000) / 2)),
    autorun: false,
  });
  let failure: unknown;
  worker.on('error', (error) => {
    failure ??= error;
  });
  const stopped = new Promise<void>((resolve) => {
    const stop = () => resolve();
    options.signal.addEventListener('abort', stop, { once: true });
    connection.on('end', () => {
      failure ??= new Error('connection closed');
      resolve();
    });
  });
  void worker.run();
  await worker.waitUntilReady().catch((error: unknown) => {
    throw redisError(name, error);
  });
  options.onEvent?.({ type: 'ready', queue: queueName(options.provider) });
  await stopped;
  controller.abort();
  await worker.close(true).catch(() => undefined);
  await queue.close().catch(() => undefined);
  for (const engine of engines.values()) await (await engine).close().catch(() => undefined);
  blocking.disconnect();
  connection.disconnect();
  if (failure && !options.signal.aborted) throw redisError(name, failure);
}
