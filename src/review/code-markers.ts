/**
 * Inline codes made visible for `versio render`: the model's text has no codes (the reader lists
 * them beside it), so a foreign file's `<x/>`, `<ph/>` or `<pc>` would vanish from the article and
 * the review page. Each code becomes a marker at its place — `⟦1⟧` for a standalone code, `⟦1⟧…⟦/1⟧`
 * around the text of a paired one — and term spans move with the text. Pure.
 */
import type { Document, Segment, TermSpan } from '../document.js';
import type { CodeRef } from '../xliff/inline-read.js';
import type { SegmentLocation } from '../xliff/read-model.js';

/** The document with markers in every source and target that has codes; the same object when none has. */
export function withCodeMarkers(doc: Document, locations: ReadonlyMap<string, SegmentLocation>): Document {
  const hasCodes = [...locations.values()].some(
    (l) => l.codes && (l.codes.source.length > 0 || (l.codes.target?.length ?? 0) > 0),
  );
  if (!hasCodes) return doc;
  return {
    ...doc,
    blocks: doc.blocks.map((block) => ({
      ...block,
      segments: block.segments.map((segment) => marked(segment, locations.get(segment.id)?.codes)),
    })),
  };
}

function marked(segment: Segment, codes: SegmentLocation['codes']): Segment {
  if (codes === undefined) return segment;
  const source = insertMarkers(segment.source, codes.source);
  const result: Segment = { ...segment, source: source.text, spans: segment.spans.map(source.move) };
  if (segment.target !== undefined && codes.target !== undefined) {
    const target = insertMarkers(segment.target, codes.target);
    result.target = target.text;
    if (segment.targetSpans) result.targetSpans = segment.targetSpans.map(target.move);
  }
  return result;
}

function insertMarkers(
  text: string,
  codes: readonly CodeRef[],
): { text: string; move: (span: TermSpan) => TermSpan } {
  const inserts: Array<{ at: number; marker: string }> = [];
  for (const code of codes) {
    inserts.push({ at: code.offset, marker: `⟦${code.id}⟧` });
    if (code.end !== undefined) inserts.push({ at: code.end, marker: `⟦/${code.id}⟧` });
  }
  inserts.sort((a, b) => a.at - b.at);
  let out = '';
  let from = 0;
  for (const { at, marker } of inserts) {
    out += text.slice(from, at) + marker;
    from = at;
  }
  out += text.slice(from);
  const shift = (offset: number, inclusive: boolean) =>
    offset +
    inserts
      .filter((i) => (inclusive ? i.at <= offset : i.at < offset))
      .reduce((n, i) => n + i.marker.length, 0);
  return {
    text: out,
    move: (span) => ({ ...span, start: shift(span.start, true), end: shift(span.end, false) }),
  };
}
