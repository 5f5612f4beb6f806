/**
 * What changed between two versions of a translated document (before and after review),
 * segment by segment, matched by segment id. Pure: the command reads the XLIFF files.
 */
import { diffWordsWithSpace } from 'diff';
import type { Document, Segment, SegmentState } from '../document.js';
import { segmentsOf } from '../document.js';

/** One side of a change: the segment as it was (before) or is (after). */
export interface SegmentSide {
  source: string;
  /** Absent when the segment has no target (an empty target counts as none). */
  target?: string;
  state: SegmentState;
}

/** What differs in a segment present on both sides. */
export type ChangedField = 'source' | 'target' | 'state';

/** `added`: only in after; `removed`: only in before; `changed`: in both, some field differs. */
export type SegmentChange =
  | (ChangeOf & { kind: 'added'; after: SegmentSide; before?: never })
  | (ChangeOf & { kind: 'removed'; before: SegmentSide; after?: never })
  | (ChangeOf & { kind: 'changed'; before: SegmentSide; after: SegmentSide });

interface ChangeOf {
  /** Segment id (`p4.s2`). */
  id: string;
  /** For `changed`, the fields that differ, in this order: source, target, state. Empty otherwise. */
  fields: ChangedField[];
}

/** A run of words in a word-level diff: kept, inserted by the reviewer, or deleted. */
export interface WordPart {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

/**
 * Changed, added and removed segments; unchanged ones are left out. Order: the after
 * document's, with each removed segment placed where it stood in the before document.
 */
export function diffDocuments(before: Document, after: Document): SegmentChange[] {
  const old = new Map(segmentsOf(before).map((s) => [s.id, s] as const));
  const now = new Map(segmentsOf(after).map((s) => [s.id, s] as const));
  const changes: SegmentChange[] = [];
  for (const id of mergedOrder([...old.keys()], [...now.keys()])) {
    const b = old.get(id);
    const a = now.get(id);
    if (b && a) {
      const fields = changedFields(b, a);
      if (fields.length > 0) changes.push({ id, kind: 'changed', fields, before: side(b), after: side(a) });
    } else if (a) changes.push({ id, kind: 'added', fields: [], after: side(a) });
    else if (b) changes.push({ id, kind: 'removed', fields: [], before: side(b) });
  }
  return changes;
}

/** Word-level diff that keeps every space: equal + delete parts spell `before`, equal + insert spell `after`. */
export function diffWords(before: string, after: string): WordPart[] {
  return diffWordsWithSpace(before, after).map((change) => ({
    op: change.added ? 'insert' : change.removed ? 'delete' : 'equal',
    text: change.value,
  }));
}

function changedFields(b: Segment, a: Segment): ChangedField[] {
  const fields: ChangedField[] = [];
  if (b.source !== a.source) fields.push('source');
  if (targetOf(b) !== targetOf(a)) fields.push('target');
  if (b.state !== a.state) fields.push('state');
  return fields;
}

function targetOf(segment: Segment): string | undefined {
  return segment.target === '' ? undefined : segment.target;
}

function side(segment: Segment): SegmentSide {
  const target = targetOf(segment);
  return { source: segment.source, ...(target === undefined ? {} : { target }), state: segment.state };
}

/** The after ids, with each before-only id inserted after its predecessor in the before order. */
function mergedOrder(beforeIds: readonly string[], afterIds: readonly string[]): string[] {
  const order = [...afterIds];
  const present = new Set(afterIds);
  let previous: string | undefined;
  for (const id of beforeIds) {
    if (!present.has(id)) {
      order.splice(previous === undefined ? 0 : order.indexOf(previous) + 1, 0, id);
      present.add(id);
    }
    previous = id;
  }
  return order;
}
