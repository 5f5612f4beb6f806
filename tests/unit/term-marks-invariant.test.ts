/**
 * The writers' invariant (issue 12 points 1–3): every target mark covers its entry's English form,
 * capitalised or not; a stale mark is our bug (InternalError, exit 70), never an input error
 * (exit 2), in XLIFF 1.2, XLIFF 2.x and the review page alike. And the marks the pipeline writes
 * come from the model (target-spans.ts), so they are right by construction.
 */
import { describe, expect, it } from 'vitest';
import type { Document, TermSpan } from '../../src/document.js';
import { ExitCode, InternalError } from '../../src/errors.js';
import { markTargetTerms, targetSpansOf } from '../../src/glossary/target-spans.js';
import { renderReviewPage } from '../../src/render/review-page.js';
import { writeXliff2 } from '../../src/xliff/write2.js';
import { writeXliff12 } from '../../src/xliff/write12.js';
import { smallDocument } from '../fixtures/xliff/small-document.js';
import { defined } from '../support/defined.js';

const palmyra = (start: number, end: number, target = 'Palmyra'): TermSpan => ({
  start,
  end,
  entryId: 'palmyre',
  target,
  policy: 'protect',
});

function withTargetSpans(spans: TermSpan[]): Document {
  const doc = smallDocument();
  defined(doc.blocks[0]?.segments[0], 'the headline').targetSpans = spans;
  return doc;
}

const writers: [string, (doc: Document) => string][] = [
  ['XLIFF 1.2', (doc) => writeXliff12(doc)],
  ['XLIFF 2.x', (doc) => writeXliff2(doc)],
  ['the review page', (doc) => renderReviewPage(doc)],
];

describe.each(writers)('%s refuses a mark that is not on its form as an internal error', (_name, write) => {
  it.each([
    ['shifted by one character', [palmyra(1, 8, 'almyra ')]],
    ['covering other text than its form', [palmyra(8, 15, 'retaken')]],
    ['outside the text', [palmyra(10, 17)]],
  ])('%s', (_case, spans) => {
    let thrown: unknown;
    try {
      write(withTargetSpans(spans));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InternalError);
    expect((thrown as InternalError).exitCode).toBe(ExitCode.bug);
    expect((thrown as Error).message).toMatch(/p1\.s1.*palmyre/);
  });

  it('writes a mark on the form, and on the form capitalised at a sentence start', () => {
    expect(() => write(withTargetSpans([palmyra(0, 7)]))).not.toThrow();
    const doc = smallDocument();
    const segment = defined(doc.blocks[0]?.segments[0], 'the headline');
    segment.spans = [{ ...palmyra(0, 7), entryId: 'ei', target: 'the Islamic State' }];
    segment.target = 'The Islamic State retaken';
    markTargetTerms(doc);
    expect(segment.targetSpans?.map((s) => segment.target?.slice(s.start, s.end))).toEqual([
      'The Islamic State',
    ]);
    expect(() => write(doc)).not.toThrow();
  });
});

describe('targetSpansOf', () => {
  const span = (entryId: string, target: string, start: number): TermSpan => ({
    start,
    end: start + 1,
    entryId,
    target,
    policy: 'protect',
  });
  it.each([
    [
      'a form in source order',
      'IMF said so, according to Reuters.',
      [span('imf', 'IMF', 0), span('r', 'Reuters', 5)],
      ['IMF', 'Reuters'],
    ],
    [
      'the same form twice, each once',
      'IMF and IMF',
      [span('imf', 'IMF', 0), span('imf', 'IMF', 9)],
      ['IMF', 'IMF'],
    ],
    [
      'forms the engine reordered',
      'Reuters quotes the IMF',
      [span('imf', 'IMF', 0), span('r', 'Reuters', 5)],
      ['Reuters', 'IMF'],
    ],
    ['whole words only', 'IMFs are not the IMF', [span('imf', 'IMF', 0)], ['IMF']],
    ['a form capitalised at a sentence start', 'The CGT said no.', [span('cgt', 'the CGT', 0)], ['The CGT']],
    [
      'a short form inside a longer one is left to the longer',
      'Paris Saint-Germain won in Paris',
      [span('paris', 'Paris', 0), span('psg', 'Paris Saint-Germain', 9)],
      ['Paris Saint-Germain', 'Paris'],
    ],
    ['no mark for a missing form', 'Nothing here.', [span('imf', 'IMF', 0)], []],
  ])('%s', (_rule, target, spans, expected) => {
    const marks = targetSpansOf(target, spans);
    expect(marks.map((m) => target.slice(m.start, m.end))).toEqual(expected);
    for (const m of marks) expect(target.slice(m.start, m.end)).toBe(m.target);
  });
});
