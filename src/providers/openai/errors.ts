/**
 * Maps a failure of the OpenAI SDK to a Versio error: 429 and 5xx, timeouts and dropped
 * connections are retryable (with the server's Retry-After); a refused key is exit 3, an
 * exhausted quota (`insufficient_quota`) exit 4. The key never reaches a message.
 */
import type * as OpenAiSdk from 'openai';
import { ProviderError, QuotaError, RetryableError, type VersioError } from '../../errors.js';
import { retryAfterMs } from '../http/rate-limit-headers.js';
import { redactKey } from '../http/redact.js';

const KEY_HINT = 'Check OPENAI_API_KEY, or OPENAI_BASE_URL if you use another server.';

export function openaiError(
  error: unknown,
  sdk: typeof OpenAiSdk,
  context: { key: string; what: string; server: string },
): VersioError | Error {
  if (error instanceof sdk.APIUserAbortError)
    return new DOMException('The translation was aborted', 'AbortError');
  if (error instanceof Error && error.name === 'AbortError') return error;
  const message = redact(error instanceof Error ? error.message : String(error), context.key);
  const cause = new Error(message);
  if (error instanceof sdk.APIConnectionError) {
    // Covers APIConnectionTimeoutError: a hung or dropped connection is worth another attempt.
    return new RetryableError(`cannot reach ${context.server} while ${context.what}: ${message}`, {
      cause,
      reason: error instanceof sdk.APIConnectionTimeoutError ? 'timeout' : 'connection error',
    });
  }
  if (!(error instanceof sdk.APIError)) {
    return new ProviderError(`${context.server} failed while ${context.what}: ${message}`, { cause });
  }
  const status = error.status;
  if (status === 429 && (error.code === 'insufficient_quota' || /quota/i.test(error.type ?? ''))) {
    return new QuotaError(`${context.server}: quota exceeded (429 insufficient_quota)`, {
      cause,
      hint: 'Finished segments are kept; add credit or raise the limit, then run the same command again.',
    });
  }
  if (status === 429) {
    return new RetryableError(`${context.server} is limiting the request rate (429)`, {
      cause,
      reason: '429',
      rateLimited: true,
      retryAfterMs: retryAfterMs(error.headers),
    });
  }
  if (status !== undefined && status >= 500) {
    return new RetryableError(`${context.server} server error (${status}) while ${context.what}`, {
      cause,
      reason: String(status),
      retryAfterMs: retryAfterMs(error.headers),
    });
  }
  if (status === 401 || status === 403) {
    return new ProviderError(`${context.server} rejected the API key (${status})`, { cause, hint: KEY_HINT });
  }
  if (status === 404) {
    return new ProviderError(`${context.server}: model or endpoint not found (404): ${message}`, {
      cause,
      hint: 'Check --model (the server lists its models at /v1/models) and OPENAI_BASE_URL (it ends in /v1).',
    });
  }
  return new ProviderError(
    `${context.server} refused the request (${status}) while ${context.what}: ${message}`,
    {
      cause,
    },
  );
}

/** True when a refusal says the server does not support the requested `response_format`. */
export function isFormatRefusal(error: unknown, sdk: typeof OpenAiSdk): boolean {
  if (!(error instanceof sdk.APIError) || error.status === undefined) return false;
  if (error.status === 429 || error.status === 401 || error.status === 403) return false;
  return /response_format|json_schema|json_object|structured|grammar/i.test(error.message);
}

function redact(text: string, key: string): string {
  return redactKey(text, key, 'Bearer');
}
