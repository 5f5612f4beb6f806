/**
 * The term marks of a target come from the document model, not from the path that filled it: a
 * fresh translation, a memory hit, a reviewer's target carried over from the previous XLIFF and
 * a target read back by `render` all get their marks from the same function of (target text,
 * source spans). Each expected English form is looked for in the target in source order,
 * capitalised or not, as a whole word; a form that is not there gets no mark (the post-check
 * says it is missing).
 */
import type { Document, TermSpan } from '../document.js';
import { segmentsOf } from '../document.js';
import { InternalError } from '../errors.js';
import { capitalise } from './sentence-start.js';

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Target spans for `target`, one per source span whose form is found, never overlapping. */
export function targetSpansOf(target: string, sourceSpans: readonly TermSpan[]): TermSpan[] {
  const ordered = [...sourceSpans].sort((a, b) => a.start - b.start || b.end - a.end);
  const found = visibleOccurrences(
    target,
    ordered.map((s) => s.target).filter((form) => form !== ''),
  );
  const taken: TermSpan[] = [];
  let cursor = 0;
  for (const span of ordered) {
    const free = (found.get(span.target) ?? []).filter(
      (o) => !taken.some((t) => o.start < t.end && o.end > t.start),
    );
    // English may reorder terms: in source order first, anywhere free otherwise.
    const at = free.find((o) => o.start >= cursor) ?? free[0];
    if (!at) continue;
    const { preposition: _dropped, ...rest } = span;
    taken.push({ ...rest, start: at.start, end: at.end, target: target.slice(at.start, at.end) });
    cursor = at.end;
  }
  return taken.sort((a, b) => a.start - b.start);
}

/**
 * Stage "mark": every segment with a target gets its target spans from the model. In place, as
 * the other per-segment fills of execute.ts: the document is the run's one copy, not shared.
 */
export function markTargetTerms(doc: Document): Document {
  for (const segment of segmentsOf(doc)) {
    if (segment.target === undefined) delete segment.targetSpans;
    else segment.targetSpans = targetSpansOf(segment.target, segment.spans);
  }
  return doc;
}

/** Whether `text` is `form`, capitalised or not (a form that starts a sentence takes a capital). */
export function isFormOf(text: string, form: string): boolean {
  return text === form || text === capitalise(form);
}

/**
 * Occurrences of each form, leaving out those inside an occurrence of a longer form ("Paris" in
 * "Paris Saint-Germain"), as the matcher prefers the longest French form.
 */
function visibleOccurrences(
  text: string,
  forms: readonly string[],
): Map<string, { start: number; end: number }[]> {
  const all = new Map([...new Set(forms)].map((form) => [form, occurrences(text, form)]));
  const everything = [...all.values()].flat();
  for (const [form, list] of all) {
    all.set(
      form,
      list.filter(
        (o) =>
          !everything.some((g) => g.end - g.start > o.end - o.start && g.start <= o.start && o.end <= g.end),
      ),
    );
  }
  return all;
}

function occurrences(text: string, form: string): { start: number; end: number }[] {
  const result: { start: number; end: number }[] = [];
  for (const variant of new Set([form, capitalise(form)])) {
    for (let i = text.indexOf(variant); i !== -1; i = text.indexOf(variant, i + 1)) {
      const end = i + variant.length;
      if (wordEdge(text, i, variant, true) && wordEdge(text, end, variant, false))
        result.push({ start: i, end });
    }
  }
  return result.sort((a, b) => a.start - b.start);
}

/** A form that begins (ends) with a letter or digit must not continue a word of the text. */
function wordEdge(text: string, at: number, form: string, isStart: boolean): boolean {
  const inner = isStart ? form[0] : form[form.length - 1];
  const outer = isStart ? text[at - 1] : text[at];
  return !(inner && outer && WORD_CHAR.test(inner) && WORD_CHAR.test(outer));
}

/**
 * Writers' invariant (XLIFF 1.2, 2.x, review page): every target mark covers exactly its
 * English form, and that form is the one a source span of the same entry expects (capitalised
 * or not). Marks are built from the model, so a failure here is our bug, never the user's.
 */
export function assertTargetMarks(
  target: string,
  targetSpans: readonly TermSpan[],
  sourceSpans: readonly TermSpan[],
  where: string,
): void {
  for (const span of targetSpans) {
    const text =
      span.start >= 0 && span.end <= target.length ? target.slice(span.start, span.end) : undefined;
    const expected = sourceSpans.filter((s) => s.entryId === span.entryId).map((s) => s.target);
    const formOk = expected.length === 0 || expected.some((form) => isFormOf(span.target, form));
    if (text !== span.target || span.end <= span.start || !formOk) {
      throw new InternalError(
        `${where}: term mark ${span.start}-${span.end} (${span.entryId}) covers ${JSON.stringify(text ?? '')}, ` +
          `not its English form ${JSON.stringify(expected[0] ?? span.target)}`,
      );
    }
  }
}
