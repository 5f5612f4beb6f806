import type { Document, Segment, TermSpan } from '../document.js';
import type { Matcher } from '../glossary/match.js';
import type { Glossary, GlossaryEntry } from '../glossary/types.js';

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

/** Entries by id, built once per glossary: a 100,000-entry glossary is not scanned per segment. */
const entryIndexes = new WeakMap<Glossary, Map<string, GlossaryEntry>>();

function entryIndex(glossary: Glossary): Map<string, GlossaryEntry> {
  let index = entryIndexes.get(glossary);
  if (!index) {
    index = new Map(glossary.entries.map((e) => [e.id, e]));
    entryIndexes.set(glossary, index);
  }
  return index;
}

/** The glossary entries that touch this segment (their hash is part of the memory key). */
export function entriesTouching(segment: Segment, glossary: Glossary | undefined): GlossaryEntry[] {
  if (!glossary || segment.spans.length === 0) return [];
  const index = entryIndex(glossary);
  const ids = new Set(segment.spans.map((s) => s.entryId));
  return [...ids].map((id) => index.get(id)).filter((e): e is GlossaryEntry => e !== undefined);
}

/** Post-check on a finished target: every expected English form must be present. */
export function missingTerms(segment: Segment): string[] {
  if (segment.target === undefined) return [];
  const target = segment.target.normalize('NFC').toLowerCase();
  const expected = new Set(segment.spans.map((s) => s.target));
  return [...expected].filter((form) => !target.includes(form.normalize('NFC').toLowerCase()));
}
