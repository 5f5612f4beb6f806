/**
 * untranslated: no target, an empty one, or a copy of a source that has words to translate.
 * A copy is accepted when the source has fewer than two words outside glossary terms and numbers
 * ("International", "Tartous"), or when a reviewer approved it (state reviewed or final).
 * A source with no text (only inline codes, or blank) has nothing to translate: its target may be
 * codes alone. Units marked translate="no" are skipped before any check runs (check-document.ts).
 */
import { type Check, quote, type UnitInput } from './unit.js';

const WORD = /[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/gu;

export const untranslated: Check = (unit) => {
  const { segment } = unit;
  if (segment.source.trim() === '') return [];
  if (segment.target === undefined) return [{ message: 'the unit has no target', text: segment.source }];
  if (segment.target.trim() === '') return [{ message: 'the target is empty', text: segment.source }];
  if (segment.state === 'reviewed' || segment.state === 'final') return [];
  const same = segment.target.normalize('NFC').trim() === segment.source.normalize('NFC').trim();
  if (!same || wordsToTranslate(unit) < 2) return [];
  return [{ message: `the target is a copy of the source ${quote(segment.source)}`, text: segment.target }];
};

function wordsToTranslate(unit: UnitInput): number {
  let text = unit.segment.source;
  // Blank out term spans from the end so earlier offsets stay valid.
  for (const span of [...unit.sourceTerms].sort((a, b) => b.start - a.start)) {
    text = text.slice(0, span.start) + ' '.repeat(span.end - span.start) + text.slice(span.end);
  }
  return [...text.matchAll(WORD)].length;
}
