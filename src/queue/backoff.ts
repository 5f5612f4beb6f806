import type { RetryPolicy } from '../providers/provider.js';

/**
 * Delay before attempt `attempt + 1` after a failure of attempt `attempt` (1-based):
 * exponential backoff with full jitter, a random delay in [0, min(max, base·2^(attempt-1))],
 * which spreads concurrent retries (AWS Architecture Blog, "Exponential Backoff And Jitter").
 */
export function fullJitter(
  attempt: number,
  policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(random() * ceiling);
}
