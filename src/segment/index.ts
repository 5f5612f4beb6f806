/** French sentence segmentation of one block (paragraph, headline, rubric line). */
import { compileRules, segmentWith } from './engine.js';
import { frenchRules } from './rules.js';
import type { SegmentationRules, SentenceSpan } from './types.js';

export { frenchRules } from './rules.js';
export type { SegmentationRule, SegmentationRules, SentenceSpan } from './types.js';

/**
 * Sentences of `text` as trimmed UTF-16 spans, in order; the whitespace between them belongs
 * to none. A line break is a hard boundary. Empty or whitespace-only text gives [].
 */
export function segmentText(text: string, rules: SegmentationRules = frenchRules): SentenceSpan[] {
  return segmentWith(text, compileRules(rules));
}
