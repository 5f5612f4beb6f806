/**
 * Text and its spans change together. Every stage that rewrites a target after its term spans
 * are known (English typography, capitalisation) describes its change as edits and applies
 * them here, so each span is moved with the text instead of being patched afterwards.
 */
import { InternalError } from '../errors.js';

/** Replace `text.slice(start, end)` by `insert` (an empty range inserts at `start`). */
export interface TextEdit {
  start: number;
  end: number;
  insert: string;
}

export interface Span {
  start: number;
  end: number;
}

/**
 * Whether an edit touches a span's characters. An insertion at either edge of a span lies outside it.
 */
export function touches(edit: TextEdit, span: Span): boolean {
  if (edit.start === edit.end) return edit.start > span.start && edit.start < span.end;
  return edit.start < span.end && edit.end > span.start;
}

/**
 * Applies edits (sorted, not overlapping) to `text` and maps every span through them. An edit
 * inside a span resizes it; an insertion at a span's edge goes outside it; an edit across a
 * span's edge would leave the span meaningless, so it is a bug of the caller.
 */
export function applyEdits<S extends Span>(
  text: string,
  spans: readonly S[],
  edits: readonly TextEdit[],
): { text: string; spans: S[] } {
  let out = '';
  let at = 0;
  for (const edit of edits) {
    if (edit.start < at || edit.end < edit.start || edit.end > text.length) {
      throw new InternalError(`text edit ${edit.start}-${edit.end} overlaps another or leaves the text`);
    }
    out += text.slice(at, edit.start) + edit.insert;
    at = edit.end;
  }
  out += text.slice(at);
  const mapped = spans.map((span) => {
    for (const edit of edits) {
      const crosses =
        (edit.start < span.start && span.start < edit.end) || (edit.start < span.end && span.end < edit.end);
      if (crosses) {
        throw new InternalError(`text edit ${edit.start}-${edit.end} crosses span ${span.start}-${span.end}`);
      }
    }
    return { ...span, start: shift(span.start, edits, true), end: shift(span.end, edits, false) };
  });
  return { text: out, spans: mapped };
}

/** The new offset of `pos`: edits that end before it move it; an insertion at it counts only for a start. */
function shift(pos: number, edits: readonly TextEdit[], isStart: boolean): number {
  let delta = 0;
  for (const edit of edits) {
    const before = edit.end < pos || (edit.end === pos && (isStart || edit.start < pos));
    if (before) delta += edit.insert.length - (edit.end - edit.start);
  }
  return pos + delta;
}
