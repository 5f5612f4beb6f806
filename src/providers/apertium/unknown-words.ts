/**
 * The pure half of the unknown-word repair: reading `*word` marks in the English of the
 * French → Spanish → English pivot, telling a French word that passed through from a Spanish
 * word the second leg did not know, and putting the repairs back. The lookups themselves run
 * on warm pipelines (repair.ts).
 */
import { PLACEHOLDER_SOURCE, PLACEHOLDER_WORD_SOURCE } from '../../glossary/placeholder.js';

/**
 * A word the last leg marked unknown: `*combatientes`, `*désinflation` (never a placeholder). In a
 * hyphenated name every unknown part is marked (`*Fos-south-*Mer`, `*Auvernia-*Ródano-Alps`): the
 * parts are one word, read and repaired whole, or the name would come back twice over.
 */
const UNKNOWN = /\*([\p{L}\p{M}][\p{L}\p{M}\p{N}’'-]*(?:\*[\p{L}\p{M}][\p{L}\p{M}\p{N}’'-]*)*)/gu;
/** The word a mark stands for: its parts without their marks. */
const markedWord = (marked: string) => marked.replaceAll('*', '');
/**
 * The marks on a placeholder: before it (`*__E1__`), or inside it, where Apertium puts them, since
 * it reads the underscores as punctuation and the rest as an unknown word (`__*E1__`).
 */
const MARKED_PLACEHOLDER = new RegExp(
  String.raw`\*+(?=${PLACEHOLDER_SOURCE})|(?<=__)\*+(?=${PLACEHOLDER_WORD_SOURCE})`,
  'gu',
);
const WORD = /[\p{L}\p{M}][\p{L}\p{M}\p{N}’'-]*/gu;
const ELISION = /^(?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu)['’]/iu;

/** Unknown words of one English segment, in order, without duplicates. */
export function unknownWords(text: string): string[] {
  const words = text.replace(MARKED_PLACEHOLDER, '').matchAll(UNKNOWN);
  return [...new Set(Array.from(words, ([, word = '']) => markedWord(word)))];
}

const fold = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The words of a French source segment, without elided articles (`l’inflation` → `inflation`) and placeholders. */
export function sourceWords(source: string): string[] {
  return Array.from(source.matchAll(WORD), (m) => m[0].replace(ELISION, '')).filter((w) => w !== '');
}

/** The source word `word` is, if it occurs in the source as it is (a French word that passed through). */
export function frenchInSource(word: string, words: readonly string[]): string | undefined {
  return words.find((w) => w.toLowerCase() === word.toLowerCase());
}

function sharedPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * The French source word a Spanish leak came from: a candidate (its back-translation, then
 * the leak itself) equal to a source word, accents and case aside; else the source word
 * sharing the longest prefix with a candidate, at least 5 letters and 45 % of the shorter
 * (`imposición` ~ `imposition`, `combatientes` ~ `combattants`); else a word of a back-translation
 * of several words, of 5 letters or more, equal to a source word: Spanish verbs come back with
 * their subject or particle (`moviliza` → « Il mobilise », `topado` → « Tombé sur »), and the
 * short words of such a phrase (pronouns, prepositions, « fait » of « fait taire ») are never the
 * match.
 */
export function matchSourceWord(candidates: readonly string[], words: readonly string[]): string | undefined {
  return matchWhole(candidates, words) ?? matchPart(candidates, words);
}

const PHRASE_PART_MIN = 5;

function matchPart(candidates: readonly string[], words: readonly string[]): string | undefined {
  for (const candidate of candidates) {
    const parts = candidate.split(/\s+/).filter((part) => part.length >= PHRASE_PART_MIN);
    if (parts.length === 0 || !/\s/.test(candidate.trim())) continue;
    for (const part of parts) {
      const found = words.find((w) => fold(w) === fold(part));
      if (found) return found;
    }
  }
  return undefined;
}

function matchWhole(candidates: readonly string[], words: readonly string[]): string | undefined {
  for (const candidate of candidates) {
    const found = words.find((w) => fold(w) === fold(candidate));
    if (found) return found;
  }
  for (const candidate of candidates) {
    const found = words.find((w) => sameCompound(candidate, w));
    if (found) return found;
  }
  let best: string | undefined;
  let bestLength = 0;
  for (const candidate of candidates) {
    for (const w of words) {
      const n = sharedPrefix(fold(candidate), fold(w));
      if (n >= 5 && n >= 0.45 * Math.min(candidate.length, w.length) && n > bestLength) {
        best = w;
        bestLength = n;
      }
    }
  }
  return best;
}

/**
 * A hyphenated name and its pivot translation: as many parts, the first and the last the same
 * or sharing their first three letters (`Fos-south-Mer` ~ `Fos-sur-Mer`, `Auvernia-Ródano-Alps` ~
 * `Auvergne-Rhône-Alpes`, `ile-of-France` ~ `Ile-de-France`): the parts between are often
 * function words the pivot translated (`de` → `of`, `sur` → `south`).
 */
function sameCompound(candidate: string, word: string): boolean {
  const a = fold(candidate).split('-');
  const b = fold(word).split('-');
  if (a.length < 2 || a.length !== b.length) return false;
  const close = (x = '', y = '') =>
    x === y || (x.length >= 3 && y.length >= 3 && x.slice(0, 3) === y.slice(0, 3));
  return close(a[0], b[0]) && close(a.at(-1), b.at(-1));
}

/** A lookup result worth keeping: one word, no unknown/error mark, not the input given back. */
export function acceptedLookup(result: string | undefined, input: string): string | undefined {
  const word = result?.trim();
  if (!word || !/^[\p{L}\p{M}][\p{L}\p{M}’'-]*$/u.test(word)) return undefined;
  return fold(word) === fold(input) ? undefined : word;
}

const PHRASE = /^[\p{L}\p{M}][\p{L}\p{M}’'-]*(?: [\p{L}\p{M}][\p{L}\p{M}’'-]*){0,2}$/u;

/**
 * A back-translation worth matching to the source: one to three words, letters only, no mark, not the
 * input given back (`moviliza` → « Il mobilise », `topado` → « Tombé sur »).
 */
export function acceptedPhrase(result: string | undefined, input: string): string | undefined {
  const phrase = result?.trim().replace(/\s+/g, ' ');
  if (!phrase || !PHRASE.test(phrase)) return undefined;
  return fold(phrase) === fold(input) ? undefined : phrase;
}

/** `result` in the case of `original`: `Combatientes` → `Fighters`, `ONU` → upper case. */
export function matchCase(result: string, original: string): string {
  if (original.length > 1 && original === original.toUpperCase()) return result.toUpperCase();
  const first = original.charAt(0);
  if (first !== first.toLowerCase()) return result.charAt(0).toUpperCase() + result.slice(1);
  return result;
}

/** The segment with only the marks on placeholders removed (a source with a literal `*`). */
export function unmarkPlaceholders(text: string): string {
  return text.replace(MARKED_PLACEHOLDER, '');
}

/** The segment with each marked word replaced by its repair, or unmarked when there is none. */
export function applyRepairs(text: string, repairs: ReadonlyMap<string, string>): string {
  return text.replace(MARKED_PLACEHOLDER, '').replace(UNKNOWN, (_, marked: string) => {
    const word = markedWord(marked);
    const repair = repairs.get(word);
    return repair === undefined ? word : matchCase(repair, word);
  });
}
