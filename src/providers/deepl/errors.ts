import type * as DeeplNode from 'deepl-node';
import { InputError, ProviderError, QuotaError, RetryableError, type VersioError } from '../../errors.js';
import { redactKey } from '../http/redact.js';
import { parseRetryAfter } from '../http/retry-after.js';
import type { ResponseCapture } from './response-capture.js';

const KEY_HINT =
  "Check DEEPL_AUTH_KEY: DeepL Free keys end in ':fx'. For another server set DEEPL_SERVER_URL.";

/**
 * Maps a deepl-node failure to a Versio error. deepl-node errors may hold the axios request
 * (headers included, so the API key), so none is ever kept as `cause`: the cause is a new Error
 * with the redacted message.
 */
export function toVersioError(
  error: unknown,
  deepl: typeof DeeplNode,
  context: { key: string; capture: ResponseCapture; what: string },
): VersioError {
  const message = redact(error instanceof Error ? error.message : String(error), context.key);
  const cause = new Error(message);
  const status = context.capture.status;
  const options = { cause };
  if (error instanceof deepl.AuthorizationError || status === 403) {
    return new ProviderError('DeepL rejected the API key (403)', { ...options, hint: KEY_HINT });
  }
  if (error instanceof deepl.QuotaExceededError || status === 456) {
    return new QuotaError('DeepL character quota exceeded (456)', {
      ...options,
      hint: 'Finished segments are kept; continue after the quota resets or raise it in your DeepL account.',
    });
  }
  if (error instanceof deepl.TooManyRequestsError || status === 429) {
    const retryAfterMs = parseRetryAfter(context.capture.retryAfter);
    return new RetryableError('DeepL is limiting the request rate (429)', {
      ...options,
      reason: '429',
      rateLimited: true,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });
  }
  if (status !== undefined && status >= 500) {
    return new RetryableError(`DeepL server error (${status}) while ${context.what}`, {
      ...options,
      reason: String(status),
    });
  }
  if (error instanceof deepl.ConnectionError) {
    const code = (error.error as { code?: string } | undefined)?.code ?? 'connection error';
    if (error.shouldRetry) {
      return new RetryableError(`Connection to DeepL failed while ${context.what}: ${message}`, {
        ...options,
        reason: code,
      });
    }
    return new ProviderError(`Cannot reach DeepL while ${context.what}: ${message}`, {
      ...options,
      hint: 'Check the network, or DEEPL_SERVER_URL if you set it.',
    });
  }
  if (error instanceof deepl.DeepLError && /^'.*' is not a valid term\./.test(error.message)) {
    return new InputError(`DeepL glossary: ${message}`, options);
  }
  const code = status === undefined ? '' : ` (${status})`;
  return new ProviderError(`DeepL failed${code} while ${context.what}: ${message}`, options);
}

/** Removes the key (and any `DeepL-Auth-Key` header value) from a message. */
export function redact(text: string, key: string): string {
  return redactKey(text, key, 'DeepL-Auth-Key');
}
