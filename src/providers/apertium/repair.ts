/**
 * Unknown-word repair on warm pipelines. The last leg of the pivot marks the words it does not
 * know; for each marked word of a batch:
 * - a French word that passed through (it occurs in the source) is translated alone through
 *   another pivot: fr→ca→en (apertium-fra-cat + apertium-eng-cat), then fr→eo→en;
 * - a Spanish leak is back-translated es→fr and matched to a source word (equal, or a shared
 *   prefix), which is then translated the same way.
 * Only one-word results with no mark are kept; a Spanish leak that no chain translates is
 * replaced by its French source word, any other word is just unmarked. All lookups of
 * a batch go through one exchange per chain (many words, one call), on one pipeline per chain;
 * each chain remembers its answers, so a word is looked up once per run. A chain that is not
 * installed is skipped.
 */
import { ApertiumPipeline } from './pipeline.js';
import { PipelinePool } from './pool.js';
import { decodeRecord, encodeRecord } from './stream-format.js';
import {
  acceptedLookup,
  applyRepairs,
  frenchInSource,
  matchSourceWord,
  sourceWords,
  unknownWords,
  unmarkPlaceholders,
} from './unknown-words.js';

export interface RepairChains {
  /** es → fr, to find the French word behind a Spanish leak. */
  backToFrench?: string[][];
  /** French word → English, tried in order. */
  toEnglish: string[][][];
}

const unmark = (text: string, source: string) =>
  source.includes('*') ? unmarkPlaceholders(text) : applyRepairs(text, new Map());

/** One chain's warm pipeline and the answers it gave (`undefined`: looked up, nothing kept). */
interface Chain {
  pool: PipelinePool;
  answers: Map<string, string | undefined>;
}

export class UnknownWordRepair {
  readonly #back: Chain | undefined;
  readonly #forward: Chain[];

  readonly #enabled: boolean;

  /** `enabled: false` (VERSIO_REPAIR=off, for the bench) only removes the marks. */
  constructor(chains: RepairChains, env: NodeJS.ProcessEnv, enabled = true) {
    this.#enabled = enabled;
    const chain = (stages: string[][]): Chain => ({
      pool: new PipelinePool(1, () => new ApertiumPipeline(stages, env)),
      answers: new Map(),
    });
    this.#back = chains.backToFrench && chain(chains.backToFrench);
    this.#forward = chains.toEnglish.map(chain);
  }

  /**
   * Starts every chain's pipeline now (the provider calls this once the first batch is on its
   * way): their transducers load while the main pipeline translates, instead of one chain after
   * the other once its words are known. Almost every article has unknown words.
   */
  warm(): void {
    if (!this.#enabled) return;
    for (const chain of [this.#back, ...this.#forward]) chain?.pool.warm();
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
   */
  async #toEnglish(words: string[], signal: AbortSignal): Promise<Map<string, string>> {
    const english = new Map<string, string>();
    if (words.length === 0) return english;
    const answers = await Promise.all(this.#forward.map((chain) => this.#lookup(chain, words, signal)));
    for (const word of words) {
      const found = answers.map((answer) => answer.get(word)).find((result) => result !== undefined);
      if (found !== undefined) english.set(word, found);
    }
    return english;
  }

  /** Words through one chain (those it has not answered yet, in one exchange); the accepted one-word results, by input word. */
  async #lookup(chain: Chain | undefined, words: string[], signal: AbortSignal) {
    const results = new Map<string, string>();
    if (chain === undefined) return results;
    const asked = words.filter((word) => !chain.answers.has(word));
    if (asked.length > 0) await this.#ask(chain, asked, signal);
    for (const word of words) {
      const answer = chain.answers.get(word);
      if (answer !== undefined) results.set(word, answer);
    }
    return results;
  }

  async #ask({ pool, answers }: Chain, words: string[], signal: AbortSignal): Promise<void> {
    const payload = words.map((word, i) => encodeRecord(word, i)).join('') + encodeRecord('', words.length);
    const isClosing = (record: string) => decodeRecord(record, '')?.index === words.length;
    let records: string[];
    try {
      records = await pool.use(signal, (pipeline) => pipeline.exchange(payload, words.length + 1, isClosing));
    } catch (error) {
      if (signal.aborted) throw error;
      return; // a repair is an extra: a chain that fails leaves the words unmarked (and asks again next time)
    }
    words.forEach((word, i) => {
      const decoded = decodeRecord(records[i] ?? '', word, true);
      answers.set(word, decoded?.index === i ? acceptedLookup(decoded.text, word) : undefined);
    });
  }

  close(): Promise<unknown> {
    return Promise.all([this.#back, ...this.#forward].map((chain) => chain?.pool.close()));
  }
}
