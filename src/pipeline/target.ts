import type { Segment } from '../document.js';
import type { Restored } from '../glossary/protect.js';
import type { Glossary } from '../glossary/types.js';
import type { MemoryRecord } from '../memory/record.js';
import { englishTypographySpanned } from '../render/typography.js';
import { memoryEngine } from './memory.js';
import { SOURCE_CHANGED_NOTE } from './merge.js';
import { postCheck } from './terms.js';

/**
 * A target from the memory, credited as the run that paid for it was (pipeline/memory.ts
 * memoryEngine), with what it cost: one document gives one XLIFF whichever path filled it.
 */
export function fillHit(segment: Segment, record: MemoryRecord, glossary: Glossary | undefined): void {
  finish(segment, { text: record.target, targetSpans: [] }, memoryEngine(record), glossary);
  if (record.billedCharacters !== undefined && segment.provenance)
    segment.provenance.billedCharacters = record.billedCharacters;
}

/**
 * Restore done: English typography (moving the restored spans with the text, so it never
 * rewrites a glossary form), post-check, state and provenance. Notes and state are functions of
 * the model (source spans, target text), so a memory hit gives what the engine path gave.
 */
export function finish(
  segment: Segment,
  restored: Pick<Restored, 'text' | 'targetSpans'>,
  engine: string,
  glossary?: Glossary,
  /** Why the engine's own answer cannot be trusted (provider-reported), if it says so. */
  untrusted?: string,
): void {
  segment.target = englishTypographySpanned(restored.text, restored.targetSpans).text;
  segment.provenance = { engine, ...(glossary ? { glossaryHash: glossary.hash } : {}) };
  const all = untrusted === undefined ? postCheck(segment) : [untrusted, ...postCheck(segment)];
  const sourceChanged = segment.notes.some((n) => n.startsWith(SOURCE_CHANGED_NOTE));
  segment.state = all.length > 0 || sourceChanged ? 'needs-review' : 'translated';
  segment.notes = [
    ...segment.notes.filter((n) => !n.startsWith('post-check:')),
    ...all.map((p) => `post-check: ${p}`),
  ];
}
