import { createHash } from 'node:crypto';
import type * as DeeplNode from 'deepl-node';
import { InputError } from '../../errors.js';
import type { ProviderTerm } from '../provider.js';

/*
 * v2 glossaries (/v2/glossaries, one language pair each): a run translates one pair, so a v3
 * multilingual glossary would hold a single dictionary and buy nothing.
 */

/** Names of the glossaries Versio creates; any other glossary on the account is left alone. */
export const GLOSSARY_PREFIX = 'versio-';

export interface GlossarySpec {
  name: string;
  /** Content hash (hex, 16 digits): part of the provider fingerprint. */
  hash: string;
  sourceLang: string;
  targetLang: string;
  entries: Record<string, string>;
}

/**
 * The DeepL glossary for `terms`, named by a hash of its content so an unchanged glossary is
 * found again and an edited one gets a new name. DeepL glossaries are per base language
 * (`fr` → `en`, no region) and allow one target per source term.
 */
export function glossarySpec(
  terms: readonly ProviderTerm[],
  sourceLang: string,
  targetLang: string,
): GlossarySpec | undefined {
  if (terms.length === 0) return undefined;
  const source = baseLanguage(sourceLang);
  const target = baseLanguage(targetLang);
  const entries: Record<string, string> = {};
  for (const { source: from, target: to } of terms) {
    const known = entries[from];
    if (known !== undefined && known !== to) {
      throw new InputError(
        `glossary: '${from}' has two DeepL targets ('${known}' and '${to}'); DeepL allows one`,
      );
    }
    entries[from] = to;
  }
  const canonical = JSON.stringify([
    source,
    target,
    Object.entries(entries).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  ]);
  const hash = createHash('sha256').update(canonical).digest('hex').slice(0, 16);
  return { name: `${GLOSSARY_PREFIX}${hash}`, hash, sourceLang: source, targetLang: target, entries };
}

/**
 * The id of the glossary `spec` on the account: reused when one of that name (its content hash)
 * is listed and ready, created otherwise. Nothing is deleted: another run on the same key may be
 * using any other glossary at this moment (`versio glossary prune` removes old ones on request).
 */
export async function syncGlossary(
  translator: DeeplNode.Translator,
  deepl: typeof DeeplNode,
  spec: GlossarySpec,
): Promise<string> {
  const listed = await translator.listGlossaries();
  const found = listed.find(
    (g) =>
      g.name === spec.name && g.ready && g.sourceLang === spec.sourceLang && g.targetLang === spec.targetLang,
  );
  if (found) return found.glossaryId;
  const created = await translator.createGlossary(
    spec.name,
    spec.sourceLang as DeeplNode.LanguageCode,
    spec.targetLang as DeeplNode.LanguageCode,
    new deepl.GlossaryEntries({ entries: spec.entries }),
  );
  return created.glossaryId;
}

/**
 * `versio glossary prune`: deletes Versio's glossaries (named `versio-…`) created more than
 * `olderThanMs` ago, or all of them without it. Returns the names deleted. A glossary another
 * run deleted first is not an error.
 */
export async function pruneGlossaries(
  translator: DeeplNode.Translator,
  deepl: typeof DeeplNode,
  olderThanMs: number | undefined,
  now = Date.now(),
): Promise<string[]> {
  const deleted: string[] = [];
  for (const g of await translator.listGlossaries()) {
    if (!g.name.startsWith(GLOSSARY_PREFIX)) continue;
    if (olderThanMs !== undefined && now - g.creationTime.getTime() < olderThanMs) continue;
    try {
      await translator.deleteGlossary(g.glossaryId);
    } catch (error) {
      if (!(error instanceof deepl.GlossaryNotFoundError)) throw error;
    }
    deleted.push(g.name);
  }
  return deleted;
}

function baseLanguage(code: string): string {
  return code.split('-')[0]?.toLowerCase() ?? code;
}
