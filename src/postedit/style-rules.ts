/**
 * House-style conventions (`--style ap`, the default): AP Stylebook dates, times, numbers,
 * money and titles, written over the English of the pivot. `--style none` leaves them out.
 * Generic conventions only; every rule has a case in tests/fixtures/postedit/cases.json.
 */
import { PLACEHOLDER_PREFIX, PLACEHOLDER_SOURCE } from '../glossary/placeholder.js';
import type { PostEditRule } from './types.js';
import { MONTHS, WEEKDAYS } from './words.js';

/**
 * A number as the pivot writes it (French grouping and decimal comma: `1 400`, `3,5`) or as
 * the typography has made it (`1,400`, `3.5`).
 */
const NUMBER = '\\d{1,3}(?:[ \\u00a0\\u202f]\\d{3})+(?:,\\d+)?|\\d+(?:[.,]\\d+)*';
const NOT_IN_NUMBER = '(?<![\\d.,$]|\\d[ \\u00a0\\u202f])';
/** The spaces French puts inside a clock time (« 21 h 00 », often no-break). */
const SP = '[ \\u00a0\\u202f]';
const ORDINAL_SUFFIX = '(?:st|nd|rd|th)';
const TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const TEENS = 'ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';

export const styleRules: readonly PostEditRule[] = [
  {
    family: 'ap-dates',
    name: 'it-before-date-on',
    pattern: `\\bit (?=\\d{1,2}${ORDINAL_SUFFIX}? (?:of )?(?:${MONTHS})\\b)`,
    replacement: 'on ',
    why: '« le 30 avril »: the pivot reads le as the pronoun ("it 30 April"); before a date it is "on".',
  },
  {
    family: 'ap-dates',
    name: 'day-month-to-month-day',
    pattern: `\\b(?:the )?(\\d{1,2})${ORDINAL_SUFFIX}? (?:of )?(${MONTHS})(?: (?:of )?(\\d{4}))?\\b`,
    replacement: '',
    transform: 'ap-date',
    why: 'le 7 octobre 2023, le 1er janvier → Oct. 7, 2023, Jan. 1 (AP: month first, long months abbreviated; en-GB: 7 October 2023).',
  },
  {
    family: 'ap-times',
    name: 'time-range-from',
    pattern: `\\b([Oo])f (?=[0-2]?\\d${SP}?h(?:${SP}?[0-5]\\d)? to [0-2]?\\d${SP}?h)`,
    replacement: 'from ',
    why: '« de 8 h à 18 h » is a range: "from 8 a.m. to 6 p.m."; the pivot writes "of 8 h".',
  },
  {
    family: 'ap-times',
    name: 'clock-time',
    pattern: `(?<=(?<lead>\\d${SP}?h(?:${SP}?\\d{2})?) |)(?:\\b(?<prep>[Tt]o|[Aa]t|[Ff]rom|[Uu]ntil|[Bb]efore|[Aa]fter|[Aa]round|[Ss]ince|[Bb]y)(?: the)? (?:(?<day>${WEEKDAYS}) )?|^)(?<hour>[0-2]?\\d)${SP}?h(?:${SP}?(?<minutes>[0-5]\\d))?(?![\\p{L}\\d])(?<dot>\\.(?!\\d))?`,
    replacement: '',
    transform: 'clock-time',
    why: '« à 21 h 00 », « 2 h 40 »: French clock times are 9 p.m., 2:40 a.m. in AP style, and à before a time is "at" (a bare "6 h 30" is a duration and stays).',
  },
  {
    family: 'ap-numbers',
    name: 'approximate-number',
    pattern:
      '\\b(?<article>[Aa]) (?<noun>ten|twentieth|thirtieth|fortieth|fiftieth|sixtieth|hundred|thousand) of(?= (?!the\\b|a\\b|an\\b|its\\b|his\\b|her\\b|their\\b|our\\b|them\\b|us\\b|these\\b|those\\b|which\\b|whom\\b)\\p{Ll})',
    replacement: '',
    transform: 'approximate-number',
    why: '« une dizaine, une cinquantaine, un millier de » are approximate counts: about 10, about 50, about 1,000 (the pivot writes "a fiftieth of").',
  },
  {
    family: 'ap-numbers',
    name: 'tens-of-dozens',
    pattern:
      '(?<!\\b(?:one|some|many|most|any|none|each|all|among|few|several|part|half)\\s)\\bof the tens of\\b',
    replacement: 'dozens of',
    why: '« des dizaines de » is "dozens of"; the pivot writes "of the tens of".',
  },
  {
    family: 'ap-numbers',
    name: 'of-the-hundreds',
    pattern:
      '(?<!\\b(?:one|some|many|most|any|none|each|all|among|few|several|part|half)\\s)\\bof the (hundreds|thousands|millions) of\\b',
    replacement: '$1 of',
    why: '« des centaines / milliers de » is "hundreds / thousands of"; the pivot reads des as "of the".',
  },
  {
    family: 'ap-numbers',
    name: 'number-words-to-digits',
    pattern: `(?<=[\\p{Ll}\\d,;:)] )(?<number>(?:${TENS})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|${TEENS})\\b(?![-’'])(?= (?!hundred\\b|thousand\\b)\\p{Ll})`,
    replacement: '',
    transform: 'number-digits',
    why: 'AP: figures from 10 up ("10 years", "25 people"), words for one to nine; not at a sentence start, nor before hundred/thousand.',
  },
  {
    family: 'ap-numbers',
    name: 'ordinal-words',
    pattern: `\\b(?<n>[1-9])${ORDINAL_SUFFIX}\\b(?! (?:of )?(?:${MONTHS})\\b)(?! (?:arrondissement|district|precinct|Street|Avenue|Division|Army|Regiment|Circuit|Congressional)\\b)`,
    replacement: '',
    transform: 'ordinal-word',
    why: 'AP: first to ninth in words (« 1er du classement » → first), figures from 10th; not in dates or district names.',
  },
  {
    family: 'ap-numbers',
    name: 'roman-century',
    pattern: '\\b(?<roman>[IVXL]{1,6}) century\\b',
    replacement: '',
    transform: 'century',
    why: '« le XIXe siècle »: English writes centuries in figures (AP: the 19th century, the first century).',
  },
  {
    family: 'ap-numbers',
    name: 'numero-no',
    pattern: '\\b[Nn][°º] ?(?=\\d)',
    replacement: 'No. ',
    why: '« n° 12 » is "No. 12" in English.',
  },
  {
    family: 'ap-numbers',
    name: 'age-after-name',
    pattern: `(?<=(?:\\p{Lu}[\\p{L}’'-]*|${PLACEHOLDER_SOURCE}), )(\\d{1,3}) years(?: old)?(?=,)`,
    replacement: '$1',
    why: '« Karima, 34 ans, » → "Karima, 34," (AP: an age after a name is the bare figure).',
  },
  {
    family: 'ap-money',
    name: 'scale-of-noun',
    pattern: `${NOT_IN_NUMBER}\\b(${NUMBER}) (million|billion|trillion)s?(?: of)? (?=(?!the\\b|these\\b|those\\b|them\\b|its\\b|their\\b)\\p{Ll})`,
    replacement: '$1 $2 ',
    why: '« 1,2 milliard d’euros » → "1.2 billion euros": no plural and no "of" after a number in English.',
  },
  {
    family: 'ap-money',
    name: 'billions-to-trillion',
    pattern: `${NOT_IN_NUMBER}\\b(\\d{1,3})[, \\u00a0\\u202f](\\d{3}) billion\\b`,
    replacement: '',
    transform: 'trillion',
    why: '« 1 400 milliards » is 1.4 trillion: English names the scale above a thousand billion.',
  },
  {
    family: 'ap-money',
    name: 'dollar-sign',
    pattern: `${NOT_IN_NUMBER}\\b(?<amount>${NUMBER})(?: (?<scale>million|billion|trillion))? (?:US |U\\.S\\. )?dollars?\\b`,
    replacement: '',
    transform: 'money',
    why: '« 15 dollars », « 3,5 millions de dollars » → $15, $3.5 million (AP).',
  },
  {
    family: 'ap-titles',
    name: 'title-before-name',
    pattern: `(?:\\b[Tt]he )?\\b(?<title>Dr|Pr|professor)\\.? (?=\\p{Lu}|${PLACEHOLDER_PREFIX}\\d)`,
    replacement: '',
    transform: 'title',
    why: '« le Dr X », « le Pr X » → Dr. X, Professor X (AP, before a name, no article).',
  },
  {
    family: 'ap-titles',
    name: 'military-title-before-name',
    // A name, not an institution the adjective qualifies (« la Direction générale de l’armement »
    // comes out "the general Direction of the armament"): a first and a last name, a name that
    // ends the clause, or a protected name.
    pattern:
      '(?:\\b[Tt]he )?\\b(?<title>general|colonel|captain|commander|lieutenant|sergeant|admiral) ' +
      `(?=${PLACEHOLDER_PREFIX}\\d|\\p{Lu}[\\p{L}’'-]*(?: \\p{Lu}|[,.;:)]|$))`,
    replacement: '',
    transform: 'title',
    why: '« le général Thierry Burkhard » → Gen. Thierry Burkhard (AP abbreviation before a name, no article).',
  },
];
