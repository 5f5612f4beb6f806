/**
 * What the pipeline asks of the translation memory, in one place: the key of a segment, the
 * record that answers it (a person's translation before the engine's, then a unit imported from
 * TMX with the same source text), and the reviewed targets a returned XLIFF gives back to it.
 */
import type { Document, Provenance, Segment } from '../document.js';
import type { Glossary } from '../glossary/types.js';
import { memoryKey, termsHash } from '../memory/key.js';
import type { MemoryStore } from '../memory/memory-store.js';
import type { MemoryRecord } from '../memory/record.js';
import { isImported } from '../memory/record.js';
import type { Provider } from '../providers/provider.js';
import { entriesTouching } from './terms.js';

/** The memory key of a segment for this engine and glossary (memory/key.ts says what it covers). */
export function segmentKey(segment: Segment, provider: Provider, glossary: Glossary | undefined): string {
  return memoryKey({
    source: segment.source,
    provider: provider.name,
    fingerprint: provider.fingerprint,
    termsHash: termsHash(entriesTouching(segment, glossary)),
  });
}

/**
 * The record for a segment: the keyed one (the store prefers a person's translation over the
 * engine's under one key), else a `versio tm import` unit with exactly this source text whose
 * languages fit the article's (see `languagesFit`). An imported target is not keyed to the
 * glossary, so it still goes through the post-check like any target.
 */
export async function findInMemory(
  memory: MemoryStore,
  key: string,
  segment: Pick<Segment, 'source'>,
  doc: Pick<Document, 'sourceLang' | 'targetLang'>,
): Promise<MemoryRecord | undefined> {
  const keyed = await memory.lookup(key);
  if (keyed) return keyed;
  // The store indexes imports by source text, source language and target tag, and also by the
  // target's bare language: an `en` article finds an en-GB unit; the fit is checked on the record.
  const [primary] = doc.targetLang.split(/[-_]/);
  for (const target of new Set([doc.targetLang, primary ?? doc.targetLang])) {
    const unit = await memory.lookupImported(segment.source, doc.sourceLang, target);
    if (unit && languagesFit(unit, doc)) return unit;
  }
  return undefined;
}

/**
 * BCP 47 tags compared case-insensitively: the source languages must share their primary
 * subtag (fr-FR text serves an fr article); the target tags must be equal, or one must be the
 * bare language of the other (an en-GB unit serves an en article and the reverse; en-US never
 * serves en-GB).
 */
export function languagesFit(
  unit: Pick<MemoryRecord, 'sourceLang' | 'targetLang'>,
  doc: Pick<Document, 'sourceLang' | 'targetLang'>,
): boolean {
  const [us, ds, ut, dt] = [unit.sourceLang, doc.sourceLang, unit.targetLang, doc.targetLang].map((t) =>
    t.toLowerCase().replace(/_/g, '-'),
  ) as [string, string, string, string];
  const primary = (tag: string) => tag.split('-')[0] ?? tag;
  if (primary(us) !== primary(ds)) return false;
  return ut === dt || ut === primary(dt) || dt === primary(ut);
}

/** Provider label of the records `reviewedRecords` writes (hits show as `memory:human` in files). */
export const HUMAN_PROVIDER = 'human';

/**
 * The engine a target from the memory is credited to. An engine's own earlier output is that
 * engine's, exactly as on the run that paid for it, so one article gives one XLIFF whichever
 * path filled it; a person's translation or a TMX unit says it came from the memory
 * (`fromMemory`: `memory:human`, `memory:tmx` in files), which XLIFF 1.2 writes as `leveraged-tm`.
 */
export function memoryEngine(record: MemoryRecord): Pick<Provenance, 'engine' | 'fromMemory'> {
  const fromPeople = record.origin === 'human' || record.origin === 'imported';
  return fromPeople || record.provider === HUMAN_PROVIDER || isImported(record)
    ? { engine: record.provider, fromMemory: true }
    : { engine: record.provider };
}

/**
 * Reviewed and final targets (carried over from the returned XLIFF by pipeline/merge.ts) as
 * human memory records, under the key the engine's output for the segment would have, so a
 * later lookup of the same sentence, here or in another article, returns the person's words.
 * Targets the memory already holds as human translations are not written again.
 */
export async function reviewedRecords(
  doc: Document,
  memory: MemoryStore,
  provider: Provider,
  glossary: Glossary | undefined,
  now: Date,
): Promise<MemoryRecord[]> {
  const records: MemoryRecord[] = [];
  for (const segment of doc.blocks.flatMap((b) => b.segments)) {
    if (segment.state !== 'reviewed' && segment.state !== 'final') continue;
    if (segment.target === undefined || segment.target === '') continue;
    const key = segmentKey(segment, provider, glossary);
    const known = await memory.lookup(key);
    if (known?.origin === 'human' && known.target === segment.target) continue;
    records.push({
      key,
      source: segment.source,
      target: segment.target,
      provider: HUMAN_PROVIDER,
      sourceLang: doc.sourceLang,
      targetLang: doc.targetLang,
      createdAt: now.toISOString(),
      origin: 'human',
    });
  }
  return records;
}
