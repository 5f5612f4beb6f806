/**
 * number: the numbers of the source and the target differ by value (rule in ../numbers.ts).
 * Identifiers are not quantities: an ISBN (with its "ISBN-10"/"ISBN-13" label) and hyphen-joined
 * digit groups such as 2-07-036822-X are left out on both sides before numbers are compared.
 */
import { withoutInlineCodes } from '../inline-codes.js';
import { compareNumbers, numbersIn } from '../numbers.js';
import { type Check, type Problem, quote, targetOf } from './unit.js';

export const number: Check = (unit) => {
  const target = targetOf(unit);
  if (target === undefined) return [];
  const { missing, extra } = compareNumbers(
    numbersIn(withoutIdentifiers(withoutInlineCodes(unit.segment.source))),
    numbersIn(withoutIdentifiers(withoutInlineCodes(target))),
  );
  const problems: Problem[] = [];
  for (const n of missing)
    problems.push({ message: `number ${quote(n.raw)} of the source is not in the target`, text: n.raw });
  for (const n of extra)
    problems.push({ message: `number ${quote(n.raw)} in the target is not in the source`, text: n.raw });
  return problems;
};

const ISBN = /\bISBN(?:-1[03])?\s*:?\s*(?:[\dX][ -]?){9,16}[\dX]\b/gi;
// Four or more groups (ISBN-10 has four, ISBN-13 five); a date (2025-03-06) has three and stays a number.
const HYPHENATED_ID = /(?<![\w.,-])\d{1,7}(?:-\d{1,7}){2,}-[\dX](?![\w-])/g;

function withoutIdentifiers(text: string): string {
  return text.replace(ISBN, ' ').replace(HYPHENATED_ID, ' ');
}
