/**
 * French definite articles before a glossary term (see GlossaryEntry.article): "l'", "le", "la", "les"
 * are absorbed into the span; the contractions "du", "des" (de + le/les) and "au", "aux" (à + le/les)
 * are absorbed too, but their preposition is written back outside the placeholder.
 */
import type { Token } from './tokens.js';

const ARTICLES = new Set(['le', 'la', 'les']);
const CONTRACTIONS: Record<string, string> = { du: 'de', des: 'de', au: 'à', aux: 'à' };

export interface ArticleMatch {
  /** Index of the first token the span now starts at. */
  firstToken: number;
  /** Offset in the text of that token. */
  start: number;
  /** Preposition to write before the placeholder, for contractions. */
  preposition?: string;
}

/**
 * The article directly before token `index`, if any. `free(i)` says whether token i is not already
 * part of another span.
 */
export function articleBefore(
  tokens: readonly Token[],
  index: number,
  free: (i: number) => boolean,
): ArticleMatch | undefined {
  const term = tokens[index];
  const prev = tokens[index - 1];
  if (!term || !prev || !free(index - 1)) return undefined;
  // Elision: "l'" written against the word, with no space on either side of the apostrophe.
  if (prev.text === "'" && prev.end === term.start) {
    const l = tokens[index - 2];
    if (l?.isWord && l.end === prev.start && l.text.toLowerCase() === 'l' && free(index - 2)) {
      return { firstToken: index - 2, start: l.start };
    }
    return undefined;
  }
  // "jusqu'au Caire" counts too: the span starts at "au" and "jusqu'" stays outside → "jusqu'à __E1__".
  if (!prev.isWord) return undefined;
  const lower = prev.text.toLowerCase();
  if (ARTICLES.has(lower)) return { firstToken: index - 1, start: prev.start };
  const preposition = CONTRACTIONS[lower];
  if (preposition === undefined) return undefined;
  const capital = prev.text[0] !== lower[0];
  return {
    firstToken: index - 1,
    start: prev.start,
    preposition: capital ? preposition.toUpperCase().slice(0, 1) + preposition.slice(1) : preposition,
  };
}
