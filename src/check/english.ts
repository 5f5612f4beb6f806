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

/** A letter, digit or combining mark: what a term may not touch on either side. */
const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
// Possessive or plural, tried in this order: Palmyra's, Palmyras', Palmyras, Palmyra' (after s-ending names).
const ENDINGS = ["'s", "s'", "es'", 's', 'es', "'", ''] as const;

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

/** A form as it is searched for: its first letter in either case, then the rest as written. */
interface Needle {
  /** The first character as the form writes it. */
  first: string;
  /** Each way the first character may be written: the form's, lower case, upper case. */
  heads: string[];
  rest: string;
}

// …and the same few forms against every target: each is prepared once.
const needles = new Map<string, Needle | undefined>();

function needleOf(form: string): Needle | undefined {
  if (needles.has(form)) return needles.get(form);
  const normal = normaliseEnglish(form).trim();
  const first = normal === '' ? '' : String.fromCodePoint(normal.codePointAt(0) ?? 0);
  const needle =
    normal === ''
      ? undefined
      : {
          first,
          heads: [...new Set([...first.toLowerCase(), ...first.toUpperCase()])],
          rest: normal.slice(first.length),
        };
  needles.set(form, needle);
  return needle;
}

/**
 * Every occurrence of \`form\` in \`text\` (both normalised first), in text order, not overlapping: a
 * whole-word match whose first letter is the form's, or any case at a sentence start. Plain string
 * search, no regular expression per form: a glossary has hundreds of forms, and compiling one
 * Unicode-aware pattern for each cost more than the whole check of an article.
 */
export function findEnglish(text: string, form: string): Occurrence[] {
  const needle = needleOf(form);
  if (needle === undefined) return [];
  const haystack = normalisedTarget(text);
  // Spaces are single after normalisation, so every match contains the form minus its first
  // letter literally: most forms are ruled out here.
  if (!haystack.includes(needle.rest)) return [];
  const found: Occurrence[] = [];
  let from = 0;
  for (;;) {
    const next = nextCandidate(haystack, needle, from);
    if (next === undefined) break;
    const end = wordEnd(haystack, next.start, next.start + next.head.length + needle.rest.length);
    if (end === undefined) {
      from = next.start + 1;
      continue;
    }
    if (next.head === needle.first || atSentenceStart(haystack, next.start))
      found.push({ start: next.start, end, text: haystack.slice(next.start, end) });
    from = end;
  }
  return found;
}

/** The first place at or after \`from\` where the form starts, with either head. */
function nextCandidate(haystack: string, needle: Needle, from: number) {
  let best: { start: number; head: string } | undefined;
  for (const head of needle.heads) {
    const start = haystack.indexOf(head + needle.rest, from);
    if (start !== -1 && (best === undefined || start < best.start)) best = { start, head };
  }
  return best;
}

/** Where a whole-word match starting at \`start\` ends, its ending included; undefined when it is part of a word. */
function wordEnd(text: string, start: number, bare: number): number | undefined {
  if (isWordChar(charBefore(text, start))) return undefined;
  for (const ending of ENDINGS) {
    if (!text.startsWith(ending, bare)) continue;
    const end = bare + ending.length;
    if (!isWordChar(charAt(text, end))) return end;
  }
  return undefined;
}

function charAt(text: string, index: number): string {
  const code = text.codePointAt(index);
  return code === undefined ? '' : String.fromCodePoint(code);
}

function charBefore(text: string, index: number): string {
  if (index <= 0) return '';
  const low = text.charCodeAt(index - 1);
  // The second half of a surrogate pair: the character starts one unit earlier.
  return low >= 0xdc00 && low <= 0xdfff && index >= 2 ? charAt(text, index - 2) : charAt(text, index - 1);
}

const isWordChar = (char: string) => char !== '' && WORD_CHAR.test(char);

/** Start of the text, or after . ! ? : … and any spaces, quotes or brackets. */
function atSentenceStart(text: string, index: number): boolean {
  const before = text.slice(0, index).replace(/[\s"'“‘«([—–-]+$/u, '');
  return before === '' || /[.!?:…]$/u.test(before);
}
