import type { Document, Segment } from '../document.js';
import { segmentsOf } from '../document.js';

/** Note prefix on a segment whose source changed under a reviewed target. */
export const SOURCE_CHANGED_NOTE = 'source changed since review; previous reviewed target: ';

/** What the merge did, for the run's summary. */
export interface MergeResult {
  /** Reviewed targets carried over unchanged. */
  kept: number;
  /** Untouched machine targets reused (same source, engine and glossary). */
  reused: number;
  /** Reviewed segments whose source changed: re-translated and flagged for review. */
  flagged: number;
}

/**
 * A reviewer touched this target: it is reviewed or final (approved), it was written by a
 * person, it differs from what the engine wrote, or nothing says an engine wrote it (a file
 * from a tool that dropped our provenance: when in doubt, a target is a person's work).
 */
export function isReviewed(segment: Segment): boolean {
  if (segment.target === undefined) return false;
  if (segment.state === 'reviewed' || segment.state === 'final') return true;
  const p = segment.provenance;
  return p === undefined || p.engine === 'human' || p.machineTarget !== undefined;
}

/**
 * Stage "merge": carries the work in the previous XLIFF of an article into the new document,
 * so no later run overwrites a reviewer. A segment is matched by id and source, else by source
 * alone (sentences move when a paragraph is edited). Reviewed targets are kept as they are;
 * an untouched machine target is reused when the engine and glossary are the same; a reviewed
 * segment whose source changed is re-translated with the old target kept in a note.
 */
export function mergeReviewed(
  doc: Document,
  previous: Document,
  current: { engine: string; glossaryHash: string | undefined },
): MergeResult {
  const result: MergeResult = { kept: 0, reused: 0, flagged: 0 };
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
      carryOver(segment, match);
      result.kept += 1;
    } else if (match?.target !== undefined && reusable(match, current)) {
      used.add(match);
      carryOver(segment, match);
      result.reused += 1;
    } else if (
      sameId &&
      sameId.source !== segment.source &&
      sameId.target !== undefined &&
      isReviewed(sameId)
    ) {
      segment.notes = [...segment.notes, `${SOURCE_CHANGED_NOTE}${sameId.target}`];
      result.flagged += 1;
    }
  }
  return result;
}

function reusable(segment: Segment, current: { engine: string; glossaryHash: string | undefined }): boolean {
  const p = segment.provenance;
  if (!p || segment.state !== 'translated') return false;
  const engine = p.engine.replace(/^memory:/, '');
  return engine === current.engine && p.glossaryHash === current.glossaryHash;
}

function carryOver(segment: Segment, from: Segment): void {
  segment.target = from.target;
  segment.state = from.state;
  segment.notes = from.notes;
  if (from.targetSpans) segment.targetSpans = from.targetSpans;
  if (from.provenance) segment.provenance = from.provenance;
}
