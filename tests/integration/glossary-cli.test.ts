/** The `versio glossary` commands on real files, through commander as main() runs them. */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseGlossary } from '../../src/glossary/load.js';
import { runMain } from '../support/cli.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'versio-glossary-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** `versio glossary <args>` in-process, through cli/main.ts. */
const versio = (...args: string[]) => runMain(['glossary', ...args], { env: { NO_COLOR: '1' } });

describe('versio glossary', () => {
  it('validate: exit 0 on the project glossary', async () => {
    const r = await versio('validate', 'glossary/versio.glossary.yaml');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^glossary\/versio\.glossary\.yaml: \d+ entries, valid\n$/);
  });

  it('validate: exit 2 with one line-numbered line per error', async () => {
    const r = await versio('validate', 'tests/fixtures/glossary/bad-entries.yaml');
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(2);
    expect(r.stderr).toContain('bad-entries.yaml:9: entry "aleppo": duplicate id');
  });

  it('import: CSV to YAML written atomically, which validates and keeps the terms', async () => {
    const out = join(dir, 'kyiv.glossary.yaml');
    const r = await versio('import', 'tests/fixtures/glossary/kyiv.glossary.csv', '-o', out);
    expect(r.code).toBe(0);
    const text = await readFile(out, 'utf8');
    expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=.*glossary\.schema\.json$/);
    expect(parseGlossary(text, out).entries.find((e) => e.english === 'Kyiv')?.french).toEqual(['Kiev']);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it.each(['tbx', 'tbx2008'])(
    'export --format %s: well-formed XML (xmllint) that imports back',
    async (format) => {
      const out = join(dir, `versio.${format}.tbx`);
      expect(
        (await versio('export', 'glossary/versio.glossary.yaml', '--format', format, '-o', out)).code,
      ).toBe(0);
      await promisify(execFile)('xmllint', ['--noout', '--nonet', out]);
      const back = await versio('list', out, '--json');
      const listed = JSON.parse(back.stdout) as { entries: { id: string }[] };
      expect(listed.entries.map((e) => e.id)).toContain('islamic-state');
    },
  );

  it('export --format csv --deepl prints DeepL CSV on standard output and says what it drops', async () => {
    const r = await versio('export', 'glossary/versio.glossary.yaml', '--format', 'csv', '--deepl');
    expect(r.stdout.split('\n')).toContain('Palmyre,Palmyra');
    expect(r.stderr).toMatch(
      /^versio: warning: DeepL's format cannot carry id, type, policy, article, forbidden, note/,
    );
  });

  it('export --format csv carries every field: import gives the same entries and ids back', async () => {
    const csv = join(dir, 'g.csv');
    expect((await versio('export', 'glossary/versio.glossary.yaml', '--format', 'csv', '-o', csv)).code).toBe(
      0,
    );
    const listing = async (file: string) => JSON.parse((await versio('list', file, '--json')).stdout);
    expect(await listing(csv)).toEqual({ ...(await listing('glossary/versio.glossary.yaml')), path: csv });
  });

  it('validate: warns, naming file, line and entry, about article: the on a form with its own article', async () => {
    const file = join(dir, 'trap.glossary.yaml');
    await writeFile(
      file,
      [
        'sourceLang: fr',
        'targetLang: en',
        'entries:',
        '  - id: islamic-state',
        '    type: organisation',
        '    french: [Etat islamique]',
        '    english: Islamic State',
        '    article: the',
        '  - id: intersyndicale',
        '    type: organisation',
        '    french: [l’intersyndicale]',
        '    english: inter-union alliance',
        '    article: the',
        '',
      ].join('\n'),
    );
    const r = await versio('validate', file);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      `versio: warning: ${file}:9: entry "intersyndicale": article: the has no effect on French form "l’intersyndicale", which starts with its own article; drop the article from the form ("intersyndicale") or write it in the English form\n`,
    );
    expect(r.stdout).toBe(`${file}: 2 entries, valid (1 warning)\n`);
  });

  it('export: an unknown format is a usage error (exit 2)', async () => {
    const r = await versio('export', 'glossary/versio.glossary.yaml', '--format', 'xlsx');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown export format "xlsx"');
  });

  it('list: one line per entry', async () => {
    const r = await versio('list', 'glossary/versio.glossary.yaml');
    expect(r.stdout).toMatch(
      /^islamic-state +organisation +protect +Etat islamique \| .* → \(the\) Islamic State$/m,
    );
  });
});
