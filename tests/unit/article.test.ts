import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { blockSource, documentSource, segmentsOf } from '../../src/document.js';
import { detectLineEnding, parseArticle } from '../../src/read/article.js';

const seedPath = new URL('../../source/palmyre.fr.txt', import.meta.url);
const seed = readFileSync(seedPath, 'utf8');

describe('parseArticle on the seed article', () => {
  const doc = parseArticle(seed, 'source/palmyre.fr.txt');

  it('finds the rubric, the headline and eight paragraphs', () => {
    expect(doc.blocks.map((b) => b.kind)).toEqual(['rubric', 'headline', ...Array(8).fill('paragraph')]);
  });
  it('gives 14 segments with stable ids', () => {
    expect(segmentsOf(doc).map((s) => s.id)).toEqual([
      'p1.s1',
      'p2.s1',
      'p3.s1',
      'p4.s1',
      'p4.s2',
      'p5.s1',
      'p5.s2',
      'p6.s1',
      'p6.s2',
      'p7.s1',
      'p7.s2',
      'p8.s1',
      'p9.s1',
      'p10.s1',
    ]);
  });
  it('keeps the double blank line before "Depuis le 15 mars"', () => {
    expect(doc.blocks[5]?.after).toBe('\n\n\n');
    expect(doc.blocks[6]?.segments[0]?.source.startsWith('Depuis le 15 mars')).toBe(true);
  });
  it('rebuilds the source exactly from the model (no final newline)', () => {
    expect(documentSource(doc)).toBe(seed);
  });
  it('joins the sources of each block back into the block', () => {
    const blocks = seed.split(/\n\s*\n/).filter((b) => b.trim() !== '');
    expect(doc.blocks.map(blockSource)).toEqual(blocks);
  });
});

describe('parseArticle layout', () => {
  it('keeps CRLF line endings and leading blank lines', () => {
    const text = '\r\nTitre\r\n\r\nUne phrase. Une autre.\r\n';
    const doc = parseArticle(text, 'a.txt');
    expect(doc.eol).toBe('\r\n');
    expect(doc.before).toBe('\r\n');
    expect(documentSource(doc)).toBe(text);
    // Structure by position (read/structure.ts): a short first line before more text is the rubric.
    expect(doc.blocks.map((b) => b.kind)).toEqual(['rubric', 'headline']);
  });
  it('treats a line break inside a block as a sentence boundary', () => {
    const doc = parseArticle('Première ligne\nDeuxième ligne.', 'a.txt');
    expect(segmentsOf(doc).map((s) => [s.source, s.after])).toEqual([
      ['Première ligne', '\n'],
      ['Deuxième ligne.', ''],
    ]);
  });
  it('makes a long first title a headline, not a rubric', () => {
    const doc = parseArticle(
      'La Russie retire ses troupes de Syrie\n\nMoscou a annoncé le retrait.',
      'a.txt',
    );
    expect(doc.blocks.map((b) => b.kind)).toEqual(['headline', 'paragraph']);
  });
  it('takes the first line for the headline even when it is a sentence (position, not punctuation)', () => {
    const doc = parseArticle('Moscou a annoncé le retrait.\n\nLe retrait a commencé.', 'a.txt');
    expect(doc.blocks.map((b) => b.kind)).toEqual(['headline', 'paragraph']);
  });
});

describe('detectLineEnding', () => {
  it.each([
    ['a\nb', '\n'],
    ['a\r\nb\r\n', '\r\n'],
    ['a\rb\r', '\r'],
    ['single line', '\n'],
  ])('%j → %j', (text, eol) => {
    expect(detectLineEnding(text)).toBe(eol);
  });
});
