/**
 * placeholder: the source's placeholders (`__E3__`), inline codes (`<x id="1"/>`, `<ph>`, `<g>`) and
 * protected terms (marked `<mrk>` in XLIFF, read back as spans/targetSpans) must come back in the
 * target with the same ids, as many times. Codes found only in the target are `leftover`'s business,
 * so one stray `__E3__` is reported once.
 */
import type { TermSpan } from '../../document.js';
import { countByKey, inlineCodes } from '../inline-codes.js';
import { type Check, type Problem, quote, targetOf } from './unit.js';

export const placeholder: Check = (unit) => {
  const target = targetOf(unit);
  if (target === undefined) return [];
  const { segment } = unit;
  const problems: Problem[] = [];
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
  const flattened = {
    source: flattenedCodes(segment.notes, 'source'),
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

// The XLIFF reader flattens real inline elements and says so in a note (xliff/inline-read.ts, inlineCodesNote):
// "Versio: the source had inline codes (<x>, <g>) that were flattened to plain text; check formatting."
const FLATTENED = /^Versio: the (source|target) had inline codes \((.*)\) that were flattened/;

function flattenedCodes(notes: readonly string[], side: 'source' | 'target'): Set<string> {
  const names = new Set<string>();
  for (const note of notes) {
    const match = FLATTENED.exec(note);
    if (match?.[1] !== side) continue;
    for (const name of match[2]!.matchAll(/<([^<>]+)>/g)) names.add(name[1]!);
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
