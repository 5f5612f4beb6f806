/** How the queue paces and retries provider requests. */
export interface QueueOptions {
  /** Requests in flight at once. */
  concurrency: number;
  /** Most requests started per `intervalMs` window (Infinity: no rate limit). */
  intervalCap: number;
  /** Length of the rate-limit window in ms (0 with an infinite cap: no rate limit). */
  intervalMs: number;
  /** Attempts per batch, the first included, before a retryable failure becomes fatal. */
  maxAttempts: number;
  /** First backoff ceiling in ms; attempt n waits a random delay in [0, base·2^(n-1)] ("full jitter"). */
  baseDelayMs: number;
  /** Cap of the backoff ceiling in ms. A server's Retry-After is honoured as given, not capped. */
  maxDelayMs: number;
}

/**
 * Defaults per engine.
 * - `deepl`: DeepL Free. DeepL publishes no fixed request rate and answers 429 under load, so we
 *   stay gentle: 2 requests in flight, at most 5 started per second, 5 attempts with backoff
 *   from 1 s up to 30 s (a 14-sentence article is one request, so this rarely matters).
 * - local engines (apertium, pseudo): no rate limit, a few in flight, 2 attempts because a
 *   crashed process is restarted by the provider and a second failure is a real error.
 */
export function defaultQueueOptions(providerName: string): QueueOptions {
  // HTTP engines (DeepL, OpenAI-compatible servers, LibreTranslate) are paced and retried alike.
  if (providerName === 'deepl' || providerName === 'openai' || providerName === 'libretranslate') {
    return {
      concurrency: 2,
      intervalCap: 5,
      intervalMs: 1000,
      maxAttempts: 5,
      baseDelayMs: 1000,
      maxDelayMs: 30_000,
    };
  }
  return {
    concurrency: 4,
    intervalCap: Number.POSITIVE_INFINITY,
    intervalMs: 0,
    maxAttempts: 2,
    baseDelayMs: 100,
    maxDelayMs: 1000,
  };
}
