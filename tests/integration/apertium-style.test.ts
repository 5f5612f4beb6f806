/**
 * The English conventions of the Apertium path on real Apertium: the target variant chooses the
 * spelling mode and the quotation marks, `--style` the house-style conventions (AP), and « à »
 * before a glossary place becomes "in" while « à la » before it (a receiver) does not.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { locateApertium, locateWrapper } from '../../src/providers/apertium/install.js';
import { LocationLexicon } from '../../src/providers/apertium/locations.js';
import {
  FAULT_TRIGGER,
  installationWithExtraStage,
  nullFlushStage,
} from '../support/apertium-extra-stage.js';
import { runMain, tempDir } from '../support/cli.js';

const dir = tempDir('versio-style-');
afterAll(() => dir.cleanup());

const GLOSSARY = `sourceLang: fr
targetLang: en
entries:
  - id: lille
    type: place
    french: [Lille]
    english: Lille
  - id: ukraine
    type: place
    french: [Ukraine]
    english: Ukraine
`;

/** One `versio translate` of `french`; the English article back. */
async function translate(name: string, french: string, ...args: string[]): Promise<string> {
  const source = join(dir.path, `${name}.fr.txt`);
  writeFileSync(source, `${french}\n`);
  const glossary = join(dir.path, 'places.glossary.yaml');
  writeFileSync(glossary, GLOSSARY);
  const out = join(dir.path, name);
  const memory = join(dir.path, `${name}.jsonl`);
  const result = await runMain([
    'translate',
    source,
    '-o',
    out,
    '--memory',
    memory,
    '-g',
    glossary,
    '-q',
    ...args,
  ]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const target = args.includes('en-GB') ? 'en-GB' : 'en';
  return readFileSync(join(out, `${name}.${target}.txt`), 'utf8');
}

describe('target variants', () => {
  const french = 'La couleur de l’organisation a changé. « Nous partons », a dit le maire.';

  it('en is American English: -ize/-or spelling, double quotes', async () => {
    const english = await translate('variant-en', french);
    expect(english).toMatch(/\bcolor\b/);
    expect(english).toMatch(/organization/);
    expect(english).toContain('“');
  });

  it('en-GB: British spelling (Apertium’s spa-eng mode) and single quotes', async () => {
    const english = await translate('variant-gb', french, '--target', 'en-GB');
    expect(english).toMatch(/\bcolour\b/);
    expect(english).toMatch(/organisation/);
    expect(english).toContain('‘');
    expect(english).not.toContain('“');
  });
});

describe('--style', () => {
  const french = 'Le match a commencé à 21 h 00 le 17 mars 2016. Le budget atteint 1,2 milliard d’euros.';

  it('ap (the default): AP times, dates and amounts', async () => {
    const english = await translate('style-ap', french);
    expect(english).toContain('9 p.m.');
    expect(english).toContain('March 17, 2016');
    expect(english).toContain('1.2 billion euros');
  });

  it('none: the conventions are left as the engine wrote them', async () => {
    const english = await translate('style-none', french, '--style', 'none');
    expect(english).not.toContain('p.m.');
    expect(english).toMatch(/21 h 00/);
  });

  it('an unknown style is refused', async () => {
    const result = await runMain(['translate', 'x.fr.txt', '--style', 'chicago']);
    expect(result.stderr).toMatch(/--style.*chicago|chicago.*--style/s);
    expect(result.code).toBe(2);
  });
});

describe('à + place → in', () => {
  it('« à Lille » (a glossary place) is "in Lille"', async () => {
    const english = await translate('place-lille', 'Incendie à Lille : un court-circuit en cause ?');
    expect(english).toMatch(/\bin Lille\b/);
  });

  it('« à l’Ukraine » (a receiver) keeps "to"', async () => {
    const english = await translate('place-receiver', 'Paris a livré des armes à l’Ukraine.');
    expect(english).not.toMatch(/\bin Ukraine\b/);
  });
});

describe('inverted subjects (« a-t-il affirmé »)', () => {
  it('reach the engine in order: no Spanish leaks through the pivot', async () => {
    const english = await translate(
      'inversion',
      '« La guerre est finie », a-t-il affirmé. « Oui », a-t-on appris. Y a-t-il des survivants ?',
    );
    // Inverted, the fr→es leg writes `haafirmado`, `seha` and `hay-t-él` into the English.
    expect(english).not.toMatch(/haafirmado|\bseha\b|\bhay\b|-t-/);
    expect(english).toMatch(/\bsaid\b|\baffirmed\b/);
  });
});

describe('LocationLexicon (Apertium’s English dictionary)', () => {
  it('finds the words tagged as locations, only where the French has a bare « à »', async () => {
    const wrapper = await locateWrapper('apertium', process.env);
    const { stages } = await locateApertium(wrapper, ['fr-es', 'spa-eng_US'], process.env);
    const lexicon = await LocationLexicon.beside(stages, process.env);
    const [withA, withoutA] = await lexicon.locations(
      ['He lives to Houston, not to Brooklyn.', 'He writes to Houston.'],
      ['Il vit à Houston, pas à Brooklyn.', 'Il écrit au bureau de Houston.'],
      new AbortController().signal,
    );
    await lexicon.close();
    expect([...(withA ?? [])]).toEqual(['Houston']);
    expect(withoutA?.size).toBe(0);
  });
});

describe('people’s names (postedit/names.ts) through real Apertium', () => {
  it('keeps surnames that are French words as written, and a title’s name', async () => {
    const english = await translate(
      'names',
      'Laurent Brun est arrivé. Julie Boulanger a dit non. Bruno Le Maire a démissionné. M. Bonnet a refusé.',
    );
    expect(english).toContain('Laurent Brun');
    expect(english).toContain('Julie Boulanger');
    expect(english).toContain('Bruno Le Maire');
    expect(english).toMatch(/\bBonnet refused\b/);
  });

  it('a text whose name placeholder the engine loses is translated again without: nothing dropped', async () => {
    // One more fr-es stage deletes every placeholder of a record holding the trigger word.
    const env = installationWithExtraStage(
      join(dir.path, 'names-engine'),
      nullFlushStage(`        if b'${FAULT_TRIGGER}' in record:
            record = re.sub(rb'__E[0-9]+__', b'', record)`),
    );
    const article = join(dir.path, 'lost.fr.txt');
    writeFileSync(
      article,
      `Laurent Brun a rencontré ${FAULT_TRIGGER} mardi.\nLa séance a duré six heures.\n`,
    );
    const out = join(dir.path, 'lost');
    const result = await runMain(
      ['translate', article, '--no-glossary', '--out', out, '--memory', `${out}.jsonl`, '--quiet'],
      { env: { ...env, VERSIO_REPAIR: 'off' } },
    );
    expect(result.code, result.stderr).toBe(0);
    const [first, second] = readFileSync(join(out, 'lost.en.txt'), 'utf8').trim().split('\n');
    // The engine's own rendering of the name (unprotected), the rest of the sentence there.
    expect(first).toMatch(/^Laurent \p{Lu}\p{L}+ .*Zorglub/u);
    expect(second).toMatch(/six hours/);
  });
});
