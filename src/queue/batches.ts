import type { ProviderLimits, SourceText } from '../providers/provider.js';

const utf8 = new TextEncoder();

/**
 * Splits texts into batches in order, each within `limits.maxBatch` texts and
 * `limits.maxBatchBytes` UTF-8 bytes of text. A single text larger than the byte limit
 * travels alone: it cannot be split here (segments are the unit of translation), and the
 * engine's own answer about it is more useful than a silent drop.
 */
export function makeBatches(texts: readonly SourceText[], limits: ProviderLimits): SourceText[][] {
  const maxBatch = Math.max(1, limits.maxBatch);
  const batches: SourceText[][] = [];
  let current: SourceText[] = [];
  let bytes = 0;
  for (const text of texts) {
    const size = utf8.encode(text.text).byteLength;
    if (current.length > 0 && (current.length >= maxBatch || bytes + size > limits.maxBatchBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(text);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
