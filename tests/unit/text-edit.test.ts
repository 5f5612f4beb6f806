/**
 * text/edit.ts: edits and the spans over a text change together. Each case names the rule; the
 * property checks that a span's text after the edits is its text with the edits inside it applied.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InternalError } from '../../src/errors.js';
import { applyEdits, type TextEdit, touches } from '../../src/text/edit.js';
import { defined } from '../support/defined.js';

const span = (start: number, end: number) => ({ start, end });
const covered = (r: { text: string; spans: { start: number; end: number }[] }) =>
  r.spans.map((s) => r.text.slice(s.start, s.end));

describe('applyEdits', () => {
  it.each([
    ['an edit before a span moves it', 'a 3,2 % FMI', [{ start: 5, end: 6, insert: '' }], span(8, 11), 'FMI'],
    ['an edit after a span leaves it', 'FMI a 3,2 %', [{ start: 9, end: 10, insert: '' }], span(0, 3), 'FMI'],
    [
      'an edit inside a span resizes it',
      'le 10 000 x',
      [{ start: 5, end: 6, insert: ',' }],
      span(3, 9),
      '10,000',
    ],
    [
      'an insertion at a span start goes before it',
      'FMI',
      [{ start: 0, end: 0, insert: '“' }],
      span(0, 3),
      'FMI',
    ],
    [
      'an insertion at a span end goes after it',
      'FMI',
      [{ start: 3, end: 3, insert: '”' }],
      span(0, 3),
      'FMI',
    ],
    [
      'a replacement ending at a span start moves it by the difference',
      '« FMI',
      [{ start: 0, end: 2, insert: '“' }],
      span(2, 5),
      'FMI',
    ],
  ] as [string, string, TextEdit[], { start: number; end: number }, string][])(
    '%s',
    (_rule, text, edits, s, expected) => {
      expect(covered(applyEdits(text, [s], edits))).toEqual([expected]);
    },
  );

  it('refuses an edit across a span edge as our bug (exit 70)', () => {
    const edit = () => applyEdits('ab cd', [span(1, 4)], [{ start: 0, end: 2, insert: 'x' }]);
    expect(edit).toThrow(InternalError);
    expect(edit).toThrow(/crosses span 1-4/);
  });

  it('refuses overlapping edits as our bug', () => {
    const edits = [
      { start: 0, end: 3, insert: '' },
      { start: 2, end: 4, insert: '' },
    ];
    expect(() => applyEdits('abcdef', [], edits)).toThrow(InternalError);
  });

  it('maps every span so it covers its own text with the edits inside it applied', () => {
    const arb = fc
      .record({
        text: fc.string({ minLength: 1, maxLength: 40 }),
        cuts: fc.uniqueArray(fc.nat(40), { maxLength: 12 }),
        inserts: fc.array(fc.string({ maxLength: 4 }), { minLength: 12, maxLength: 12 }),
        spanCuts: fc.uniqueArray(fc.nat(40), { maxLength: 6 }),
      })
      .map(({ text, cuts, inserts, spanCuts }) => {
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const edits: TextEdit[] = pairs(points).map(([start, end], k) => ({
          start,
          end,
          insert: inserts[2 * k] ?? '',
        }));
        const bounds = [...new Set(spanCuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const spans = pairs(bounds).map(([start, end]) => span(start, end));
        // Keep only edits that do not cross a span edge (what typography guarantees by skipping them).
        const safe = edits.filter((e) =>
          spans.every((s) => !touches(e, s) || (e.start >= s.start && e.end <= s.end)),
        );
        return { text, edits: safe, spans };
      });
    fc.assert(
      fc.property(arb, ({ text, edits, spans }) => {
        const result = applyEdits(text, spans, edits);
        spans.forEach((s, i) => {
          const inner = edits
            .filter(
              (e) =>
                e.start >= s.start &&
                e.end <= s.end &&
                !(e.start === e.end && (e.start === s.start || e.start === s.end)),
            )
            .map((e) => ({ ...e, start: e.start - s.start, end: e.end - s.start }));
          const expected = applyEdits(text.slice(s.start, s.end), [], inner).text;
          const mapped = defined(result.spans[i], `span ${i}`);
          expect(result.text.slice(mapped.start, mapped.end)).toBe(expected);
        });
      }),
      { numRuns: 300 },
    );
  });
});

/** Sorted points taken two by two: [a, b, c, d, e] → [a, b], [c, d]. */
function pairs(points: readonly number[]): [number, number][] {
  return points.flatMap((start, i) => {
    const end = points[i + 1];
    return i % 2 === 0 && end !== undefined ? [[start, end] as [number, number]] : [];
  });
}
