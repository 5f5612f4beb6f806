import { describe, expect, it } from 'vitest';
import type { SegmentState } from '../../src/document.js';
import { readEngineLabel } from '../../src/document-notes.js';
import { InputError } from '../../src/errors.js';
import { fromState2, fromState12, toState2, toState12 } from '../../src/xliff/state.js';
import { writeXliff2 } from '../../src/xliff/write2.js';
import { writeXliff12 } from '../../src/xliff/write12.js';
import { smallDocument } from '../fixtures/xliff/small-document.js';
import { defined } from '../support/defined.js';

describe.each([
  ['1.2', writeXliff12],
  ['2.1', writeXliff2],
] as const)('writeXliff%s refuses what XML cannot carry', (_version, write) => {
  it('a control character, naming the segment', () => {
    const doc = smallDocument();
    defined(doc.blocks[1]?.segments[0], 'segment p2.s1').source = 'Bip\u0007.';
    expect(() => write(doc)).toThrow(InputError);
    expect(() => write(doc)).toThrow('article.fr.txt: segment p2.s1: U+0007 cannot be carried by XML 1.0');
  });

  it('term spans that cross', () => {
    const doc = smallDocument();
    const segment = defined(doc.blocks[1]?.segments[0], 'segment p2.s1');
    segment.spans = [
      { start: 0, end: 8, entryId: 'a', target: 'A', policy: 'protect' },
      { start: 4, end: 12, entryId: 'b', target: 'B', policy: 'protect' },
    ];
    expect(() => write(doc)).toThrow(/segment p2\.s1: term spans cross at 4-12 \(b\)/);
  });
});

describe('XLIFF 1.2 states', () => {
  it.each<[SegmentState, string | undefined, string, string | undefined, boolean]>([
    ['initial', 'apertium', 'new', undefined, false],
    ['translated', 'apertium', 'translated', 'mt-suggestion', false],
    ['translated', 'memory:deepl', 'translated', 'leveraged-tm', false],
    ['translated', 'human', 'translated', undefined, false],
    ['needs-review', 'deepl', 'needs-review-translation', undefined, false],
    ['reviewed', 'deepl', 'signed-off', undefined, true],
    ['final', 'deepl', 'final', undefined, true],
  ])(
    '%s by %s is written state="%s" state-qualifier=%s approved=%s',
    (state, engine, xliff, qualifier, approved) => {
      const written = toState12(state, engine === undefined ? undefined : readEngineLabel(engine));
      expect(written).toEqual({ state: xliff, approved, ...(qualifier ? { qualifier } : {}) });
    },
  );

  it.each<[string | undefined, boolean, string | undefined, SegmentState]>([
    ['translated', true, 'x', 'reviewed'],
    ['new', true, 'x', 'reviewed'],
    ['final', false, 'x', 'final'],
    ['final', true, 'x', 'final'],
    ['signed-off', false, 'x', 'reviewed'],
    ['needs-review-translation', false, 'x', 'needs-review'],
    ['needs-review-l10n', false, 'x', 'needs-review'],
    ['needs-adaptation', false, 'x', 'needs-review'],
    ['needs-translation', false, 'x', 'initial'],
    ['new', false, 'x', 'initial'],
    ['translated', false, 'x', 'translated'],
    [undefined, false, 'x', 'translated'],
    [undefined, false, '', 'initial'],
    [undefined, false, undefined, 'initial'],
    ['x-custom', false, 'x', 'translated'],
  ])('state=%s approved=%s target=%s reads as %s', (state, approved, target, expected) => {
    expect(fromState12(state, approved, target)).toBe(expected);
  });
});

describe('XLIFF 2 states', () => {
  it.each<SegmentState>(['initial', 'translated', 'needs-review', 'reviewed', 'final'])(
    '%s survives',
    (state) => {
      const { state: written, subState } = toState2(state);
      expect(fromState2(written, subState)).toBe(state);
    },
  );

  it('writes needs-review as translated with a prefixed subState', () => {
    expect(toState2('needs-review')).toEqual({ state: 'translated', subState: 'versio:needs-review' });
  });

  it('reads a missing state as initial (XLIFF 2 default) and ignores others’ subStates', () => {
    expect(fromState2(undefined, undefined)).toBe('initial');
    expect(fromState2('translated', 'acme:draft')).toBe('translated');
  });
});
