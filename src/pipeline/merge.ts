import type { Document, Segment, SegmentState } from '../document.js';
import { segmentsOf } from '../document.js';
import { isPersonsOwn } from '../document-notes.js';

/** What the merge did, for the run's summary. */
export interface MergeResult {
  /** Reviewed targets carried over unchanged. */
  keptFromReview: number;
  /** Untouched machine targets reused (same source, engine and glossary). */
  reused: number;
  /** Reviewed segments whose source changed: re-translated and flagged for review. */
  flagged: number;
}

/**
 * Human work, recognised by content, not by the state a tool wrote (CAT tools and Translate
 * Toolkit's pomerge write `needs-translation`, `new` or no state at all on edited targets):
 * - a reviewed or final (signed-off, approved) target, even the engine's own words;
 * - a non-empty target that differs from the engine output recorded for it (1.2 `<alt-trans>`,
 *   2.x `<mtc:match>`, kept in `Provenance.machineTarget`), or that a person wrote;
 * - a non-empty target nothing proves an engine wrote (no recorded engine output: a foreign or
 *   older file, or a tool dropped it). When in doubt, a target is a person's work.
 * Only a target equal to the recorded engine output, and not approved, is machine output. An
 * empty target holds no work (tools write `<target/>` for units nobody translated), nor does a
 * copy of the source in a unit marked not translated (a CAT tool's pre-fill).
 */
export function isReviewed(segment: Segment): boolean {
  const { target, state, provenance: p } = segment;
  if (target === undefined) return false;
  if (state === 'reviewed' || state === 'final') return true;
  if (target === '') return false;
  // CAT tools pre-fill untranslated units with a copy of the source: marked not translated, it is no one's work.
  if (state === 'initial' && target === segment.source) return false;
  return p === undefined || isPersonsOwn(p) || p.machineTarget !== undefined;
}

/**
 * Stage "merge": carries the work in the previous XLIFF of an article into the new document,
 * so no later run overwrites a reviewer. A segment is matched by id and source, else by source
 * alone (sentences move when a paragraph is edited). Reviewed targets are kept as they are;
 * an untouched machine target is reused when the engine and glossary are the same; a reviewed
 * segment whose source changed is re-translated with the old target kept beside it
 * (`reviewedBeforeSourceChange`, written as a note). It fills `doc` in place, as the reader
 * made it for this run: nothing else holds the document yet.
 */
export function mergeReviewed(
  doc: Document,
  previous: Document,
  current: { engine: string; glossaryHash: string | undefined },
): MergeResult {
  const result: MergeResult = { keptFromReview: 0, reused: 0, flagged: 0 };
  const oldSegments = segmentsOf(previous);
  const byId = new Map(oldSegments.map((s) => [s.id, s]));
  const bySource = new Map<string, Segment[]>();
  for (const s of oldSegments) bySource.set(s.source, [...(bySource.get(s.source) ?? []), s]);
  const used = new Set<Segment>();

  for (const segment of segmentsOf(doc)) {
    const sameId = byId.get(segment.id);
    const match =
      sameId && sameId.source === segment.source && !used.has(sameId)
        ? sameId
        : bySource.get(segment.source)?.find((s) => !used.has(s));
    if (match?.target !== undefined && isReviewed(match)) {
      used.add(match);
      carryOver(segment, match, 'reviewed');
      result.keptFromReview += 1;
    } else if (match?.target !== undefined && reusable(match, current)) {
      used.add(match);
      carryOver(segment, match, 'machine');
      result.reused += 1;
    } else if (
      sameId &&
      sameId.source !== segment.source &&
      sameId.target !== undefined &&
      isReviewed(sameId)
    ) {
      segment.reviewedBeforeSourceChange = sameId.target;
      result.flagged += 1;
    }
  }
  return result;
}

function reusable(segment: Segment, current: { engine: string; glossaryHash: string | undefined }): boolean {
  const p = segment.provenance;
  if (!p || segment.state !== 'translated') return false;
  return p.engine === current.engine && p.glossaryHash === current.glossaryHash;
}

function carryOver(segment: Segment, from: Segment, carried: NonNullable<Segment['carriedOver']>): void {
  segment.target = from.target;
  segment.state = keptState(from);
  segment.carriedOver = carried;
  segment.notes = from.notes;
  if (from.problems) segment.problems = from.problems;
  if (from.reviewedBeforeSourceChange !== undefined)
    segment.reviewedBeforeSourceChange = from.reviewedBeforeSourceChange;
  if (from.targetSpans) segment.targetSpans = from.targetSpans;
  if (from.provenance) segment.provenance = from.provenance;
}

/**
 * Human work whose file says "not translated yet" (1.2 `new`/`needs-translation`, 2.x `initial`
 * or no state) keeps its text but asks for review: the target is never overwritten, and the
 * tool's "not done" is not silently upgraded to "translated".
 */
function keptState(from: Segment): SegmentState {
  return from.state === 'initial' && isReviewed(from) ? 'needs-review' : from.state;
}
