/**
 * How the model's typed facts are spelled where people read them — XLIFF notes, the engine label
 * of XLIFF and the review page — and read back, once, by the XLIFF reader. Nothing else parses
 * these strings.
 */
import type { Provenance, Segment } from './document.js';

const POST_CHECK = 'post-check: ';
const SOURCE_CHANGED = 'source changed since review; previous reviewed target: ';
const FROM_MEMORY = 'memory:';

/** Every note a reviewer sees for a segment: the file's own, then the source change, then the post-check. */
export function reviewerNotes(
  segment: Pick<Segment, 'notes' | 'problems' | 'reviewedBeforeSourceChange'>,
): string[] {
  return [
    ...segment.notes,
    ...(segment.reviewedBeforeSourceChange === undefined
      ? []
      : [`${SOURCE_CHANGED}${segment.reviewedBeforeSourceChange}`]),
    ...(segment.problems ?? []).map((p) => `${POST_CHECK}${p}`),
  ];
}

/**
 * The notes of a file, Versio's flags taken out into their fields. Versio writes them last
 * (`reviewerNotes`), so only that tail is read as flags: a note someone added after them keeps
 * them where they are, as plain notes, and the file is written back as it was.
 */
export function readNotes(
  notes: readonly string[],
): Pick<Segment, 'notes' | 'problems' | 'reviewedBeforeSourceChange'> {
  let end = notes.length;
  while (end > 0 && notes[end - 1]?.startsWith(POST_CHECK)) end -= 1;
  const problems = notes.slice(end).map((n) => n.slice(POST_CHECK.length));
  const changed = notes[end - 1];
  const previous = changed?.startsWith(SOURCE_CHANGED) ? changed.slice(SOURCE_CHANGED.length) : undefined;
  if (previous !== undefined) end -= 1;
  return {
    notes: notes.slice(0, end),
    ...(problems.length > 0 ? { problems } : {}),
    ...(previous === undefined ? {} : { reviewedBeforeSourceChange: previous }),
  };
}

/** The engine as files and the review page name it: `memory:<engine>` for a person's or a TMX unit from the memory. */
export function engineLabel(provenance: Pick<Provenance, 'engine' | 'fromMemory'>): string {
  return provenance.fromMemory ? `${FROM_MEMORY}${provenance.engine}` : provenance.engine;
}

/** An engine label read from a file. */
export function readEngineLabel(label: string): Pick<Provenance, 'engine' | 'fromMemory'> {
  return label.startsWith(FROM_MEMORY) && label.length > FROM_MEMORY.length
    ? { engine: label.slice(FROM_MEMORY.length), fromMemory: true }
    : { engine: label };
}

/** A person wrote this target (not the memory's copy of someone's work, not an engine). */
export function isPersonsOwn(provenance: Pick<Provenance, 'engine' | 'fromMemory'>): boolean {
  return provenance.engine === 'human' && !provenance.fromMemory;
}
