/**
 * Property (issue 12 points 1, 2, 6): for any French text built from fragments — French-spaced
 * numbers and percentages, « » quotes, high punctuation with its space, interview markers, terms
 * at sentence starts and ends — protect → identity engine → restore → English typography leaves
 * every target span inside the text, covering exactly its English form (capitalised or not), and
 * the marks rebuilt from the model (target-spans.ts) cover the same forms. Both placeholder styles.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeEntry, makeGlossary } from '../../src/glossary/entry.js';
import { buildMatcher } from '../../src/glossary/match.js';
import { protectTerms, restoreTerms } from '../../src/glossary/protect.js';
import { capitalise } from '../../src/glossary/sentence-start.js';
import { isFormOf, targetSpansOf } from '../../src/glossary/target-spans.js';
import type { PlaceholderStyle } from '../../src/providers/provider.js';
import { englishTypographySpanned } from '../../src/render/typography.js';
import { defined } from '../support/defined.js';

const glossary = makeGlossary('', 'fr', 'en', [
  makeEntry({ id: 'cgt', type: 'organisation', french: ['CGT'], english: 'CGT', article: 'the' }),
  makeEntry({ id: 'imf', type: 'organisation', french: ['FMI'], english: 'IMF' }),
  makeEntry({ id: 'reuters', type: 'organisation', french: ['Reuters'], english: 'Reuters' }),
  makeEntry({ id: 'psg', type: 'organisation', french: ['PSG', 'Paris-SG'], english: 'Paris Saint-Germain' }),
  makeEntry({
    id: 'ei',
    type: 'organisation',
    french: ['Etat islamique'],
    english: 'Islamic State',
    article: 'the',
  }),
  makeEntry({ id: 'cac', type: 'other', french: ['CAC 40'], english: 'CAC 40' }),
  makeEntry({ id: 'yahoo', type: 'organisation', french: ['Yahoo!'], english: 'Yahoo!' }),
  makeEntry({ id: 'bce', type: 'organisation', french: ['BCE'], english: 'ECB', article: 'the' }),
]);

const fragment = fc.constantFrom(
  '3,2 %',
  '2,9\u00a0%',
  '10 000',
  '1\u202f500\u202f000 euros',
  '0,5',
  '«',
  '»',
  '« Non.',
  'a dit »',
  ';',
  ':',
  '!',
  '?',
  '.',
  '…',
  '—',
  '— Q :',
  '— R :',
  '\n',
  'selon',
  'contre',
  'en janvier',
  'M.',
  'J.-M.',
  'la',
  'le',
  "l'",
  'Le',
  'La',
  'de',
  'du',
  'CGT',
  'FMI',
  'Reuters',
  'PSG',
  'Paris-SG',
  'Etat islamique',
  'CAC 40',
  'Yahoo!',
  'BCE',
);
// Fragments joined by a space, as French typesets them (a space before ; : ! ? % and inside « »).
const frenchText = fc.array(fragment, { minLength: 1, maxLength: 25 }).map((parts) => parts.join(' '));

describe.each(['token', 'xml'] as PlaceholderStyle[])('restore → typography (%s placeholders)', (style) => {
  it('keeps every target span inside the text, on its English form', () => {
    const matcher = buildMatcher(glossary);
    fc.assert(
      fc.property(frenchText, (source) => {
        const spans = matcher.find(source);
        const shielded = protectTerms(source, spans, style);
        const restored = restoreTerms(shielded.text, shielded.placeholders, style);
        const final = englishTypographySpanned(restored.text, restored.targetSpans);
        expect(final.spans).toHaveLength(spans.length);
        final.spans.forEach((span, i) => {
          expect(span.start).toBeGreaterThanOrEqual(0);
          expect(span.end).toBeLessThanOrEqual(final.text.length);
          expect(final.text.slice(span.start, span.end)).toBe(span.target);
          expect(isFormOf(span.target, defined(spans[i], `source span ${i}`).target)).toBe(true);
        });
        // Typography did its work outside the forms: no French number or space before high punctuation left.
        expect(final.text).not.toMatch(/(?<!\d)\d,\d(?!\d)|[ \u00a0\u202f][;:!?%]|«|»/u);
        // Capitals (point 6): a form that opens the segment or a line takes one; a form takes one
        // only after a sentence boundary (end mark, interview marker, colon), never mid-sentence.
        restored.targetSpans.forEach((span, i) => {
          const form = defined(spans[i], `source span ${i}`).target;
          const before = restored.text.slice(0, span.start).replace(/[\s«“"‘'([{¿¡—–-]+$/u, '');
          const lineStart = /(?:^|\n)[ «“—-]*$/u.test(restored.text.slice(0, span.start));
          if (lineStart) expect(span.target).toBe(capitalise(form));
          if (span.target !== form && !lineStart) expect(before).toMatch(/(?:^|[.!?…:»”"’')\]])$/u);
        });
        // The marks the writers use, rebuilt from the model, cover the same forms.
        const marks = targetSpansOf(final.text, spans);
        expect(marks.map((m) => final.text.slice(m.start, m.end))).toEqual(final.spans.map((s) => s.target));
      }),
      { numRuns: 400 },
    );
  });
});
