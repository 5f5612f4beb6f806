import type { Provenance, Segment } from '../document.js';
import type { Restored } from '../glossary/protect.js';
import type { Glossary } from '../glossary/types.js';
import type { MemoryRecord } from '../memory/record.js';
import { englishTypographySpanned, englishVariant } from '../render/typography.js';
import { memoryEngine } from './memory.js';
import { postCheck } from './terms.js';

/** What filling a segment sets on it. */
export type Filled = Required<Pick<Segment, 'target' | 'provenance' | 'state'>> & Pick<Segment, 'problems'>;

/**
 * A target from the memory, credited as the run that paid for it was (pipeline/memory.ts
 * memoryEngine), with what it cost: one document gives one XLIFF whichever path filled it.
 */
export function memoryTarget(
  segment: Segment,
  record: MemoryRecord,
  targetLang: string,
  glossary: Glossary | undefined,
): Filled {
  const filled = fillTarget(
    segment,
    { text: record.target, targetSpans: [] },
    memoryEngine(record),
    targetLang,
    glossary,
  );
  if (record.billedCharacters !== undefined) filled.provenance.billedCharacters = record.billedCharacters;
  return filled;
}

/**
 * A segment's target, from the engine (restored) or the memory: English typography (moving the
 * restored spans with the text, so it never rewrites a glossary form), provenance, post-check
 * problems and state, returned for `fill` to set. Problems and state are functions of the model
 * (source spans, target text), so a memory hit gives what the engine path gave.
 */
export function fillTarget(
  segment: Segment,
  restored: Pick<Restored, 'text' | 'targetSpans'>,
  engine: Pick<Provenance, 'engine' | 'fromMemory'>,
  targetLang: string,
  glossary?: Glossary,
  /** Why the engine's own answer cannot be trusted (provider-reported), if it says so. */
  untrusted?: string,
): Filled {
  const target = englishTypographySpanned(
    restored.text,
    restored.targetSpans,
    englishVariant(targetLang),
  ).text;
  const checked = postCheck({ ...segment, target });
  const problems = untrusted === undefined ? checked : [untrusted, ...checked];
  const changed = segment.reviewedBeforeSourceChange !== undefined;
  return {
    target,
    provenance: { ...engine, ...(glossary ? { glossaryHash: glossary.hash } : {}) },
    state: problems.length > 0 || changed ? 'needs-review' : 'translated',
    ...(problems.length > 0 ? { problems } : {}),
  };
}

/**
 * Sets a filled target on its segment. In place, on purpose: the plan's work items and the
 * document share the segment, and a batch's targets must be in the document as the batch returns.
 */
export function fill(segment: Segment, filled: Filled): void {
  delete segment.problems;
  Object.assign(segment, filled);
}
