/**
 * The working directory comes from the CLI's io, never from the process: relative paths on the
 * command line, the project's default glossary and versio.config.json are found from `io.cwd`.
 * The project here differs from the repository's (its own glossary), so a command that looked in
 * process.cwd() would find the repository's files instead and the test would say so.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain, tempDir } from '../support/cli.js';

const dir = tempDir('versio-cwd-');
afterAll(() => dir.cleanup());

const ARTICLE = 'Titre\n\nLe maire de Quimperlé a parlé hier.\n';
const GLOSSARY = `sourceLang: fr
targetLang: en
entries:
  - id: quimperle
    type: place
    french: [Quimperlé]
    english: Quimperle-Town
    policy: protect
`;

describe('relative paths and project files resolve against io.cwd', () => {
  mkdirSync(join(dir.path, 'glossary'));
  writeFileSync(join(dir.path, 'glossary/versio.glossary.yaml'), GLOSSARY);
  writeFileSync(join(dir.path, 'a.fr.txt'), ARTICLE);
  const started = process.cwd();

  it('translate: reads the input, writes --out and --memory, and uses the default glossary, all under cwd', async () => {
    const result = await runMain(
      ['translate', 'a.fr.txt', '--provider', 'pseudo', '--out', 'out', '--memory', 'tm.jsonl', '--quiet'],
      { cwd: dir.path },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(process.cwd()).toBe(started);
    expect(existsSync(join(dir.path, 'tm.jsonl'))).toBe(true);
    const xliff = readFileSync(join(dir.path, 'out/a.en.xlf'), 'utf8');
    expect(xliff).toContain('original="a.fr.txt"');
    expect(xliff).toContain('Quimperle-Town');
  });

  it('segment, glossary validate, render and diff take relative paths from cwd', async () => {
    expect((await runMain(['segment', 'a.fr.txt'], { cwd: dir.path })).stdout).toContain('Quimperlé');
    const validate = await runMain(['glossary', 'validate', 'glossary/versio.glossary.yaml'], {
      cwd: dir.path,
    });
    expect(validate.stdout).toBe('glossary/versio.glossary.yaml: 1 entries, valid\n');
    const render = await runMain(['render', 'out/a.en.xlf', '--out', 'site', '--format', 'txt'], {
      cwd: dir.path,
    });
    expect(render.stdout).toBe('wrote site/a.en.txt\n');
    expect(readFileSync(join(dir.path, 'site/a.en.txt'), 'utf8')).toContain('Quimperle-Town');
    const diff = await runMain(['diff', 'out/a.en.xlf', 'out/a.en.xlf', '--json'], { cwd: dir.path });
    expect(diff.code).toBe(0);
    expect(process.cwd()).toBe(started);
  });
});
