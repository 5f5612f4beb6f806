import type { QueueOptions } from './options.js';
import type { RetryableError } from './retryable.js';

/**
 * Delay before attempt `attempt + 1` after a retryable failure of attempt `attempt` (1-based).
 * The server's Retry-After wins when given; otherwise exponential backoff with full jitter
 * (a random delay in [0, min(max, base·2^(attempt-1))]), which spreads concurrent retries
 * (AWS Architecture Blog, "Exponential Backoff And Jitter").
 */
export function retryDelay(
  error: RetryableError,
  attempt: number,
  options: Pick<QueueOptions, 'baseDelayMs' | 'maxDelayMs'>,
  random: () => number = Math.random,
): number {
  if (error.retryAfterMs !== undefined) return error.retryAfterMs;
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(random() * ceiling);
}
