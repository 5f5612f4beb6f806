/**
 * Whether a glossary form restored at some point of a target starts a sentence, and so takes a
 * capital ("the CGT" → "The CGT"). Decided on the target text before the form, written either
 * with French spacing (engine output) or English (after typography):
 * - nothing but opening quotes, brackets or a dash since the start of the segment or of a line
 *   (list items, live-blog lines);
 * - after a sentence-final mark (. ! ? …), possibly followed by closing quotes, unless the word
 *   before the dot is a title or an initial ("Mr.", "M.", "J.");
 * - after an interview marker: `Q :`, `R :`, `A:` at the start or after a dash (`— Q : `);
 * - after a colon only when the French has a colon and a capital there too: French writes lower
 *   case after a colon unless a sentence (or a quotation) follows.
 */

// Opening punctuation and spaces between a sentence boundary and its first word.
const OPENERS = /[\s\u00a0\u202f\u2009«“"‘'([{¿¡—–-]+$/u;
// The same without line breaks: a line start is a sentence start (list items, live-blog lines).
const OPENERS_ON_LINE = /[\t \u00a0\u202f\u2009«“"‘'([{¿¡—–-]*$/u;
const SENTENCE_END = /[.!?…][\s\u00a0\u202f\u2009»”"’')\]]*$/u;
// English and French titles, and single-letter initials, that end in a dot inside a sentence.
const ABBREVIATION_DOT =
  /(?:^|[^\p{L}])(?:Mr|Mrs|Ms|Dr|Prof|St|Mt|Gen|Col|Lt|Sgt|Capt|Rev|Sen|Rep|Gov|Mme|Mlle|Mgr|Pr|Me|\p{Lu})\.$/u;
const INTERVIEW_MARKER = /(?:^|[—–-][\s\u00a0\u202f\u2009]*)[QRA][\s\u00a0\u202f\u2009]*:$/u;

/**
 * `before`: the target text before the form. `sentenceAfterColon`: whether in the French a
 * colon and a capital stand before the text the form replaced (see `sentenceAfterColon`).
 */
export function atSentenceStart(text: string, sentenceAfterColon: boolean): boolean {
  // The decision needs only the end of the text: keeps restore linear on a very long segment.
  const before = text.length > 200 ? `x${text.slice(-200)}` : text;
  if (/(?:^|[\n\r])$/u.test(before.replace(OPENERS_ON_LINE, ''))) return true;
  const rest = before.replace(OPENERS, '');
  if (INTERVIEW_MARKER.test(rest)) return true;
  if (/:$/u.test(rest)) return sentenceAfterColon;
  if (!SENTENCE_END.test(rest)) return false;
  return !ABBREVIATION_DOT.test(rest.replace(/[\s\u00a0\u202f\u2009»”"’')\]]+$/u, ''));
}

/** The form with its first letter in upper case ("the CGT" → "The CGT"). */
export function capitalise(text: string): string {
  const first = text.codePointAt(0);
  if (first === undefined) return text;
  const char = String.fromCodePoint(first);
  return char.toUpperCase() + text.slice(char.length);
}

/**
 * Whether French `text`, preceded by `before`, is a sentence that follows a colon: the colon
 * (then spaces or opening quotes) and a capital ("Il a prévenu : La CGT ne cédera pas").
 */
export function sentenceAfterColon(before: string, text: string): boolean {
  return /:$/u.test(before.replace(OPENERS, '')) && /^\p{Lu}/u.test(text);
}
