import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchContext, CONTEXT_WINDOW, MAX_CONTEXT_BYTES } from '../../src/providers/deepl/context.js';
import type { SourceText } from '../../src/providers/provider.js';
import { makeBatches } from '../../src/queue/index.js';

const article = (n: number) => Array.from({ length: n }, (_, i) => `Phrase numéro ${i + 1} de l'article.`);
const texts = (sentences: readonly string[]): SourceText[] =>
  sentences.map((text, index) => ({ id: `s${index + 1}`, text, article: { sentences, index } }));

describe('DeepL context per request', () => {
  it('every request carries its sentences and CONTEXT_WINDOW neighbours each side, each once, in order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 120 }), fc.integer({ min: 1, max: 50 }), (n, perBatch) => {
        const sentences = article(n);
        for (const batch of makeBatches(texts(sentences), { maxBatch: perBatch, maxBatchBytes: 1e6 })) {
          const first = batch[0]?.article?.index ?? 0;
          const last = batch[batch.length - 1]?.article?.index ?? 0;
          const expected = sentences.slice(Math.max(0, first - CONTEXT_WINDOW), last + CONTEXT_WINDOW + 1);
          expect(batchContext(batch)?.split('\n')).toEqual(expected);
        }
      }),
    );
  });

  it('stays within MAX_CONTEXT_BYTES, dropping the sentences farthest out first', () => {
    const sentences = Array.from({ length: 40 }, (_, i) => `${i} ${'é'.repeat(400)}`);
    const batch = texts(sentences).slice(10, 30);
    const context = batchContext(batch) ?? '';
    expect(new TextEncoder().encode(context).byteLength).toBeLessThanOrEqual(MAX_CONTEXT_BYTES);
    const kept = context.split('\n').map((s) => Number(s.split(' ')[0]));
    // A contiguous run around the batch's middle.
    expect(kept).toEqual(Array.from({ length: kept.length }, (_, i) => (kept[0] ?? 0) + i));
    expect(Math.abs((kept[0] ?? 0) + (kept.at(-1) ?? 0) - (10 + 29))).toBeLessThanOrEqual(1);
  });
});
