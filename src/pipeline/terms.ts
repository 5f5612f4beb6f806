import { createHash } from 'node:crypto';
import type { Document, Segment, TermSpan } from '../document.js';
import type { Matcher } from '../glossary/match.js';
import type { Glossary } from '../glossary/types.js';

/** Records the glossary hits of every segment on the model (stage "match"). */
export function annotateTerms(doc: Document, matcher: Matcher | undefined): Document {
  if (!matcher) return doc;
  for (const block of doc.blocks) {
    for (const segment of block.segments) segment.spans = matcher.find(segment.source);
  }
  return doc;
}

/**
 * Spans the pipeline must hide from the engine: `protect` entries always, `provider` entries
 * too when the engine has no glossary of its own.
 */
export function spansToProtect(segment: Segment, engineHasGlossary: boolean): TermSpan[] {
  return segment.spans.filter((s) => s.policy === 'protect' || !engineHasGlossary);
}

/**
 * Hash of the glossary entries that touch this segment: part of the memory key, so an edited
 * entry re-translates only the segments it appears in.
 */
export function termsHash(segment: Segment, glossary: Glossary | undefined): string {
  if (!glossary || segment.spans.length === 0) return '';
  const ids = new Set(segment.spans.map((s) => s.entryId));
  const entries = glossary.entries
    .filter((e) => ids.has(e.id))
    .map(({ line: _line, ...entry }) => entry)
    .sort((a, b) => a.id.localeCompare(b.id));
  return createHash('sha256').update(JSON.stringify(entries)).digest('hex');
}

/** Post-check on a finished target: every expected English form must be present. */
export function missingTerms(segment: Segment): string[] {
  if (segment.target === undefined) return [];
  const target = segment.target.normalize('NFC').toLowerCase();
  const expected = new Set(segment.spans.map((s) => s.target));
  return [...expected].filter((form) => !target.includes(form.normalize('NFC').toLowerCase()));
}
