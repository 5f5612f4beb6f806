import type { Pacing, RetryPolicy } from '../provider.js';

/**
 * Pacing defaults. DeepL's documentation gives no request rate for either plan: its error-handling
 * guide only says a 429 comes "when sending many API requests in a short period of time" and asks
 * for retries with exponential backoff. A DeepL maintainer advised "to limit your usage to 50
 * requests per second" (DeepLcom/deepl-node#33) and measured 20 sustained without errors. Pro
 * stays at that 20/s with 8 in flight; Free, whose limits DeepL keeps lower and unpublished,
 * at 5/s with 2 in flight. A 429 still pauses the lane and lowers the rate (queue/scheduler.ts).
 */
export const DEEPL_PACING: { free: Pacing; pro: Pacing } = {
  free: { concurrency: 2, rate: 5, windowMs: 1000 },
  pro: { concurrency: 8, rate: 20, windowMs: 1000 },
};

/**
 * Retry defaults: 429s for up to 10 minutes per batch (DeepL's limits pass), Retry-After capped
 * at 60 s; 5 attempts from 1 s to 30 s for 5xx and dropped connections; 30 s per request.
 */
export const DEEPL_RETRY: RetryPolicy = {
  budgetMs: 600_000,
  maxRetryAfterMs: 60_000,
  maxAttempts: 5,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  timeoutMs: 30_000,
};
