/**
 * One block of 150,000 segments (a 5 MB single line of short sentences): the XLIFF writers used to
 * spread every line of a block into one push() call and overflowed the stack (exit 70).
 */
import { describe, expect, it } from 'vitest';
import type { Document, Segment } from '../../src/document.js';
import { writeXliff2 } from '../../src/xliff/write2.js';
import { writeXliff12 } from '../../src/xliff/write12.js';

const SEGMENTS = 150_000;

function oneHugeBlock(): Document {
  const segments: Segment[] = Array.from({ length: SEGMENTS }, (_, i) => ({
    id: `p1.s${i + 1}`,
    source: `Le chat ${i} dort.`,
    after: i + 1 < SEGMENTS ? ' ' : '',
    spans: [],
    target: `The cat ${i} sleeps.`,
    state: 'translated',
    notes: [],
    provenance: { engine: 'pseudo' },
  }));
  return {
    path: 'huge.fr.txt',
    sourceLang: 'fr',
    targetLang: 'en',
    before: '',
    blocks: [{ id: 'p1', kind: 'paragraph', segments, after: '\n' }],
    eol: '\n',
    bom: false,
  };
}

describe('XLIFF writers and a block of 150,000 segments', () => {
  const doc = oneHugeBlock();
  it('XLIFF 1.2 has one trans-unit per segment', () => {
    expect(writeXliff12(doc).match(/<trans-unit /g)).toHaveLength(SEGMENTS);
  });
  it('XLIFF 2.1 has one segment per segment', () => {
    expect(writeXliff2(doc).match(/<segment /g)).toHaveLength(SEGMENTS);
  });
});
