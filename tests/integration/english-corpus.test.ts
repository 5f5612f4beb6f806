// The English of every corpus article (tests/fixtures/corpus/) through real Apertium, in one
// `versio translate` run (one engine start): no Spanish from the pivot and no glossary
// placeholder may reach the reader. Uses the project glossary, so placeholders are in play.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { personNames } from '../../src/postedit/names.js';
import { repoRoot, runMain, tempDir } from '../support/cli.js';
import { defined } from '../support/defined.js';

const corpus = join(repoRoot, 'tests/fixtures/corpus');
const articles = readdirSync(corpus)
  .filter((file) => file.endsWith('.fr.txt'))
  .map((file) => file.slice(0, -'.fr.txt'.length));

/**
 * Spanish words English never writes: function words of the pivot (articles, prepositions,
 * auxiliaries, conjunctions) and leaks seen from Apertium's es→en leg (Sra, millardos…), plus
 * the -ción/-ciones ending no English word has.
 */
const SPANISH = new RegExp(
  `(?<![\\p{L}’'-])(?:${[
    'el',
    'los',
    'las',
    'del',
    'una',
    'unos',
    'unas',
    'por',
    'para',
    'pero',
    'muy',
    'también',
    'sus',
    'su',
    'ha',
    'han',
    'hay',
    'está',
    'están',
    'fue',
    'fueron',
    'sido',
    'desde',
    'cuando',
    'donde',
    'hasta',
    'aunque',
    'mientras',
    'según',
    'tras',
    'sin',
    'y',
    'Sra',
    'Sr',
    'Sres',
    'millardos',
    'millardo',
    'combatientes',
    'espaldarazo',
    'imposición',
    '\\p{L}+ciones',
    '\\p{L}+ción',
  ].join('|')})(?![\\p{L}’'-])`,
  'u',
);

const dir = tempDir();
const english = new Map<string, string>();

beforeAll(async () => {
  const files = articles.map((name) => join(corpus, `${name}.fr.txt`));
  const glossary = join(repoRoot, 'glossary/versio.glossary.yaml');
  const result = await runMain(
    [
      'translate',
      ...files,
      '--glossary',
      glossary,
      '--out',
      dir.path,
      '--memory',
      join(dir.path, 'tm.jsonl'),
      '--quiet',
    ],
    { cwd: dir.path },
  );
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  for (const name of articles) english.set(name, readFileSync(join(dir.path, `${name}.en.txt`), 'utf8'));
}, 600_000);
afterAll(() => dir.cleanup());

describe('English of the corpus articles through Apertium', () => {
  test('there are articles to check', () => {
    expect(articles.length).toBeGreaterThanOrEqual(10);
  });

  test.each(articles)('%s: no Spanish word from the pivot', (name) => {
    const lines = defined(english.get(name), `the English of ${name}`)
      .split('\n')
      .filter((line) => SPANISH.test(line));
    expect(lines).toEqual([]);
  });

  test.each(articles)('%s: no placeholder and no unknown-word mark', (name) => {
    const text = defined(english.get(name), `the English of ${name}`);
    expect(text).not.toContain('__E');
    expect(text).not.toMatch(/(?<![\p{L}\p{N}])\*\p{L}/u);
  });

  test.each(articles)('%s: a hyphenated name of the source comes out once, whole', (name) => {
    const french = readFileSync(join(corpus, `${name}.fr.txt`), 'utf8');
    const text = defined(english.get(name), `the English of ${name}`);
    // The unknown-word repair reads each marked part of `*Fos-south-*Mer` as a word; giving the
    // whole source name back for one part wrote `Fos-sur-MerMer`.
    const names = new Set(french.match(/\p{Lu}[\p{L}’']*(?:-[\p{L}’']+)+/gu) ?? []);
    const doubled = [...names].filter((compound) => new RegExp(`${compound}\\p{L}`, 'u').test(text));
    expect(doubled).toEqual([]);
  });

  test.each(articles)('%s: every person the source names comes out as written', async (name) => {
    const { loadGlossary } = await import('../../src/glossary/load.js');
    const { buildMatcher } = await import('../../src/glossary/match.js');
    const matcher = buildMatcher(await loadGlossary(join(repoRoot, 'glossary/versio.glossary.yaml')));
    const text = defined(english.get(name), `the English of ${name}`);
    const missing: string[] = [];
    for (const line of readFileSync(join(corpus, `${name}.fr.txt`), 'utf8').split(/\r?\n/)) {
      // A name the glossary knows has its English form instead (« Vladimir Poutine » → Putin).
      const terms = matcher.find(line);
      for (const span of personNames(line).spans) {
        if (terms.some((t) => t.start < span.end && span.start < t.end)) continue;
        const person = line.slice(span.start, span.end);
        if (!text.includes(person)) missing.push(person);
      }
    }
    expect(missing).toEqual([]);
  });

  test('the Spanish pattern does catch the leaks it lists', () => {
    for (const leak of ['the Sra Linda', 'two millardos of euros', 'la imposición', 'está cerrado']) {
      expect(SPANISH.test(leak)).toBe(true);
    }
    expect(SPANISH.test('They yelled: “Yes!” since 1999.')).toBe(false);
  });
});
