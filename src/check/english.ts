/**
 * Finding an English form (a glossary term or a forbidden variant) in a target with the same care the
 * glossary matcher takes on the French side: Unicode NFC, typographic and straight apostrophes alike,
 * whole words, a possessive or plural ending allowed ("Palmyra's", "Palmyra’s", "Palmyras'"), and the
 * first letter free only at a sentence start ("al-Nusra Front" / "Al-Nusra Front began…").
 * A hyphen ends a word here, so "Palmyra-based" contains Palmyra.
 */

const APOSTROPHES = /[\u2019\u02BC\u2018\u2032]/g;
const HYPHENS = /[\u2010\u2011]/g;
const SPACES = /[\s\u00A0\u202F\u2009]+/g;

/** NFC, one apostrophe, one hyphen, one space: what both sides are compared on. */
export function normaliseEnglish(text: string): string {
  return text.normalize('NFC').replace(APOSTROPHES, "'").replace(HYPHENS, '-').replace(SPACES, ' ');
}

export interface Occurrence {
  start: number;
  end: number;
  /** As written in the (normalised) target, ending included. */
  text: string;
}

const WORD = '[\\p{L}\\p{N}\\p{M}]';
// Possessive or plural: Palmyra's, Palmyras', Palmyras, Palmyra' (after s-ending names).
const ENDING = "(?:'s|s'|es'|s|es|')?";

// The checks look for every form of every entry in the same target, one after the other:
// the last target's normal form is kept so it is computed once, not once per form.
let lastText: string | undefined;
let lastNormal = '';

function normalisedTarget(text: string): string {
  if (text !== lastText) {
    lastNormal = normaliseEnglish(text);
    lastText = text;
  }
  return lastNormal;
}

// …and the same few forms against every target: each is normalised once.
const needles = new Map<string, string>();

function needleOf(form: string): string {
  let needle = needles.get(form);
  if (needle === undefined) {
    needle = normaliseEnglish(form).trim();
    needles.set(form, needle);
  }
  return needle;
}

/** Every occurrence of `form` in `text` (both normalised first), in text order. */
export function findEnglish(text: string, form: string): Occurrence[] {
  const needle = needleOf(form);
  if (needle === '') return [];
  const haystack = normalisedTarget(text);
  // Spaces are single after normalisation, so every match contains the needle minus its
  // first letter literally: a substring test rules most forms out before the regex runs.
  if (!haystack.includes(needle.slice(1))) return [];
  const first = needle.charAt(0);
  const found: Occurrence[] = [];
  for (const match of haystack.matchAll(patternFor(needle))) {
    const start = match.index;
    if (match[0][0] !== first && !atSentenceStart(haystack, start)) continue;
    found.push({ start, end: start + match[0].length, text: match[0] });
  }
  return found;
}

// A glossary's forms are checked against every unit: each pattern is compiled once.
const patterns = new Map<string, RegExp>();

function patternFor(needle: string): RegExp {
  let pattern = patterns.get(needle);
  if (!pattern) {
    const first = needle.charAt(0);
    const rest = escapeRegExp(needle.slice(1)).replace(/ /g, ' +');
    const lower = escapeRegExp(first.toLowerCase());
    const upper = escapeRegExp(first.toUpperCase());
    const head = lower === upper ? lower : `[${lower}${upper}]`;
    pattern = new RegExp(`(?<!${WORD})${head}${rest}${ENDING}(?!${WORD})`, 'gu');
    patterns.set(needle, pattern);
  }
  return pattern;
}

/** Start of the text, or after . ! ? : … and any spaces, quotes or brackets. */
function atSentenceStart(text: string, index: number): boolean {
  const before = text.slice(0, index).replace(/[\s"'“‘«([—–-]+$/u, '');
  return before === '' || /[.!?:…]$/u.test(before);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
