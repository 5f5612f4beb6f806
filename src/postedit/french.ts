/**
 * House-style conventions that must be written in the French before the engine, because the
 * pivot breaks them: Apertium reads « Ier siècle » as the word "And" and keeps « XIXe » as
 * "XIX", but translates « 1er siècle » / « 19e siècle » as "1st century" / "19th century",
 * which the English rules then finish (AP: the first century). Placeholders are never touched.
 */
import { fromRoman } from './transforms.js';

const ROMAN_CENTURY = /\b([IVXL]{1,6})(e|er|ème|eme)(?= siècles?\b)/gu;

/** The French with Roman-numeral centuries in figures (« XIXe siècle » → « 19e siècle »). */
export function frenchConventions(text: string): string {
  return text.replace(ROMAN_CENTURY, (match, roman: string) => {
    const n = fromRoman(roman);
    return n === undefined ? match : `${n}${n === 1 ? 'er' : 'e'}`;
  });
}

/** « Y a-t-il » → « il y a »: the pronoun goes before the « y ». */
const THERE_IS = /\b([Yy]) a-t-il\b/gu;
/**
 * Subject-verb inversion: « a-t-il affirmé », « ont-ils déclaré », « estime-t-elle », « peut-on ».
 * Third-person subject pronouns only: after a hyphen they are always an inverted subject, while
 * « -nous », « -vous » are also imperatives and nouns (« donnez-nous », « un rendez-vous »), and
 * compounds (« peut-être », « Jean-Pierre ») have none.
 */
const INVERSION = /\b(\p{L}+)(?:-t)?-(il|elle|on|ils|elles)\b(?!-)/gu;

/**
 * The French with inverted subjects put back in order (« », a-t-il affirmé » → « », il a
 * affirmé »). French inverts the subject after a quotation and in questions; the fr→es leg
 * does not parse the hyphenated form, and Spanish leaks through (`haafirmado`, `seha`), while
 * the plain order translates. Always applied for Apertium: it is the engine's input, not a style.
 */
export function uninvertSubjects(text: string): string {
  return text
    .replace(THERE_IS, (_match, y: string) => (y === 'Y' ? 'Il y a' : 'il y a'))
    .replace(INVERSION, (_match, verb: string, pronoun: string) => {
      const first = verb[0] ?? '';
      if (first === first.toLowerCase()) return `${pronoun} ${verb}`;
      // A question's first word: the capital moves to the pronoun.
      return `${pronoun[0]?.toUpperCase() ?? ''}${pronoun.slice(1)} ${first.toLowerCase()}${verb.slice(1)}`;
    });
}

/**
 * A capital « A » that starts a sentence or a quotation, followed by a word (a segment may hold
 * more than one sentence: a quotation is kept whole): the preposition « À »
 * written without its accent, as French typography long allowed on capitals (« A Paris », « A
 * 20 ans »). The verb « a » never starts a statement (its inversion, « A-t-il », has a hyphen), and
 * the pivot reads the bare capital as the verb: "Has Paris". A single letter that is a name (« le
 * plan A ») is never at a start.
 */
// A placeholder (`__E1__`, a protected place) is a word too.
const UNACCENTED_A = /(^|[«“"([—–]\s*|[.!?…]\s+)A(?= [\p{L}\d_])/gu;

/** « A Paris, … » → « À Paris, … »: the preposition's accent restored at a sentence or quotation start. */
export function accentCapitalA(text: string): string {
  return text.replace(UNACCENTED_A, '$1À');
}
