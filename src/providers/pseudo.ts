/**
 * Pseudo-translation, the way localization engineers test a layout before real
 * translations exist: every Latin letter gets an accent (é, å, ñ…) so untranslated text
 * and encoding damage stand out, the text is wrapped in ⟦…⟧ so truncation and
 * concatenation show, and padded by about a third, the typical growth of a translation.
 * Placeholders (`__E3__`), XML tags, entities and numbers are left exactly as they are.
 * Deterministic, no I/O.
 */

import { PLACEHOLDER_SOURCE } from '../glossary/placeholder.js';
import {
  LOCAL_ENGINE_PACING,
  type Provider,
  type ProviderFactory,
  type SourceText,
  type TranslateResult,
  withOverrides,
} from './provider.js';

// biome-ignore format: a table reads best as rows
const ACCENTED: Record<string, string> = {
  a: 'å', b: 'ƀ', c: 'ç', d: 'ð', e: 'é', f: 'ƒ', g: 'ĝ', h: 'ĥ', i: 'î', j: 'ĵ', k: 'ķ', l: 'ļ', m: 'ɱ',
  n: 'ñ', o: 'ö', p: 'þ', q: 'ǫ', r: 'ŕ', s: 'š', t: 'ţ', u: 'û', v: 'ṽ', w: 'ŵ', x: 'ẋ', y: 'ý', z: 'ž',
  A: 'Å', B: 'Ɓ', C: 'Ç', D: 'Ð', E: 'É', F: 'Ƒ', G: 'Ĝ', H: 'Ĥ', I: 'Î', J: 'Ĵ', K: 'Ķ', L: 'Ļ', M: 'Ṁ',
  N: 'Ñ', O: 'Ö', P: 'Þ', Q: 'Ǫ', R: 'Ŕ', S: 'Š', T: 'Ţ', U: 'Û', V: 'Ṽ', W: 'Ŵ', X: 'Ẋ', Y: 'Ý', Z: 'Ž',
};

/** Left untouched: `token` placeholders, XML tags (`xml` placeholders, inline markup), entities. */
const PROTECTED = new RegExp(
  String.raw`${PLACEHOLDER_SOURCE}|<[^<>]*>|&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]\w*);`,
  'g',
);

/** Growth of the text, in characters, brackets and padding included. */
const EXPANSION = 0.35;

function accent(text: string): string {
  return text.replace(/[A-Za-z]/g, (letter) => ACCENTED[letter] ?? letter);
}

/** `Le chat` → `⟦Ļé çĥåţ ~⟧`; empty and blank texts stay as they are. */
function pseudoTranslate(text: string): string {
  if (text.trim() === '') return text;
  let out = '';
  let last = 0;
  for (const match of text.matchAll(PROTECTED)) {
    out += accent(text.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  out += accent(text.slice(last));
  // Brackets and the space before the padding count towards the growth.
  const padding = Math.max(1, Math.round([...text].length * EXPANSION) - 3);
  return `⟦${out} ${'~'.repeat(padding)}⟧`;
}

export const createPseudo: ProviderFactory = async (options) => {
  const translate = async (batch: readonly SourceText[], signal: AbortSignal): Promise<TranslateResult> => {
    if (signal.aborted) {
      const reason: unknown = signal.reason;
      throw reason instanceof Error && reason.name === 'AbortError'
        ? reason
        : new DOMException('The translation was aborted', 'AbortError');
    }
    return { texts: batch.map((source) => pseudoTranslate(source.text)) };
  };
  return {
    name: 'pseudo',
    limits: { maxBatch: 10_000, maxBatchBytes: 1024 * 1024 },
    ...withOverrides(LOCAL_ENGINE_PACING, options.overrides),
    placeholderStyle: 'token',
    fingerprint: 'pseudo:v1',
    supportsGlossary: false,
    translate,
    close: async () => {},
  } satisfies Provider;
};
