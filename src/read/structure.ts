/**
 * News structure by position, never by punctuation (README "Rubric, headline, body"):
 * - the first block is the **rubric** when it is one short line — at most RUBRIC_MAX_WORDS
 *   words and RUBRIC_MAX_CHARS characters, not ending like a sentence (. ! ? …) — and at
 *   least one more block follows;
 * - the next block (the first one when there is no rubric) is the **headline** when it is one
 *   line, whatever it ends with (» ! ? .) and however many sentences it holds;
 * - every other block is a **paragraph**.
 * So a one-block article of one line is a headline; "Economie" + one sentence is rubric +
 * headline; a first block of several lines is body text.
 */
import type { Block } from '../document.js';
import { blockSource } from '../document.js';

export const RUBRIC_MAX_WORDS = 4;
export const RUBRIC_MAX_CHARS = 40;

/** Sets `kind` on every block from its position and shape; returns the blocks. */
export function classifyBlocks<T extends Block>(blocks: T[]): T[] {
  for (const block of blocks) block.kind = 'paragraph';
  const [first, second] = blocks;
  if (!first) return blocks;
  const rubric = second !== undefined && isRubricLine(blockSource(first));
  if (rubric) first.kind = 'rubric';
  const headline = rubric ? second : first;
  if (headline && isOneLine(blockSource(headline))) headline.kind = 'headline';
  return blocks;
}

/** A section label: one short line that does not end like a sentence. */
export function isRubricLine(text: string): boolean {
  const line = text.trim();
  return (
    isOneLine(line) &&
    line.length <= RUBRIC_MAX_CHARS &&
    wordCount(line) <= RUBRIC_MAX_WORDS &&
    !/[.!?…]$/u.test(line)
  );
}

function isOneLine(text: string): boolean {
  return !/[\r\n\u2028\u2029]/u.test(text);
}

/** Words are runs between spaces holding a letter or digit ("–" and "/" are not words). */
function wordCount(text: string): number {
  return text.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}
