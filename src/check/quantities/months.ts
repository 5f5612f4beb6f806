/** Month names (and their usual abbreviations) of both languages, for dates. */
import type { Language } from './types.js';

const FR = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];
const EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const EN_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept?', 'Oct', 'Nov', 'Dec'];
const FR_SHORT = ['janv', 'févr', 'mars', 'avr', 'mai', 'juin', 'juil', 'août', 'sept', 'oct', 'nov', 'déc'];

/**
 * A month name: French months are written in lower case (a capital "Mars" is the planet, "Mai" a
 * name), English ones with a capital ("may" is a verb). Abbreviations need their full stop.
 */
export function monthPattern(lang: Language): RegExp {
  const names = lang === 'fr' ? FR : EN;
  const short = (lang === 'fr' ? FR_SHORT : EN_SHORT).map((s) => `${s}\\.`);
  const flags = lang === 'fr' ? 'gu' : 'gu';
  return new RegExp(`(?<![\\p{L}])(?:${[...names, ...short].join('|')})(?![\\p{L}])`, flags);
}

/** 1–12 for a name or abbreviation matched by monthPattern. */
export function monthNumber(name: string, lang: Language): number {
  const bare = name.replace(/\.$/, '').toLowerCase();
  const names = (lang === 'fr' ? FR : EN).map((n) => n.toLowerCase());
  const full = names.indexOf(bare);
  if (full >= 0) return full + 1;
  return names.findIndex((n) => n.startsWith(bare.slice(0, 3))) + 1;
}
