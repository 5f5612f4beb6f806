import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findEnglish, normaliseEnglish } from '../../src/check/english.js';

describe('findEnglish: an English form in a target', () => {
  it.each([
    ['the plain form', 'Forces entered Palmyra on Sunday.', 'Palmyra'],
    ['a straight-apostrophe possessive', "Palmyra's ruins were damaged.", 'Palmyra'],
    ['a typographic-apostrophe possessive', 'Palmyra’s ruins were damaged.', 'Palmyra'],
    ['a plural possessive', "the Assads' regime", 'Assad'],
    ['a plural', 'two Russians were hurt', 'Russian'],
    [
      'a capitalised first letter at a sentence start',
      'Troops left. Al-Nusra Front fighters stayed.',
      'al-Nusra Front',
    ],
    [
      'a first letter after an opening quote at the start',
      '“Al-Nusra Front is weak,” he said.',
      'al-Nusra Front',
    ],
    ['a hyphenated compound', 'the Palmyra-based unit', 'Palmyra'],
    ['decomposed accents (NFD) against composed (NFC)', 'Visit Mose\u0301 today', 'Mosé'],
    ['a no-break space inside a multi-word form', 'the Islamic\u00A0State group', 'Islamic State'],
    ['a typographic apostrophe in the form itself', "the Qur'an", 'Qur’an'],
  ])('finds %s', (_rule, text, form) => {
    expect(findEnglish(text, form)).toHaveLength(1);
  });

  it.each([
    ['inside a longer word', 'the Palmyrans came', 'Palmyra'],
    ['a changed first letter in mid-sentence', 'fighters of Al-Nusra Front', 'al-Nusra Front'],
    ['a different case inside the form', 'the Islamic state group', 'Islamic State'],
    ['another spelling', 'forces entered Palmira', 'Palmyra'],
  ])('does not find %s', (_rule, text, form) => {
    expect(findEnglish(text, form)).toEqual([]);
  });

  it('returns every occurrence with its ending', () => {
    expect(findEnglish("Palmyra and Palmyra's museum", 'Palmyra').map((o) => o.text)).toEqual([
      'Palmyra',
      "Palmyra's",
    ]);
  });
});

/**
 * The definition findEnglish implements with plain string search, as one regular expression per form
 * (how it was written before compiling a pattern per glossary form proved slower than the check itself):
 * no letter, digit or mark before; the first letter in either case; the rest as written; an optional
 * possessive or plural ending; no letter, digit or mark after. Matches do not overlap.
 */
function findByPattern(text: string, form: string): { start: number; end: number; text: string }[] {
  const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const normal = (s: string) => normaliseEnglish(s);
  const needle = normal(form).trim();
  if (needle === '') return [];
  const haystack = normal(text);
  const first = String.fromCodePoint(needle.codePointAt(0) ?? 0);
  const word = '[\\p{L}\\p{N}\\p{M}]';
  const heads = [...new Set([...first.toLowerCase(), ...first.toUpperCase()])].map(literal).join('|');
  const pattern = new RegExp(
    `(?<!${word})(?:${heads})${literal(needle.slice(first.length))}(?:'s|s'|es'|s|es|')?(?!${word})`,
    'gu',
  );
  const atStart = (index: number) => {
    const before = haystack.slice(0, index).replace(/[\s"'“‘«([—–-]+$/u, '');
    return before === '' || /[.!?:…]$/u.test(before);
  };
  return [...haystack.matchAll(pattern)]
    .filter((m) => m[0].startsWith(first) || atStart(m.index))
    .map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
}

describe('findEnglish against its definition as a pattern', () => {
  // Texts built from the pieces that matter: the form's letters in both cases, endings, word
  // characters, separators, sentence ends, quotes, apostrophes and spaces of every kind.
  const piece = fc.constantFrom(
    'Palmyra',
    'palmyra',
    'PALMYRA',
    'al-Nusra Front',
    'Al-Nusra Front',
    'Islamic State',
    "'s",
    's',
    'es',
    "s'",
    '’',
    "'",
    'x',
    'é',
    '\u0301',
    '1',
    ' ',
    '\u00A0',
    '  ',
    '-',
    '\u2011',
    '. ',
    '? ',
    '“',
    '(',
    'ß',
    'İ',
    '𝐀',
  );
  const text = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));
  const form = fc.constantFrom(
    'Palmyra',
    'al-Nusra Front',
    'Islamic State',
    'Qur’an',
    'ßtraße',
    'İzmir',
    '𝐀bc',
    "O'Neil",
    ' Palmyra ',
  );

  it('finds the same occurrences, in the same order', () => {
    fc.assert(
      fc.property(text, form, (t, f) => {
        expect(findEnglish(t, f)).toEqual(findByPattern(t, f));
      }),
      { numRuns: 3000 },
    );
  });
});
