/** number: the numbers of the source and the target differ by value (rule in ../numbers.ts). */
import { withoutInlineCodes } from '../inline-codes.js';
import { compareNumbers, numbersIn } from '../numbers.js';
import { type Check, type Problem, quote, targetOf } from './unit.js';

export const number: Check = (unit) => {
  const target = targetOf(unit);
  if (target === undefined) return [];
  const { missing, extra } = compareNumbers(
    numbersIn(withoutInlineCodes(unit.segment.source)),
    numbersIn(withoutInlineCodes(target)),
  );
  const problems: Problem[] = [];
  for (const n of missing)
    problems.push({ message: `number ${quote(n.raw)} of the source is not in the target`, text: n.raw });
  for (const n of extra)
    problems.push({ message: `number ${quote(n.raw)} in the target is not in the source`, text: n.raw });
  return problems;
};
