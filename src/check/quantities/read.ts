/**
 * Every quantity of a text, in one language: the digit forms first (read-forms.ts), each claiming its
 * span, then numbers written in words (read-words.ts) on what is left.
 */
import { FORM_READERS } from './read-forms.js';
import { wordQuantities } from './read-words.js';
import type { Language, Quantity } from './types.js';

// A claimed span is blanked with a control character: not a digit, letter or space, so nothing
// reads across it and words on either side do not join.
const BLANK = '\u0001';

export function quantitiesIn(text: string, lang: Language): Quantity[] {
  let rest = text;
  const found: Quantity[] = [];
  for (const reader of FORM_READERS) {
    const claimed: Quantity[] = [];
    for (const match of rest.matchAll(reader.pattern(lang))) {
      const read = reader.read(match, lang);
      if (read) claimed.push(...read.map((q) => ({ ...q, raw: text.slice(q.start, q.end) })));
    }
    for (const q of claimed)
      rest = rest.slice(0, q.start) + BLANK.repeat(q.end - q.start) + rest.slice(q.end);
    found.push(...claimed);
  }
  found.push(...wordQuantities(rest, lang).map((q) => ({ ...q, raw: text.slice(q.start, q.end) })));
  return found.sort((a, b) => a.start - b.start);
}
