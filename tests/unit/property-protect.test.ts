/**
 * Property: protecting glossary terms and restoring them through an engine that changes nothing
 * gives the text back, each term replaced by its English form (capitalised at a sentence start,
 * a contracted article's preposition kept before it), whatever the text and the glossary, in both
 * placeholder styles. Text that looks like a placeholder or like XML is never taken for one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkEntries } from '../../src/glossary/checks.js';
import { makeEntry, makeGlossary } from '../../src/glossary/entry.js';
import { buildMatcher } from '../../src/glossary/match.js';
import { protectTerms, restoreTerms } from '../../src/glossary/protect.js';
import type { GlossaryEntry } from '../../src/glossary/types.js';
import type { PlaceholderStyle } from '../../src/providers/provider.js';
import { defined } from '../support/defined.js';

const word = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }),
  fc.constantFrom(
    'Palmyre',
    'Syrie',
    "l'Etat",
    'islamique',
    'Front',
    'Al-Nosra',
    'C++',
    '(EI)',
    'a|b',
    '.*',
    'É',
    'e\u0301',
  ),
);
const noise = fc.constantFrom(
  ' ',
  '. ',
  ', ',
  ' du ',
  ' de la ',
  " l'",
  ' le ',
  ' des ',
  ' au ',
  '\n',
  '« ',
  ' »',
  '&',
  '&amp;',
  '<',
  '>',
  ']]>',
  '__E1__',
  '__E2__',
  '<x id="1"/>',
  "<x id='2'></x>",
  '&#38;',
  '¿',
  '!',
);
const text = fc.array(fc.oneof(word, noise), { maxLength: 30 }).map((parts) => parts.join(''));

const entries = fc
  .array(
    fc.record({
      french: fc.array(
        fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')),
        { minLength: 1, maxLength: 2 },
      ),
      english: fc.oneof(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 }),
        fc.constantFrom('Palmyra', 'the Islamic State', '__E1__', '<x id="1"/>', 'AT&T'),
      ),
      ignoreCase: fc.boolean(),
      ignoreAccents: fc.boolean(),
      article: fc.constantFrom('the' as const, 'none' as const),
    }),
    { maxLength: 6 },
  )
  .map((raw) => {
    const valid: GlossaryEntry[] = [];
    raw.forEach((r, i) => {
      const entry = makeEntry({ id: `e${i}`, type: 'other', ...r });
      // Keep what a glossary file could hold: forms the checks accept, without edge spaces.
      if (r.french.some((f) => f.trim() !== f || f === '')) return;
      if (checkEntries([...valid, entry]).length === 0) valid.push(entry);
    });
    return makeGlossary('', 'fr', 'en', valid);
  });

const capitalise = (s: string) => {
  const first = String.fromCodePoint(s.codePointAt(0) ?? 0);
  return s === '' ? s : first.toUpperCase() + s.slice(first.length);
};

describe.each(['token', 'xml'] as PlaceholderStyle[])(
  'protect → identity engine → restore (%s placeholders)',
  (style) => {
    it('gives the text back with each term in its English form, and reports no problem', () => {
      fc.assert(
        fc.property(text, entries, (source, glossary) => {
          const spans = buildMatcher(glossary).find(source);
          const shielded = protectTerms(source, spans, style);
          const restored = restoreTerms(shielded.text, shielded.placeholders, style);
          expect(restored.problems).toEqual([]);
          expect(restored.targetSpans).toHaveLength(spans.length);
          let expected = '';
          let at = 0;
          spans.forEach((span, i) => {
            const back = defined(restored.targetSpans[i], `restored span ${i}`);
            expect([span.target, capitalise(span.target)]).toContain(back.target);
            expected +=
              source.slice(at, span.start) +
              (span.preposition === undefined ? '' : `${span.preposition} `) +
              back.target;
            at = span.end;
          });
          expected += source.slice(at);
          expect(restored.text).toBe(expected);
          for (const t of restored.targetSpans) expect(restored.text.slice(t.start, t.end)).toBe(t.target);
        }),
        { numRuns: 500 },
      );
    });
  },
);
