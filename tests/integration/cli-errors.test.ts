import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain, seedArticle, tempDir } from '../support/cli.js';

const dir = tempDir();
afterAll(() => dir.cleanup());
const file = (name: string, content: string | Uint8Array) => {
  const path = join(dir.path, name);
  writeFileSync(path, content);
  return path;
};

describe('translate refuses bad input with one line and exit 2', () => {
  const cases: [name: string, args: () => string[], message: RegExp][] = [
    ['a missing file', () => [join(dir.path, 'nope.txt')], /nope\.txt: no such file$/m],
    [
      'a directory',
      () => {
        mkdirSync(join(dir.path, 'folder'), { recursive: true });
        return [join(dir.path, 'folder')];
      },
      /folder: is a directory, not a text file$/m,
    ],
    ['an empty file', () => [file('empty.txt', '')], /empty\.txt: file is empty/],
    [
      'invalid UTF-8',
      () => [file('latin1.txt', Buffer.from('Caf\xe9 cr\xe8me.', 'latin1'))],
      /latin1\.txt:1:4: invalid UTF-8/,
    ],
  ];
  it.each(cases)('%s', async (_name, args, message) => {
    const result = await runMain([
      'translate',
      ...args(),
      '--provider',
      'pseudo',
      '--out',
      join(dir.path, 'out'),
      '--no-glossary',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stderr.startsWith('versio: ')).toBe(true);
  });
});

describe('usage errors exit 2', () => {
  it('an unknown option', async () => {
    const result = await runMain(['translate', seedArticle, '--frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^versio: unknown option '--frobnicate'/);
  });
  it('an unknown provider', async () => {
    const result = await runMain(['translate', seedArticle, '--provider', 'babelfish']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/babelfish/);
  });
  it('a missing argument', async () => {
    const result = await runMain(['translate']);
    expect(result.code).toBe(2);
  });
  it('a formality DeepL does not know: names the option and the values it takes', async () => {
    const out = join(dir.path, 'out-formality');
    const result = await runMain([
      'translate',
      seedArticle,
      '--provider',
      'deepl',
      '--formality',
      'formal',
      '--out',
      out,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'versio: --formality formal: expected one of default, more, less, prefer_more, prefer_less\n',
    );
    expect(existsSync(out)).toBe(false);
  });
});

describe('provider errors exit 3', () => {
  it('Apertium not installed: says how to install it', async () => {
    const result = await runMain(
      [
        'translate',
        seedArticle,
        '--provider',
        'apertium',
        '--out',
        join(dir.path, 'out3'),
        '--memory',
        join(dir.path, 'tm3.jsonl'),
      ],
      { env: { VERSIO_APERTIUM_BIN: join(dir.path, 'no-such-apertium') } },
    );
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/apt-get install apertium apertium-fr-es apertium-eng-spa/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
