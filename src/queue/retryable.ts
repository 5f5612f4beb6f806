import { ProviderError } from '../errors.js';

/**
 * A provider failure worth another attempt: rate limiting (429), a server error (5xx), a
 * dropped or timed-out connection. Providers throw it; the queue retries it and turns the
 * last one into a plain ProviderError. Any other error stops the run.
 */
export class RetryableError extends ProviderError {
  /** Short reason for progress events (`429`, `503`, `connection reset`). */
  readonly reason: string;
  /** The server's Retry-After in ms, when it sent one. */
  readonly retryAfterMs: number | undefined;
  constructor(
    message: string,
    options: { reason: string; retryAfterMs?: number; hint?: string; cause?: unknown },
  ) {
    super(message, options);
    this.reason = options.reason;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/**
 * Parses an HTTP Retry-After value (RFC 9110 §10.2.3: delay-seconds or an HTTP-date) into ms.
 */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
