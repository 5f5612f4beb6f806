/**
 * length (pofilter "long" and "short", CheckMate "target length"): the target is much shorter or much
 * longer than the source for the language pair — cut off, or padded with something that is not a
 * translation. Lengths are counted in characters after removing inline codes, URLs and extra space,
 * and only for sources long enough for a ratio to mean something.
 *
 * The French → English band: English news prose runs about 10 % shorter than its French original
 * (fewer articles and prepositions, "de la" → "of"; a median of 0.92 on the harness's 133 human
 * pairs), and an editor's compact translation of a 60–80-character sentence can come down to half of
 * it ("Le prix du gazole a atteint 1,89 euro le litre en moyenne…" → "Diesel averaged €1.89 a litre…",
 * 0.51). 0.45 and 1.6 flag a target cut by half or more, or padded by 60 %, and leave good work alone.
 *
 * A target cut short usually also ends on a word no English sentence ends on ("…in the", "…of"): that
 * is reported whatever the length, unless the source ends the same way.
 */
import { withoutInlineCodes } from '../inline-codes.js';
import { type Check, quote, targetOf } from './unit.js';

/** Shortest source (characters, after cleaning) whose ratio is checked. */
export const MIN_SOURCE_LENGTH = 60;

interface Band {
  low: number;
  high: number;
}

const BANDS: Record<string, Band> = { 'fr>en': { low: 0.45, high: 1.6 }, 'en>fr': { low: 0.6, high: 2.2 } };
/** Any other pair: only a target cut to less than half or doubled is suspicious. */
const DEFAULT_BAND: Band = { low: 0.4, high: 2.5 };

const URL = /\b(?:https?:\/\/|www\.)\S+/gi;

function cleaned(text: string): string {
  return withoutInlineCodes(text).replace(URL, 'URL').replace(/\s+/g, ' ').trim();
}

export const length: Check = (unit) => {
  const target = targetOf(unit);
  if (target === undefined) return [];
  const source = cleaned(unit.segment.source);
  const text = cleaned(target);
  const dangling = danglingWord(text, unit.targetLang);
  if (dangling !== undefined && danglingWord(source, unit.sourceLang) === undefined) {
    return [
      {
        message: `the target ends on ${quote(dangling)}, a word no sentence ends on: truncated? it ends ${quote(text.slice(-40))} where the source ends ${quote(source.slice(-40))}`,
        text: text.slice(-40),
      },
    ];
  }
  if (source.length < MIN_SOURCE_LENGTH) return [];
  const band = bandFor(unit.sourceLang, unit.targetLang);
  const ratio = text.length / source.length;
  if (ratio >= band.low && ratio <= band.high) return [];
  const short = ratio < band.low;
  return [
    {
      message: `the target is ${Math.round(ratio * 100)} % of the source's length (${text.length} vs ${source.length} characters; expected ${Math.round(band.low * 100)}–${Math.round(band.high * 100)} %): ${short ? `truncated? it ends ${quote(text.slice(-40))} where the source ends ${quote(source.slice(-40))}` : `padded? ${quote(text.slice(0, 60))}`}`,
      text: short ? text.slice(-40) : text,
    },
  ];
};

function bandFor(sourceLang = 'fr', targetLang = 'en'): Band {
  const primary = (tag: string) => tag.toLowerCase().split(/[-_]/)[0];
  return BANDS[`${primary(sourceLang)}>${primary(targetLang)}`] ?? DEFAULT_BAND;
}

// Articles, possessives, prepositions and conjunctions that need a word after them. French ones are
// listed so a source cut the same way (a segment that continues in the next) is left alone.
const DANGLING: Record<string, ReadonlySet<string>> = {
  en: new Set([
    'the',
    'a',
    'an',
    'of',
    'and',
    'or',
    'but',
    'its',
    'their',
    'our',
    'your',
    'my',
    'with',
    'from',
    'than',
    'about',
    'into',
    'onto',
    'between',
    'during',
    'whose',
  ]),
  fr: new Set([
    'le',
    'la',
    'les',
    'un',
    'une',
    'des',
    'du',
    'de',
    'et',
    'ou',
    'mais',
    'son',
    'sa',
    'ses',
    'leur',
    'leurs',
    'avec',
    'dans',
    'pour',
    'sur',
    'entre',
    'pendant',
    'dont',
  ]),
};

/** The last word when it is one a sentence cannot end on (and no end punctuation follows it). */
function danglingWord(text: string, lang = 'en'): string | undefined {
  const words = DANGLING[lang.toLowerCase().split(/[-_]/)[0] ?? ''];
  const last = /([\p{L}]+)$/u.exec(text)?.[1];
  return words && last && words.has(last.toLowerCase()) ? last : undefined;
}
