import { describe, expect, it } from 'vitest';
import type { Document } from '../../src/document.js';
import { readXliff } from '../../src/xliff/read.js';
import { writeXliff2 } from '../../src/xliff/write2.js';
import { writeXliff12 } from '../../src/xliff/write12.js';

/** A document of `blocks` paragraphs of 10 sentences each (about 1 KB of XLIFF per paragraph). */
function largeDocument(blocks: number): Document {
  return {
    path: 'large.fr.txt',
    sourceLang: 'fr',
    targetLang: 'en',
    before: '',
    eol: '\n',
    bom: false,
    blocks: Array.from({ length: blocks }, (_, b) => ({
      id: `p${b + 1}`,
      kind: 'paragraph' as const,
      after: '\n\n',
      segments: Array.from({ length: 10 }, (_, s) => ({
        id: `p${b + 1}.s${s + 1}`,
        source: `Phrase ${s + 1} du paragraphe ${b + 1}, assez longue pour peser.`,
        after: s === 9 ? '' : ' ',
        spans: [],
        target: `Sentence ${s + 1} of paragraph ${b + 1}, long enough to weigh.`,
        state: 'translated' as const,
        notes: [],
        provenance: { engine: 'apertium' },
      })),
    })),
  };
}

describe.each([
  ['1.2', writeXliff12],
  ['2.1', writeXliff2],
] as const)('reading a large XLIFF %s file', (_version, write) => {
  it('reads every segment of a multi-megabyte file', () => {
    const doc = largeDocument(1000);
    const xml = write(doc);
    expect(xml.length).toBeGreaterThan(3_000_000);
    const read = readXliff(xml, 'large.xlf');
    expect(read.locations.size).toBe(10_000);
    expect(read.doc.blocks[999]?.segments[9]?.target).toBe(
      'Sentence 10 of paragraph 1000, long enough to weigh.',
    );
  });
});
