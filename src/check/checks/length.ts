/**
 * length (pofilter "long" and "short", CheckMate "target length"): the target is much shorter or much
 * longer than the source for the language pair — cut off, or padded with something that is not a
 * translation. Lengths are counted in characters after removing inline codes, URLs and extra space,
 * and only for sources long enough for a ratio to mean something.
 *
 * The French → English band: English news prose runs about 10–15 % shorter than its French original
 * (fewer articles and prepositions, "de la" → "of"), and a good translation of a sentence of 60+
 * characters lands between about 0.65 and 1.25 of the source. 0.55 and 1.6 leave room for digits
 * written as words and back, and for a translator's legitimate rewording.
 */
import { withoutInlineCodes } from '../inline-codes.js';
import { type Check, quote, targetOf } from './unit.js';

/** Shortest source (characters, after cleaning) whose ratio is checked. */
export const MIN_SOURCE_LENGTH = 60;

interface Band {
  low: number;
  high: number;
}

const BANDS: Record<string, Band> = { 'fr>en': { low: 0.55, high: 1.6 }, 'en>fr': { low: 0.62, high: 1.8 } };
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
  if (source.length < MIN_SOURCE_LENGTH) return [];
  const text = cleaned(target);
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
