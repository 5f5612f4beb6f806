/**
 * Versio's glossaries on the DeepL account: found or created for a run, deleted only on request.
 *
 * v3 glossaries (/v3/glossaries, deepl-node's DeepLClient) by default: DeepL calls v3 current,
 * keeps v2 "for backward compatibility" and may "deprecate or even remove the v2 glossary API"
 * (developers.deepl.com, "v2 vs v3 endpoints"). A run translates one language pair, so each
 * glossary holds one dictionary (fr → en), named `versio-<content hash>` as before.
 *
 * v2 (/v2/glossaries) only where the server answers 404 to GET /v3/glossaries: DeepL-compatible
 * servers built before v3 (deepl-node gained it in 1.18.0, May 2025) speak only v2, and glossary
 * runs against them worked before Versio moved to v3. The
 * fallback costs one 404 on such a server and nothing on DeepL, and its code is the v2 path that
 * already ran. Mixing is safe on DeepL itself: "you can simply start using v3 endpoints with any
 * glossary", so the v3 listing also shows the glossaries older Versio runs created through v2, and
 * a run reuses or prunes them like its own.
 */
import type * as DeeplNode from 'deepl-node';
import { GLOSSARY_PREFIX, type GlossarySpec } from './glossary.js';
import type { ResponseCapture } from './response-capture.js';

type Deepl = typeof DeeplNode;
type Client = DeeplNode.DeepLClient;

/**
 * The id of the glossary `spec` on the account: reused when one of that name (its content hash)
 * holds a dictionary for the pair with all its entries, created otherwise. Nothing is deleted:
 * another run on the same key may be using any other glossary at this moment (`versio glossary
 * prune` removes old ones on request). `capture` is the call's (it tells a 404 from other errors).
 */
export async function syncGlossary(
  client: Client,
  deepl: Deepl,
  spec: GlossarySpec,
  capture: ResponseCapture,
): Promise<string> {
  const listed = await listV3(client, deepl, capture);
  if (listed === undefined) return syncV2(client, deepl, spec);
  const found = listed.find((g) => g.name === spec.name && g.dictionaries.some((d) => holds(d, spec)));
  if (found) return found.glossaryId;
  const created = await client.createMultilingualGlossary(spec.name, [
    {
      sourceLangCode: spec.sourceLang,
      targetLangCode: spec.targetLang,
      entries: new deepl.GlossaryEntries({ entries: spec.entries }),
    },
  ]);
  return created.glossaryId;
}

/**
 * `versio glossary prune`: deletes Versio's glossaries (named `versio-…`) created more than
 * `olderThanMs` ago, or all of them without it, through v3 (whose listing holds the glossaries
 * created through v2 too) or, on a server without v3, through v2. Returns the names deleted. A
 * glossary another run deleted first is not an error.
 */
export async function pruneGlossaries(
  client: Client,
  deepl: Deepl,
  olderThanMs: number | undefined,
  capture: ResponseCapture,
  now = Date.now(),
): Promise<string[]> {
  const v3 = await listV3(client, deepl, capture);
  const listed = v3 ?? (await client.listGlossaries());
  const remove = (id: string) =>
    v3 === undefined ? client.deleteGlossary(id) : client.deleteMultilingualGlossary(id);
  const deleted: string[] = [];
  for (const g of listed) {
    if (!g.name.startsWith(GLOSSARY_PREFIX)) continue;
    if (olderThanMs !== undefined && now - g.creationTime.getTime() < olderThanMs) continue;
    try {
      await remove(g.glossaryId);
    } catch (error) {
      if (!(error instanceof deepl.GlossaryNotFoundError)) throw error;
    }
    deleted.push(g.name);
  }
  return deleted;
}

/** The v3 listing, or undefined when the server has no /v3/glossaries (it answered 404). */
async function listV3(
  client: Client,
  deepl: Deepl,
  capture: ResponseCapture,
): Promise<DeeplNode.MultilingualGlossaryInfo[] | undefined> {
  try {
    return await client.listMultilingualGlossaries();
  } catch (error) {
    if (error instanceof deepl.DeepLError && capture.status === 404) return undefined;
    throw error;
  }
}

/** The v2 form of syncGlossary: one glossary per pair, `ready` once DeepL has built it. */
async function syncV2(client: Client, deepl: Deepl, spec: GlossarySpec): Promise<string> {
  const listed = await client.listGlossaries();
  const found = listed.find(
    (g) =>
      g.name === spec.name && g.ready && g.sourceLang === spec.sourceLang && g.targetLang === spec.targetLang,
  );
  if (found) return found.glossaryId;
  const created = await client.createGlossary(
    spec.name,
    spec.sourceLang as DeeplNode.LanguageCode,
    spec.targetLang as DeeplNode.LanguageCode,
    new deepl.GlossaryEntries({ entries: spec.entries }),
  );
  return created.glossaryId;
}

/**
 * Whether a v3 dictionary is `spec`'s: its pair, and as many entries (v3 glossaries can be
 * edited; one edited under Versio's name no longer has the content its name promises).
 */
function holds(dictionary: DeeplNode.MultilingualGlossaryDictionaryInfo, spec: GlossarySpec): boolean {
  return (
    dictionary.sourceLangCode.toLowerCase() === spec.sourceLang &&
    dictionary.targetLangCode.toLowerCase() === spec.targetLang &&
    dictionary.entryCount === Object.keys(spec.entries).length
  );
}
