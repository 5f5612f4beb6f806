/**
 * number: the quantities of the source and the target differ by value: digits in either convention,
 * number words, ordinals, Roman numerals, dates, times and digit strings (rules in ../quantities/).
 * Identifiers are not quantities: an ISBN (with its "ISBN-10"/"ISBN-13" label) and hyphen-joined
 * digit groups such as 2-07-036822-X are left out on both sides. Neither are glossary terms: the
 * glossary decides their English form ("groupe 1" → "Working Group I", "les Vingt-Sept" → "the
 * EU-27"), so the text of the source's terms and of their English forms is left out too.
 */
import { withoutInlineCodes } from '../inline-codes.js';
import { compareQuantities } from '../quantities/compare.js';
import { languageOf } from '../quantities/language.js';
import { quantitiesIn } from '../quantities/read.js';
import { type Check, type Problem, quote, targetOf, type UnitInput } from './unit.js';

export const number: Check = (unit) => {
  const target = targetOf(unit);
  if (target === undefined) return [];
  const { missing, extra } = compareQuantities(
    quantitiesIn(comparable(unit.segment.source, sourceTermRanges(unit)), languageOf(unit.sourceLang, 'fr')),
    quantitiesIn(comparable(target, targetTermRanges(unit, target)), languageOf(unit.targetLang, 'en')),
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

const ISBN = /\bISBN(?:-1[03])?\s*:?\s*(?:[\dX][ -]?){9,16}[\dX]\b/gi;
// Four or more groups (ISBN-10 has four, ISBN-13 five); a date (2025-03-06) has three and stays a number.
const HYPHENATED_ID = /(?<![\w.,-])\d{1,7}(?:-\d{1,7}){2,}-[\dX](?![\w-])/g;

function withoutIdentifiers(text: string): string {
  return text.replace(ISBN, ' ').replace(HYPHENATED_ID, ' ');
}

type Range = readonly [number, number];

/** The source's glossary hits (offsets into the source; inline codes keep their length). */
function sourceTermRanges(unit: UnitInput): Range[] {
  return unit.sourceTerms.map((span) => [span.start, span.end] as const);
}

/** Where the English forms of the source's terms stand in the target (whole words, any case). */
function targetTermRanges(unit: UnitInput, target: string): Range[] {
  const lower = target.toLowerCase();
  const ranges: Range[] = [];
  for (const form of new Set(unit.sourceTerms.map((span) => span.target.toLowerCase()))) {
    if (form === '') continue;
    for (let at = lower.indexOf(form); at >= 0; at = lower.indexOf(form, at + form.length)) {
      ranges.push([at, at + form.length]);
    }
  }
  return ranges;
}

/** The text whose numbers count: terms blanked first (their offsets are into the raw text). */
function comparable(text: string, terms: readonly Range[]): string {
  return withoutInlineCodes(withoutIdentifiers(withoutTerms(text, terms)));
}

/** Blanks the ranges out, keeping every other offset where it was. */
function withoutTerms(text: string, ranges: readonly Range[]): string {
  let out = text;
  for (const [start, end] of ranges) {
    if (start < 0 || end > out.length || end <= start) continue;
    out = out.slice(0, start) + ' '.repeat(end - start) + out.slice(end);
  }
  return out;
}
