import { describe, expect, it } from 'vitest';
import type { Segment } from '../../src/document.js';
import { fillTarget } from '../../src/pipeline/target.js';

const segment = (over: Partial<Segment> = {}): Segment => ({
  id: 'p1.s1',
  source: 'Les forces ont repris Palmyre.',
  after: '',
  spans: [{ start: 22, end: 29, entryId: 'palmyra', target: 'Palmyra', policy: 'protect' }],
  state: 'initial',
  notes: [],
  ...over,
});

describe('fillTarget: a segment’s target as a value, the segment untouched', () => {
  it.each<[string, Partial<Segment>, string, Partial<Segment>]>([
    ['the glossary form present: translated', {}, 'The forces retook Palmyra.', { state: 'translated' }],
    [
      'the glossary form missing: needs review, with the problem',
      {},
      'The forces retook Palmira.',
      { state: 'needs-review', problems: ['glossary term "Palmyra" missing from the translation'] },
    ],
    [
      'a source changed under a reviewed target: needs review, no problem',
      { reviewedBeforeSourceChange: 'Old words.' },
      'The forces retook Palmyra.',
      { state: 'needs-review' },
    ],
  ])('%s', (_name, over, text, expected) => {
    const before = segment(over);
    const copy = structuredClone(before);
    const filled = fillTarget(before, { text, targetSpans: [] }, { engine: 'pseudo' }, 'en');
    expect(filled).toEqual({ target: text, provenance: { engine: 'pseudo' }, ...expected });
    expect(before).toEqual(copy);
  });
});
