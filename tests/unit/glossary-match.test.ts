import { describe, expect, it } from 'vitest';
import { type EntryFields, makeEntry, makeGlossary } from '../../src/glossary/entry.js';
import { buildMatcher } from '../../src/glossary/match.js';
import { glossaryWarnings } from '../../src/glossary/warnings.js';

function matcher(...fields: Omit<EntryFields, 'type'>[]) {
  return buildMatcher(
    makeGlossary(
      '',
      'fr',
      'en',
      fields.map((f) => makeEntry({ type: 'other', ...f })),
    ),
  );
}

const seedLike = matcher(
  { id: 'aleppo', french: ['Alep'], english: 'Aleppo' },
  { id: 'islamic-state', french: ['Etat islamique', 'EI'], english: 'Islamic State', article: 'the' },
  { id: 'nusra-front', french: ['Front Al-Nosra', 'Al-Nosra'], english: 'Al-Nusra Front', article: 'the' },
  { id: 'russia', french: ['Russie'], english: 'Russia' },
  { id: 'cairo', french: ['Caire'], english: 'Cairo' },
  { id: 'united-states', french: ['Etats-Unis'], english: 'United States', article: 'the' },
  { id: 'shoigu', french: ['Sergueï Choïgou', 'S. Choïgou', 'Choïgou'], english: 'Sergei Shoigu' },
  { id: 'ivory-coast', french: ["Côte d'Ivoire"], english: 'Ivory Coast' },
);

/** The matched source text, its entry and English target, as one readable string per span. */
function found(text: string, m = seedLike): string[] {
  return m
    .find(text)
    .map(
      (s) =>
        `${text.slice(s.start, s.end)}=${s.entryId}→${s.target}${s.preposition ? ` (${s.preposition})` : ''}`,
    );
}

describe('matching French text', () => {
  it.each([
    ['elided de: d’Alep', 'les provinces d’Alep et de Lattaquié', ['Alep=aleppo→Aleppo']],
    ["elided que: qu'Alep", "alors qu'Alep résiste", ['Alep=aleppo→Aleppo']],
    ['whole words only: not inside Alepino', 'un Alepino à Paris', []],
    ['hyphenated words are words: not inside Alep-Est', 'les quartiers d’Alep-Est', []],
    [
      'longest match wins within an entry',
      'contre le Front Al-Nosra',
      ['le Front Al-Nosra=nusra-front→the Al-Nusra Front'],
    ],
    ['the short form alone', 'les jihadistes d’Al-Nosra', ['Al-Nosra=nusra-front→Al-Nusra Front']],
    ['case-sensitive by default: EI is not ei', 'ei ou EI', ['EI=islamic-state→Islamic State']],
    ['accent-sensitive by default: État is not Etat', "l'État islamique", []],
    [
      'an apostrophe inside a form matches either apostrophe',
      'en Côte d’Ivoire',
      ['Côte d’Ivoire=ivory-coast→Ivory Coast'],
    ],
    [
      'abbreviated first names',
      'selon S. Choïgou, puis Choïgou',
      ['S. Choïgou=shoigu→Sergei Shoigu', 'Choïgou=shoigu→Sergei Shoigu'],
    ],
  ])('%s', (_rule, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('French articles before a term', () => {
  it.each([
    [
      "elided l' is absorbed and becomes the",
      "de l'Etat islamique",
      ["l'Etat islamique=islamic-state→the Islamic State"],
    ],
    ['typographic apostrophe too', 'de l’EI', ['l’EI=islamic-state→the Islamic State']],
    ['la is absorbed and dropped for an entry without article', 'de la Russie', ['la Russie=russia→Russia']],
    ['La at a sentence start', 'La Russie conservera', ['La Russie=russia→Russia']],
    [
      'du is split: preposition de outside',
      'les frappes du Front Al-Nosra',
      ['du Front Al-Nosra=nusra-front→the Al-Nusra Front (de)'],
    ],
    [
      'aux is split: preposition à outside',
      'aux Etats-Unis',
      ['aux Etats-Unis=united-states→the United States (à)'],
    ],
    ['Au is split, capital kept', 'Au Caire, la police', ['Au Caire=cairo→Cairo (À)']],
    ["jusqu'au: the contraction after an elision", "jusqu'au Caire", ['au Caire=cairo→Cairo (à)']],
    [
      'no article: the term alone, English without the',
      'contre Etat islamique',
      ['Etat islamique=islamic-state→Islamic State'],
    ],
    ["l' with a space after the apostrophe is not an elision", "l' EI", ['EI=islamic-state→Islamic State']],
  ])('%s', (_rule, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('overlaps and normalisation', () => {
  it('prefers the longest span over entry order, then the leftmost, then the first entry', () => {
    const m = matcher(
      { id: 'short', french: ['Al-Nosra'], english: 'Nusra' },
      { id: 'long', french: ['Front Al-Nosra'], english: 'Al-Nusra Front' },
      { id: 'ab', french: ['Abou Bakr'], english: 'Abu Bakr' },
      { id: 'bo', french: ['Bakr Omar'], english: 'Bakr Omar' },
      { id: 'omar', french: ['Omar'], english: 'Omar' },
      { id: 'twin-1', french: ['Daech'], english: 'ISIS' },
      { id: 'twin-2', french: ['DAECH'], english: 'Daesh', ignoreCase: true },
    );
    expect(found('le Front Al-Nosra', m)).toEqual(['le Front Al-Nosra=long→Al-Nusra Front']);
    // Same length: the leftmost wins, and "Omar" is still found once "Bakr Omar" lost.
    expect(found('Abou Bakr Omar', m)).toEqual(['Abou Bakr=ab→Abu Bakr', 'Omar=omar→Omar']);
    expect(found('Daech', m)).toEqual(['Daech=twin-1→ISIS']);
  });

  it('gives offsets into the original text when it is not NFC', () => {
    const m = matcher({ id: 'latakia', french: ['Lattaquié'], english: 'Latakia' });
    const text = 'à Lattaquie\u0301 et'; // e + combining acute
    const [span] = m.find(text);
    expect(span).toMatchObject({ start: 2, end: 2 + 'Lattaquie\u0301'.length, entryId: 'latakia' });
  });

  it('ignores case and accents only for entries that ask', () => {
    const m = matcher({
      id: 'is',
      french: ['Etat islamique'],
      english: 'Islamic State',
      ignoreAccents: true,
      ignoreCase: true,
    });
    expect(found("l'ÉTAT ISLAMIQUE et l'État islamique", m)).toEqual([
      "l'ÉTAT ISLAMIQUE=is→Islamic State",
      "l'État islamique=is→Islamic State",
    ]);
  });
});

describe('a 100,000-entry glossary', () => {
  it('builds once and finds exactly the entries named in a paragraph', () => {
    const fields: Omit<EntryFields, 'type'>[] = [];
    for (let i = 0; i < 100_000; i++) {
      // Names share prefixes and tokens, so a scan would find many near misses.
      fields.push({
        id: `person-${i}`,
        french: [`Jean Dupont${i}`, `J. Dupont${i}`],
        english: `John Dupont${i}`,
      });
    }
    fields.push({ id: 'palmyra', french: ['Palmyre'], english: 'Palmyra' });
    const m = matcher(...fields);
    const text =
      'Selon Jean Dupont99999, J. Dupont42 et Jean Dupont7 ont quitté Palmyre; Jean Dupont100000 est inconnu.';
    expect(m.find(text).map((s) => `${text.slice(s.start, s.end)}→${s.target}`)).toEqual([
      'Jean Dupont99999→John Dupont99999',
      'J. Dupont42→John Dupont42',
      'Jean Dupont7→John Dupont7',
      'Palmyre→Palmyra',
    ]);
  });
});

describe('a form written in lower case at the start of a sentence', () => {
  const glossary = makeGlossary('', 'fr', 'en', [
    makeEntry({
      id: 'intersyndicale',
      type: 'organisation',
      french: ['l’intersyndicale'],
      english: 'the unions',
    }),
    makeEntry({ id: 'ei', type: 'organisation', french: ['EI'], english: 'IS' }),
  ]);
  const find = (text: string) =>
    buildMatcher(glossary)
      .find(text)
      .map((s) => [text.slice(s.start, s.end), s.entryId]);

  it.each([
    ['L’intersyndicale appelle à la grève.', [['L’intersyndicale', 'intersyndicale']]],
    ['« L’intersyndicale a tranché »', [['L’intersyndicale', 'intersyndicale']]],
    ['— Q : L’intersyndicale a-t-elle raison ?', [['L’intersyndicale', 'intersyndicale']]],
    ['Selon l’intersyndicale, non.', [['l’intersyndicale', 'intersyndicale']]],
    ['L’INTERSYNDICALE', []],
    ['Les ei et les Ei', []],
  ])('%s', (text, expected) => {
    expect(find(text)).toEqual(expected);
  });
});

describe('glossaryWarnings: article: the on a form that carries its own article', () => {
  it.each([
    ['l’Etat islamique', true],
    ["L'Orient", true],
    ['la Russie', true],
    ['Les Républicains', true],
    ['Etat islamique', false],
    ['Lesotho', false],
    ['La', false],
    ['Le Monde', true],
  ])('%s → warned: %s', (french, warned) => {
    const g = makeGlossary('', 'fr', 'en', [
      makeEntry({ id: 'x', type: 'other', french: [french], english: 'X', article: 'the', line: 7 }),
    ]);
    expect(glossaryWarnings(g).map((w) => w.line)).toEqual(warned ? [7] : []);
  });
  it('says nothing without article: the', () => {
    const g = makeGlossary('', 'fr', 'en', [
      makeEntry({ id: 'x', type: 'other', french: ['la Russie'], english: 'X' }),
    ]);
    expect(glossaryWarnings(g)).toEqual([]);
  });
});
