/**
 * Every quantity of a text, in one language: the digit forms first (read-forms.ts), each claiming its
 * span, then numbers written in words (read-words.ts) on what is left.
 */
import { FORM_READERS, type FormReader } from './read-forms.js';
import { wordQuantities } from './read-words.js';
import type { Language, Quantity } from './types.js';

// A claimed span is blanked with a control character: not a digit, letter or space, so nothing
// reads across it and words on either side do not join.
const BLANK = '\u0001';

// Each reader's pattern, compiled once per language (the check runs on every unit of large files).
const compiled = new Map<FormReader, Partial<Record<Language, RegExp>>>();

function patternOf(reader: FormReader, lang: Language): RegExp {
  let byLang = compiled.get(reader);
  if (!byLang) {
    byLang = {};
    compiled.set(reader, byLang);
  }
  let pattern = byLang[lang];
  if (!pattern) {
    pattern = reader.pattern(lang);
    byLang[lang] = pattern;
  }
  return pattern;
}

export function quantitiesIn(text: string, lang: Language): Quantity[] {
  let rest = text;
  const found: Quantity[] = [];
  const hasDigit = /\d/.test(text);
  for (const reader of FORM_READERS) {
    // A text without digits skips the readers that need one.
    if (!hasDigit && reader.digits) continue;
    if (reader.hint && !reader.hint[lang].test(rest)) continue;
    const claimed: Quantity[] = [];
    for (const match of rest.matchAll(patternOf(reader, lang))) {
      const read = reader.read(match, lang);
      if (read) claimed.push(...read.map((q) => ({ ...q, raw: text.slice(q.start, q.end) })));
    }
    if (claimed.length > 0) rest = blank(rest, claimed);
    found.push(...claimed);
  }
  found.push(...wordQuantities(rest, lang).map((q) => ({ ...q, raw: text.slice(q.start, q.end) })));
  return found.sort((a, b) => a.start - b.start);
}

/** The text with every claimed span blanked, in one pass (a long text may hold thousands of numbers). */
function blank(text: string, spans: readonly Quantity[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const q of [...spans].sort((a, b) => a.start - b.start)) {
    if (q.start < at) continue;
    parts.push(text.slice(at, q.start), BLANK.repeat(q.end - q.start));
    at = q.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
