/**
 * Property: reading an article loses nothing. For any text, each block is its segments joined
 * with the text between them, and the document is `before` + every block and what follows it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/read/article.js';

/** Pieces that exercise the segmenter's rules: abbreviations, numbers, quotes, every line ending. */
const piece = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  {
    weight: 5,
    arbitrary: fc.constantFrom(
      ' ',
      '  ',
      '\u00a0',
      '\t',
      '\n',
      '\r\n',
      '\r',
      '\n\n',
      '\r\n\r\n',
      '.',
      '. ',
      '?',
      '!',
      '…',
      ' : ',
      ' ; ',
      '« ',
      ' »',
      '"',
      '“',
      '”',
      '(',
      ')',
      'M. ',
      'Mme ',
      'av. J.-C. ',
      'etc. ',
      'p. 12',
      '10 000',
      '3,5 %',
      'https://exemple.fr/a.b?c=d. ',
      'J. R. R. Tolkien',
      'Le maire a parlé',
      'Palmyre',
      'U.S.A.',
      '...',
      '?!',
      '🎉',
      '👨‍👩‍👧',
      '習近平',
      'é',
      'e\u0301',
      // Capitals outside the BMP (two UTF-16 units): a zero-width gap before one once looped forever.
      '𝓖',
      '𐐀lan',
    ),
  },
);
const article = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));

describe('parseArticle keeps every character', () => {
  it.each([
    ['Mme …𝓖', ['Mme …', '𝓖']],
    ['Il hésite…𐐀lan arrive.', ['Il hésite…', '𐐀lan arrive.']],
    ['hier.𝓖 suit', ['hier.', '𝓖 suit']],
  ])('a glued break before a capital outside the BMP ends: %j', (text, sentences) => {
    const doc = parseArticle(text, 'astral.txt');
    expect(doc.blocks.flatMap((b) => b.segments.map((s) => s.source))).toEqual(sentences);
  });

  it('joining the segments of a block gives the block back; the blocks give the text back', () => {
    fc.assert(
      fc.property(article, (text) => {
        const doc = parseArticle(text, 'property.txt');
        let rebuilt = doc.before;
        for (const block of doc.blocks) {
          const joined = block.segments.map((s) => s.source + s.after).join('');
          expect(block.segments.length).toBeGreaterThan(0);
          expect(text).toContain(joined);
          for (const segment of block.segments) expect(segment.source.trim()).toBe(segment.source);
          rebuilt += joined + block.after;
        }
        expect(rebuilt).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });
});
