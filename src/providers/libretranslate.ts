/**
 * LibreTranslate (self-hosted or hosted) over its HTTP API: `POST /translate` with `q` as an
 * array (one request a batch), `source`, `target`, `format: html` so protected entities travel
 * as empty `<x id="n"/>` elements it keeps, and `api_key` when one is set. Its 429s
 * ("Slowdown") and 5xx are retryable; a batch over the server's `--batch-limit` is split to the
 * limit the server names in its 400 and the limit is remembered for the run.
 * Protocol: LibreTranslate's libretranslate/app.py (`/translate`, `access_check`, error handlers).
 */
import { ProviderError, RetryableError } from '../errors.js';
import { abortError } from './abort-error.js';
import { retryAfterMs } from './http/rate-limit-headers.js';
import { redactKey } from './http/redact.js';
import {
  HTTP_ENGINE_RETRY,
  type Pacing,
  type Provider,
  type ProviderFactory,
  type ProviderOptions,
  type RetryPolicy,
  type SourceText,
  type TranslateHooks,
  type TranslateResult,
  withOverrides,
} from './provider.js';

/**
 * LibreTranslate's own limiter (--req-limit, per minute) counts every text of a batch; a
 * self-hosted server on a CPU is slow, so few requests at once and a long timeout.
 */
const LIBRETRANSLATE_DEFAULTS: { pacing: Pacing; retry: RetryPolicy } = {
  pacing: { concurrency: 2, rate: 60, windowMs: 60_000 },
  retry: { ...HTTP_ENGINE_RETRY, timeoutMs: 120_000 },
};
const KEY_HINT = 'Set LIBRETRANSLATE_API_KEY to a key the server knows (its operator issues them).';

export interface LibretranslateInternals {
  timeoutMs?: number;
}

export const createLibretranslate: ProviderFactory = (options) => createLibretranslateProvider(options);

export async function createLibretranslateProvider(
  options: ProviderOptions,
  internals: LibretranslateInternals = {},
): Promise<Provider> {
  const env = options.env ?? process.env;
  const base = env.LIBRETRANSLATE_URL?.trim() ?? '';
  if (base === '') {
    throw new ProviderError('LIBRETRANSLATE_URL is not set', {
      hint: 'Set LIBRETRANSLATE_URL to the server, e.g. http://127.0.0.1:5000',
    });
  }
  const endpoint = translateUrl(base);
  const key = env.LIBRETRANSLATE_API_KEY?.trim() ?? '';
  const server = endpoint.host;
  const source = options.sourceLang.toLowerCase();
  // LibreTranslate's codes are bare languages (`en`), not variants.
  const target = options.targetLang.toLowerCase().split('-')[0] ?? 'en';
  let batchLimit = Number.POSITIVE_INFINITY;
  const { pacing, retry } = withOverrides(LIBRETRANSLATE_DEFAULTS, options.overrides);

  const post = async (
    texts: readonly string[],
    signal: AbortSignal,
    hooks?: TranslateHooks,
  ): Promise<string[]> => {
    const timeout = AbortSignal.timeout(internals.timeoutMs ?? retry.timeoutMs);
    hooks?.sent?.();
    let response: Response;
    try {
      response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({
          q: texts,
          source,
          target,
          format: 'html',
          ...(key === '' ? {} : { api_key: key }),
        }),
        signal: AbortSignal.any([signal, timeout]),
      });
    } catch (error) {
      if (signal.aborted) throw abortError(signal);
      const reason = timeout.aborted ? 'timeout' : 'connection error';
      throw new RetryableError(`cannot reach LibreTranslate at ${server}: ${describeError(error, key)}`, {
        reason,
        cause: new Error(describeError(error, key)),
      });
    }
    const body = await readBody(response, signal);
    if (response.ok) return translatedTexts(body, texts.length, server);
    const message = redactKey(errorText(body) ?? response.statusText, key);
    const limit = /exceeds text limit \((\d+)\)/.exec(message);
    if (response.status === 400 && limit) {
      const size = Number(/request \((\d+)\)/.exec(message)?.[1]);
      if (size === texts.length && texts.length > 1) throw new BatchTooLarge(Number(limit[1]));
      throw new ProviderError(
        `LibreTranslate refused a text of ${size} characters (its limit is ${limit[1]})`,
        {
          hint: 'Ask the operator to raise --char-limit, or split the sentence in the article.',
        },
      );
    }
    if (response.status === 429) {
      throw new RetryableError(`LibreTranslate is limiting the request rate (429): ${message}`, {
        reason: '429',
        rateLimited: true,
        retryAfterMs: retryAfterMs(response.headers),
      });
    }
    if (response.status >= 500) {
      throw new RetryableError(`LibreTranslate server error (${response.status}): ${message}`, {
        reason: String(response.status),
        retryAfterMs: retryAfterMs(response.headers),
      });
    }
    if (response.status === 403 || /api key/i.test(message)) {
      throw new ProviderError(`LibreTranslate refused the request (${response.status}): ${message}`, {
        hint: KEY_HINT,
      });
    }
    throw new ProviderError(`LibreTranslate refused the request (${response.status}): ${message}`);
  };

  /** Sends `texts` in requests of at most the server's batch limit, learning it from a refusal. */
  const translateTexts = async (
    texts: readonly string[],
    signal: AbortSignal,
    hooks?: TranslateHooks,
  ): Promise<string[]> => {
    const out: string[] = [];
    for (let at = 0; at < texts.length; ) {
      const chunk = texts.slice(at, at + Math.min(texts.length, batchLimit));
      try {
        out.push(...(await post(chunk, signal, hooks)));
        at += chunk.length;
      } catch (error) {
        if (!(error instanceof BatchTooLarge)) throw error;
        batchLimit = Math.max(1, Math.min(error.limit, chunk.length - 1));
      }
    }
    return out;
  };

  return {
    name: 'libretranslate',
    limits: { maxBatch: 25, maxBatchBytes: 16 * 1024 },
    pacing,
    retry,
    placeholderStyle: 'xml',
    supportsGlossary: false,
    fingerprint: `libretranslate:${server}:${source}-${target}`,
    async translate(
      batch: readonly SourceText[],
      signal: AbortSignal,
      hooks?: TranslateHooks,
    ): Promise<TranslateResult> {
      signal.throwIfAborted();
      const texts = batch.map((t) => t.text);
      // An empty text translates to itself; LibreTranslate refuses an empty `q`.
      const sent = texts.filter((t) => t.trim() !== '');
      if (sent.length === 0) return { texts };
      const translated = await translateTexts(sent, signal, hooks);
      const queue = [...translated];
      return { texts: texts.map((t) => (t.trim() === '' ? t : selfClosing(queue.shift() ?? ''))) };
    },
    async close() {},
  } satisfies Provider;
}

/**
 * LibreTranslate parses `format: html` with BeautifulSoup, which writes an empty `<x id="1"/>`
 * back as `<x id="1"></x>`: the placeholder is given back as it was sent.
 */
function selfClosing(text: string): string {
  return text.replace(/<x\s+id\s*=\s*"(\d+)"\s*><\/x\s*>/g, '<x id="$1"/>');
}

class BatchTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`batch over the server's limit of ${limit}`);
  }
}

function translateUrl(base: string): URL {
  try {
    const url = new URL(base);
    if (!url.pathname.endsWith('/translate')) url.pathname = `${url.pathname.replace(/\/+$/, '')}/translate`;
    return url;
  } catch {
    throw new ProviderError(`LIBRETRANSLATE_URL is not a URL: ${base}`, {
      hint: 'Set LIBRETRANSLATE_URL to the server, e.g. http://127.0.0.1:5000',
    });
  }
}

async function readBody(response: Response, signal: AbortSignal): Promise<unknown> {
  try {
    const text = await response.text();
    return text === '' ? undefined : JSON.parse(text);
  } catch (error) {
    if (signal.aborted) throw abortError(signal);
    if (error instanceof SyntaxError) return undefined;
    throw new RetryableError(`LibreTranslate closed the connection mid-answer: ${(error as Error).message}`, {
      reason: 'connection error',
    });
  }
}

function translatedTexts(body: unknown, expected: number, server: string): string[] {
  const texts = (body as { translatedText?: unknown } | undefined)?.translatedText;
  const list = typeof texts === 'string' && expected === 1 ? [texts] : texts;
  if (!Array.isArray(list) || list.length !== expected || list.some((t) => typeof t !== 'string')) {
    throw new RetryableError(`LibreTranslate at ${server} sent an answer without ${expected} translations`, {
      reason: 'malformed answer',
    });
  }
  return list as string[];
}

function errorText(body: unknown): string | undefined {
  const error = (body as { error?: unknown } | undefined)?.error;
  return typeof error === 'string' ? error : undefined;
}

function describeError(error: unknown, key: string): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return redactKey(cause?.code ?? cause?.message ?? (error as Error).message ?? String(error), key);
}
