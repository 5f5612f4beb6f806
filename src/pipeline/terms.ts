import type { Document, Segment, TermSpan } from '../document.js';
import type { Matcher } from '../glossary/match.js';
import { PLACEHOLDER_SOURCE } from '../glossary/placeholder.js';
import type { Placeholder } from '../glossary/protect.js';
import type { Glossary, GlossaryEntry } from '../glossary/types.js';

/** Stage "match": the document with the glossary hits of every segment recorded on it. */
export function annotateTerms(doc: Document, matcher: Matcher | undefined): Document {
  if (!matcher) return doc;
  return {
    ...doc,
    blocks: doc.blocks.map((block) => ({
      ...block,
      segments: block.segments.map((segment) => ({ ...segment, spans: matcher.find(segment.source) })),
    })),
  };
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

/**
 * Markers of the protected spans that name a place after a locative French « à »: a glossary
 * entry of type `place` right after a bare « à » (« à Palmyre ») or contracted into « au / aux »
 * (« au Mali »); never « à la France » / « à l'Ukraine », where à marks the receiver.
 * `placeholders` are protectTerms' answer for `spans` (one per span, in text order).
 */
export function placeMarkers(
  segment: Segment,
  spans: readonly TermSpan[],
  placeholders: readonly Placeholder[],
  glossary: Glossary | undefined,
): string[] {
  if (!glossary) return [];
  const index = entryIndex(glossary);
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  return placeholders
    .filter((placeholder, i) => {
      const span = sorted[i];
      if (!span || index.get(placeholder.entryId)?.type !== 'place') return false;
      if (span.preposition !== undefined) return /^[àÀ]$/u.test(span.preposition);
      const before = segment.source.slice(0, span.start);
      return /(?:^|[\s(])[àÀ]\s+$/u.test(before) && !/^(?:l[ea]s?\s|l['’])/iu.test(placeholder.source);
    })
    .map((placeholder) => placeholder.marker);
}

/** Post-check on a finished target: every expected English form must be present. */
export function missingTerms(segment: Segment): string[] {
  if (segment.target === undefined) return [];
  const target = segment.target.normalize('NFC').toLowerCase();
  const expected = new Set(segment.spans.map((s) => s.target));
  return [...expected].filter((form) => !target.includes(form.normalize('NFC').toLowerCase()));
}

// Placeholders of both styles (glossary/protect.ts) that an engine left in its output.
const MARKER = new RegExp(String.raw`${PLACEHOLDER_SOURCE}|<x\s+id\s*=\s*["']\d+["']\s*\/?>`, 'g');

/**
 * Post-check problems of a finished target, from the model alone (source, spans, target), so
 * the same target gives the same notes whether the engine or the memory supplied it: every
 * expected English form present, no placeholder left that the source did not contain.
 */
export function postCheck(segment: Segment): string[] {
  const missing = missingTerms(segment).map((form) => `glossary term "${form}" missing from the translation`);
  const inSource = new Set(segment.source.match(MARKER) ?? []);
  const leftover = [...new Set(segment.target?.match(MARKER) ?? [])]
    .filter((marker) => !inSource.has(marker))
    .map((marker) => `placeholder ${marker} left in the translation`);
  return [...missing, ...leftover];
}
