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
