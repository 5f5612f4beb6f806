/**
 * Apertium's transfer copies the case of a sentence's first word onto the next translated word
 * when the first word is unknown to it, as a placeholder is: "__E1__ conservera" comes back as
 * "__E1__ Will conserve". A word that followed a placeholder in lowercase in the input is put
 * back in lowercase (never "I", which English always capitalises).
 */
import { PLACEHOLDER_SOURCE } from '../../glossary/placeholder.js';

const PLACEHOLDER_THEN_WORD = new RegExp(String.raw`(${PLACEHOLDER_SOURCE})(\s+)(\p{L})`, 'gu');

export function restoreCaseAfterPlaceholders(output: string, input: string): string {
  const lowerAfter = new Set<string>();
  for (const [, token, , letter] of input.matchAll(PLACEHOLDER_THEN_WORD)) {
    if (token && letter && letter === letter.toLowerCase()) lowerAfter.add(token);
  }
  if (lowerAfter.size === 0) return output;
  return output.replace(
    PLACEHOLDER_THEN_WORD,
    (whole, token: string, space: string, letter: string, offset: number) => {
      if (!lowerAfter.has(token) || letter === letter.toLowerCase()) return whole;
      const nextChar = output[offset + whole.length];
      const isPronounI = letter === 'I' && (nextChar === undefined || !/\p{L}/u.test(nextChar));
      return isPronounI ? whole : `${token}${space}${letter.toLowerCase()}`;
    },
  );
}
