/**
 * doubled-word (pofilter "doublewords", Xbench "Repeated words", CheckMate "double words"): the same
 * word twice in a row in the target ("of of"). A repetition the source has too is a name (Bora Bora,
 * Sirhan Sirhan) and stays; "that that" and "had had" (past perfect of have, not after has/have)
 * are English grammar.
 */
import { withoutInlineCodes } from '../inline-codes.js';
import { type Check, type Problem, quote, targetOf } from './unit.js';

// The second word may take a possessive: "the government government’s plan".
const DOUBLED =
  /(?<![\p{L}\p{N}\p{M}'’-])([\p{L}\p{M}\p{N}]+(?:['’][\p{L}]+)?)[ \u00A0\u202F\t]+\1(?:['’]s)?(?![\p{L}\p{N}\p{M}'’-])/giu;

export const doubledWord: Check = (unit) => {
  const target = targetOf(unit);
  if (target === undefined) return [];
  const text = withoutInlineCodes(target);
  const source = withoutInlineCodes(unit.segment.source).toLowerCase().replace(/\s+/g, ' ');
  const problems: Problem[] = [];
  for (const match of text.matchAll(DOUBLED)) {
    const [, written = ''] = match;
    const word = written.toLowerCase();
    if (grammatical(word, text.slice(0, match.index))) continue;
    if (source.includes(`${word} ${word}`)) continue;
    problems.push({
      message: `the word ${quote(written)} is repeated in the target: ${quote(match[0])} (the source has no such repetition); delete one`,
      text: match[0],
    });
  }
  return problems;
};

function grammatical(word: string, before: string): boolean {
  if (word === 'that') return true;
  return word === 'had' && !/\b(?:has|have|having|had)\s*$/i.test(before);
}
