/**
 * The seed article (source/palmyre.fr.txt) as sentences, for tests that send a real
 * article through an engine. A plain rule — paragraphs at blank lines, sentences at
 * `.`/`!`/`?`/`»` before a capital — kept here so the provider tests do not depend on
 * the segmenter under test elsewhere.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SourceText } from '../../src/providers/provider.js';

export const SEED_ARTICLE = path.resolve(import.meta.dirname, '../../source/palmyre.fr.txt');

export function seedSentences(): string[] {
  return readFileSync(SEED_ARTICLE, 'utf8')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .flatMap((paragraph) => paragraph.split(/(?<=[.!?»])\s+(?=[A-ZÀ-Ý«])/));
}

/** Texts as a provider receives them, with ids `<prefix>1`, `<prefix>2`, … */
export function asSources(texts: readonly string[], prefix = 's'): SourceText[] {
  return texts.map((text, index) => ({ id: `${prefix}${index + 1}`, text }));
}
