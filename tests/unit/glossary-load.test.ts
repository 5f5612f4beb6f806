import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { loadGlossary, parseGlossary } from '../../src/glossary/load.js';
import { glossarySchema } from '../../src/glossary/schema.js';
import { toYaml } from '../../src/glossary/yaml.js';

const SEED = 'glossary/versio.glossary.yaml';
const FIXTURES = 'tests/fixtures/glossary';

function yaml(entries: string): string {
  return `sourceLang: fr\ntargetLang: en\nentries:\n${entries}`;
}

async function loadError(path: string): Promise<InputError> {
  const error = await loadGlossary(path).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

function parseError(text: string): InputError {
  try {
    parseGlossary(text, 'g.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

describe('the project glossary', () => {
  it('loads, with every entry located on its line', async () => {
    const glossary = await loadGlossary(SEED);
    const lines = readFileSync(SEED, 'utf8').split('\n');
    for (const entry of glossary.entries) expect(lines[(entry.line ?? 0) - 1]).toContain(`id: ${entry.id}`);
    expect(glossary.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('names every place, person and organisation of the seed article', async () => {
    const ids = (await loadGlossary(SEED)).entries.map((e) => e.id);
    for (const id of [
      'palmyra',
      'syria',
      'russia',
      'moscow',
      'aleppo',
      'latakia',
      'tartus',
      'hmeimim',
      'islamic-state',
      'nusra-front',
      'sergei-rudskoy',
      'sergei-shoigu',
      'vladimir-putin',
    ]) {
      expect(ids).toContain(id);
    }
  });

  it('points editors at the published schema, which matches the one the loader uses', () => {
    expect(readFileSync(SEED, 'utf8').split('\n')[0]).toBe(
      '# yaml-language-server: $schema=./glossary.schema.json',
    );
    expect(JSON.parse(readFileSync('glossary/glossary.schema.json', 'utf8'))).toEqual(glossarySchema);
  });

  it('survives toYaml → parseGlossary unchanged', async () => {
    const glossary = await loadGlossary(SEED);
    const again = parseGlossary(toYaml(glossary), SEED);
    const strip = (g: typeof glossary) => g.entries.map(({ line: _line, ...e }) => e);
    expect(strip(again)).toEqual(strip(glossary));
    expect(again.hash).toBe(glossary.hash);
  });
});

describe('malformed glossary files: one line per error, file:line, entry id, InputError (exit 2)', () => {
  it('reports semantic errors: duplicate id, French form in two entries', async () => {
    const error = await loadError(`${FIXTURES}/bad-entries.yaml`);
    expect(error.exitCode).toBe(2);
    expect(error.message.split('\n')).toEqual([
      `${FIXTURES}/bad-entries.yaml:9: entry "aleppo": duplicate id "aleppo" (first used by entry "aleppo" at line 5)`,
      `${FIXTURES}/bad-entries.yaml:15: entry "aleppo-city": French form "Alep" is listed also in entry "aleppo" at line 5`,
    ]);
  });

  it('reports schema errors at the offending line', async () => {
    const error = await loadError(`${FIXTURES}/bad-schema.yaml`);
    expect(error.message.split('\n')).toEqual([
      `${FIXTURES}/bad-schema.yaml:5: entry "palmyra": type must be one of: person, place, organisation, other`,
      `${FIXTURES}/bad-schema.yaml:10: entry "syria": french[0] must not be empty, start or end with a space, or contain control characters`,
      `${FIXTURES}/bad-schema.yaml:12: entry "russia": missing field "english"`,
    ]);
  });

  it('reports YAML syntax errors with line and column', async () => {
    const error = await loadError(`${FIXTURES}/bad-syntax.yaml`);
    expect(error.message).toMatch(/^tests\/fixtures\/glossary\/bad-syntax\.yaml:7:5: invalid YAML: /);
    expect(error.message.split('\n')).toHaveLength(1);
  });

  it.each([
    [
      'an unknown field',
      '  - id: a\n    type: place\n    french: [Alep]\n    english: Aleppo\n    colour: red\n',
      'g.yaml:8: entry "a": unknown field "colour"',
    ],
    [
      'a bad id',
      '  - id: Aleppo City\n    type: place\n    french: [Alep]\n    english: Aleppo\n',
      'g.yaml:4: entry "Aleppo City": id must be a slug',
    ],
    [
      'a form with spaces around it',
      '  - id: a\n    type: place\n    french: [" Alep"]\n    english: Aleppo\n',
      'g.yaml:6: entry "a": french[0] must not be empty',
    ],
    [
      'no French form',
      '  - id: a\n    type: place\n    french: []\n    english: Aleppo\n',
      'g.yaml:6: entry "a": french must list at least 1 form',
    ],
    [
      'a form with no letters',
      '  - id: a\n    type: place\n    french: ["-"]\n    english: Aleppo\n',
      'g.yaml:6: entry "a": French form "-" has no letter or digit',
    ],
    [
      'a forbidden variant equal to the English form',
      '  - id: a\n    type: place\n    french: [Alep]\n    english: Aleppo\n    forbidden: [Alepo, Aleppo]\n',
      'g.yaml:8: entry "a": forbidden variant "Aleppo" is the English form itself',
    ],
    [
      'a case-insensitive form clashing with another entry',
      '  - id: a\n    type: other\n    french: [EI]\n    english: Islamic State\n  - id: b\n    type: other\n    french: [ei]\n    english: x\n    ignoreCase: true\n',
      'g.yaml:10: entry "b": French form "ei" is listed also in entry "a" at line 4',
    ],
    ['entries that are not a list', '  foo\n', 'g.yaml:4: entries must be an array'],
  ])('reports %s', (_name, entries, expected) => {
    expect(parseError(yaml(entries)).message).toContain(expected);
  });

  it('reports a missing language', () => {
    expect(parseError('entries: []\n').message).toBe(
      'g.yaml:1: missing field "sourceLang"\ng.yaml:1: missing field "targetLang"',
    );
  });

  it('refuses an unknown extension and a missing file', async () => {
    expect((await loadError('terms.xlsx')).message).toContain('unknown glossary format ".xlsx"');
    expect((await loadError(`${FIXTURES}/none.yaml`)).message).toBe(
      `${FIXTURES}/none.yaml: cannot read glossary: no such file`,
    );
  });

  it('refuses invalid UTF-8 and names its line, as for articles', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'versio-glossary-'));
    const path = join(dir, 'latin1.csv');
    writeFileSync(path, Buffer.from('Alep,Aleppo\nLattaqui\xe9,Latakia\n', 'latin1'));
    expect((await loadError(path)).message).toBe(`${path}:2:9: invalid UTF-8 (byte 0xE9)`);
    rmSync(dir, { recursive: true });
  });

  it('reads a UTF-8 glossary with a byte order mark', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'versio-glossary-'));
    const path = join(dir, 'bom.csv');
    writeFileSync(path, `\ufeffAlep,Aleppo\n`);
    expect((await loadGlossary(path)).entries.map((e) => e.french[0])).toEqual(['Alep']);
    rmSync(dir, { recursive: true });
  });
});
