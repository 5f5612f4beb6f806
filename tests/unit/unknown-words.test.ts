import { describe, expect, test } from 'vitest';
import {
  acceptedLookup,
  acceptedPhrase,
  applyRepairs,
  frenchInSource,
  matchCase,
  matchSourceWord,
  sourceWords,
  unknownWords,
  unmarkPlaceholders,
} from '../../src/providers/apertium/unknown-words.js';

describe('unknownWords', () => {
  test('reads the words the last leg marked, once each, never a placeholder', () => {
    expect(unknownWords('The *combatientes of *__E1__ met the *combatientes and *Sra Linda.')).toEqual([
      'combatientes',
      'Sra',
    ]);
  });

  test('a placeholder marked inside, as Apertium marks it, is no unknown word either', () => {
    expect(unknownWords('The city of __*E1__ is free with __*E12__ and *Sra Linda.')).toEqual(['Sra']);
  });

  test('the marked parts of a hyphenated name are one word', () => {
    expect(
      unknownWords(
        'It lives in *Fos-south-*Mer, *Bouches-*du-*Rhône and *Auvernia-*Ródano-Alps; *Sra *Linda.',
      ),
    ).toEqual(['Fos-south-Mer', 'Bouches-du-Rhône', 'Auvernia-Ródano-Alps', 'Sra', 'Linda']);
  });

  test('a text without marks has no unknown word', () => {
    expect(unknownWords('5 * 3 = 15, said __E2__.')).toEqual([]);
  });
});

describe('sourceWords / frenchInSource', () => {
  test('elided articles are not part of the word; case is ignored when looking a word up', () => {
    const words = sourceWords('La désinflation de l’économie a redéployé __E1__ jusqu’aux frontières.');
    expect(words).toContain('économie');
    expect(words).toContain('aux');
    expect(words).not.toContain('l’économie');
    expect(frenchInSource('Désinflation', words)).toBe('désinflation');
    expect(frenchInSource('combatientes', words)).toBeUndefined();
  });
});

describe('acceptedPhrase (es → fr back-translations, matched to the source)', () => {
  test.each([
    ['Il mobilise', 'moviliza', 'Il mobilise'],
    ['  Tombé   sur ', 'topado', 'Tombé sur'],
    ['Sur douze mois', 'interanuales', 'Sur douze mois'],
    ['Combattants', 'combatientes', 'Combattants'],
  ])('keeps one to three words: %j', (result, input, kept) => {
    expect(acceptedPhrase(result, input)).toBe(kept);
  });

  test.each([
    ['Il a été mobilisé', 'movilizado'],
    ['*Nosra', 'Nosra'],
    ['#tait', 'calla'],
    ['Nosra', 'Nosra'],
    ['', 'x'],
    ['3 000', 'x'],
  ])('refuses %j (more than three words, a mark, the input back, no letters)', (result, input) => {
    expect(acceptedPhrase(result, input)).toBeUndefined();
  });
});

describe('matchSourceWord', () => {
  const words = sourceWords('Le Conseil a échoué à imposer une imposition nouvelle aux combattants.');

  test('a candidate equal to a source word, accents and case aside, wins', () => {
    expect(matchSourceWord(['echoue', 'fracasado'], words)).toBe('échoué');
  });

  test('else the source word with the longest shared prefix of at least 5 letters', () => {
    expect(matchSourceWord(['imposición'], words)).toBe('imposition');
    expect(matchSourceWord(['combatientes'], words)).toBe('combattants');
  });

  test('a hyphenated name: as many parts, the first and last alike (the ones between translated)', () => {
    const places = sourceWords(
      'De Fos-sur-Mer à Roissy-Charles-de-Gaulle, en Auvergne-Rhône-Alpes et en Ile-de-France.',
    );
    expect(matchSourceWord(['Fos-south-Mer'], places)).toBe('Fos-sur-Mer');
    expect(matchSourceWord(['Roissy-Chat-of-Gaulle'], places)).toBe('Roissy-Charles-de-Gaulle');
    expect(matchSourceWord(['Auvernia-Ródano-Alps'], places)).toBe('Auvergne-Rhône-Alpes');
    expect(matchSourceWord(['ile-of-France'], places)).toBe('Ile-de-France');
    expect(matchSourceWord(['Fos-Mer'], places)).toBeUndefined();
    expect(matchSourceWord(['Foo-south-Mer'], places)).toBeUndefined();
  });

  test('a back-translation of several words: its long word equal to a source word, never a short one', () => {
    const storm = sourceWords('Enedis mobilise 3 000 techniciens ; un arbre est tombé sur un camion.');
    expect(matchSourceWord(['Il mobilise', 'moviliza'], storm)).toBe('mobilise');
    expect(matchSourceWord(['Tombé sur', 'topado'], storm)).toBe('tombé');
    // « sur » and « un » are in the source too, but a pronoun or a preposition is not the leak.
    expect(matchSourceWord(['Sur un', 'sobre'], storm)).toBeUndefined();
    // A whole match still comes first; a single-word candidate is not split.
    expect(matchSourceWord(['mobilise', 'moviliza'], storm)).toBe('mobilise');
    expect(
      matchSourceWord(['Fait taire', 'acallado'], sourceWords('Ce qui se tait, on le fait taire.')),
    ).toBe('taire');
  });

  test('a short or unrelated candidate matches nothing', () => {
    expect(matchSourceWord(['espaldarazo'], words)).toBeUndefined();
    expect(matchSourceWord(['Conse'], ['Constitution'])).toBeUndefined();
  });
});

describe('acceptedLookup', () => {
  test.each([
    ['failed', 'échoué', 'failed'],
    [' fighters ', 'combattants', 'fighters'],
    ['*fracassat', 'échoué', undefined],
    ['#oppose', 'oppose', undefined],
    ['@word', 'mot', undefined],
    ['two words', 'mot', undefined],
    ['Échoué', 'échoué', undefined],
    ['', 'mot', undefined],
    [undefined, 'mot', undefined],
  ])('%j for %j gives %j', (result, input, expected) => {
    expect(acceptedLookup(result, input)).toBe(expected);
  });
});

describe('matchCase / applyRepairs', () => {
  test('the repair takes the capitalisation of the marked word', () => {
    expect(matchCase('fighters', 'Combatientes')).toBe('Fighters');
    expect(matchCase('fighters', 'COMBATIENTES')).toBe('FIGHTERS');
    expect(matchCase('fighters', 'combatientes')).toBe('fighters');
  });

  test('repaired words are replaced, others unmarked, placeholders unmarked and untouched', () => {
    const repairs = new Map([
      ['combatientes', 'fighters'],
      ['Combatientes', 'fighters'],
    ]);
    expect(applyRepairs('*Combatientes and *combatientes of *__E3__ met *désinflation.', repairs)).toBe(
      'Fighters and fighters of __E3__ met désinflation.',
    );
  });

  test('a hyphenated name is replaced whole, once; unrepaired, its parts lose their marks', () => {
    const repairs = new Map([['Fos-south-Mer', 'Fos-sur-Mer']]);
    expect(applyRepairs('It lives in *Fos-south-*Mer and *Bouches-*du-*Rhône.', repairs)).toBe(
      'It lives in Fos-sur-Mer and Bouches-du-Rhône.',
    );
  });
});

describe('unmarkPlaceholders', () => {
  test('only placeholder marks go; a literal star before a word stays', () => {
    expect(unmarkPlaceholders('*urgent* and *__E1__')).toBe('*urgent* and __E1__');
    expect(unmarkPlaceholders('*urgent* and __*E1__, __**E23__')).toBe('*urgent* and __E1__, __E23__');
  });
});
