import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { personNames, protectNames, restoreNames } from '../../src/postedit/names.js';

const names = (text: string) => personNames(text).spans.map((s) => text.slice(s.start, s.end));

describe('personNames: who is named in French news copy', () => {
  it.each([
    ['a given name and a surname', 'a déclaré Laurent Brun, secrétaire général.', ['Laurent Brun']],
    ['a surname with a particle', 'Bruno Le Maire a démissionné.', ['Bruno Le Maire']],
    ['a lower-case particle', 'selon Dominique de Villepin.', ['Dominique de Villepin']],
    ['an elided particle', 'Valéry d’Estaing était là.', ['Valéry d’Estaing']],
    ['a compound given name', 'Jean-Luc Mélenchon a répondu.', ['Jean-Luc Mélenchon']],
    ['a hyphenated surname', 'Nathalie Kosciusko-Morizet a voté.', ['Nathalie Kosciusko-Morizet']],
    ['a surname in capitals', 'Pierre DUPONT, 45 ans.', ['Pierre DUPONT']],
    [
      'two names in one sentence',
      'Marine Le Pen et Jordan Bardella ont répondu.',
      ['Marine Le Pen', 'Jordan Bardella'],
    ],
    ['a title of address, without it', 'M. Bonnet a refusé, Mme Petit aussi.', ['Bonnet', 'Petit']],
    ['a title before a full name', 'Me Éric Dupond-Moretti plaide.', ['Éric Dupond-Moretti']],
  ])('finds %s', (_case, text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it.each([
    ['a given name alone', 'Marine a répondu.'],
    ['a given name before a lower-case word', 'La Marine nationale a tiré.'],
    ['a country that is a name elsewhere', 'France Télévisions diffuse le match.'],
    ['a capitalised word that is no given name', 'Grève à la SNCF : le trafic perturbé.'],
    ['a title before a lower-case word', 'Me voilà.'],
    ['a name inside a compound', 'La rue Victor-Hugo est fermée.'],
  ])('finds no one in %s', (_case, text) => {
    expect(names(text)).toEqual([]);
  });
});

describe('protectNames / restoreNames', () => {
  it('numbers its placeholders after the text’s own, and puts the names back', () => {
    const [one] = protectNames(['Selon __E1__, Laurent Brun a parlé à __E2__.']);
    expect(one?.text).toBe('Selon __E1__, __E3__ a parlé à __E2__.');
    expect(restoreNames('According to __E1__, __E3__ spoke to __E2__.', one?.names ?? [])).toBe(
      'According to __E1__, Laurent Brun spoke to __E2__.',
    );
  });

  it('protects a surname standing alone once the batch has named its bearer', () => {
    const [first, later] = protectNames(['Laurent Brun est arrivé.', 'Brun a ajouté que Brunet non.']);
    expect(first?.names.map(([, name]) => name)).toEqual(['Laurent Brun']);
    expect(later?.text).toBe('__E1__ a ajouté que Brunet non.');
  });

  it('gives up on a text whose placeholder the engine lost or doubled', () => {
    const [one] = protectNames(['Laurent Brun est arrivé.']);
    expect(restoreNames('is arrived.', one?.names ?? [])).toBeUndefined();
    expect(restoreNames('__E1__ and __E1__', one?.names ?? [])).toBeUndefined();
  });

  it('round trip: the placeholders put back give every text as it was', () => {
    const piece = fc.constantFrom(
      'Laurent Brun',
      'Bruno Le Maire',
      'M. Bonnet',
      'Brun',
      'a dit',
      ' ',
      ', ',
      '. ',
      '__E1__',
      '__E12__',
      'Marine',
      'Le Pen',
      'de',
      "d'",
      'Jean-Luc',
      'DUPONT',
      'é',
      '«',
      '»',
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.array(piece, { maxLength: 10 }).map((p) => p.join('')),
          { maxLength: 4 },
        ),
        (texts) => {
          const protectedTexts = protectNames(texts);
          protectedTexts.forEach((p, i) => {
            expect(restoreNames(p.text, p.names)).toBe(texts[i]);
            // Never a placeholder of the text's own cut or renumbered.
            expect(p.text.match(/__E\d+__/g)?.filter((t) => texts[i]?.includes(t)) ?? []).toEqual(
              texts[i]?.match(/__E\d+__/g) ?? [],
            );
          });
        },
      ),
      { numRuns: 2000 },
    );
  });
});
