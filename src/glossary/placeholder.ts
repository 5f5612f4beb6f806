/**
 * The token placeholder, `__E<n>__`: what protectTerms writes for a protected term in `token` style,
 * a plain word that rule-based engines (both Apertium legs) pass through untouched. Every stage that
 * reads or writes one goes through here, so the syntax has one definition.
 */

/** What a placeholder starts with: enough to tell one from an inline XML code. */
export const PLACEHOLDER_PREFIX = '__E';

/**
 * Regular-expression source of a placeholder's word: what follows its leading underscores, which
 * an engine that reads underscores as punctuation sees as a word of its own (Apertium marks it
 * unknown there: `__*E1__`).
 */
export const PLACEHOLDER_WORD_SOURCE = String.raw`E\d+__`;

/** Regular-expression source of one placeholder, without a capture group, for composing patterns. */
export const PLACEHOLDER_SOURCE = `__${PLACEHOLDER_WORD_SOURCE}`;

/** `3` → `__E3__`. */
export function tokenPlaceholder(n: number): string {
  return `${PLACEHOLDER_PREFIX}${n}__`;
}

/** A fresh global pattern matching each placeholder, its number in group 1. */
export function placeholderPattern(): RegExp {
  return /__E(\d+)__/g;
}

/** The placeholders written in `text`, in order, repeats included. */
export function placeholdersIn(text: string): string[] {
  return Array.from(text.matchAll(placeholderPattern()), (match) => match[0]);
}

/** The highest n of the placeholders written in `text` (0 when none). */
export function highestPlaceholder(text: string): number {
  let highest = 0;
  for (const match of text.matchAll(placeholderPattern())) highest = Math.max(highest, Number(match[1]));
  return highest;
}
