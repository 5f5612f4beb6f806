/**
 * DeepL through the official deepl-node client. deepl-node is imported inside the factory so
 * `versio --help` never loads it. Retries belong to our queue (src/queue), so deepl-node's own
 * loop is off (`maxRetries: 0`: its HttpClient then makes exactly one attempt) and failures are
 * mapped to RetryableError / ProviderError / QuotaError in deepl/errors.ts.
 */
import type { Formality as DeeplFormality, SourceLanguageCode, TargetLanguageCode } from 'deepl-node';
import { ProviderError } from '../errors.js';
import { abortError } from './abort-error.js';
import { batchContext } from './deepl/context.js';
import { toVersioError } from './deepl/errors.js';
import { glossarySpec } from './deepl/glossary.js';
import { pruneGlossaries, syncGlossary } from './deepl/glossary-account.js';
import { DEEPL_PACING, DEEPL_RETRY } from './deepl/pacing.js';
import { capturingResponse, destroyOpenRequests, type ResponseCapture } from './deepl/response-capture.js';
import {
  type Provider,
  type ProviderFactory,
  type ProviderOptions,
  type SourceText,
  type TranslateHooks,
  type TranslateResult,
  withOverrides,
} from './provider.js';

/**
 * Batch limits. DeepL allows 50 texts and a 128 KiB request body. deepl-node sends a
 * form-encoded body, where every non-ASCII UTF-8 byte becomes `%XX` (3 bytes), so 16 KiB of
 * text plus 24 KiB of context (deepl/context.ts) stays under 128 KiB even in the worst case.
 */
const LIMITS = { maxBatch: 50, maxBatchBytes: 16 * 1024 };

/** Test and bench seam: extra request headers (deepl-mock session headers). */
export interface DeeplInternals {
  headers?: Record<string, string>;
}

export const createDeepl: ProviderFactory = (options) => createDeeplProvider(options);

const PRUNE_RETRIES = 5;

/** `versio glossary prune --provider deepl`: see pruneGlossaries. Returns the names deleted. */
export async function pruneDeeplGlossaries(
  env: NodeJS.ProcessEnv,
  olderThanMs: number | undefined,
): Promise<string[]> {
  const key = authKey(env);
  const deepl = await import('deepl-node');
  const serverUrl = env.DEEPL_SERVER_URL?.trim() || undefined;
  // One request after another, outside the run's scheduler: a 429 or a 5xx is retried by
  // deepl-node's own backoff (up to 5 times per request) instead of stopping the prune half done.
  const client = new deepl.DeepLClient(key, {
    ...(serverUrl === undefined ? {} : { serverUrl }),
    maxRetries: PRUNE_RETRIES,
  });
  const capture: ResponseCapture = {};
  try {
    return await capturingResponse(capture, () => pruneGlossaries(client, deepl, olderThanMs, capture));
  } catch (error) {
    throw toVersioError(error, deepl, { key, capture, what: 'pruning glossaries' });
  }
}

function authKey(env: NodeJS.ProcessEnv): string {
  const key = env.DEEPL_AUTH_KEY?.trim() ?? '';
  if (key === '') {
    throw new ProviderError('DEEPL_AUTH_KEY is not set', {
      hint: "Set DEEPL_AUTH_KEY to your DeepL API key (DeepL Free keys end in ':fx').",
    });
  }
  return key;
}

export async function createDeeplProvider(
  options: ProviderOptions,
  internals: DeeplInternals = {},
): Promise<Provider> {
  const env = options.env ?? process.env;
  const key = authKey(env);
  const deepl = await import('deepl-node');
  const serverUrl = env.DEEPL_SERVER_URL?.trim() || undefined;
  const { pacing, retry } = withOverrides(
    { pacing: key.endsWith(':fx') ? DEEPL_PACING.free : DEEPL_PACING.pro, retry: DEEPL_RETRY },
    options.overrides,
  );
  // DeepLClient: the Translator plus DeepL's newer endpoints (v3 glossaries among them).
  const client = new deepl.DeepLClient(key, {
    ...(serverUrl === undefined ? {} : { serverUrl }),
    maxRetries: 0,
    minTimeout: retry.timeoutMs,
    ...(internals.headers === undefined ? {} : { headers: internals.headers }),
  });
  const targetLang = deeplTarget(options.targetLang);
  const formality: DeeplFormality | undefined = options.formality;
  const glossary = glossarySpec(options.providerTerms ?? [], options.sourceLang, targetLang);

  const call = async <T>(
    what: string,
    run: (capture: ResponseCapture) => Promise<T>,
    signal?: AbortSignal,
    hooks?: TranslateHooks,
  ): Promise<T> => {
    const capture: ResponseCapture = hooks?.sent ? { onRequest: hooks.sent } : {};
    // Ctrl-C: close the sockets of this call so it ends now, not when the server answers.
    const onAbort = () => destroyOpenRequests(capture, abortError(signal));
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      return await capturingResponse(capture, () => run(capture));
    } catch (error) {
      if (signal?.aborted) throw abortError(signal);
      throw toVersioError(error, deepl, { key, capture, what });
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  };

  // Synced once, on the first batch (a run served wholly from memory makes no request);
  // forgotten on failure so the queue's retry tries again.
  let glossaryId: Promise<string> | undefined;
  const ensureGlossary = () => {
    if (glossary === undefined) return Promise.resolve(undefined);
    glossaryId ??= call('syncing the glossary', (capture) =>
      syncGlossary(client, deepl, glossary, capture),
    ).catch((error) => {
      glossaryId = undefined;
      throw error;
    });
    return glossaryId;
  };

  return {
    name: 'deepl',
    limits: { ...LIMITS },
    pacing,
    retry,
    placeholderStyle: 'xml',
    supportsGlossary: true,
    // No glossary hash here: the memory key already carries the hash of the entries that touch
    // each segment, so an edited entry re-translates only the segments it appears in.
    fingerprint: `deepl:${targetLang}:formality=${formality ?? 'default'}`,
    async translate(
      batch: readonly SourceText[],
      signal: AbortSignal,
      hooks?: TranslateHooks,
    ): Promise<TranslateResult> {
      signal.throwIfAborted();
      const texts = batch.map((t) => t.text);
      // deepl-node rejects empty strings; an empty source translates to an empty target.
      const sent = texts.filter((t) => t !== '');
      if (sent.length === 0) return { texts };
      const id = await ensureGlossary();
      signal.throwIfAborted();
      const context = batchContext(batch);
      const results = await call(
        `translating ${describe(batch)}`,
        () =>
          client.translateText(
            sent,
            options.sourceLang as SourceLanguageCode,
            targetLang as TargetLanguageCode,
            {
              ...(formality === undefined ? {} : { formality }),
              ...(id === undefined ? {} : { glossary: id }),
              ...(context === undefined ? {} : { context }),
              // Placeholders are empty <x id="n"/> elements: DeepL keeps tags in place with
              // tag_handling=xml; ignore_tags=x leaves anything inside an <x> untranslated.
              tagHandling: 'xml',
              ignoreTags: ['x'],
            },
          ),
        signal,
        hooks,
      );
      const queue = [...results];
      const out = texts.map((t) => (t === '' ? '' : (queue.shift()?.text ?? '')));
      const billed = results.some((r) => r.billedCharacters !== undefined)
        ? results.reduce((sum, r) => sum + (r.billedCharacters ?? 0), 0)
        : undefined;
      if (billed === undefined) return { texts: out };
      const perText = [...results];
      const billedEach = texts.map((t) => (t === '' ? 0 : perText.shift()?.billedCharacters));
      return { texts: out, billedCharacters: billed, billed: billedEach };
    },
    async close() {
      // deepl-node shares one keep-alive agent per process and offers no close; idle sockets
      // do not hold the process open.
    },
  };
}

/** DeepL needs an English variant (`en` alone is deprecated); we default to `en-US`. */
export function deeplTarget(targetLang: string): string {
  return targetLang.toLowerCase() === 'en' ? 'en-US' : targetLang;
}

function describe(batch: readonly SourceText[]): string {
  const first = batch[0]?.id ?? '';
  const last = batch[batch.length - 1]?.id ?? '';
  return first === last ? `segment ${first}` : `segments ${first}…${last}`;
}
