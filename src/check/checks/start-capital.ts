/**
 * start-capital (pofilter "startcaps"): the source starts with a capital letter and the target with
 * a lower-case one. Leading quotes, dashes, brackets and ellipses are skipped on both sides; a source
 * starting with a digit or a lower-case letter says nothing. Words that are lower case by nature are
 * left alone: a name the source writes the same way with a capital inside (iPhone, eBay) and name
 * particles (de, van, von, al-Assad, bin).
 */
import { withoutInlineCodes } from '../inline-codes.js';
import { type Check, quote, targetOf } from './unit.js';

const LEAD = /^[\s"'“”‘’«»‹›„()[\]{}—–‐‑\-•*…¿¡.]+/u;
const PARTICLES = new Set([
  'de',
  'del',
  'della',
  'des',
  'di',
  'da',
  'dos',
  'das',
  'du',
  'van',
  'von',
  'der',
  'den',
  'ter',
  'al',
  'el',
  'bin',
  'ibn',
  'ben',
  'la',
  'le',
  'y',
  'e',
  'x',
  'vs',
  'v',
]);

export const startCapital: Check = (unit) => {
  const target = targetOf(unit);
  if (target === undefined) return [];
  const source = withoutInlineCodes(unit.segment.source).replace(LEAD, '');
  const text = withoutInlineCodes(target).replace(LEAD, '');
  if (!/^\p{Lu}/u.test(source) || !/^\p{Ll}/u.test(text)) return [];
  const word = /^[\p{L}\p{M}\p{N}'’-]+/u.exec(text)?.[0] ?? text.slice(0, 1);
  const [bare = ''] = word.split(/['’-]/);
  const [elided = ''] = word.split(/['’]/);
  if (PARTICLES.has(bare) || (/\p{Lu}/u.test(word) && sourceWords(source).has(elided))) return [];
  const sourceWord = /^[\p{L}\p{M}\p{N}'’-]+/u.exec(source)?.[0] ?? source.slice(0, 1);
  return [
    {
      message: `the source starts with a capital (${quote(sourceWord)}), the target with a lower-case letter (${quote(word)}); capitalise the first word`,
      text: word,
    },
  ];
};

function sourceWords(text: string): Set<string> {
  // Split at apostrophes: "L’iPhone" holds iPhone.
  return new Set(text.match(/[\p{L}\p{M}\p{N}-]+/gu) ?? []);
}
