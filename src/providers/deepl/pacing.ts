import { HTTP_ENGINE_RETRY, type Pacing, type RetryPolicy } from '../provider.js';

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

/** Retry defaults: those of every HTTP engine (provider.ts), with DeepL's 30 s per request. */
export const DEEPL_RETRY: RetryPolicy = HTTP_ENGINE_RETRY;
