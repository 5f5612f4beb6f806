/**
 * Glossary terms on the review page: `<mark>` highlights in source and target, each described
 * by its entry (tooltip and aria-describedby), and the table of entries the article uses.
 */
import type { Document, TermSpan } from '../document.js';
import { segmentsOf } from '../document.js';
import type { GlossaryEntry } from '../glossary/types.js';
import { escapeHtml } from '../xml/escape.js';

/** Returns the start tag for a span. */
export type TermMark = (span: TermSpan) => string;

/** Entry ids in order of first use (source spans, then target spans), with a span to fall back on. */
export function usedTerms(doc: Document): Map<string, TermSpan> {
  const used = new Map<string, TermSpan>();
  for (const segment of segmentsOf(doc)) {
    for (const span of [...segment.spans, ...(segment.targetSpans ?? [])]) {
      if (!used.has(span.entryId)) used.set(span.entryId, span);
    }
  }
  return used;
}

function termDescription(span: TermSpan, entry: GlossaryEntry | undefined): string {
  if (!entry) return `Glossary term ${span.entryId}: ${span.target}`;
  const note = entry.note ? `. ${entry.note}` : '';
  return `Glossary term ${entry.id}: ${entry.english} (${entry.type})${note}`;
}

export function termMark(span: TermSpan, entry: GlossaryEntry | undefined): string {
  return (
    `<mark class="term" data-entry="${escapeHtml(span.entryId)}" title="${escapeHtml(termDescription(span, entry))}" ` +
    `aria-describedby="${termAnchor(span.entryId)}">`
  );
}

function termAnchor(entryId: string): string {
  return escapeHtml(`term-${entryId.replace(/\s/g, '_')}`);
}

export function termIndex(
  terms: ReadonlyMap<string, TermSpan>,
  entries: ReadonlyMap<string, GlossaryEntry>,
): string {
  if (terms.size === 0) return '';
  const rows = [...terms].map(([id, span]) => {
    const entry = entries.get(id);
    return (
      `<tr id="${termAnchor(id)}"><td><code>${escapeHtml(id)}</code></td><td>${escapeHtml(entry?.english ?? span.target)}</td>` +
      `<td>${escapeHtml(entry?.type ?? '')}</td><td>${escapeHtml(entry?.note ?? '')}</td></tr>`
    );
  });
  return [
    '<footer>',
    '<h2>Glossary terms in this article</h2>',
    '<table>',
    '<thead><tr><th scope="col">Entry</th><th scope="col">English</th><th scope="col">Type</th><th scope="col">Note</th></tr></thead>',
    `<tbody>\n${rows.join('\n')}\n</tbody>`,
    '</table>',
    '</footer>',
  ].join('\n');
}

/**
 * Text with its term spans as `<mark>`. Spans may nest; a span outside the text or crossing
 * another is left unmarked (the page must still render whatever the model holds).
 */
export function markTerms(text: string, spans: readonly TermSpan[], open: TermMark): string {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const ends: number[] = [];
  let out = '';
  let at = 0;
  const closeUpTo = (limit: number) => {
    for (let end = ends.at(-1); end !== undefined && end <= limit; end = ends.at(-1)) {
      ends.pop();
      out += `${escapeHtml(text.slice(at, end))}</mark>`;
      at = end;
    }
  };
  for (const span of sorted) {
    if (span.start < 0 || span.end <= span.start || span.end > text.length) continue;
    closeUpTo(span.start);
    const enclosing = ends[ends.length - 1];
    if (span.start < at || (enclosing !== undefined && span.end > enclosing)) continue;
    out += escapeHtml(text.slice(at, span.start)) + open(span);
    at = span.start;
    ends.push(span.end);
  }
  closeUpTo(text.length);
  return out + escapeHtml(text.slice(at));
}
