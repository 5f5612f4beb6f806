/**
 * Writing a segment's text with its glossary hits as `<mrk>` elements, for both XLIFF versions.
 * XML elements must nest, so spans may nest but not cross; a crossing pair is refused rather
 * than silently re-cut. Spans come from the model (matcher, glossary/target-spans.ts), so a span
 * outside the text or crossing another is our bug: an internal error, never an input error.
 */
import type { TermSpan } from '../document.js';
import { InternalError } from '../errors.js';
import { escapeText } from './escape.js';

/** Returns the start tag for a span (its index is its position in `spans` after sorting). */
export type OpenMark = (span: TermSpan, index: number) => string;

/** Spans in document order: by start, the outer of two nested spans first. */
export function sortSpans(spans: readonly TermSpan[]): TermSpan[] {
  return [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
}

export function markedText(text: string, spans: readonly TermSpan[], open: OpenMark, where: string): string {
  const sorted = sortSpans(spans);
  let out = '';
  let at = 0;
  const openEnds: number[] = [];
  const closeUpTo = (limit: number): void => {
    for (let end = openEnds.at(-1); end !== undefined && end <= limit; end = openEnds.at(-1)) {
      openEnds.pop();
      out += `${escapeText(text.slice(at, end), where)}</mrk>`;
      at = end;
    }
  };
  sorted.forEach((span, index) => {
    if (span.start < 0 || span.end < span.start || span.end > text.length) {
      throw new InternalError(
        `${where}: term span ${span.start}-${span.end} (${span.entryId}) is outside the text`,
      );
    }
    closeUpTo(span.start);
    const enclosing = openEnds[openEnds.length - 1];
    if (enclosing !== undefined && span.end > enclosing) {
      throw new InternalError(`${where}: term spans cross at ${span.start}-${span.end} (${span.entryId})`, {
        hint: 'XML elements cannot overlap; overlapping glossary hits must be resolved before writing XLIFF',
      });
    }
    out += escapeText(text.slice(at, span.start), where) + open(span, index);
    at = span.start;
    openEnds.push(span.end);
  });
  closeUpTo(text.length);
  return out + escapeText(text.slice(at), where);
}
