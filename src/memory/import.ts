/**
 * How TMX units enter the memory, and why they are kept apart.
 *
 * A memory key (key.ts) covers the engine's options and the glossary entries touching the
 * segment; a TMX unit carries none of that (even one versio exported: its x-versio-key
 * cannot be checked against its text, which a CAT tool may have edited). Letting an imported
 * unit answer a keyed lookup would bypass glossary and option invalidation. So:
 * - an imported unit is stored with provider `tmx` (or `tmx:<engine>` when --provider or an
 *   x-versio-provider prop names the engine) and an import key that `memoryKey` never
 *   produces, so `lookup` never returns it;
 * - `translate` uses it only after the keyed lookup missed (`findInMemory`, pipeline/memory.ts):
 *   exact source text, and languages that fit the article's (`languagesFit`); the glossary
 *   post-check still runs on its target;
 * - `tm export` writes imported units back out, so import → export keeps every unit.
 * To move exact-key reuse between machines, copy the memory file itself.
 */
import { createHash } from 'node:crypto';
import type { MemoryRecord } from './record.js';
import type { TmxUnit } from './tmx-read.js';

/** The import key: unique per (source, target, language pair, engine label); never equal to a memoryKey. */
export function importedKey(unit: {
  source: string;
  target: string;
  sourceLang: string;
  targetLang: string;
  provider: string;
}): string {
  const canonical = JSON.stringify([
    'versio-tm-import/1',
    unit.source,
    unit.target,
    unit.sourceLang.toLowerCase(),
    unit.targetLang.toLowerCase(),
    unit.provider,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/** `tmx`, or `tmx:<engine>`; a label that already says tmx (a re-imported export) is kept. */
export function importedProvider(engine: string | undefined): string {
  if (engine === undefined || engine === '') return 'tmx';
  return engine === 'tmx' || engine.startsWith('tmx:') ? engine : `tmx:${engine}`;
}

/**
 * Memory records for TMX units. `provider` (the --provider option) overrides the unit's
 * x-versio-provider prop. Units without a creation date get `now`.
 */
export function importedRecords(
  units: readonly TmxUnit[],
  options: { provider?: string; now: Date },
): MemoryRecord[] {
  return units.map((unit) => {
    const provider = importedProvider(options.provider ?? unit.props['x-versio-provider']);
    const parts = {
      source: unit.source,
      target: unit.target,
      sourceLang: unit.sourceLang,
      targetLang: unit.lang,
      provider,
    };
    return {
      key: importedKey(parts),
      source: unit.source,
      target: unit.target,
      provider,
      sourceLang: unit.sourceLang,
      targetLang: unit.lang,
      createdAt: unit.createdAt ?? options.now.toISOString(),
      origin: 'imported' as const,
    };
  });
}
