/**
 * The Provider interface: what the pipeline needs from a translation engine.
 * Engines are registered in providers/index.ts; the pipeline never names one.
 */

/** One text to translate, with its neighbours in the article for engines that use context. */
export interface SourceText {
  /** Segment id, for error messages. */
  id: string;
  /** Text with placeholders already substituted (see `placeholderStyle`). */
  text: string;
  /** Neighbouring sentences of the article (not translated, not billed by DeepL). */
  context?: string;
}

export interface TranslateResult {
  /** One target per input, in order. */
  texts: string[];
  /** Characters the engine billed for this batch, when it reports them. */
  billedCharacters?: number;
  /** Characters billed for each input, in order, when the engine reports them per text. */
  billed?: (number | undefined)[];
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

export interface Provider {
  readonly name: string;
  readonly pacing?: Pacing;
  readonly limits: ProviderLimits;
  readonly placeholderStyle: PlaceholderStyle;
  /**
   * Options that change the output (target variant, formality, engine version): part of the
   * translation-memory key, so a change never reuses a stale translation.
   */
  readonly fingerprint: string;
  /** True when the engine enforces `providerTerms` itself (DeepL glossaries); otherwise the pipeline protects them. */
  readonly supportsGlossary: boolean;
  translate(batch: readonly SourceText[], signal: AbortSignal): Promise<TranslateResult>;
  /** Release processes and sockets. */
  close(): Promise<void>;
}

/** Glossary terms an engine with its own glossary (DeepL) should enforce. */
export interface ProviderTerm {
  source: string;
  target: string;
}

export interface ProviderOptions {
  sourceLang: string;
  /** Target language code as the user gave it (`en`, `en-US`, `en-GB`). */
  targetLang: string;
  formality?: string;
  /** Terms with policy `provider`; engines without a glossary ignore them (the pipeline protects them instead). */
  providerTerms?: readonly ProviderTerm[];
  /** Worker processes for engines that run locally. */
  jobs?: number;
  env?: NodeJS.ProcessEnv;
}

export type ProviderFactory = (options: ProviderOptions) => Promise<Provider>;
