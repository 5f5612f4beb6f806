/**
 * The notes Versio writes for reviewers in XLIFF 1.2 (`<note from="versio">`). They restate
 * what the file records elsewhere (provenance context group, term marks), so a reader skips
 * them and a writer regenerates them; notes from anyone else are the segment's own notes.
 */

import type { Provenance, Segment } from '../document.js';
import { engineLabel, isPersonsOwn } from '../document-notes.js';

export const GENERATED_NOTE_FROM = 'versio';

export function engineNote(provenance: Provenance): string {
  const details = [
    provenance.glossaryHash === undefined ? undefined : `glossary ${provenance.glossaryHash}`,
    provenance.billedCharacters === undefined
      ? undefined
      : `${provenance.billedCharacters} billed characters`,
  ].filter((d) => d !== undefined);
  const who = isPersonsOwn(provenance) ? 'a person' : engineLabel(provenance);
  return `Translated by ${who}${details.length > 0 ? ` (${details.join(', ')})` : ''}.`;
}

/** Lists the glossary entries a segment uses, source hits first, each once. */
export function glossaryNote(segment: Segment): string | undefined {
  const seen = new Set<string>();
  const items: string[] = [];
  for (const span of segment.spans) {
    if (seen.has(span.entryId)) continue;
    seen.add(span.entryId);
    items.push(
      `${span.entryId} (${segment.source.slice(span.start, span.end)} → ${span.target}, ${span.policy})`,
    );
  }
  for (const span of segment.targetSpans ?? []) {
    if (seen.has(span.entryId)) continue;
    seen.add(span.entryId);
    items.push(`${span.entryId} (→ ${span.target}, ${span.policy})`);
  }
  return items.length > 0 ? `Glossary entries: ${items.join('; ')}.` : undefined;
}
