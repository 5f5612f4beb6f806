/**
 * Inputs that are valid but odd (BOM, CRLF, lone CR, a 5 MB line, hostile glossaries) are accepted
 * and kept exact; hostile XML (external entities) leaks nothing; a 100 MB XLIFF is checked, not crashed on.
 */
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadGlossary } from '../../src/glossary/load.js';
import { buildMatcher } from '../../src/glossary/match.js';
import { runBin, runMain, tempDir } from '../support/cli.js';
import { defined } from '../support/defined.js';
import { expectRefusal, filesUnder, put } from './support.js';

const dir = tempDir('versio-odd-');
afterAll(() => dir.cleanup());

async function translate(input: string, extra: string[] = []) {
  const out = join(dir.path, `out-${Math.random().toString(36).slice(2)}`);
  const result = await runMain(
    [
      'translate',
      input,
      '--provider',
      'pseudo',
      '--no-glossary',
      '--out',
      out,
      '--memory',
      join(out, 'tm.jsonl'),
      '--quiet',
      ...extra,
    ],
    { cwd: dir.path },
  );
  return { ...result, out };
}

const breaks = (text: string) => text.match(/\r\n|\r|\n/g) ?? [];
const blankLines = (text: string) => text.split(/\r\n|\r|\n/).map((line) => line.trim() === '');
/** Leading whitespace of every line: indentation is layout too. */
const indents = (text: string) => text.split(/\r\n|\r|\n/).map((line) => /^\s*/.exec(line)?.[0]);

describe('odd but valid text keeps its exact layout in the rendered .txt', () => {
  const cases: [name: string, bytes: Buffer, bom: boolean][] = [
    ['UTF-8 with BOM', Buffer.from('\uFEFFTitre\n\nLe maire a parlé. Il a conclu.\nFin.\n'), true],
    ['CRLF', Buffer.from('Titre\r\n\r\nLe maire a parlé. Il a conclu.\r\nFin.\r\n\r\n'), false],
    ['lone CR', Buffer.from('Titre\r\rLe maire a parlé. Il a conclu.\rFin.\r'), false],
    ['mixed CRLF and LF', Buffer.from('Titre\r\n\nLe maire a parlé.\r\nFin.\n'), false],
    [
      'UTF-16LE with BOM and CRLF',
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from('Titre\r\n\r\nLe maire a parlé.\r\n', 'utf16le'),
      ]),
      true,
    ],
    ['no final line break', Buffer.from('Titre\n\nLe maire a parlé.'), false],
    [
      'leading blank lines and trailing spaces',
      Buffer.from('\n\n  Titre  \n\nLe maire a parlé.   \n\n\n'),
      false,
    ],
    ['indented paragraphs', Buffer.from('Titre\n\n    Le maire a parlé.\n\tIl a conclu.\n\n  Fin.\n'), false],
  ];
  it.each(cases)('%s', async (name, bytes, bom) => {
    const input = put(dir.path, `${name.replace(/\W+/g, '-')}.fr.txt`, bytes);
    const { code, stderr, out } = await translate(input);
    expect(code, stderr).toBe(0);
    const source = new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-8').decode(bytes);
    const written = readFileSync(join(out, `${name.replace(/\W+/g, '-')}.en.txt`));
    const hasBom = written[0] === 0xef && written[1] === 0xbb && written[2] === 0xbf;
    expect(hasBom).toBe(bom);
    const text = written.toString('utf8').replace(/^\uFEFF/, '');
    expect(breaks(text)).toEqual(breaks(source));
    expect(blankLines(text)).toEqual(blankLines(source));
    expect(indents(text)).toEqual(indents(source));
    // Every non-blank line was translated (pseudo marks each segment with ⟦…⟧).
    for (const line of text.split(/\r\n|\r|\n/).filter((l) => l.trim() !== '')) expect(line).toMatch(/⟦.*⟧/);
  });
});

describe('large but valid text', () => {
  it('translates a 5 MB single line (2,500 long sentences) and keeps it one line', async () => {
    const sentence = `${'Le conseil municipal a débattu, article par article, des crédits de la rentrée, '.repeat(24).trim()}.`;
    const line = Array.from(
      { length: Math.ceil((5 * 1024 * 1024) / (Buffer.byteLength(sentence) + 1)) },
      () => sentence,
    ).join(' ');
    expect(Buffer.byteLength(line)).toBeGreaterThanOrEqual(5 * 1024 * 1024);
    const input = put(dir.path, 'one-line.fr.txt', `${line}\n`);
    const { code, stderr, out } = await translate(input);
    expect(code, stderr).toBe(0);
    const text = readFileSync(join(out, 'one-line.en.txt'), 'utf8');
    expect(breaks(text)).toEqual(['\n']);
    expect(text.match(/⟦/g)).toHaveLength(line.split('. ').length);
  });
});

describe('XML external entities leak nothing', () => {
  const canary = `CANARY-${process.pid}-e1d9b2`;
  const secret = put(dir.path, 'secret.txt', `${canary}\n`);
  const head12 =
    '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a.fr.txt" source-language="fr" target-language="en" datatype="plaintext"><body>';
  const variants: [string, string][] = [
    [
      'general entity, XLIFF 1.2',
      `<?xml version="1.0"?>\n<!DOCTYPE xliff [<!ENTITY s SYSTEM "file://${secret}">]>\n${head12}<trans-unit id="p1.s1"><source>a &s;</source><target>&s;</target></trans-unit></body></file></xliff>\n`,
    ],
    [
      'parameter entity',
      `<?xml version="1.0"?>\n<!DOCTYPE xliff [<!ENTITY % p SYSTEM "file://${secret}"> %p;]>\n${head12}<trans-unit id="p1.s1"><source>a</source><target>b</target></trans-unit></body></file></xliff>\n`,
    ],
    [
      'general entity, XLIFF 2.0',
      `<?xml version="1.0"?>\n<!DOCTYPE xliff [<!ENTITY s SYSTEM "${secret}">]>\n<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="fr" trgLang="en"><file id="f"><unit id="u1"><segment><source>&s;</source><target>&s;</target></segment></unit></file></xliff>\n`,
    ],
  ];

  it.each(variants)(
    '%s: check, render and translate refuse it without reading the file',
    async (name, xml) => {
      const xlf = put(dir.path, `xxe-${name.replace(/\W+/g, '-')}.xlf`, xml);
      const out = join(dir.path, `xxe-out-${name.replace(/\W+/g, '-')}`);
      const runs = [
        await runMain(['check', xlf, '--no-glossary', '--format', 'json'], { cwd: dir.path }),
        await runMain(
          ['check', xlf, '--no-glossary', '--format', 'sarif', '--output', join(out, 'report.sarif')],
          { cwd: dir.path },
        ),
        await runMain(['render', xlf, '--out', out], { cwd: dir.path }),
      ];
      for (const result of runs) {
        expectRefusal(result, 2, /a DOCTYPE is not allowed in XLIFF/);
        expect(result.stdout + result.stderr).not.toContain(canary);
      }
      // An earlier translation that was replaced by a hostile file is not read either, and not overwritten.
      const article = put(dir.path, 'a.fr.txt', 'Le maire a parlé.\n');
      writeFileSync(join(dir.path, 'a.en.xlf'), xml);
      const rerun = await runMain(
        [
          'translate',
          article,
          '--provider',
          'pseudo',
          '--no-glossary',
          '--out',
          dir.path,
          '--memory',
          join(out, 'tm.jsonl'),
        ],
        { cwd: dir.path },
      );
      expectRefusal(
        rerun,
        2,
        /a\.en\.xlf:\d+:\d+: a DOCTYPE is not allowed in XLIFF .*\(existing translation, not overwritten\)/,
      );
      expect(readFileSync(join(dir.path, 'a.en.xlf'), 'utf8')).toBe(xml);
      for (const file of filesUnder(dir.path).filter((f) => !f.startsWith('secret'))) {
        expect(readFileSync(join(dir.path, file), 'utf8'), file).not.toContain(canary);
      }
    },
  );

  it('a TBX glossary with an external entity is refused without reading the file', async () => {
    const tbx = put(
      dir.path,
      'xxe.tbx',
      `<?xml version="1.0"?>\n<!DOCTYPE tbx [<!ENTITY s SYSTEM "file://${secret}">]>\n<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dct"><text><body><conceptEntry id="c"><langSec xml:lang="fr"><termSec><term>&s;</term></termSec></langSec><langSec xml:lang="en"><termSec><term>x</term></termSec></langSec></conceptEntry></body></text></tbx>\n`,
    );
    const result = await runMain(['glossary', 'list', tbx], { cwd: dir.path });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^versio: .*xxe\.tbx/);
    expect(result.stdout + result.stderr).not.toContain(canary);
  });
});

describe('a 100 MB XLIFF file', () => {
  it('`versio check` processes it; `versio render` refuses it with the size limit', async () => {
    const path = join(dir.path, 'huge.xlf');
    const units = await writeHugeXliff(path, 100 * 1024 * 1024);
    const check = await runBin(['check', path, '--no-glossary', '--format', 'json'], { cwd: dir.path });
    expect(check.code, check.stderr).toBe(0);
    const report = JSON.parse(check.stdout) as { summary: { units: number; errors: number } };
    expect(report.summary).toMatchObject({ units, errors: 0 });
    const render = await runMain(['render', path, '--out', join(dir.path, 'huge-out')], { cwd: dir.path });
    expectRefusal(render, 2, /huge\.xlf: file is 100\.0 MiB; inputs above 32 MiB are refused/);
  }, 180_000);
});

/** Streams an XLIFF 1.2 file of at least `bytes` bytes; returns the number of units. */
function writeHugeXliff(path: string, bytes: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(path);
    out.on('error', reject);
    out.write(
      '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n<file original="huge.fr.txt" source-language="fr" target-language="en" datatype="plaintext"><body>\n',
    );
    let n = 0;
    let size = 0;
    const more = () => {
      let ok = true;
      while (size < bytes && ok) {
        n += 1;
        const unit = `<trans-unit id="u${n}"><source>Le gouvernement a annoncé ${n} mesures pour le secteur agricole.</source><target state="translated">The government announced ${n} measures for the farming sector.</target></trans-unit>\n`;
        size += Buffer.byteLength(unit);
        ok = out.write(unit);
      }
      if (size < bytes) out.once('drain', more);
      else out.end('</body></file></xliff>\n', () => resolve(n));
    };
    more();
  });
}

describe('glossary terms match literally', () => {
  it('regex metacharacters in terms are plain text: C++, (EI), a|b, [x], \\d+, ^$', async () => {
    const path = put(
      dir.path,
      'meta.glossary.yaml',
      `sourceLang: fr
targetLang: en
entries:
  - { id: cpp, type: other, french: ["C++"], english: C++ }
  - { id: ei, type: organisation, french: ["(EI)"], english: (IS) }
  - { id: aorb, type: other, french: ["a|b"], english: a-or-b }
  - { id: bracket, type: other, french: ["[x] Y"], english: "[x] Y" }
  - { id: digits, type: other, french: ["\\\\d+ Z"], english: digits Z }
  - { id: anchors, type: other, french: ["^W$"], english: W }
`,
    );
    const matcher = buildMatcher(await loadGlossary(path));
    const found = (text: string) => matcher.find(text).map((s) => [s.entryId, text.slice(s.start, s.end)]);
    expect(found('Il code en C++ et en (EI) ou a|b, [x] Y, \\d+ Z, ^W$.')).toEqual([
      ['cpp', 'C++'],
      ['ei', '(EI)'],
      ['aorb', 'a|b'],
      ['bracket', '[x] Y'],
      ['digits', '\\d+ Z'],
      ['anchors', '^W$'],
    ]);
    // What the same strings would match as regular expressions must not match.
    expect(found('Il code en C, en Cx, en CCC, en EI, a ou b, x Y, 42 Z, W.')).toEqual([]);
  });

  it('a 100,000-entry glossary finds exactly the terms in the text', async () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => `Terme${i} numéro ${i},Term${i}`);
    const path = put(dir.path, 'huge.glossary.csv', `${rows.join('\n')}\n`);
    const glossary = await loadGlossary(path);
    expect(glossary.entries).toHaveLength(100_000);
    const matcher = buildMatcher(glossary);
    const text =
      'Le Terme0 numéro 0, puis Terme54321 numéro 54321 et Terme99999 numéro 99999, mais pas Terme7 numéro 8 ni Terme100000 numéro 100000.';
    expect(matcher.find(text).map((s) => s.target)).toEqual(['Term0', 'Term54321', 'Term99999']);
    // A pathological form (the same token many times) against a text of that token: still exact.
    const repeated = buildMatcher({
      ...glossary,
      entries: [
        {
          ...defined(glossary.entries[0], 'an entry'),
          id: 'rep',
          french: [`${'a '.repeat(200)}b`],
          english: 'B',
        },
      ],
    });
    expect(repeated.find('a '.repeat(5000))).toEqual([]);
    expect(repeated.find(`${'a '.repeat(5000)}b`).map((s) => s.target)).toEqual(['B']);
  }, 120_000);
});
