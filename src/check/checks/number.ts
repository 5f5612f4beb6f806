/**
 * number: the quantities of the source and the target differ by value: digits in either convention,
 * number words, ordinals, Roman numerals, dates, times and digit strings (rules in ../quantities/).
 */
import { withoutInlineCodes } from '../inline-codes.js';
import { compareQuantities } from '../quantities/compare.js';
import { languageOf } from '../quantities/language.js';
import { quantitiesIn } from '../quantities/read.js';
import { type Check, type Problem, quote, targetOf } from './unit.js';

export const number: Check = (unit) => {
  const target = targetOf(unit);
  if (target === undefined) return [];
  const { missing, extra } = compareQuantities(
    quantitiesIn(withoutInlineCodes(unit.segment.source), languageOf(unit.sourceLang, 'fr')),
    quantitiesIn(withoutInlineCodes(target), languageOf(unit.targetLang, 'en')),
  );
  const problems: Problem[] = [];
  const hint =
    'numbers are compared by value (10 000 = 10,000; vingt-cinq = 25; XIXe = 19th; 21 h 45 = 9:45 p.m.)';
  // The other side's unmatched numbers are the likely counterpart: name them too.
  const others = (list: readonly { raw: string }[]) =>
    list.length === 0 ? 'none unmatched' : list.map((n) => quote(n.raw)).join(', ');
  for (const n of missing)
    problems.push({
      message: `number ${quote(n.raw)} of the source is not in the target (target numbers without a match: ${others(extra)}); ${hint}`,
      text: n.raw,
    });
  for (const n of extra)
    problems.push({
      message: `number ${quote(n.raw)} in the target is not in the source (source numbers without a match: ${others(missing)}); ${hint}`,
      text: n.raw,
    });
  return problems;
};
