/**
 * Reviewed work reaches the translation memory as a person's translation, preferred over the
 * engine's for the same key; units imported from TMX answer exact source matches.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { segmentsOf } from '../../src/document.js';
import type { MemoryRecord } from '../../src/memory/record.js';
import { TranslationMemory } from '../../src/memory/store.js';
import { languagesFit } from '../../src/pipeline/memory.js';
import { readXliff } from '../../src/xliff/read.js';
import { runMain, tempDir } from '../support/cli.js';
import { defined } from '../support/defined.js';

const record = (target: string, origin?: MemoryRecord['origin']): MemoryRecord => ({
  key: 'k1',
  source: 'La décision a été prise.',
  target,
  provider: origin === 'human' ? 'human' : 'apertium',
  sourceLang: 'fr',
  targetLang: 'en',
  createdAt: '2026-01-01T00:00:00.000Z',
  ...(origin ? { origin } : {}),
});

describe('the memory store under one key', () => {
  const dir = tempDir('versio-tm-human-');
  afterAll(() => dir.cleanup());

  it('keeps a person’s translation over a later engine output, and a later person’s over an earlier one', async () => {
    const path = join(dir.path, 'memory.jsonl');
    const memory = await TranslationMemory.open(path);
    await memory.append([record('MT one')]);
    await memory.append([record('The decision was taken.', 'human')]);
    await memory.append([record('MT two')]);
    expect((await memory.lookup('k1'))?.target).toBe('The decision was taken.');
    await memory.close();
    // The same after reading the file back: the preference is a rule of the store, not of the session.
    const reopened = await TranslationMemory.open(path);
    expect(await reopened.lookup('k1')).toMatchObject({ target: 'The decision was taken.', origin: 'human' });
    await reopened.append([record('The decision has been taken.', 'human')]);
    expect((await reopened.lookup('k1'))?.target).toBe('The decision has been taken.');
    await reopened.close();
  });

  it('refuses a record whose origin is not one of machine, human, imported', async () => {
    const path = join(dir.path, 'bad.jsonl');
    writeFileSync(path, `${JSON.stringify({ ...record('x'), origin: 'robot' })}\n`);
    await expect(TranslationMemory.open(path)).rejects.toThrow(/bad\.jsonl:1: .*"origin"/);
  });
});

describe.each([
  [{ sourceLang: 'FR-FR', targetLang: 'EN-GB' }, { sourceLang: 'fr', targetLang: 'en' }, true],
  [{ sourceLang: 'fr', targetLang: 'en' }, { sourceLang: 'fr-CA', targetLang: 'en-GB' }, true],
  [{ sourceLang: 'fr', targetLang: 'en_GB' }, { sourceLang: 'fr', targetLang: 'en-gb' }, true],
  [{ sourceLang: 'fr', targetLang: 'en-US' }, { sourceLang: 'fr', targetLang: 'en-GB' }, false],
  [{ sourceLang: 'fr', targetLang: 'de' }, { sourceLang: 'fr', targetLang: 'en' }, false],
  [{ sourceLang: 'es', targetLang: 'en' }, { sourceLang: 'fr', targetLang: 'en' }, false],
])('an imported unit %o for an article %o', (unit, doc, fits) => {
  it(fits ? 'fits' : 'does not fit', () => expect(languagesFit(unit, doc)).toBe(fits));
});

const ARTICLE_A =
  'Economie\n\nLa Banque relève sa prévision\n\nLa décision a été prise. Les marchés ont suivi.\n';
const ARTICLE_B = 'Politique\n\nUn autre titre du jour\n\nLa décision a été prise.\n';
const REVIEWED = 'The decision was finally taken.';

describe('versio translate: reviewed targets go into the memory and serve other articles', () => {
  const dir = tempDir('versio-tm-flow-');
  const translate = async (file: string, ...extra: string[]) => {
    const result = await runMain(
      ['translate', file, '--provider', 'pseudo', '--out', 'tr', '--no-glossary', '--json', ...extra],
      { cwd: dir.path },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const { documents } = JSON.parse(result.stdout) as {
      documents: { fromMemory: number; translated: number }[];
    };
    return defined(documents[0], 'a document summary');
  };
  const read = (name: string) => {
    const path = join(dir.path, 'tr', name);
    return readXliff(readFileSync(path, 'utf8'), path).doc;
  };

  beforeAll(async () => {
    writeFileSync(join(dir.path, 'a.fr.txt'), ARTICLE_A);
    writeFileSync(join(dir.path, 'b.fr.txt'), ARTICLE_B);
    await translate('a.fr.txt');
    // A reviewer signs off an edited target in a CAT tool.
    const path = join(dir.path, 'tr', 'a.en.xlf');
    const xml = readFileSync(path, 'utf8').replace(
      /(<trans-unit id="p3\.s1")([^>]*>[\s\S]*?)<target[^>]*>[\s\S]*?<\/target>/,
      `$1 approved="yes"$2<target state="signed-off">${REVIEWED}</target>`,
    );
    writeFileSync(path, xml);
    await translate('a.fr.txt');
  });
  afterAll(() => dir.cleanup());

  it('stores the signed-off target once, as a human translation', async () => {
    await translate('a.fr.txt'); // a third run must not store it again
    const lines = readFileSync(join(dir.path, '.versio', 'memory.jsonl'), 'utf8')
      .trim()
      .split('\n');
    const human = lines.map((l) => JSON.parse(l) as MemoryRecord).filter((r) => r.origin === 'human');
    expect(human).toEqual([
      expect.objectContaining({ source: 'La décision a été prise.', target: REVIEWED }),
    ]);
  });

  it('gives another article with the same sentence the person’s words, not the engine’s', async () => {
    const summary = await translate('b.fr.txt');
    const s = segmentsOf(read('b.en.xlf')).find((x) => x.source === 'La décision a été prise.');
    expect(s?.target).toBe(REVIEWED);
    expect(s?.provenance).toMatchObject({ engine: 'human', fromMemory: true });
    expect(summary.fromMemory).toBe(1);
  });
});

describe('versio tm import: imported units answer exact source matches', () => {
  const dir = tempDir('versio-tm-import-');
  afterAll(() => dir.cleanup());

  it('uses the unit for the sentence with exactly its source text, and the engine for the rest', async () => {
    const tmx = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="OmegaT" creationtoolversion="6" segtype="sentence" o-tmf="x" adminlang="EN-US" srclang="FR-FR" datatype="plaintext"/>
<body><tu><tuv xml:lang="FR-FR"><seg>La décision a été prise.</seg></tuv><tuv xml:lang="EN-GB"><seg>${REVIEWED}</seg></tuv></tu></body></tmx>
`;
    writeFileSync(join(dir.path, 'other.tmx'), tmx);
    writeFileSync(join(dir.path, 'b.fr.txt'), ARTICLE_B);
    expect((await runMain(['tm', 'import', 'other.tmx'], { cwd: dir.path })).code).toBe(0);
    const result = await runMain(
      ['translate', 'b.fr.txt', '--provider', 'pseudo', '--out', 'tr', '--no-glossary', '--json'],
      { cwd: dir.path },
    );
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout).documents[0];
    expect(summary).toMatchObject({ fromMemory: 1, translated: 2 });
    const path = join(dir.path, 'tr', 'b.en.xlf');
    const s = segmentsOf(readXliff(readFileSync(path, 'utf8'), path).doc).find(
      (x) => x.source === 'La décision a été prise.',
    );
    expect(s?.target).toBe(REVIEWED);
    expect(s?.provenance).toMatchObject({ engine: 'tmx', fromMemory: true });
  });
});
