/**
 * CSV/TSV export → import gives the same glossary back, ids and every field included, for
 * glossaries fast-check builds (odd characters, quotes, commas, notes with line breaks in CSV).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromCsv, toCsv } from '../../src/glossary/csv.js';
import { makeEntry, makeGlossary } from '../../src/glossary/entry.js';
import type { Glossary } from '../../src/glossary/types.js';

/** Text with no edge spaces or control characters (what DeepL's format allows), never empty. */
const term = fc
  .string({
    unit: fc.constantFrom('a', 'É', 'ï', ' ', ',', '"', "'", '’', '-', '<', '&', 'Z', '3', '|', '[', ']'),
    minLength: 1,
    maxLength: 12,
  })
  .map((s) => s.trim())
  .filter((s) => s !== '' && /[\p{L}\p{N}]/u.test(s));

const note = (multiline: boolean) =>
  fc.string({ unit: fc.constantFrom('x', ' ', ',', '"', ...(multiline ? ['\n'] : [])), maxLength: 10 });

const glossaryArb = (multiline: boolean): fc.Arbitrary<Glossary> =>
  fc
    .array(
      fc.record({
        type: fc.constantFrom('person', 'place', 'organisation', 'other') as fc.Arbitrary<
          'person' | 'place' | 'organisation' | 'other'
        >,
        french: fc.array(term, { minLength: 1, maxLength: 3 }),
        english: term,
        forbidden: fc.array(term, { maxLength: 2 }),
        note: fc.option(note(multiline), { nil: undefined }),
        policy: fc.constantFrom('protect', 'provider') as fc.Arbitrary<'protect' | 'provider'>,
        article: fc.constantFrom(undefined, 'the', 'none') as fc.Arbitrary<'the' | 'none' | undefined>,
        ignoreCase: fc.boolean(),
        ignoreAccents: fc.boolean(),
        id: fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/),
      }),
      { minLength: 1, maxLength: 5 },
    )
    .map((raw) =>
      makeGlossary(
        '',
        'fr',
        'en',
        raw.map((r, i) =>
          makeEntry({
            ...r,
            // Unique ids and French forms, as a valid glossary has (checks.ts).
            id: `${r.id}-${i}`,
            french: r.french.map((f, j) => `${f} ${i}x${j}`),
            forbidden: r.forbidden.filter((f) => f !== r.english),
          }),
        ),
      ),
    );

const content = (g: Glossary) => ({ hash: g.hash, entries: g.entries.map(({ line: _l, ...e }) => e) });

describe('CSV/TSV export → import', () => {
  it('CSV keeps every entry, field and id', () => {
    fc.assert(
      fc.property(glossaryArb(true), (g) => {
        expect(content(fromCsv(toCsv(g, ','), 'g.csv', ','))).toEqual(content(g));
      }),
      { numRuns: 200 },
    );
  });
  it('TSV keeps every entry, field and id', () => {
    fc.assert(
      fc.property(glossaryArb(false), (g) => {
        expect(content(fromCsv(toCsv(g, '\t'), 'g.tsv', '\t'))).toEqual(content(g));
      }),
      { numRuns: 200 },
    );
  });
});
