import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { fromCsv, toCsv } from '../../src/glossary/csv.js';
import { makeEntry, makeGlossary } from '../../src/glossary/entry.js';
import { loadGlossary } from '../../src/glossary/load.js';
import { fromTbx, toTbx } from '../../src/glossary/tbx.js';
import type { Glossary } from '../../src/glossary/types.js';

const SEED = 'glossary/versio.glossary.yaml';
const FIXTURES = 'tests/fixtures/glossary';

/** Everything but file bookkeeping (path, line). */
function content(g: Glossary) {
  return {
    sourceLang: g.sourceLang,
    targetLang: g.targetLang,
    hash: g.hash,
    entries: g.entries.map(({ line: _l, ...e }) => e),
  };
}

/** What DeepL's CSV/TSV format can carry: French forms and English form, per concept. */
function terms(g: Glossary) {
  return g.entries.map((e) => ({ french: e.french, english: e.english }));
}

/** Characters each format must escape or quote. */
const awkward = makeGlossary('', 'fr', 'en', [
  makeEntry({
    id: 'quote',
    type: 'other',
    french: ['Le "Monde"', 'A, B & <C>'],
    english: 'The "World"',
    note: 'a < b & "c"\nsecond line',
    forbidden: ["l'Monde"],
  }),
  makeEntry({
    id: 'flags',
    type: 'organisation',
    french: ['EI'],
    english: 'Islamic State',
    policy: 'provider',
    article: 'the',
    ignoreAccents: true,
    ignoreCase: true,
  }),
]);

describe('round trips lose nothing the format can carry', () => {
  it.each(['tbx3', 'tbx2008'] as const)('YAML → %s → Glossary: every field', async (dialect) => {
    for (const glossary of [await loadGlossary(SEED), awkward]) {
      const back = fromTbx(toTbx(glossary, dialect), 'g.tbx');
      expect(content(back)).toEqual(content(glossary));
    }
  });

  it.each([
    ['CSV', ','],
    ['TSV', '\t'],
  ] as const)('YAML → %s → Glossary: every field, ids included', async (_name, delimiter) => {
    const seed = await loadGlossary(SEED);
    const back = fromCsv(toCsv(seed, delimiter), 'g.csv', delimiter);
    expect(content(back)).toEqual(content(seed));
  });

  it.each([
    ['CSV', ','],
    ['TSV', '\t'],
  ] as const)(
    "YAML → %s in DeepL's two columns → Glossary: French and English forms only",
    async (_name, delimiter) => {
      const seed = await loadGlossary(SEED);
      const back = fromCsv(toCsv(seed, delimiter, { deepl: true }), 'g.csv', delimiter);
      expect(terms(back)).toEqual(terms(seed));
      expect(
        back.entries.every((e) => e.type === 'other' && e.policy === 'protect' && e.forbidden.length === 0),
      ).toBe(true);
    },
  );

  it('refuses to write a TSV field with a tab or line break, naming the row', () => {
    expect(() => toCsv(awkward, '\t')).toThrow(/row 1: TSV cannot carry a tab or line break/);
  });

  it('quotes CSV fields the RFC 4180 way', () => {
    expect(toCsv(awkward, ',', { deepl: true })).toBe(
      '"Le ""Monde""","The ""World"""\n"A, B & <C>","The ""World"""\nEI,Islamic State\n',
    );
    expect(content(fromCsv(toCsv(awkward, ','), 'g.csv', ','))).toEqual(content(awkward));
  });

  it('writes TBX v3 and TBX 2008 with their own root and structure', async () => {
    const seed = await loadGlossary(SEED);
    const v3 = toTbx(seed, 'tbx3');
    expect(v3).toContain(
      '<tbx type="TBX-Basic" style="dca" xml:lang="fr" xmlns="urn:iso:std:iso:30042:ed-2">',
    );
    expect(v3).toContain('<conceptEntry id="palmyra">');
    expect(v3).toMatch(/<termSec>\s*<term>Palmira<\/term>[\s\S]*?deprecatedTerm-admn-sts/);
    const v2 = toTbx(seed, 'tbx2008');
    expect(v2).toContain('<martif type="TBX" xml:lang="fr">');
    expect(v2).toMatch(/<termEntry id="palmyra">\s*<descrip type="subjectField">place<\/descrip>/);
    expect(v2).toContain('<tig>');
  });
});

describe('imports from other tools', () => {
  it('reads a TBX-Basic v3 file without Versio fields: preferred, admitted, deprecated, regional tags', async () => {
    const g = await loadGlossary(`${FIXTURES}/kyiv.glossary.tbx`);
    expect([g.sourceLang, g.targetLang]).toEqual(['fr', 'en']);
    expect(g.entries[0]).toMatchObject({
      id: 'c1',
      type: 'other',
      french: ['Kiev', 'Kyiv'],
      english: 'Kyiv',
      forbidden: ['Kiev'],
      policy: 'protect',
    });
    expect(g.entries[2]).toMatchObject({
      french: ['Volodymyr Zelensky', 'Zelensky'],
      english: 'Volodymyr Zelenskyy',
      note: 'AP spelling.',
    });
  });

  it('reads TBX 2008 as translate-toolkit writes it (external DOCTYPE, ntig)', async () => {
    const g = await loadGlossary(`${FIXTURES}/translate-toolkit.tbx`);
    expect(terms(g)).toEqual([
      { french: ['Palmyre'], english: 'Palmyra' },
      { french: ['Alep'], english: 'Aleppo' },
    ]);
    expect(g.entries.map((e) => e.id)).toEqual(['palmyre', 'alep']);
  });

  it('reads DeepL CSV with the optional language columns, grouping forms by English form', () => {
    const g = fromCsv('Kiev,Kyiv,fr,en\nKyiv,Kyiv,fr,en\nKharkov,Kharkiv,fr,en\n', 'k.csv', ',');
    expect(terms(g)).toEqual([
      { french: ['Kiev', 'Kyiv'], english: 'Kyiv' },
      { french: ['Kharkov'], english: 'Kharkiv' },
    ]);
  });
});

describe('malformed TBX and CSV: InputError naming file:line', () => {
  async function message(path: string): Promise<string> {
    const error = await loadGlossary(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).message;
  }

  it.each([
    ['bad-unclosed.tbx', 'bad-unclosed.tbx:7:21: malformed XML: unexpected close tag'],
    [
      'bad-xxe.tbx',
      'bad-xxe.tbx:4:2: a DOCTYPE with an internal subset (entity declarations) is not accepted',
    ],
    ['bad-quote.csv', 'bad-quote.csv:3: malformed CSV: Quote Not Closed'],
    [
      'bad-rows.csv',
      'bad-rows.csv:3: duplicate source term "Palmyre" (first at line 1)\ntests/fixtures/glossary/bad-rows.csv:4: empty source term',
    ],
  ])('%s', async (file, expected) => {
    expect(await message(`${FIXTURES}/${file}`)).toContain(`${FIXTURES}/${expected}`);
  });

  it.each([
    [
      'a root that is not TBX',
      '<?xml version="1.0"?>\n<xliff/>',
      'g.tbx:2: not TBX: root element is <xliff>',
    ],
    [
      'a concept without English',
      '<martif type="TBX">\n<text><body>\n<termEntry id="a"><langSet xml:lang="fr"><tig><term>Alep</term></tig></langSet></termEntry>\n</body></text></martif>',
      'g.tbx:3: concept "a": no en term',
    ],
    [
      'a bad Versio note',
      '<martif type="TBX"><text><body>\n<termEntry id="a"><note>versio: policy=maybe</note><langSet xml:lang="fr"><tig><term>A</term></tig></langSet><langSet xml:lang="en"><tig><term>B</term></tig></langSet></termEntry>\n</body></text></martif>',
      'g.tbx:2: concept "a": unknown "versio:" setting "policy=maybe"',
    ],
    [
      'an undeclared entity',
      '<martif type="TBX"><text><body>\n<termEntry id="a">&nbsp;</termEntry></body></text></martif>',
      'g.tbx:2:24: malformed XML',
    ],
  ])('TBX: %s', (_case, xml, expected) => {
    expect(() => fromTbx(xml, 'g.tbx')).toThrow(expected);
  });

  it.each([
    [
      'three columns',
      'Alep,Aleppo,fr\n',
      "g.csv:1: expected 2 columns (source, target), 4 (with languages) or 12 (with Versio's entry fields), found 3",
    ],
    [
      'a term with spaces around it',
      'Alep , Aleppo\n',
      'g.csv:1: source term "Alep " starts or ends with a space',
    ],
    [
      'two language pairs',
      'Alep,Aleppo,fr,en\nSyrie,Syria,fr,de\n',
      'g.csv:2: language pair fr→de differs from fr→en above',
    ],
    ['an empty file', '\n', 'g.csv: glossary has no entries'],
  ])('CSV: %s', (_case, csv, expected) => {
    expect(() => fromCsv(csv, 'g.csv', ',')).toThrow(expected);
  });
});
