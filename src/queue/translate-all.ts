import PQueue from 'p-queue';
import { ProviderError } from '../errors.js';
import type { Provider, SourceText, TranslateResult } from '../providers/provider.js';
import { retryDelay } from './backoff.js';
import { makeBatches } from './batches.js';
import type { QueueOptions } from './options.js';
import { RetryableError } from './retryable.js';

/**
 * Progress as data: `batch-done` after `onBatch` stored a batch; `batch-retry` when attempt
 * `attempt` (1-based) of a batch failed and the next one starts after `delayMs`.
 */
export type QueueEvent =
  | { type: 'batch-done'; ids: string[] }
  | { type: 'batch-retry'; ids: string[]; attempt: number; delayMs: number; reason: string };

export interface TranslateAllOptions extends QueueOptions {
  /** Aborting stops scheduling; in-flight batches settle (and are delivered), then the reason is thrown. */
  signal: AbortSignal;
  /** Awaited as soon as a batch returns, so finished work is kept even if a later batch fails. */
  onBatch: (batch: readonly SourceText[], result: TranslateResult) => void | Promise<void>;
  onEvent?: (e: QueueEvent) => void;
  /**
   * The run's shared request queue (createRequestQueue), so concurrency and the rate limit hold
   * across every document translated at once; without it, this call paces only itself.
   */
  requests?: PQueue;
}

/** One request queue for a whole run: every translateAll call of the run shares its pace. */
export function createRequestQueue(options: QueueOptions): PQueue {
  return new PQueue({
    concurrency: options.concurrency,
    intervalCap: options.intervalCap,
    interval: options.intervalMs,
  });
}

const SKIPPED = Symbol('skipped');

/**
 * Translates `texts` in batches through a rate-limited queue, retrying what is worth retrying.
 * A fatal error (quota 456, bad key 403, attempts exhausted, onBatch failing) stops new
 * requests at once; batches already in flight finish and are delivered; then it is thrown.
 */
export async function translateAll(
  provider: Provider,
  texts: readonly SourceText[],
  options: TranslateAllOptions,
): Promise<void> {
  const { signal } = options;
  signal.throwIfAborted();
  const batches = makeBatches(texts, provider.limits);
  const queue = options.requests ?? createRequestQueue(options);
  const ownQueue = options.requests === undefined;
  let stopped = false;
  let fatal: unknown;
  // Callers of queued attempts and sleeping retries, released at once when the run stops.
  const waiters = new Set<() => void>();

  const stop = (error: unknown) => {
    if (stopped) return;
    stopped = true;
    fatal = error;
    // A shared queue also holds other documents' requests; ours left in it return at once (stopped).
    if (ownQueue) queue.clear();
    for (const release of waiters) release();
    waiters.clear();
  };
  const onAbort = () => stop(signal.reason);
  signal.addEventListener('abort', onAbort, { once: true });

  const attempt = (batch: readonly SourceText[], retry: boolean) =>
    new Promise<TranslateResult | typeof SKIPPED>((resolve, reject) => {
      const release = () => resolve(SKIPPED);
      waiters.add(release);
      const task = async () => {
        waiters.delete(release);
        if (stopped) return SKIPPED;
        try {
          return await provider.translate(batch, signal);
        } catch (error) {
          // Stop here, before p-queue starts the next task, so a 456 or 403 is the last request.
          if (!(error instanceof RetryableError)) stop(error);
          throw error;
        }
      };
      // Retries go first: they were scheduled earlier and the caller is waiting on them.
      queue.add(task, { priority: retry ? 1 : 0 }).then(resolve, reject);
    });

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        waiters.delete(done);
        resolve();
      }
      waiters.add(done);
    });

  const runBatch = async (batch: readonly SourceText[]) => {
    const ids = batch.map((t) => t.id);
    for (let n = 1; !stopped; n++) {
      let result: TranslateResult | typeof SKIPPED;
      try {
        result = await attempt(batch, n > 1);
      } catch (error) {
        if (stopped || !(error instanceof RetryableError)) return stop(error);
        if (n >= options.maxAttempts) return stop(gaveUp(provider.name, ids, n, error));
        const delayMs = retryDelay(error, n, options);
        options.onEvent?.({ type: 'batch-retry', ids, attempt: n, delayMs, reason: error.reason });
        await sleep(delayMs);
        continue;
      }
      if (result === SKIPPED) return;
      if (result.texts.length !== batch.length) {
        return stop(
          new ProviderError(
            `${provider.name} returned ${result.texts.length} translations for ${batch.length} texts (${span(ids)})`,
          ),
        );
      }
      try {
        await options.onBatch(batch, result);
      } catch (error) {
        return stop(error);
      }
      options.onEvent?.({ type: 'batch-done', ids });
      return;
    }
  };

  try {
    await Promise.all(batches.map(runBatch));
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
  if (stopped) throw fatal;
}

function gaveUp(provider: string, ids: string[], attempts: number, error: RetryableError): ProviderError {
  return new ProviderError(`${error.message} (segments ${span(ids)}; gave up after ${attempts} attempts)`, {
    hint: error.hint ?? `${provider} kept failing; try again later or lower the request rate.`,
    cause: error,
  });
}

function span(ids: readonly string[]): string {
  return ids.length > 1 ? `${ids[0]}…${ids[ids.length - 1]}` : (ids[0] ?? '');
}
