import type { SourceText } from '../provider.js';

/** Sentences of the article before the batch's first text and after its last, as context. */
export const CONTEXT_WINDOW = 2;

/**
 * UTF-8 bytes of context per request. DeepL documents no limit of its own for `context`, only
 * the 128 KiB request body; with text batches of at most 16 KiB (deepl.ts) and form encoding
 * tripling non-ASCII bytes in the worst case, (16 + 24) · 3 = 120 KiB stays under it.
 */
export const MAX_CONTEXT_BYTES = 24 * 1024;

const utf8 = new TextEncoder();

/**
 * DeepL's `context` is one string per request, shared by every text in it, "not translated
 * and not billed"; and DeepL "will only consider context in the scope of each individual text
 * parameter": the other texts of the same request are not context for a text. So a batch's
 * context is the article's run of sentences from CONTEXT_WINDOW before its first text to
 * CONTEXT_WINDOW after its last: the window before, the batch's own sentences (each text's
 * nearest neighbours), the window after, each sentence once, in article order. When that run
 * is over MAX_CONTEXT_BYTES, sentences are dropped from its far ends first (those farthest
 * from the batch's middle). Texts without an article position fall back to their own `context`.
 */
export function batchContext(batch: readonly SourceText[]): string | undefined {
  const placed = batch.filter((t) => t.article !== undefined);
  const article = placed[0]?.article;
  if (article === undefined) return fallbackContext(batch);
  const indexes = placed.map((t) => t.article?.index ?? 0);
  const from = Math.max(0, Math.min(...indexes) - CONTEXT_WINDOW);
  const to = Math.min(article.sentences.length - 1, Math.max(...indexes) + CONTEXT_WINDOW);
  let run = article.sentences.slice(from, to + 1).map((s) => s.trim());
  let bytes = run.reduce((n, s) => n + utf8.encode(s).byteLength + 1, 0);
  let fromStart = true;
  while (bytes > MAX_CONTEXT_BYTES && run.length > 0) {
    const dropped = fromStart ? run[0] : run[run.length - 1];
    run = fromStart ? run.slice(1) : run.slice(0, -1);
    bytes -= utf8.encode(dropped ?? '').byteLength + 1;
    fromStart = !fromStart;
  }
  const text = run.filter((s) => s !== '').join('\n');
  return text === '' ? undefined : text;
}

/** Distinct per-text contexts in order, within MAX_CONTEXT_BYTES. */
function fallbackContext(batch: readonly SourceText[]): string | undefined {
  const parts: string[] = [];
  let bytes = 0;
  for (const { context } of batch) {
    const trimmed = context?.trim();
    if (!trimmed || parts.includes(trimmed)) continue;
    const size = utf8.encode(trimmed).byteLength + 1;
    if (bytes + size > MAX_CONTEXT_BYTES) break;
    parts.push(trimmed);
    bytes += size;
  }
  return parts.length > 0 ? parts.join('\n') : undefined;
}
