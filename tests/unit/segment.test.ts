import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type SentenceSpan, segmentText } from '../../src/segment/index.js';
import { defined } from '../support/defined.js';

interface SegmentationCase {
  category: string;
  name: string;
  input: string;
  expected: string[];
}

const corpus: { cases: SegmentationCase[] } = JSON.parse(
  readFileSync(new URL('../fixtures/segmentation/cases.json', import.meta.url), 'utf8'),
);
const cases = corpus.cases;

function sentences(text: string): string[] {
  return segmentText(text).map((span) => text.slice(span.start, span.end));
}

/** The block rebuilt from its spans and the whitespace gaps around them. */
function rebuild(text: string, spans: SentenceSpan[]): string {
  let out = '';
  let previousEnd = 0;
  for (const span of spans) {
    out += text.slice(previousEnd, span.start) + text.slice(span.start, span.end);
    previousEnd = span.end;
  }
  return out + text.slice(previousEnd);
}

describe('segmentation corpus', () => {
  test.each(cases.map((c) => [`${c.category} › ${c.name}`, c] as const))('%s', (_name, c) => {
    expect(sentences(c.input)).toEqual(c.expected);
  });
});

describe('spans give the block back', () => {
  test.each(cases.map((c) => [`${c.category} › ${c.name}`, c] as const))('%s', (_name, c) => {
    const spans = segmentText(c.input);
    expect(rebuild(c.input, spans)).toBe(c.input);
    for (const [i, span] of spans.entries()) {
      const gapBefore = c.input.slice(spans[i - 1]?.end ?? 0, span.start);
      expect(gapBefore.trim()).toBe('');
    }
    expect(c.input.slice(spans.at(-1)?.end ?? 0).trim()).toBe('');
  });
});

describe('seed article (source/palmyre.fr.txt)', () => {
  const article = readFileSync(new URL('../../source/palmyre.fr.txt', import.meta.url), 'utf8');
  const blocks = article.split(/\r?\n[ \t]*(?:\r?\n[ \t]*)+/).filter((block) => block.trim() !== '');

  test('rubric, headline and paragraphs give 1+1+1+2+2+2+2+1+1+1 sentences', () => {
    expect(blocks.map((block) => segmentText(block).length)).toEqual([1, 1, 1, 2, 2, 2, 2, 1, 1, 1]);
  });

  test('14 sentences in all', () => {
    expect(blocks.flatMap((block) => sentences(block))).toHaveLength(14);
  });

  test('the quotation with its incise stays one sentence, the next one starts after "la ville."', () => {
    const quoted = sentences(defined(blocks[3], 'block 4'));
    expect(quoted[0]).toMatch(/^«Tout ce qui.*Palmyre», a déclaré Sergueï\u00a0Rudskoy,.*\sla ville\.$/u);
    expect(quoted[1]).toMatch(/^L’approvisionnement logistique .* coupé\.$/u);
  });

  test('10\u00a0000 and «bloquée». stay inside their sentence', () => {
    const [sentence] = sentences(defined(blocks[7], 'block 8'));
    expect(sentence).toContain('plus de 10\u00a0000 kilomètres');
    expect(sentence?.endsWith('«bloquée».')).toBe(true);
  });
});

describe('segmentText', () => {
  test.each(['', ' ', '\u00a0\u202f', '\n\r\n\t  '])('whitespace-only text %j gives no sentence', (text) => {
    expect(segmentText(text)).toEqual([]);
  });

  test('offsets are UTF-16 indices into the text (astral characters count twice)', () => {
    const text = 'Le drapeau 🇸🇾 flotte. Les habitants applaudissent.';
    const [first, second] = segmentText(text);
    expect(first).toEqual({ start: 0, end: text.indexOf(' Les') });
    expect(second?.start).toBe(text.indexOf('Les'));
  });
});

// Characters that take part in the rules, so random strings reach them often.
const interesting = fc.constantFrom(
  ...['a', 'é', 'L', 'É', 'M', 'J', 'C', '1', '.', '.', '?', '!', '…', '«', '»', '(', ')', '[', ']', '"'],
  ...['’', '-', '—', ':', ';', '@', '/', ' ', ' ', '\u00a0', '\u202f', '\t', '\n', '\r', '\u2028', '🇫'],
);

describe('properties', () => {
  const texts = fc.oneof(
    fc.string({ unit: interesting, maxLength: 80 }),
    fc.string({ unit: 'grapheme', maxLength: 80 }),
    fc.string({ unit: 'binary', maxLength: 80 }),
  );

  test('spans are ordered, non-empty, trimmed, and cover every non-whitespace character once', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const spans = segmentText(text);
        let previousEnd = 0;
        for (const span of spans) {
          expect(span.start).toBeGreaterThanOrEqual(previousEnd);
          expect(span.end).toBeGreaterThan(span.start);
          const sentence = text.slice(span.start, span.end);
          expect(sentence.trim()).toBe(sentence);
          expect(text.slice(previousEnd, span.start).trim()).toBe('');
          previousEnd = span.end;
        }
        expect(text.slice(previousEnd).trim()).toBe('');
        const covered = spans.map((span) => text.slice(span.start, span.end)).join('');
        expect(covered.replace(/\s+/gu, '')).toBe(text.replace(/\s+/gu, ''));
      }),
      { numRuns: 2000 },
    );
  });

  test('no sentence contains a line break', () => {
    fc.assert(
      fc.property(texts, (text) => {
        for (const span of segmentText(text)) {
          expect(text.slice(span.start, span.end)).not.toMatch(/[\n\r\u2028\u2029]/u);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
