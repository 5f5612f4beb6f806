/**
 * What an HTTP API says about its rate limit, read from response headers, for the providers
 * that speak plain HTTP (OpenAI-compatible servers, LibreTranslate):
 * - `Retry-After` (RFC 9110 §10.2.3: seconds or an HTTP-date), and OpenAI's `retry-after-ms`;
 * - OpenAI's `x-ratelimit-remaining-requests|tokens` and `x-ratelimit-reset-requests|tokens`
 *   (durations such as `1s`, `6m0s`, `20ms`).
 */
import { parseRetryAfter } from './retry-after.js';

type HeaderGetter = { get(name: string): string | null } | undefined;

/** How long the server asks us to wait before the next request, in ms, when it says so. */
export function retryAfterMs(headers: HeaderGetter, now = Date.now()): number | undefined {
  const ms = headers?.get('retry-after-ms');
  if (ms && /^\d+(\.\d+)?$/.test(ms.trim())) return Math.ceil(Number(ms));
  const after = parseRetryAfter(headers?.get('retry-after') ?? undefined, now);
  if (after !== undefined) return after;
  return exhaustedFor(headers);
}

/**
 * When a successful answer says no request (or token) is left in the window, how long until it
 * resets: the next request waits that long instead of collecting a 429.
 */
export function exhaustedFor(headers: HeaderGetter): number | undefined {
  let wait: number | undefined;
  for (const kind of ['requests', 'tokens']) {
    const remaining = headers?.get(`x-ratelimit-remaining-${kind}`);
    if (remaining === null || remaining === undefined || Number(remaining.trim()) > 0) continue;
    const reset = parseDuration(headers?.get(`x-ratelimit-reset-${kind}`) ?? undefined);
    if (reset !== undefined) wait = Math.max(wait ?? 0, reset);
  }
  return wait;
}

/** `1s`, `6m0s`, `1h2m3.5s`, `20ms`, or plain seconds, to ms. */
export function parseDuration(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.ceil(Number(text) * 1000);
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text) return undefined;
  const unit = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 } as const;
  return Math.ceil(parts.reduce((sum, p) => sum + Number(p[1]) * unit[p[2] as keyof typeof unit], 0));
}
