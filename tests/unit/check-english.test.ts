import { describe, expect, it } from 'vitest';
import { findEnglish } from '../../src/check/english.js';

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
