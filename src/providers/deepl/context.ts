import type { SourceText } from '../provider.js';

/** UTF-8 bytes of context per request; see `batchContext`. */
export const MAX_CONTEXT_BYTES = 4096;

const utf8 = new TextEncoder();

/**
 * DeepL's `context` is one string per request, shared by every text in it, "not translated
 * and not billed" (DeepL API, POST /v2/translate). Each segment brings its own neighbours; we
 * send the distinct ones in article order, skipping one already contained in what we have
 * (neighbour windows of adjacent segments overlap), up to MAX_CONTEXT_BYTES so the request
 * stays well under DeepL's 128 KiB body limit. When a batch spans more article than that,
 * the earliest neighbours win: they precede the texts that most need disambiguating.
 */
export function batchContext(batch: readonly SourceText[]): string | undefined {
  const parts: string[] = [];
  let bytes = 0;
  for (const { context } of batch) {
    const trimmed = context?.trim();
    if (!trimmed || parts.some((p) => p.includes(trimmed))) continue;
    const size = utf8.encode(trimmed).byteLength + 1;
    if (bytes + size > MAX_CONTEXT_BYTES) break;
    parts.push(trimmed);
    bytes += size;
  }
  return parts.length > 0 ? parts.join('\n') : undefined;
}
