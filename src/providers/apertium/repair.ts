/**
 * Unknown-word repair on warm pipelines. The last leg of the pivot marks the words it does not
 * know; for each marked word of a batch:
 * - a French word that passed through (it occurs in the source) is translated alone through
 *   another pivot: fr→ca→en (apertium-fra-cat + apertium-eng-cat), then fr→eo→en;
 * - a Spanish leak is back-translated es→fr and matched to a source word (equal, or a shared
 *   prefix), which is then translated the same way.
 * Only one-word results with no mark are kept; a Spanish leak that no chain translates is
 * replaced by its French source word, any other word is just unmarked. All lookups of
 * a batch go through one exchange per chain (many words, one call), on one pipeline per chain.
 * Each chain's answers, negative ones too, are kept in the user's cache directory
 * (lookup-cache.ts), so a word is looked up once per installation; a chain starts only when a
 * batch has a word its cache cannot answer. A chain that is not installed is skipped.
 */
import type { ChainInstallation } from './install.js';
import { cacheDirectory, LookupCache } from './lookup-cache.js';
import { ApertiumPipeline, type StartPipeline } from './pipeline.js';
import { lookUpWords, PipelinePool } from './pool.js';
import {
  acceptedLookup,
  acceptedPhrase,
  applyRepairs,
  frenchInSource,
  matchSourceWord,
  sourceWords,
  unknownWords,
  unmarkPlaceholders,
} from './unknown-words.js';

export interface RepairChains {
  /** es → fr, to find the French word behind a Spanish leak. */
  backToFrench?: ChainInstallation;
  /** French word → English, tried in order. */
  toEnglish: ChainInstallation[];
}

const unmark = (text: string, source: string) =>
  source.includes('*') ? unmarkPlaceholders(text) : applyRepairs(text, new Map());

/** One chain's warm pipeline (started on demand) and its answers (`null`: looked up, nothing kept). */
interface Chain {
  pool: PipelinePool;
  cache: LookupCache;
  /** Which of the chain's results are answers. */
  accept: (result: string, input: string) => string | undefined;
}

export class UnknownWordRepair {
  readonly #back: Chain | undefined;
  readonly #forward: Chain[];

  readonly #enabled: boolean;

  private constructor(back: Chain | undefined, forward: Chain[], enabled: boolean) {
    this.#back = back;
    this.#forward = forward;
    this.#enabled = enabled;
  }

  /**
   * The repair over the installed `chains`, their caches read from the user's cache directory.
   * `enabled: false` (VERSIO_REPAIR=off, for the bench) only removes the marks, and reads no cache.
   */
  static async open(
    chains: RepairChains,
    env: NodeJS.ProcessEnv,
    enabled = true,
    startPipeline: StartPipeline = (stages) => new ApertiumPipeline(stages, env),
  ): Promise<UnknownWordRepair> {
    const directory = cacheDirectory(env);
    const chain = async (installation: ChainInstallation, answers: 'word' | 'phrase'): Promise<Chain> => ({
      pool: new PipelinePool(1, () => startPipeline(installation.stages, 1)),
      // What a cache file holds is part of its name: a file of one-word answers is never read as phrases.
      cache: enabled
        ? await LookupCache.open(directory, answers === 'word' ? installation : { ...installation, answers })
        : LookupCache.inMemory(),
      accept: answers === 'word' ? acceptedLookup : acceptedPhrase,
    });
    // es → fr answers are matched to the source, not written: a phrase (« Il mobilise ») is kept.
    const [back, ...forward] = await Promise.all([
      chains.backToFrench && chain(chains.backToFrench, 'phrase'),
      ...chains.toEnglish.map((installation) => chain(installation, 'word')),
    ]);
    return new UnknownWordRepair(
      back,
      forward.filter((c): c is Chain => c !== undefined),
      enabled,
    );
  }

  /**
   * Starts now (the provider calls this once the first batch is on its way) the pipeline of every
   * chain whose cache is empty — a new installation, where almost every article has unknown words
   * and none is known yet: their transducers load while the main pipeline translates, instead of
   * once the words are known. A chain with a cache waits for a word the cache cannot answer.
   */
  warm(): void {
    if (!this.#enabled) return;
    for (const chain of [this.#back, ...this.#forward])
      if (chain?.cache.answers.size === 0) chain.pool.warm();
  }

  /** Chains found, for the memory fingerprint. */
  get description(): string {
    if (!this.#enabled) return 'off';
    return `back=${this.#back ? 'es-fr' : 'none'},forward=${this.#forward.length}`;
  }

  /** The English segments (`marked`: Apertium's output) with their unknown words repaired or unmarked. */
  async repair(
    segments: readonly { source: string; marked: string }[],
    signal: AbortSignal,
  ): Promise<{ source: string; text: string }[]> {
    if (!this.#enabled)
      return segments.map(({ source, marked }) => ({ source, text: unmark(marked, source) }));
    const work = segments.map(({ source, marked }) => ({
      source,
      marked,
      words: sourceWords(source),
      // A literal `*` in the source cannot be told from a mark: such a segment is left as it is.
      unknown: source.includes('*') ? [] : unknownWords(marked),
      /** Marked word → French source word to translate. */
      french: new Map<string, string>(),
    }));
    const leaks: { segment: (typeof work)[number]; word: string }[] = [];
    for (const segment of work) {
      for (const word of segment.unknown) {
        const found = frenchInSource(word, segment.words);
        if (found) segment.french.set(word, found);
        else leaks.push({ segment, word });
      }
    }
    // The French words that passed through go to the English chains while the leaks are
    // back-translated; the source words found for the leaks follow.
    const passed = [...new Set(work.flatMap(({ french }) => [...french.values()]))];
    // A leak the cache cannot answer: every chain is started now, the English ones loading
    // while es→fr answers (the French words it finds likely need them).
    if (this.#back && leaks.some(({ word }) => !this.#back?.cache.answers.has(word)))
      for (const chain of [this.#back, ...this.#forward]) chain.pool.warm();
    const first = this.#toEnglish(passed, signal);
    first.catch(() => {}); // awaited below: an abort meanwhile is not an unhandled rejection
    if (leaks.length > 0) {
      const back = await this.#lookup(this.#back, [...new Set(leaks.map((l) => l.word))], signal);
      for (const { segment, word } of leaks) {
        const candidates = [back.get(word), word].filter((c): c is string => c !== undefined);
        const match = matchSourceWord(candidates, segment.words);
        if (match) segment.french.set(word, match);
      }
    }
    const asked = new Set(passed);
    const more = new Set(leaks.flatMap(({ segment, word }) => segment.french.get(word) ?? []));
    const [english, fromLeaks] = await Promise.all([
      first,
      this.#toEnglish(
        [...more].filter((word) => !asked.has(word)),
        signal,
      ),
    ]);
    for (const [word, result] of fromLeaks) english.set(word, result);
    return work.map(({ source: sourceText, marked: text, french }) => {
      const repairs = new Map<string, string>();
      for (const [marked, source] of french) {
        const result = english.get(source);
        if (result !== undefined) repairs.set(marked, result);
        // A Spanish leak no chain translates gives way to its French source word: French
        // shares much of its spelling with English (`oppose`), the Spanish pivot does not.
        else if (marked !== source) repairs.set(marked, source);
      }
      return {
        source: sourceText,
        text: sourceText.includes('*') ? unmarkPlaceholders(text) : applyRepairs(text, repairs),
      };
    });
  }

  /**
   * French words → English: every chain at once (each its own pipeline), the first chain's
   * answer kept, a later chain's only where the earlier ones have none (fr→eo→en before fr→ca→en).
   * A chain is not asked a word an earlier chain already has an answer for.
   */
  async #toEnglish(words: string[], signal: AbortSignal): Promise<Map<string, string>> {
    const english = new Map<string, string>();
    if (words.length === 0) return english;
    const known = (chains: Chain[], word: string) =>
      chains.some((chain) => chain.cache.answers.get(word) != null);
    await Promise.all(
      this.#forward.map((chain, k) =>
        this.#lookup(
          chain,
          words.filter((word) => !known(this.#forward.slice(0, k), word)),
          signal,
        ),
      ),
    );
    for (const word of words) {
      const found = this.#forward
        .map((chain) => chain.cache.answers.get(word))
        .find((result) => result != null);
      if (found != null) english.set(word, found);
    }
    return english;
  }

  /** Words through one chain (those it has not answered yet, in one exchange); the accepted one-word results, by input word. */
  async #lookup(chain: Chain | undefined, words: string[], signal: AbortSignal) {
    const results = new Map<string, string>();
    if (chain === undefined) return results;
    const asked = words.filter((word) => !chain.cache.answers.has(word));
    if (asked.length > 0) await this.#ask(chain, asked, signal);
    for (const word of words) {
      const answer = chain.cache.answers.get(word);
      if (answer != null) results.set(word, answer);
    }
    return results;
  }

  async #ask({ pool, cache, accept }: Chain, words: string[], signal: AbortSignal): Promise<void> {
    const answers = await lookUpWords(pool, words, signal);
    // A chain that fails leaves the words unmarked (and asks again next time): a repair is an extra.
    if (!answers) return;
    words.forEach((word, i) => {
      const answer = answers[i];
      if (answer !== undefined) cache.set(word, accept(answer, word) ?? null);
      else cache.answers.set(word, null); // out of step: nothing this run, nothing kept for the next
    });
  }

  /** Ends the chains' pipelines and adds what they learnt to the cache files. */
  close(): Promise<unknown> {
    return Promise.all(
      [this.#back, ...this.#forward].map(async (chain) => {
        await chain?.pool.close();
        // A cache that cannot be written (read-only home, full disk) costs only the look-ups.
        await chain?.cache.save().catch(() => {});
      }),
    );
  }
}
