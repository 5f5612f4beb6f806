/**
 * What `check`, `diff` and `render` say about XLIFF from other tools (tests/fixtures/xliff-world):
 * every injected inline-code break is found, and the wrong findings of issue 19 are gone
 * (swapped codes as "empty", a code-only target as a copy, comment marks as codes, term marks
 * without a glossary entry, ISBNs as numbers, French typography on non-English targets,
 * translate="no" units).
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain } from '../support/cli.js';

const CORPUS = new URL('../fixtures/xliff-world/', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'versio-xliff-findings-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface JsonFinding {
  check: string;
  severity: string;
  unit: string;
  message: string;
  place?: { file?: string; unit?: string; segment?: string };
}

async function findings(file: string): Promise<JsonFinding[]> {
  const { code, stdout } = await runMain(['check', '--no-glossary', '--format', 'json', join(CORPUS, file)], {
    cwd: work,
  });
  expect([0, 1]).toContain(code);
  return JSON.parse(stdout).findings;
}

describe('injected inline-code breaks', () => {
  it.each([
    ['dropped-12', 'placeholder', /<x id="INTERPOLATION_1"\/> of the source is missing from the target/],
    ['dropped-20', 'placeholder', /<ph id="0"\/> of the source is missing from the target/],
    ['added-12', 'placeholder', /<x id="EXTRA"\/> in the target is not in the source/],
    ['added-20', 'placeholder', /<ph id="added"\/> in the target is not in the source/],
    [
      'renamed-12',
      'placeholder',
      /<x id="INTERPOLATION"\/> of the source is renamed <x id="INTERPOLATION_9"\/>/,
    ],
    ['renamed-20', 'placeholder', /<ph id="0"\/> of the source is renamed <ph id="7"\/>/],
    [
      'duplicated-12',
      'placeholder',
      /<x id="INTERPOLATION"\/> appears once in the source, 2 times in the target/,
    ],
    ['duplicated-20', 'placeholder', /<ph id="0"\/> appears once in the source, 2 times in the target/],
    [
      'reordered-12',
      'code-order',
      /another order: source <x id="INTERPOLATION"\/> <x id="START_BOLD_TEXT"\/>/,
    ],
    [
      'reordered-20',
      'code-order',
      /another order: source <ph id="a"\/> <ph id="b"\/>, target <ph id="b"\/> <ph id="a"\/>/,
    ],
  ])('%s is found as %s', async (name, check, message) => {
    const found = await findings(`broken/${name}.xlf`);
    const hit = found.filter((f) => f.check === check && message.test(f.message));
    expect(hit).toHaveLength(1);
    // Reordering is a warning; the others fail the run.
    expect(hit[0]?.severity).toBe(check === 'code-order' ? 'warning' : 'error');
  });

  it('the unbroken originals have no placeholder finding', async () => {
    for (const file of ['written/angular-messages.xlf', 'written/angular-messages-2.0.xlf']) {
      expect((await findings(file)).filter((f) => f.check === 'placeholder')).toEqual([]);
    }
  });
});

describe('findings that were wrong', () => {
  it('swapped codes, a code-only target, comment and term marks, an ISBN: only the reorderings', async () => {
    const found = await findings('written/seg-source-1.2.xlf');
    expect(found.map((f) => [f.check, f.unit])).toEqual([
      ['code-order', 'tu2'],
      ['code-order', 'tu3'],
    ]);
  });

  it('reads <seg-source> as one segment per <mrk mtype="seg">, paired with the target by mid', async () => {
    const { stdout } = await runMain(
      [
        'diff',
        join(CORPUS, 'written/seg-source-1.2.xlf'),
        join(CORPUS, 'written/seg-source-1.2.xlf'),
        '--json',
      ],
      { cwd: work },
    );
    expect(JSON.parse(stdout).summary).toMatchObject({ segments: 8 });
  });

  it('translate="no" units and non-English typography give no finding', async () => {
    expect(await findings('written/arabic-rtl.xlf')).toEqual([]);
    expect(await findings('written/persian-1.2.xlf')).toEqual([]);
  });

  it('English targets still get the French-typography finding', async () => {
    const xml = readFileSync(join(CORPUS, 'written/persian-1.2.xlf'), 'utf8').replace(
      'target-language="fa-IR"',
      'target-language="en"',
    );
    writeFileSync(join(work, 'english.xlf'), xml);
    const { stdout } = await runMain(['check', '--no-glossary', '--format', 'json', 'english.xlf'], {
      cwd: work,
    });
    const leftovers = JSON.parse(stdout)
      .findings.filter((f: JsonFinding) => f.check === 'leftover')
      .map((f: JsonFinding) => f.message);
    expect(leftovers).toEqual([
      '1: French guillemet "«" in the target',
      '1: French guillemet "»" in the target',
      expect.stringMatching(/^1: space before ":" in the target/),
    ]);
  });

  it('names the unit’s place: the <file>, the unit id and the segment id', async () => {
    const found = await findings('oasis-22/everything-core.xlf');
    expect(found.find((f) => f.unit === 'tu3/1')?.place).toEqual({
      file: 'myfile',
      unit: 'tu3',
      segment: '1',
    });
    const multi = await findings('symfony/resources-multi-files.xlf');
    expect(multi.find((f) => f.unit === '2')?.place).toEqual({ file: 'otherfile.ext', unit: '2' });
  });
});

describe('multi-file documents', () => {
  it('diff finds a reviewer’s change in the third <file> of an Xcode export', async () => {
    const before = join(CORPUS, 'written/xcode-export.xliff');
    const after = join(work, 'xcode-reviewed.xliff');
    writeFileSync(
      after,
      readFileSync(before, 'utf8').replace('<target>Météo</target>', '<target>La Météo</target>'),
    );
    const { code, stdout } = await runMain(['diff', before, after, '--json'], { cwd: work });
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.changes).toEqual([
      expect.objectContaining({ id: 'CFBundleDisplayName', kind: 'changed', fields: ['target'] }),
    ]);
  });
});

describe('render of a foreign file', () => {
  it('shows codes as markers, builds safe names from a Windows original, and sets dir="rtl"', async () => {
    const out = mkdtempSync(join(work, 'rtl-'));
    const { code } = await runMain(['render', join(CORPUS, 'written/arabic-rtl.xlf'), '--out', out, '-q'], {
      cwd: work,
    });
    expect(code).toBe(0);
    const names = readdirSync(out).sort();
    expect(names).toContain('palmyre.htm.ar.txt');
    expect(names.every((n) => !/[\\:]/.test(n))).toBe(true);
    expect(readFileSync(join(out, 'palmyre.htm.ar.txt'), 'utf8')).toContain(
      'تُستأنف الزيارات⟦1⟧: الدخول مجاني.',
    );
    const html = readFileSync(join(out, 'palmyre.htm.review.html'), 'utf8');
    expect(html).toMatch(/<p class="text" lang="ar" dir="rtl">/);
    expect(html).not.toMatch(/<p class="text" lang="fr" dir="rtl">/);
  });

  it('keeps a "..\\" original inside the output directory', async () => {
    const out = mkdtempSync(join(work, 'dots-'));
    const { code } = await runMain(['render', join(CORPUS, 'written/persian-1.2.xlf'), '--out', out, '-q'], {
      cwd: work,
    });
    expect(code).toBe(0);
    expect(readdirSync(out)).toContain('notice.fa-IR.txt');
  });
});

describe('one unreadable file among others', () => {
  const inputs = ['broken/dropped-12.xlf', 'symfony/withdoctype.xlf', 'broken/added-20.xlf'];
  for (const name of inputs) copyFileSync(join(CORPUS, name), join(work, name.replace('/', '-')));
  const args = inputs.map((name) => name.replace('/', '-'));

  it.each(['text', 'json', 'junit', 'sarif', 'github'])(
    '%s: reports it and the others’ findings, exit 2',
    async (format) => {
      const { code, stdout, stderr } = await runMain(
        ['check', '--no-glossary', '--format', format, ...args],
        { cwd: work },
      );
      expect(code).toBe(2);
      expect(stderr).toMatch(/^versio: symfony-withdoctype\.xlf:2:14: a DOCTYPE is not allowed/m);
      expect(stdout).toContain('a DOCTYPE is not allowed');
      expect(stdout).toContain('INTERPOLATION_1');
      expect(stdout).toMatch(/ph id=\S{0,6}added/);
    },
  );
});
