import { ProviderError, RetriesExhaustedError, RetryableError } from '../errors.js';
import type { Provider, SourceText, TranslateResult } from '../providers/provider.js';
import { fullJitter } from './backoff.js';
import { makeBatches } from './batches.js';
import { Scheduler, sleep } from './scheduler.js';

/**
 * Progress as data: `batch-done` after `onBatch` stored a batch; `batch-retry` when attempt
 * `attempt` (1-based) of a batch failed and the next one starts after `delayMs` (for a 429, the
 * lane's pause: every request to the engine waits as long).
 */
export type QueueEvent =
  | { type: 'batch-done'; ids: string[] }
  | { type: 'batch-retry'; ids: string[]; attempt: number; delayMs: number; reason: string };

export interface TranslateAllOptions {
  /** Aborting stops scheduling; in-flight batches settle (and are delivered), then the reason is thrown. */
  signal: AbortSignal;
  /** Awaited as soon as a batch returns, so finished work is kept even if a later batch fails. */
  onBatch: (batch: readonly SourceText[], result: TranslateResult) => void | Promise<void>;
  onEvent?: (e: QueueEvent) => void;
  /**
   * The run's scheduler for this provider, shared by every document so pacing holds across
   * `--jobs`; without it, this call gets a lane of its own (one document, tests).
   */
  scheduler?: Scheduler;
  /**
   * Called once, when the first request of every batch has left the lane's queue (started), so
   * the caller can queue the next document's work behind the requests still in flight.
   */
  onQueued?: () => void;
  random?: () => number;
}

/**
 * Translates one document's `texts` in batches through the provider's lane, retrying what is
 * worth retrying: 429s within `retry.budgetMs` of a batch's first one, other retryable failures
 * up to `retry.maxAttempts`. A batch past its budget fails the document with
 * RetriesExhaustedError once its other batches are done (their work is delivered). Any other
 * error (quota 456, bad key 403, onBatch failing) stops new requests of the document at once;
 * batches in flight finish and are delivered; then it is thrown.
 */
export async function translateAll(
  provider: Provider,
  texts: readonly SourceText[],
  options: TranslateAllOptions,
): Promise<void> {
  const { signal } = options;
  signal.throwIfAborted();
  const scheduler = options.scheduler ?? new Scheduler(provider, options.random);
  const policy = scheduler.retry;
  const random = options.random ?? Math.random;
  const batches = makeBatches(texts, provider.limits);
  // Aborted when this document stops, so its requests waiting in the shared lane leave it.
  const local = new AbortController();
  let fatal: { error: unknown } | undefined;
  let exhausted: RetriesExhaustedError | undefined;
  const stop = (error: unknown) => {
    fatal ??= { error };
    local.abort(error);
  };
  const onAbort = () => stop(signal.reason);
  signal.addEventListener('abort', onAbort, { once: true });
  let waitingToStart = batches.length;
  const started = () => {
    waitingToStart -= 1;
    if (waitingToStart === 0) options.onQueued?.();
  };

  const runBatch = async (batch: readonly SourceText[]) => {
    const ids = batch.map((t) => t.id);
    let failures = 0;
    let firstLimitedAt: number | undefined;
    for (let n = 1; !fatal; n++) {
      let result: TranslateResult;
      try {
        result = await scheduler.run(
          async (hooks) => {
            if (n === 1) started();
            try {
              return await provider.translate(batch, signal, hooks);
            } catch (error) {
              // Stop here, before the lane starts our next request, so a 456 or 403 is the last.
              if (!(error instanceof RetryableError)) stop(error);
              throw error;
            }
          },
          { signal: local.signal, retry: n > 1 },
        );
      } catch (error) {
        if (fatal) return;
        if (!(error instanceof RetryableError)) return stop(error);
        let delayMs: number;
        if (error.rateLimited) {
          const now = Date.now();
          firstLimitedAt ??= now;
          delayMs = scheduler.rateLimited(error);
          if (now + delayMs - firstLimitedAt > policy.budgetMs) {
            exhausted ??= gaveUp(provider.name, ids, error, `${seconds(now - firstLimitedAt)} of 429s`);
            return;
          }
          // The lane is paused: the scheduler holds the retry (and every other request) until then.
          options.onEvent?.({ type: 'batch-retry', ids, attempt: n, delayMs, reason: error.reason });
          continue;
        }
        failures += 1;
        if (failures >= policy.maxAttempts) {
          exhausted ??= gaveUp(provider.name, ids, error, `${failures} attempts`);
          return;
        }
        delayMs = fullJitter(failures, policy, random);
        options.onEvent?.({ type: 'batch-retry', ids, attempt: n, delayMs, reason: error.reason });
        try {
          await sleep(delayMs, local.signal);
        } catch {
          return;
        }
        continue;
      }
      scheduler.succeeded();
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
  if (fatal) throw fatal.error;
  if (exhausted) throw exhausted;
}

function gaveUp(
  provider: string,
  ids: string[],
  error: RetryableError,
  after: string,
): RetriesExhaustedError {
  return new RetriesExhaustedError(`${error.message} (segments ${span(ids)}; gave up after ${after})`, {
    hint: error.hint ?? `${provider} kept failing; try again later, or raise --retry-budget or lower --rate.`,
    cause: error,
  });
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function span(ids: readonly string[]): string {
  return ids.length > 1 ? `${ids[0]}…${ids[ids.length - 1]}` : (ids[0] ?? '');
}
