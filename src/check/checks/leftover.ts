/**
 * leftover: French typography or an unrestored placeholder in an English target. French sets a
 * (narrow) no-break space before ; : ! ? and % and quotes with « »; English does neither. The
 * typography rules apply only when the target language is English (French, Persian or Arabic
 * targets use guillemets rightly); the placeholder rule applies to every language.
 * A placeholder or inline code counts only when the source does not have it (placeholder.ts covers those).
 */
import { inlineCodes } from '../inline-codes.js';
import { type Check, type Problem, quote, targetIsEnglish, targetOf } from './unit.js';

const GUILLEMETS = /[«»‹›]/g;
const SPACE_BEFORE = /\S{0,12}[ \u00A0\u202F\u2009]+[;:!?%]/gu;

export const leftover: Check = (unit) => {
  const target = targetOf(unit);
  if (target === undefined) return [];
  const problems: Problem[] = [];
  const once = new Set<string>();
  const report = (message: string, text: string) => {
    if (once.has(message)) return;
    once.add(message);
    problems.push({ message, text });
  };
  if (targetIsEnglish(unit)) {
    for (const m of target.matchAll(GUILLEMETS))
      report(`French guillemet ${quote(m[0])} in the target`, m[0]);
    for (const m of target.matchAll(SPACE_BEFORE)) {
      const mark = m[0].slice(-1);
      report(`space before ${quote(mark)} in the target: ${quote(m[0].trimStart())}`, m[0].trimStart());
    }
  }
  const inSource = new Set(inlineCodes(unit.segment.source).map((c) => c.key));
  for (const code of inlineCodes(target)) {
    if (!inSource.has(code.key)) report(`unrestored placeholder ${quote(code.raw)} in the target`, code.raw);
  }
  return problems;
};
