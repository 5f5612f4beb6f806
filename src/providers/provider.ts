/**
 * The Provider interface: what the pipeline needs from a translation engine.
 * Engines are registered in providers/index.ts; the pipeline never names one.
 */
import type { EnglishStyle } from '../postedit/types.js';

/** One text to translate, with its neighbours in the article for engines that use context. */
export interface SourceText {
  /** Segment id, for error messages. */
  id: string;
  /** Text with placeholders already substituted (see `placeholderStyle`). */
  text: string;
  /** Neighbouring sentences of the article (not translated, not billed by DeepL). */
  context?: string;
  /**
   * The article's sentences (sources, in order; one array shared by every text of the document)
   * and this text's index in it, for engines that build a request's context from its position.
   */
  article?: { sentences: readonly string[]; index: number };
  /**
   * Placeholders of `text` that stand for a glossary place written after a bare French « à »
   * (« à Palmyre », not « à la France »): engines that post-edit (Apertium) write "in Palmyra".
   */
  places?: readonly string[];
}

export interface TranslateResult {
  /** One target per input, in order. */
  texts: string[];
  /** Characters the engine billed for this batch, when it reports them. */
  billedCharacters?: number;
  /** Characters billed for each input, in order, when the engine reports them per text. */
  billed?: (number | undefined)[];
  /**
   * Per input, in order: why the engine's answer for it could not be trusted (a chat model that
   * dropped a placeholder after every retry). Such a target is marked needs-review with the
   * problem as a note, and never stored in the translation memory.
   */
  problems?: (string | undefined)[];
  /** Tokens the engine counted for this batch (chat models), summed over its attempts. */
  usage?: TokenUsage;
}

export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
}

/**
 * How protected glossary spans are written into the text sent to the engine:
 * `token` — a plain word (`__E3__`) that rule-based engines pass through untouched;
 * `xml` — an empty XML element (`<x id="3"/>`) for engines with tag handling (DeepL `tag_handling=xml`).
 */
export type PlaceholderStyle = 'token' | 'xml';

export interface ProviderLimits {
  /** Most texts in one `translate` call. */
  maxBatch: number;
  /** Most UTF-8 bytes of text in one call. */
  maxBatchBytes: number;
}

/** How fast an engine may be called; the run's scheduler (queue/) enforces it for every document. */
export interface Pacing {
  /** Requests in flight at once. */
  concurrency: number;
  /** Requests started in any rolling window of `windowMs` (a sliding limit, not fixed windows). */
  rate: number;
  windowMs: number;
}

/** How the run's scheduler retries an engine's RetryableErrors (src/errors.ts). */
export interface RetryPolicy {
  /**
   * How long one batch may keep meeting 429s, from its first, before it gives up and fails its
   * document (a time budget, not a count: a rate limit passes).
   */
  budgetMs: number;
  /** Cap on a server's Retry-After: a longer one (or an HTTP-date far ahead) waits this long. */
  maxRetryAfterMs: number;
  /** Attempts per batch, the first included, for 5xx, timeouts and dropped connections. */
  maxAttempts: number;
  /** First backoff ceiling in ms; attempt n waits a random delay in [0, base·2^(n-1)] ("full jitter"). */
  baseDelayMs: number;
  /** Cap of the backoff ceiling in ms. */
  maxDelayMs: number;
  /** Per-request timeout in ms: a request still unanswered then fails as retryable. */
  timeoutMs: number;
}

/** User overrides of an engine's defaults (`--rate`, `--retry-budget`, versio.config.json `translate`). */
export interface PacingOverrides {
  pacing?: Partial<Pacing>;
  retry?: Partial<RetryPolicy>;
}

export interface Provider {
  readonly name: string;
  readonly limits: ProviderLimits;
  /** Defaults of the engine merged with the user's overrides (see `withOverrides`). */
  readonly pacing: Pacing;
  readonly retry: RetryPolicy;
  readonly placeholderStyle: PlaceholderStyle;
  /**
   * Options that change the output (target variant, formality, engine version): part of the
   * translation-memory key, so a change never reuses a stale translation.
   */
  readonly fingerprint: string;
  /** True when the engine enforces `providerTerms` itself (DeepL glossaries); otherwise the pipeline protects them. */
  readonly supportsGlossary: boolean;
  /**
   * `hooks.sent`, when given, is called as the request goes on the wire (engines over HTTP), so
   * the scheduler counts the rate as the server sees it, not from when it admitted the request;
   * `hooks.pause` when a successful answer says the server's window is spent (no request left).
   */
  translate(
    batch: readonly SourceText[],
    signal: AbortSignal,
    hooks?: TranslateHooks,
  ): Promise<TranslateResult>;
  /** What a batch would cost in tokens, for `--dry-run` (engines that bill by token). */
  estimateTokens?(batch: readonly SourceText[]): TokenUsage;
  /** Release processes and sockets. */
  close(): Promise<void>;
}

export interface TranslateHooks {
  sent?: () => void;
  /** No request should start for `ms`: the scheduler pauses the engine's whole lane. */
  pause?: (ms: number) => void;
}

/** Glossary terms an engine with its own glossary (DeepL) should enforce. */
export interface ProviderTerm {
  source: string;
  target: string;
  /** English variants the entry forbids (engines that take instructions, such as chat models, are told). */
  forbidden?: readonly string[];
}

/**
 * DeepL's `formality` values (API reference, POST /v2/translate): `more` and `less` fail for a
 * target without formality, the `prefer_` ones fall back to the default there.
 */
export const FORMALITIES = ['default', 'more', 'less', 'prefer_more', 'prefer_less'] as const;
export type Formality = (typeof FORMALITIES)[number];

export function isFormality(value: string): value is Formality {
  return (FORMALITIES as readonly string[]).includes(value);
}

export interface ProviderOptions {
  sourceLang: string;
  /** Target language code as the user gave it (`en`, `en-US`, `en-GB`). */
  targetLang: string;
  formality?: Formality;
  /**
   * English conventions: `ap` (AP Stylebook dates, times, numbers, money, titles; the default)
   * or `none`. Engines that post-edit their English (Apertium) apply them; others write their own.
   */
  style?: EnglishStyle;
  /** Terms with policy `provider`; engines without a glossary ignore them (the pipeline protects them instead). */
  providerTerms?: readonly ProviderTerm[];
  /** Model name, for engines that serve several (chat models: required). */
  model?: string;
  /** Worker processes for engines that run locally. */
  jobs?: number;
  env?: NodeJS.ProcessEnv;
  /** Pacing and retry settings the user gave; unset fields keep the engine's defaults. */
  overrides?: PacingOverrides;
}

/** An engine's pacing and retry defaults with the user's overrides applied field by field. */
export function withOverrides(
  defaults: { pacing: Pacing; retry: RetryPolicy },
  overrides: PacingOverrides | undefined,
): { pacing: Pacing; retry: RetryPolicy } {
  const defined = <T extends object>(o: Partial<T> | undefined): Partial<T> =>
    Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
  return {
    pacing: { ...defaults.pacing, ...defined(overrides?.pacing) },
    retry: { ...defaults.retry, ...defined(overrides?.retry) },
  };
}

/**
 * Retries of engines behind HTTP (DeepL, OpenAI-compatible servers, LibreTranslate): 429s for
 * up to 10 minutes per batch (rate limits pass), Retry-After capped at 60 s; 5 attempts from 1 s
 * to 30 s for 5xx and dropped connections; 30 s per request unless the engine needs longer.
 */
export const HTTP_ENGINE_RETRY: RetryPolicy = {
  budgetMs: 600_000,
  maxRetryAfterMs: 60_000,
  maxAttempts: 5,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  timeoutMs: 30_000,
};

/** Engines on this machine: no rate limit; a crashed process is restarted, so a second failure is real. */
export const LOCAL_ENGINE_PACING: { pacing: Pacing; retry: RetryPolicy } = {
  pacing: { concurrency: 4, rate: Number.POSITIVE_INFINITY, windowMs: 1000 },
  retry: {
    budgetMs: 60_000,
    maxRetryAfterMs: 1000,
    maxAttempts: 2,
    baseDelayMs: 100,
    maxDelayMs: 1000,
    timeoutMs: 120_000,
  },
};

export type ProviderFactory = (options: ProviderOptions) => Promise<Provider>;
