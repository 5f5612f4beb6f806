/**
 * Quantities written with digits and signs: digit strings compared as strings (ISBN, telephone),
 * numeric dates, times of day, numbers with a scale word (1,2 milliard, $3.5bn), ordinals and Roman
 * numerals (XIXe siècle, Louis XIV, World War II), month names. Each reader claims its span so the
 * next one does not read the same digits again (read.ts runs them in order).
 */
import { readings } from '../numbers.js';
import { monthNumber, monthPattern } from './months.js';
import { type Language, type Quantity, shiftDecimal } from './types.js';

export interface FormReader {
  /** Whether the reader only reads digits, so a text without one can skip it. */
  digits: boolean;
  /** A cheap test every text it can read passes: the others skip the reader (checks run on every unit). */
  hint?: Record<Language, RegExp>;
  pattern: (lang: Language) => RegExp;
  read: (match: RegExpMatchArray, lang: Language) => Quantity[] | undefined;
}

const SP = '[ \\u00A0\\u202F\\u2009]';

function at(match: RegExpMatchArray, values: string[], optional = false): Quantity {
  const start = match.index ?? 0;
  return { raw: match[0], start, end: start + match[0].length, values, optional };
}

/** ISBN, telephone numbers, references: three or more digit groups that are not thousands groups. */
const digitString: FormReader = {
  digits: true,
  hint: { fr: /\d[-. \u00A0]\d+[-. \u00A0]/, en: /\d[-. \u00A0]\d+[-. \u00A0]/ },
  pattern: () => /(?<![\p{L}\p{N}.,])\+?\d+(?:[-. \u00A0](?:\d+|X\b)){2,}(?![\p{N}])/gu,
  read: (match) => {
    const groups = match[0].replace(/^\+/, '').split(/[-. \u00A0]/);
    const separators = new Set(match[0].match(/[-. \u00A0]/g));
    const [head = ''] = groups;
    // 10 000 000 and 1.500.000 are thousands groups, left to the number reader.
    if (groups.slice(1).every((g) => g.length === 3) && head.length <= 3 && !separators.has('-'))
      return undefined;
    if (groups.join('').length < 7) return undefined;
    return [at(match, [`#${groups.join('')}`])];
  },
};

/** 2025-03-06 (ISO 8601) and 06/03/2025: day-first in French, either order in English. */
const numericDate: FormReader = {
  digits: true,
  hint: { fr: /\d[/.-]\d/, en: /\d[/.-]\d/ },
  pattern: () =>
    /(?<![\d/.-])(?:(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2}))(?![\d/-])/g,
  read: (match, lang) => {
    // One alternative matched: the ISO one (y1, m1, d1) or the other (a, b, y2), all of its groups set.
    const [, y1, m1 = '', d1 = '', a = '', b = '', y2 = ''] = match;
    const start = match.index ?? 0;
    const part = (values: string[]): Quantity => ({
      raw: match[0],
      start,
      end: start + match[0].length,
      values,
      optional: false,
    });
    const num = (s: string) => String(Number(s));
    if (y1) return [part([y1]), part([`m${num(m1)}`]), part([num(d1)])];
    const first = num(a);
    const second = num(b);
    if (Number(second) > 12 && Number(first) > 12) return undefined;
    const year = y2.length === 2 ? [`20${y2}`, `19${y2}`, y2] : [y2];
    if (lang === 'fr' || Number(first) > 12) return [part([first]), part([`m${second}`]), part(year)];
    return [part([first, `m${first}`]), part([second, `m${second}`]), part(year)];
  },
};

/** 21 h 45, 21h, 9 h 05 (French); 9:45 p.m., 9.45pm, 9pm, 21:45 (English and 24-hour clocks). */
const time: FormReader = {
  digits: true,
  hint: { fr: /\d[ \u00A0\u202F\u2009]?h|\d:\d/, en: /\d[ \u00A0\u202F\u2009]?[hap]|\d[:.]\d/i },
  pattern: (lang) =>
    lang === 'fr'
      ? new RegExp(
          `(?<![\\d.,:])(\\d{1,2})${SP}?h(?:eures?)?(?:${SP}?(\\d{2}))?(?![\\p{L}\\d])|(?<![\\d.,:])(\\d{1,2}):(\\d{2})(?![\\d:])`,
          'gu',
        )
      : new RegExp(
          `(?<![\\d.,:])(\\d{1,2})(?:[:.](\\d{2}))?${SP}?([ap])\\.?m\\b\\.?|(?<![\\d.,:])(\\d{1,2}):(\\d{2})(?![\\d:])|(?<![\\d.,:])(\\d{1,2})${SP}?h(?:${SP}?(\\d{2}))?(?![\\p{L}\\d])`,
          'giu',
        ),
  read: (match, lang) => {
    const [, h1, m1, x3, x4, x5] = match;
    const clock = (h: number, m: number) => `t${h}:${String(m).padStart(2, '0')}`;
    if (lang === 'fr') {
      if (h1 !== undefined) {
        const h = Number(h1);
        const m = Number(m1 ?? 0);
        if (h > 24 || m > 59) return undefined;
        // "3 h" may be a duration (three hours) as well as a time.
        return [at(match, m1 === undefined ? [clock(h % 24, 0), String(h)] : [clock(h % 24, m)])];
      }
      return clockOnly(match, Number(x3), Number(x4));
    }
    // "2 h 01" (a duration, a race time) is written the French way in English too.
    const [, , , , , , h6, m7] = match;
    if (h6 !== undefined) {
      const h = Number(h6);
      const m = Number(m7 ?? 0);
      if (h > 24 || m > 59) return undefined;
      return [at(match, m7 === undefined ? [clock(h % 24, 0), String(h)] : [clock(h % 24, m)])];
    }
    if (x3 !== undefined && h1 !== undefined) {
      const h = Number(h1);
      const m = Number(m1 ?? 0);
      if (h === 0 || h > 12 || m > 59) return undefined;
      const h24 = x3.toLowerCase() === 'p' ? (h % 12) + 12 : h % 12;
      return [at(match, [clock(h24, m)])];
    }
    return clockOnly(match, Number(x4), Number(x5));
  },
};

/** 21:45, or 9:45 which may be morning or evening in English. */
function clockOnly(match: RegExpMatchArray, h: number, m: number): Quantity[] | undefined {
  if (h > 24 || m > 59) return undefined;
  const values = [`t${h % 24}:${String(m).padStart(2, '0')}`];
  if (h >= 1 && h < 12) values.push(`t${h + 12}:${String(m).padStart(2, '0')}`);
  return [at(match, values)];
}

const FR_SCALES: Record<string, number> = {
  mille: 3,
  million: 6,
  millions: 6,
  milliard: 9,
  milliards: 9,
  md: 9,
  mds: 9,
  billion: 12,
  billions: 12,
};
const EN_SCALES: Record<string, number> = {
  thousand: 3,
  million: 6,
  billion: 9,
  trillion: 12,
  bn: 9,
  m: 6,
  k: 3,
  tn: 12,
};

/** A number in digits, with its scale word when it has one: 1,2 milliard = 1.2 billion = 1 200 millions. */
const scaledNumber: FormReader = {
  digits: true,
  pattern: (lang) =>
    new RegExp(
      `(?<![\\d.,])(\\d{1,3}(?:${SP}\\d{3})+(?:[.,]\\d+)?|\\d+(?:[.,]\\d+)*)(?:(${SP}?)(${Object.keys(lang === 'fr' ? FR_SCALES : EN_SCALES).join('|')})(?![\\p{L}]))?`,
      'giu',
    ),
  read: (match, lang) => {
    const [raw, digits = '', space = '', scaleWord] = match;
    let values = readings(digits);
    const scales = lang === 'fr' ? FR_SCALES : EN_SCALES;
    const scale = scaleWord === undefined ? undefined : scales[scaleWord.toLowerCase()];
    // "m" and "k" are scales only glued to a number after a currency sign ($3m, €20k), else metres.
    const short = scaleWord !== undefined && /^(?:m|k|md)$/i.test(scaleWord);
    const before = match.input?.slice(Math.max(0, (match.index ?? 0) - 1), match.index) ?? '';
    if (scale !== undefined && !(short && (space !== '' || !/[$€£¥]/.test(before))))
      values = values.map((v) => shiftDecimal(v, scale));
    else if (scaleWord !== undefined) return [at({ ...match, 0: digits } as RegExpMatchArray, values)];
    // The '90s, the 1990s: a decade may be written with two digits or four.
    const after =
      match.input?.slice((match.index ?? 0) + raw.length, (match.index ?? 0) + raw.length + 1) ?? '';
    if (after === 's' && /^(?:1[0-9]|20)?\d0$/.test(digits))
      values = [...values, digits.length === 4 ? digits.slice(2) : `19${digits}`, `20${digits}`];
    return [at(match, values)];
  },
};

const ROMAN =
  /^(?:X{0,3})(?:IX|IV|V?I{0,3})$|^(?:L?X{0,3}|XL|XC)(?:IX|IV|V?I{0,3})$|^C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;

function romanValue(text: string): number | undefined {
  if (text === '' || !ROMAN.test(text)) return undefined;
  const v: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
  // ROMAN admits only these letters.
  const values = [...text].map((letter) => v[letter] ?? 0);
  let total = 0;
  values.forEach((cur, i) => {
    const next = values[i + 1] ?? 0;
    total += cur < next ? -cur : cur;
  });
  return total;
}

/**
 * Roman numerals: with a French ordinal ending (XIXe, Ier, IIIe République, Ve), or after a
 * capitalised word (Louis XIV, Alexander III, World War II) when two letters long or more: a lone
 * "I", "V" or "C" is a pronoun, a letter or a grade, not a number.
 */
const roman: FormReader = {
  digits: false,
  hint: { fr: /[IVX]/, en: /[IVX]/ },
  pattern: () => /(?<![\p{L}\p{N}])([IVXLC]+)(er|re|ère|ème|e|è|ᵉ|ᵉʳ)?(?![\p{L}\p{N}])/gu,
  read: (match) => {
    const [, numeral = '', suffix] = match;
    const value = romanValue(numeral);
    // Ce, Le: a pronoun and an article, not 100e and 50e.
    if (value === undefined || !/[IVX]/.test(numeral)) return undefined;
    if (suffix === undefined) {
      if (numeral.length < 2 || /[LC]/.test(numeral)) return undefined;
      const before = match.input?.slice(0, match.index) ?? '';
      if (!/\p{Lu}[\p{L}'’-]*[ \u00A0]$/u.test(before)) return undefined;
    }
    return [at(match, [String(value)], value === 1)];
  },
};

/** Month names: required in a date (6 mars, March 6, mars 2025), optional elsewhere (Mars the planet, may). */
const month: FormReader = {
  digits: false,
  pattern: (lang) => monthPattern(lang),
  read: (match, lang) => {
    const n = monthNumber(match[0], lang);
    if (n === 0) return undefined;
    const input = match.input ?? '';
    const start = match.index ?? 0;
    const before = input.slice(Math.max(0, start - 6), start);
    const after = input.slice(start + match[0].length, start + match[0].length + 6);
    const inDate = /\d(?:er|st|nd|rd|th)?[ \u00A0]+$/.test(before) || /^,?[ \u00A0]+\d/.test(after);
    return [at(match, [`m${n}`], !inDate)];
  },
};

/**
 * Set phrases whose numbers are not counted one by one: "24 heures sur 24", "7 jours sur 7", "24 h/24"
 * and English "24/7" (round the clock: one number, optional, since "around the clock" has none), and
 * "un quart d'heure", "trois quarts d'heure", "une demi-heure" (15, 45, 30 minutes, optional: "a
 * quarter of an hour" has no digits).
 */
const idiom: FormReader = {
  digits: false,
  hint: { fr: /heure|jours?\b|[hj][ \u00A0]?\/|sur/, en: /24\/7/ },
  pattern: (lang) =>
    lang === 'fr'
      ? new RegExp(
          `(?<![\\d\\p{L}])(\\d{1,2})${SP}?(?:h|heures|j|jours)${SP}?(?:sur|/)${SP}?\\1(?!\\d)|(?<![\\p{L}])(?:(un|trois)${SP}+)?(quarts?)${SP}+d['’]heure|(?<![\\p{L}])demi-heure`,
          'giu',
        )
      : /(?<![\d/])24\/7(?![\d/])/g,
  read: (match, lang) => {
    if (lang === 'en') return [at(match, ['24'], true), at(match, ['7'], true)];
    const [, repeated, count, quarter] = match;
    if (repeated !== undefined) return [at(match, [String(Number(repeated))], true)];
    if (quarter !== undefined) return [at(match, [count?.toLowerCase() === 'trois' ? '45' : '15'], true)];
    return [at(match, ['30'], true)];
  },
};

const HALF_SCALES: Record<string, number> = { million: 6, milliard: 9, billion: 9, trillion: 12 };

/**
 * Halves of a scale: "un demi-million", "un million et demi", "2 milliards et demi"; "half a million",
 * "one and a half million", "two and a half billion". One quantity each: 500000, 1500000, 2500000000.
 */
const halfScale: FormReader = {
  digits: false,
  hint: { fr: /demi/, en: /half/i },
  pattern: (lang) =>
    lang === 'fr'
      ? /(?<![\p{L}])(?:(?:un|une)[ \u00A0]+)?demi-(million|milliard)s?|(?<![\p{L}\d])(un|deux|trois|\d+)[ \u00A0]+(million|milliard)s?[ \u00A0]+et[ \u00A0]+demi(?![\p{L}])/giu
      : /(?<![\p{L}])half[ \u00A0]+an?[ \u00A0]+(million|billion|trillion)|(?<![\p{L}\d])(a|one|two|three|\d+)[ \u00A0]+and[ \u00A0]+a[ \u00A0]+half[ \u00A0]+(million|billion|trillion)(?![\p{L}])/giu,
  read: (match) => {
    // One alternative matched: "demi-million" (halfOf) or "un million et demi" (count, scaleWord).
    const [, halfOf, count = '', scaleWord = ''] = match;
    const zeros = HALF_SCALES[(halfOf ?? scaleWord).toLowerCase()];
    if (zeros === undefined) return undefined;
    if (halfOf !== undefined) return [at(match, [shiftDecimal('0.5', zeros)])];
    const n =
      { un: 1, a: 1, one: 1, deux: 2, two: 2, trois: 3, three: 3 }[count.toLowerCase()] ?? Number(count);
    return [at(match, [shiftDecimal(`${n}.5`, zeros)])];
  },
};

const EVENT_MONTHS = [
  'Janvier',
  'Février',
  'Mars',
  'Avril',
  'Mai',
  'Juin',
  'Juillet',
  'Août',
  'Septembre',
  'Octobre',
  'Novembre',
  'Décembre',
];

/**
 * Names, not counts, that a translator may render without their numbers: dates naming an event
 * (le 14-Juillet → Bastille Day, le 11-Septembre → 9/11), "un … sur deux" (half), "quinze jours"
 * (a fortnight, two weeks) and "huit jours" (a week). Their numbers are optional.
 */
const namedNumber: FormReader = {
  digits: false,
  hint: { fr: /\d-\p{Lu}|sur|jours/u, en: /9\/11/ },
  pattern: (lang) =>
    lang === 'fr'
      ? new RegExp(
          `(?<![\\p{L}\\d])(1er|\\d{1,2})-(${EVENT_MONTHS.join('|')})(?![\\p{L}])|(?<![\\p{L}])(?:un|une)(?:[ \\u00A0]+[\\p{L}’'-]+){0,2}[ \\u00A0]+sur[ \\u00A0]+deux(?![\\p{L}])|(?<![\\p{L}\\d])(quinze|15|huit|8)[ \\u00A0]+jours(?![\\p{L}])`,
          'gu',
        )
      : /(?<![\d/])9\/11(?![\d/])/g,
  read: (match, lang) => {
    if (lang === 'en') return [at(match, ['11', 'm9'], true), at(match, ['m9', '9'], true)];
    const [, day, month = '', days] = match;
    if (day !== undefined) {
      return [
        at(match, [day === '1er' ? '1' : String(Number(day))], true),
        at(match, [`m${EVENT_MONTHS.indexOf(month) + 1}`], true),
      ];
    }
    if (days !== undefined)
      return [at(match, /^(?:quinze|15)$/.test(days) ? ['15', '2', '14'] : ['8', '7', '1'], true)];
    return [at(match, ['2', '50'], true)];
  },
};

/** In the order read.ts runs them: set phrases, dates, strings, times, then plain numbers. */
export const FORM_READERS: readonly FormReader[] = [
  idiom,
  namedNumber,
  halfScale,
  numericDate,
  digitString,
  time,
  month,
  roman,
  scaledNumber,
];
