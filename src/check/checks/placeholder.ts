/**
 * placeholder: the source's placeholders (`__E3__`), inline codes (`<x id="1"/>`, `<ph>`, `<g>`) and
 * protected terms (marked `<mrk>` in XLIFF, read back as spans/targetSpans) must come back in the
 * target with the same ids, as many times. XLIFF inline codes the reader listed are compared by id
 * (code-diff.ts): dropped, added, renamed and duplicated codes are each reported as such; their order
 * is `code-order`'s business. Raw placeholders found only in the target are `leftover`'s business,
 * so one stray `__E3__` is reported once.
 */
import type { TermSpan } from '../../document.js';
import { diffCodes, showCode } from '../code-diff.js';
import { countByKey, inlineCodes } from '../inline-codes.js';
import { type Check, type Problem, quote, targetOf, type UnitInput } from './unit.js';

export const placeholder: Check = (unit) => {
  const problems = xliffCodeProblems(unit);
  const target = targetOf(unit);
  if (target === undefined) return problems;
  const { segment } = unit;
  const inTarget = countByKey(inlineCodes(target));
  for (const [key, { count, raw }] of countByKey(inlineCodes(segment.source))) {
    const found = inTarget.get(key)?.count ?? 0;
    if (found !== count) {
      problems.push({
        message: `placeholder ${quote(raw)} appears ${times(count)} in the source, ${times(found)} in the target`,
        text: raw,
      });
    }
  }
  // Without the reader's code lists (a document built elsewhere), the reader's notes still name them.
  const flattened = {
    source: unit.codes ? new Set<string>() : flattenedCodes(segment.notes, 'source'),
    target: flattenedCodes(segment.notes, 'target'),
  };
  for (const name of flattened.source) {
    if (!flattened.target.has(name)) {
      problems.push({
        message: `inline code <${name}> of the source is not in the target`,
        text: `<${name}>`,
      });
    }
  }
  // A mark that does not cover the English form its glossary table gives it (a file written by a
  // version with stale spans, or a hand edit inside the mark): the highlighted words are wrong.
  for (const span of segment.targetSpans ?? []) {
    const covered = target.slice(span.start, span.end);
    if (span.target === '' || covered === span.target) continue;
    problems.push({
      message: `term mark of entry ${span.entryId} covers ${quote(covered)}, not its English form ${quote(span.target)}`,
      text: covered,
      entryId: span.entryId,
    });
  }
  // Only when the reader knows the target's marks: a target without them says nothing about terms.
  if (segment.targetSpans !== undefined) {
    const marked = protectedCounts(segment.targetSpans);
    for (const [entryId, { count, span }] of protectedCounts(segment.spans)) {
      const found = marked.get(entryId)?.count ?? 0;
      if (found === count) continue;
      const french = segment.source.slice(span.start, span.end);
      problems.push({
        message: `protected term ${quote(french)} is marked ${times(count)} in the source, ${times(found)} in the target (entry ${entryId})`,
        text: french,
        entryId,
      });
    }
  }
  return problems;
};

/** Codes of a target that has text or codes (an empty target is `untranslated`'s finding). */
export function codeDiffOf(unit: UnitInput): ReturnType<typeof diffCodes> | undefined {
  const codes = unit.codes;
  if (codes?.target === undefined) return undefined;
  if (codes.target.length === 0 && (unit.segment.target ?? '').trim() === '') return undefined;
  return diffCodes(codes.source, codes.target);
}

function xliffCodeProblems(unit: UnitInput): Problem[] {
  const diff = codeDiffOf(unit);
  if (diff === undefined) return [];
  const problems: Problem[] = [];
  for (const code of diff.dropped)
    problems.push({
      message: `inline code ${showCode(code)} of the source is missing from the target`,
      text: showCode(code),
    });
  for (const code of diff.added)
    problems.push({
      message: `inline code ${showCode(code)} in the target is not in the source`,
      text: showCode(code),
    });
  for (const { source, target } of diff.renamed)
    problems.push({
      message: `inline code ${showCode(source)} of the source is renamed ${showCode(target)} in the target`,
      text: showCode(target),
    });
  for (const { code, source, target } of diff.duplicated)
    problems.push({
      message: `inline code ${showCode(code)} appears ${times(source)} in the source, ${times(target)} in the target`,
      text: showCode(code),
    });
  return problems;
}

// The XLIFF reader flattens real inline elements and says so in a note (xliff/inline-read.ts, inlineCodesNote):
// "Versio: the source had inline codes (<x>, <g>) that were flattened to plain text; check formatting."
const FLATTENED = /^Versio: the (source|target) had inline codes \((.*)\) that were flattened/;

function flattenedCodes(notes: readonly string[], side: 'source' | 'target'): Set<string> {
  const names = new Set<string>();
  for (const note of notes) {
    const [, which, codes = ''] = FLATTENED.exec(note) ?? [];
    if (which !== side) continue;
    for (const [, name = ''] of codes.matchAll(/<([^<>]+)>/g)) names.add(name);
  }
  return names;
}

function protectedCounts(spans: readonly TermSpan[]): Map<string, { count: number; span: TermSpan }> {
  const counts = new Map<string, { count: number; span: TermSpan }>();
  for (const span of spans) {
    if (span.policy !== 'protect') continue;
    const seen = counts.get(span.entryId);
    if (seen) seen.count += 1;
    else counts.set(span.entryId, { count: 1, span });
  }
  return counts;
}

function times(n: number): string {
  return n === 1 ? 'once' : `${n} times`;
}
