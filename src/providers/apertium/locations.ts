/**
 * Which capitalised words Apertium's English dictionary tags as locations (`<np><loc>`), for the
 * post-editing rule "to <place>" → "in <place>" (src/postedit/, family `places`). The analyser is
 * one warm null-flush `lt-proc`, started when a batch whose French has a bare « à » goes to the
 * engine, so it loads while the engine translates; one exchange per batch over the candidate
 * words, answers kept for the provider's life. Without the analyser (another layout of the pair),
 * no word is a location and the rule keeps to the glossary.
 */
import { access } from 'node:fs/promises';
import path from 'node:path';
import { ApertiumPipeline, type StartPipeline } from './pipeline.js';
import { lookUpWords, PipelinePool } from './pool.js';

/** `to` + a capitalised word: the rule's candidates (placeholders are the glossary's business). */
const CANDIDATE = /\b[Tt]o (\p{Lu}[\p{L}’'-]+)/gu;
/** French `à` directly before a name (no article): the locative the rule repairs. */
const BARE_A = /(?:^|[\s(])[àÀ] (?!(?:Le|La|Les|L['’])\b)\p{Lu}/u;

export class LocationLexicon {
  private readonly known = new Map<string, boolean>();
  private readonly pool: PipelinePool | undefined;

  private constructor(analyser: string | undefined, startPipeline: StartPipeline) {
    this.pool =
      analyser === undefined
        ? undefined
        : new PipelinePool(1, () => startPipeline([['lt-proc', '-z', '-w', analyser]], 1));
  }

  /** The English analyser shipped beside the spa-eng stages (`eng-spa.automorf.bin`), if present. */
  static async beside(
    stages: readonly (readonly string[])[],
    env: NodeJS.ProcessEnv,
    startPipeline: StartPipeline = (argvs) => new ApertiumPipeline(argvs, env),
  ): Promise<LocationLexicon> {
    const spanish = stages.flat().find((arg) => arg.endsWith('spa-eng.automorf.bin'));
    const analyser = spanish && path.join(path.dirname(spanish), 'eng-spa.automorf.bin');
    const found =
      analyser !== undefined &&
      (await access(analyser).then(
        () => true,
        () => false,
      ));
    return new LocationLexicon(found ? analyser : undefined, startPipeline);
  }

  /** Starts the analyser now if one of these French sources will need it (a bare « à »). */
  warm(sources: readonly string[]): void {
    if (sources.some((source) => BARE_A.test(source))) this.pool?.warm();
  }

  /** Per text, the candidate words that are locations (only where the French has a bare `à`). */
  async locations(
    texts: readonly string[],
    sources: readonly string[],
    signal: AbortSignal,
  ): Promise<Set<string>[]> {
    const candidates = texts.map((text, i) =>
      BARE_A.test(sources[i] ?? '') ? [...text.matchAll(CANDIDATE)].map((m) => m[1] ?? '') : [],
    );
    const unknown = [...new Set(candidates.flat())].filter((word) => !this.known.has(word));
    if (unknown.length > 0 && this.pool) await this.lookUp(unknown, this.pool, signal);
    return candidates.map((words) => new Set(words.filter((word) => this.known.get(word))));
  }

  private async lookUp(words: string[], pool: PipelinePool, signal: AbortSignal): Promise<void> {
    const analyses = await lookUpWords(pool, words, signal);
    // The rule is an extra: no analyser, no location (asked again next batch).
    if (!analyses) return;
    words.forEach((word, i) => {
      // ^London/London<np><loc><sg>/London<np><ant><m><sg>$: one lexical unit, the word itself.
      const unit = /^\^([^/$]*)\/([^$]*)\$$/u.exec(analyses[i] ?? '');
      this.known.set(word, unit?.[1] === word && (unit[2] ?? '').includes('<np><loc>'));
    });
  }

  /** Stops the analyser. */
  async close(): Promise<void> {
    await this.pool?.close();
  }
}
