/**
 * DeepL through the official deepl-node client. deepl-node is imported inside the factory so
 * `versio --help` never loads it. Retries belong to our queue (src/queue), so deepl-node's own
 * loop is off (`maxRetries: 0`: its HttpClient then makes exactly one attempt) and failures are
 * mapped to RetryableError / ProviderError / QuotaError in deepl/errors.ts.
 */
import type { SourceLanguageCode, TargetLanguageCode } from 'deepl-node';
import { ProviderError } from '../errors.js';
import { batchContext } from './deepl/context.js';
import { toVersioError } from './deepl/errors.js';
import { glossarySpec, syncGlossary } from './deepl/glossary.js';
import { capturingResponse, type ResponseCapture } from './deepl/response-capture.js';
import type { Provider, ProviderFactory, ProviderOptions, SourceText, TranslateResult } from './provider.js';

/** Per-request HTTP timeout: a hung connection fails and the queue retries it. */
const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Batch limits. DeepL allows 50 texts and a 128 KiB request body. deepl-node sends a
 * form-encoded body, where every non-ASCII UTF-8 byte becomes `%XX` (3 bytes), so 32 KiB of
 * text plus 4 KiB of context (deepl/context.ts) stays under 128 KiB even in the worst case.
 */
const LIMITS = { maxBatch: 50, maxBatchBytes: 32 * 1024 };

/** Test and bench seams: extra request headers (deepl-mock session headers), a shorter timeout. */
export interface DeeplInternals {
  headers?: Record<string, string>;
  timeoutMs?: number;
}

export const createDeepl: ProviderFactory = (options) => createDeeplProvider(options);

export async function createDeeplProvider(
  options: ProviderOptions,
  internals: DeeplInternals = {},
): Promise<Provider> {
  const env = options.env ?? process.env;
  const key = env.DEEPL_AUTH_KEY?.trim() ?? '';
  if (key === '') {
    throw new ProviderError('DEEPL_AUTH_KEY is not set', {
      hint: "Set DEEPL_AUTH_KEY to your DeepL API key (DeepL Free keys end in ':fx').",
    });
  }
  const deepl = await import('deepl-node');
  const serverUrl = env.DEEPL_SERVER_URL?.trim() || undefined;
  const translator = new deepl.Translator(key, {
    ...(serverUrl === undefined ? {} : { serverUrl }),
    maxRetries: 0,
    minTimeout: internals.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    ...(internals.headers === undefined ? {} : { headers: internals.headers }),
  });
  const targetLang = deeplTarget(options.targetLang);
  const formality = options.formality as DeeplFormality | undefined;
  const glossary = glossarySpec(options.providerTerms ?? [], options.sourceLang, targetLang);

  const call = async <T>(what: string, run: () => Promise<T>): Promise<T> => {
    const capture: ResponseCapture = {};
    try {
      return await capturingResponse(capture, run);
    } catch (error) {
      throw toVersioError(error, deepl, { key, capture, what });
    }
  };

  // Synced once, on the first batch (a run served wholly from memory makes no request);
  // forgotten on failure so the queue's retry tries again.
  let glossaryId: Promise<string> | undefined;
  const ensureGlossary = () => {
    if (glossary === undefined) return Promise.resolve(undefined);
    glossaryId ??= call('syncing the glossary', () => syncGlossary(translator, deepl, glossary)).catch(
      (error) => {
        glossaryId = undefined;
        throw error;
      },
    );
    return glossaryId;
  };

  return {
    name: 'deepl',
    limits: { ...LIMITS },
    // DeepL Free publishes no request rate; this is the queue's long-standing default (queue/options.ts).
    pacing: { concurrency: 2, rate: 5, windowMs: 1000 },
    placeholderStyle: 'xml',
    supportsGlossary: true,
    // No glossary hash here: the memory key already carries the hash of the entries that touch
    // each segment, so an edited entry re-translates only the segments it appears in.
    fingerprint: `deepl:${targetLang}:formality=${formality ?? 'default'}`,
    async translate(batch: readonly SourceText[], signal: AbortSignal): Promise<TranslateResult> {
      signal.throwIfAborted();
      const texts = batch.map((t) => t.text);
      // deepl-node rejects empty strings; an empty source translates to an empty target.
      const sent = texts.filter((t) => t !== '');
      if (sent.length === 0) return { texts };
      const id = await ensureGlossary();
      signal.throwIfAborted();
      const context = batchContext(batch);
      const results = await call(`translating ${describe(batch)}`, () =>
        translator.translateText(
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

type DeeplFormality = 'less' | 'more' | 'default' | 'prefer_less' | 'prefer_more';

/** DeepL needs an English variant (`en` alone is deprecated); we default to `en-US`. */
export function deeplTarget(targetLang: string): string {
  return targetLang.toLowerCase() === 'en' ? 'en-US' : targetLang;
}

function describe(batch: readonly SourceText[]): string {
  const first = batch[0]?.id ?? '';
  const last = batch[batch.length - 1]?.id ?? '';
  return first === last ? `segment ${first}` : `segments ${first}…${last}`;
}
