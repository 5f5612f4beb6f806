/**
 * The bad-input corpus: every input a user may hand Versio by mistake, with the exit code and the
 * one line they must see (README, "Exit codes"). Small inputs live in tests/fixtures/bad-input/;
 * large or path-dependent ones are made in a temp dir at test time.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain, tempDir } from '../support/cli.js';
import { badInput, expectRefusal, put, repeatToSize } from './support.js';

const dir = tempDir('versio-bad-input-');
afterAll(() => dir.cleanup());

type Command = 'translate' | 'check' | 'render';

interface Case {
  name: string;
  command: Command;
  /** Makes the input (in `dir` or from the fixtures) and returns the command's arguments. */
  make: (dir: string) => string[];
  code: number;
  stderr: RegExp;
}

const fixture = (name: string) => join(badInput, name);
const article = (d: string) => put(d, 'ok.fr.txt', 'Le maire de Lyon a parlé mardi.\n');
const utf16 = (text: string, bom: number[], le: boolean) => {
  const body = Buffer.from(text, 'utf16le');
  if (!le) body.swap16();
  return Buffer.concat([Buffer.from(bom), body]);
};

/** Text articles given to `versio translate` (pseudo engine: no process, no network). */
const text: Case[] = [
  {
    name: 'missing file',
    command: 'translate',
    make: (d) => [join(d, 'nope.fr.txt')],
    code: 2,
    stderr: /nope\.fr\.txt: no such file$/m,
  },
  {
    name: 'directory',
    command: 'translate',
    make: (d) => {
      mkdirSync(join(d, 'folder.txt'), { recursive: true });
      return [join(d, 'folder.txt')];
    },
    code: 2,
    stderr: /folder\.txt: is a directory, not a text file$/m,
  },
  {
    name: 'empty file',
    command: 'translate',
    make: (d) => [put(d, 'empty.txt', '')],
    code: 2,
    stderr: /empty\.txt: file is empty/,
  },
  {
    name: 'whitespace only',
    command: 'translate',
    make: (d) => [put(d, 'blank.txt', ' \n\t\n\u00a0\r\n')],
    code: 2,
    stderr: /blank\.txt: file is empty/,
  },
  {
    name: 'binary file (PNG)',
    command: 'translate',
    make: (d) => [
      put(
        d,
        'photo.txt',
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]),
      ),
    ],
    code: 2,
    stderr: /photo\.txt:3: NUL byte: this looks like a binary file/,
  },
  {
    name: 'invalid UTF-8 (Latin-1 article)',
    command: 'translate',
    make: () => [fixture('latin1.fr.txt')],
    code: 2,
    stderr: /latin1\.fr\.txt:1:6: invalid UTF-8 \(byte 0xE9\)/,
  },
  {
    name: 'invalid UTF-8 (Windows-1252 quotes on line 2)',
    command: 'translate',
    make: () => [fixture('cp1252-quotes.fr.txt')],
    code: 2,
    stderr: /cp1252-quotes\.fr\.txt:2:16: invalid UTF-8 \(byte 0x93\)/,
  },
  {
    name: 'invalid UTF-8 (truncated sequence at the end)',
    command: 'translate',
    make: (d) => [put(d, 'cut.txt', Buffer.from([0x43, 0x61, 0x66, 0xc3]))],
    code: 2,
    stderr: /cut\.txt:1:4: invalid UTF-8 \(byte 0xC3\)/,
  },
  {
    name: 'invalid UTF-8 (overlong slash)',
    command: 'translate',
    make: (d) => [put(d, 'overlong.txt', Buffer.from([0x61, 0x20, 0xc0, 0xaf, 0x62]))],
    code: 2,
    stderr: /overlong\.txt:1:3: invalid UTF-8 \(byte 0xC0\)/,
  },
  {
    name: 'invalid UTF-8 (encoded surrogate)',
    command: 'translate',
    make: (d) => [put(d, 'surrogate.txt', Buffer.from([0x61, 0xed, 0xa0, 0x80]))],
    code: 2,
    stderr: /surrogate\.txt:1:2: invalid UTF-8 \(byte 0xED\)/,
  },
  {
    name: 'UTF-16LE with BOM',
    command: 'translate',
    make: (d) => [put(d, 'le.fr.txt', utf16('Le maire a parlé.\n', [0xff, 0xfe], true))],
    code: 0,
    stderr: /^$/,
  },
  {
    name: 'UTF-16BE with BOM',
    command: 'translate',
    make: (d) => [put(d, 'be.fr.txt', utf16('Le maire a parlé.\n', [0xfe, 0xff], false))],
    code: 0,
    stderr: /^$/,
  },
  {
    name: 'UTF-16LE without BOM',
    command: 'translate',
    make: (d) => [put(d, 'nobom16.txt', Buffer.from('Le maire.\n', 'utf16le'))],
    code: 2,
    stderr: /nobom16\.txt:1: NUL byte/,
  },
  {
    name: 'UTF-16LE with BOM and a lone surrogate',
    command: 'translate',
    make: (d) => [put(d, 'lone16.txt', Buffer.from([0xff, 0xfe, 0x61, 0x00, 0x00, 0xd8, 0x62, 0x00]))],
    code: 2,
    stderr: /lone16\.txt: invalid UTF-16LE text/,
  },
  {
    name: 'UTF-16LE with BOM and an odd byte count',
    command: 'translate',
    make: (d) => [put(d, 'odd16.txt', Buffer.from([0xff, 0xfe, 0x61, 0x00, 0x62]))],
    code: 2,
    stderr: /odd16\.txt: invalid UTF-16LE text/,
  },
  {
    name: 'UTF-8 with BOM',
    command: 'translate',
    make: (d) => [put(d, 'bom8.fr.txt', '\uFEFFLe maire a parlé.\n')],
    code: 0,
    stderr: /^$/,
  },
  {
    name: 'CRLF line endings',
    command: 'translate',
    make: (d) => [put(d, 'crlf.fr.txt', 'Titre\r\n\r\nLe maire a parlé.\r\n')],
    code: 0,
    stderr: /^$/,
  },
  {
    name: 'lone CR line endings',
    command: 'translate',
    make: (d) => [put(d, 'cr.fr.txt', 'Titre\r\rLe maire a parlé.\r')],
    code: 0,
    stderr: /^$/,
  },
  {
    name: 'NUL byte on line 3',
    command: 'translate',
    make: (d) => [put(d, 'nul.txt', 'Un.\nDeux.\nTr\0ois.\n')],
    code: 2,
    stderr: /nul\.txt:3: NUL byte/,
  },
  {
    name: 'control character (BEL) on line 2',
    command: 'translate',
    make: (d) => [put(d, 'bel.txt', 'Un.\nDeux\u0007.\n')],
    code: 2,
    stderr: /bel\.txt:2: control character U\+0007 in text/,
  },
  {
    name: 'terminal escape sequence on line 3',
    command: 'translate',
    make: () => [fixture('escape-sequence.fr.txt')],
    code: 2,
    stderr: /escape-sequence\.fr\.txt:3: control character U\+001B in text/,
  },
  {
    name: 'DEL character after a CR line end',
    command: 'translate',
    make: (d) => [put(d, 'del.txt', 'Un.\rDeux.\rTrois\u007f.\r')],
    code: 2,
    stderr: /del\.txt:3: control character U\+007F in text/,
  },
  {
    name: '50 MB article (over the 32 MiB limit)',
    command: 'translate',
    make: (d) => {
      const path = join(d, 'fifty.fr.txt');
      repeatToSize(
        path,
        'Le gouvernement a annoncé de nouvelles mesures pour le secteur agricole.\n\n',
        50 * 1024 * 1024,
      );
      return [path];
    },
    code: 2,
    stderr: /fifty\.fr\.txt: file is 50\.0 MiB; inputs above 32 MiB are refused/,
  },
  {
    name: 'mixed scripts and emoji',
    command: 'translate',
    make: (d) => [
      put(d, 'mixed.fr.txt', 'Le président 習近平 a salué Москва et القاهرة 🎉👨‍👩‍👧 à Paris.\n'),
    ],
    code: 0,
    stderr: /^$/,
  },
  {
    name: 'text full of <, & and ]]>',
    command: 'translate',
    make: (d) => [
      put(d, 'markup.fr.txt', 'Si a < b && c > d alors ]]> <x id="1"/> &amp; &#0; <![CDATA[ x ]]> __E1__.\n'),
    ],
    code: 0,
    stderr: /^$/,
  },
  {
    name: 'glossary with an unknown extension',
    command: 'translate',
    make: (d) => [article(d), '--glossary', put(d, 'terms.xlsx', 'x')],
    code: 2,
    stderr: /terms\.xlsx: unknown glossary format "\.xlsx"/,
  },
];

/** Glossaries given to `versio translate --glossary`. */
const glossary: Case[] = [
  {
    name: 'missing glossary',
    command: 'translate',
    make: (d) => [article(d), '--glossary', join(d, 'none.yaml')],
    code: 2,
    stderr: /none\.yaml: cannot read glossary: no such file/,
  },
  {
    name: 'malformed JSON glossary',
    command: 'translate',
    make: (d) => [article(d), '--glossary', fixture('malformed.glossary.json')],
    code: 2,
    stderr: /malformed\.glossary\.json:5:80: invalid JSON: /,
  },
  {
    name: 'JSON glossary (accepted)',
    command: 'translate',
    make: (d) => [
      article(d),
      '--glossary',
      put(
        d,
        'g.json',
        JSON.stringify({
          sourceLang: 'fr',
          targetLang: 'en',
          entries: [{ id: 'lyon', type: 'place', french: ['Lyon'], english: 'Lyons' }],
        }),
      ),
    ],
    code: 0,
    stderr: /^$/,
  },
  {
    name: 'malformed YAML glossary',
    command: 'translate',
    make: (d) => [article(d), '--glossary', fixture('malformed.glossary.yaml')],
    code: 2,
    stderr: /malformed\.glossary\.yaml:\d+:\d+: invalid YAML/,
  },
  {
    name: 'malformed CSV glossary',
    command: 'translate',
    make: (d) => [article(d), '--glossary', fixture('malformed.glossary.csv')],
    code: 2,
    stderr: /malformed\.glossary\.csv:\d+: malformed CSV/,
  },
  {
    name: 'malformed TBX glossary',
    command: 'translate',
    make: (d) => [article(d), '--glossary', fixture('malformed.glossary.tbx')],
    code: 2,
    stderr: /malformed\.glossary\.tbx:5:\d+: malformed XML/,
  },
  {
    name: 'TBX with an external entity',
    command: 'translate',
    make: (d) => [article(d), '--glossary', join(badInput, '../glossary/bad-xxe.tbx')],
    code: 2,
    stderr: /bad-xxe\.tbx:\d+:\d+: .*DOCTYPE/,
  },
  {
    name: 'duplicate entry id',
    command: 'translate',
    make: (d) => [article(d), '--glossary', fixture('duplicate-id.glossary.yaml')],
    code: 2,
    stderr: /duplicate-id\.glossary\.yaml:8: entry "paris": duplicate id "paris"/,
  },
  {
    name: 'duplicate source term (CSV)',
    command: 'translate',
    make: (d) => [article(d), '--glossary', fixture('duplicate-term.glossary.csv')],
    code: 2,
    stderr: /duplicate-term\.glossary\.csv:3: duplicate source term "Paris" \(first at line 1\)/,
  },
  {
    name: 'empty source term (CSV)',
    command: 'translate',
    make: (d) => [article(d), '--glossary', fixture('empty-term.glossary.csv')],
    code: 2,
    stderr: /empty-term\.glossary\.csv:2: empty source term/,
  },
  {
    name: 'empty French form (YAML)',
    command: 'translate',
    make: (d) => [article(d), '--glossary', fixture('empty-term.glossary.yaml')],
    code: 2,
    stderr: /empty-term\.glossary\.yaml:6: entry "nothing": french\[0\] must not be empty/,
  },
  {
    name: 'a term that is only regex metacharacters',
    command: 'translate',
    make: (d) => [article(d), '--glossary', fixture('regex-only.glossary.yaml')],
    code: 2,
    stderr: /regex-only\.glossary\.yaml:6: entry "any": French form "\.\*" has no letter or digit to match/,
  },
  {
    name: 'TSV row with 3 columns',
    command: 'translate',
    make: (d) => [article(d), '--glossary', fixture('wrong-columns.glossary.tsv')],
    code: 2,
    stderr: /wrong-columns\.glossary\.tsv:2: expected 2 columns/,
  },
];

/** XLIFF given to `versio check` and `versio render`. */
const xliff: Case[] = (['check', 'render'] as const).flatMap((command): Case[] => {
  const extra = command === 'check' ? ['--no-glossary'] : ['--out', join(dir.path, `render-${command}`)];
  const args = (path: string) => [path, ...extra];
  return [
    {
      name: 'missing XLIFF',
      command,
      make: (d) => args(join(d, 'gone.xlf')),
      code: 2,
      stderr: /gone\.xlf: (cannot read: )?no such file/,
    },
    {
      name: 'malformed XML',
      command,
      make: () => args(fixture('malformed.xlf')),
      code: 2,
      stderr: /malformed\.xlf:\d+:\d+: malformed XML/,
    },
    {
      name: 'XLIFF 1.1',
      command,
      make: () => args(fixture('wrong-version.xlf')),
      code: 2,
      stderr: /wrong-version\.xlf:2:1: unsupported XLIFF \(version "1\.1"/,
    },
    {
      name: 'not XLIFF (HTML)',
      command,
      make: () => args(fixture('not-xliff.xlf')),
      code: 2,
      stderr: /not-xliff\.xlf:2:1: root element is <html>, not <xliff>/,
    },
    {
      name: 'entity-expansion bomb',
      command,
      make: () => args(fixture('entity-bomb.xlf')),
      code: 2,
      stderr: /entity-bomb\.xlf:\d+:\d+: a DOCTYPE is not allowed in XLIFF/,
    },
    {
      name: 'missing targets',
      command,
      make: () => args(fixture('missing-targets.xlf')),
      // check: a finding (exit 1) per unit; render: the source is rendered, with a warning per segment.
      code: command === 'check' ? 1 : 0,
      stderr:
        command === 'check' ? /^$/ : /^versio: warning: .*missing-targets\.xlf: segment p1\.s1 has no target/,
    },
    {
      name: 'unknown inline elements',
      command,
      make: () => args(fixture('unknown-inline.xlf')),
      code: 0,
      stderr: /^$/,
    },
  ];
});

const corpus = [...text, ...glossary, ...xliff];

describe(`bad-input corpus (${corpus.length} inputs)`, () => {
  it('has at least 40 inputs', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
  });

  it.each(corpus.map((c) => [`${c.command}: ${c.name}`, c] as const))('%s', async (_name, c) => {
    const caseDir = tempDir('versio-case-');
    try {
      const args = c.make(caseDir.path);
      const common =
        c.command === 'translate'
          ? [
              '--provider',
              'pseudo',
              '--out',
              join(caseDir.path, 'out'),
              '--memory',
              join(caseDir.path, 'tm.jsonl'),
              '--quiet',
            ]
          : [];
      if (c.command === 'translate' && !args.includes('--glossary')) common.push('--no-glossary');
      const result = await runMain([c.command, ...args, ...common], { cwd: caseDir.path });
      if (c.code === 0 || (c.code === 1 && c.command === 'check')) {
        expect(result.stderr, result.stderr).toMatch(c.stderr);
        expect(result.code, result.stderr).toBe(c.code);
      } else {
        expectRefusal(result, c.code, c.stderr);
      }
    } finally {
      caseDir.cleanup();
    }
  });
});
