/**
 * Which capitalised words Apertium's English dictionary tags as locations (`<np><loc>`), for the
 * post-editing rule "to <place>" → "in <place>" (src/postedit/, family `places`). One `lt-proc`
 * call per batch over the candidate words, answers kept for the provider's life; without the
 * analyser (another layout of the pair), no word is a location and the rule keeps to the glossary.
 */
import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { stageEnvironment } from './pipeline.js';

/** `to` + a capitalised word: the rule's candidates (placeholders are the glossary's business). */
const CANDIDATE = /\b[Tt]o (\p{Lu}[\p{L}’'-]+)/gu;
/** French `à` directly before a name (no article): the locative the rule repairs. */
const BARE_A = /(?:^|[\s(])[àÀ] (?!(?:Le|La|Les|L['’])\b)\p{Lu}/u;

export class LocationLexicon {
  private readonly known = new Map<string, boolean>();

  private constructor(
    private readonly analyser: string | undefined,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  /** The English analyser shipped beside the spa-eng stages (`eng-spa.automorf.bin`), if present. */
  static async beside(
    stages: readonly (readonly string[])[],
    env: NodeJS.ProcessEnv,
  ): Promise<LocationLexicon> {
    const spanish = stages.flat().find((arg) => arg.endsWith('spa-eng.automorf.bin'));
    const analyser = spanish && path.join(path.dirname(spanish), 'eng-spa.automorf.bin');
    const found =
      analyser !== undefined &&
      (await access(analyser).then(
        () => true,
        () => false,
      ));
    return new LocationLexicon(found ? analyser : undefined, env);
  }

  /** Per text, the candidate words that are locations (only where the French has a bare `à`). */
  async locations(texts: readonly string[], sources: readonly string[]): Promise<Set<string>[]> {
    const candidates = texts.map((text, i) =>
      BARE_A.test(sources[i] ?? '') ? [...text.matchAll(CANDIDATE)].map((m) => m[1] ?? '') : [],
    );
    const unknown = [...new Set(candidates.flat())].filter((word) => !this.known.has(word));
    if (unknown.length > 0) await this.lookUp(unknown);
    return candidates.map((words) => new Set(words.filter((word) => this.known.get(word))));
  }

  private async lookUp(words: string[]): Promise<void> {
    const analyses = this.analyser ? await this.analyse(words.join('\n'), this.analyser) : '';
    const isLocation = new Map<string, boolean>();
    // ^London/London<np><loc><sg>/London<np><ant><m><sg>$
    for (const [, surface = '', readings = ''] of analyses.matchAll(/\^([^/$]*)\/([^$]*)\$/gu)) {
      isLocation.set(surface, readings.includes('<np><loc>'));
    }
    for (const word of words) this.known.set(word, isLocation.get(word) ?? false);
  }

  private analyse(input: string, analyser: string): Promise<string> {
    return new Promise((resolve) => {
      const child = execFile(
        'lt-proc',
        ['-w', analyser],
        { env: stageEnvironment(this.env), timeout: 30_000 },
        (error, stdout) => resolve(error ? '' : stdout),
      );
      child.stdin?.end(input);
    });
  }
}
