/**
 * Issue 12 points 1–3 and 5: a glossary term after a French-spaced number or punctuation mark is
 * marked exactly in the XLIFF, whatever the XLIFF version, engine or path that filled the target.
 * Real Apertium, real HTTP to the DeepL-compatible server, the CLI in-process.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMain, tempDir } from '../support/cli.js';
import { type DeeplServer, startDeeplServer } from '../support/deepl-server.js';
import { defined } from '../support/defined.js';

const KEY = 'versio-test-key:fx';
const ARTICLE = 'Economie\n\nLe FMI a relevé sa prévision à 3,2 %, contre 2,9 % en janvier, selon Reuters.\n';
const GLOSSARY = '"FMI","IMF"\n"Reuters","Reuters"\n';

/** The text of every term mark inside the XLIFF's targets (1.2 `mtype="term"`, 2.x `type="term"`). */
function targetMarks(xliff: string): string[] {
  const targets = [...xliff.matchAll(/<target[^>]*>([\s\S]*?)<\/target>/g)].map(([, text = '']) => text);
  return targets.flatMap((t) =>
    [...t.matchAll(/<mrk [^>]*type="term"[^>]*>([^<]*)<\/mrk>/g)].map(([, text = '']) => text),
  );
}

/** Dates are the one thing allowed to differ between two runs. */
function undated(xliff: string): string {
  return xliff.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z/g, 'DATE');
}

function project() {
  const dir = tempDir();
  writeFileSync(join(dir.path, 'b.fr.txt'), ARTICLE);
  writeFileSync(join(dir.path, 'g.csv'), GLOSSARY);
  return dir;
}

describe.each([
  ['apertium', 'xliff12', 'b.en.xlf'],
  ['apertium', 'xliff2', 'b.en.xlf'],
  ['deepl', 'xliff12', 'b.en.xlf'],
])('a term after French-spaced numbers (%s, %s)', (provider, format, xliffName) => {
  let dir: ReturnType<typeof project>;
  let server: DeeplServer | undefined;
  let first: Awaited<ReturnType<typeof runMain>>;
  let fresh: string;
  const translate = () =>
    runMain(
      ['translate', 'b.fr.txt', '--glossary', 'g.csv', '--provider', provider, '--format', format, '--quiet'],
      {
        cwd: dir.path,
        env: server ? { DEEPL_AUTH_KEY: KEY, DEEPL_SERVER_URL: server.url } : {},
      },
    );
  const xliffPath = () => join(dir.path, 'translations', xliffName);

  beforeAll(async () => {
    dir = project();
    if (provider === 'deepl') server = await startDeeplServer({ authKeys: [KEY] });
    first = await translate();
    fresh = readFileSync(xliffPath(), 'utf8');
  });
  afterAll(async () => {
    await server?.close();
    dir.cleanup();
  });

  it('exits 0 with nothing on stderr', () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
  });

  it('marks Reuters and IMF exactly in the target', () => {
    expect(targetMarks(fresh)).toEqual(['IMF', 'Reuters']);
    expect(fresh).toMatch(/3\.2%/);
  });

  it('gives the same XLIFF from the memory as from the engine', async () => {
    mkdirSync(join(dir.path, 'old'));
    renameSync(xliffPath(), join(dir.path, 'old', xliffName));
    const again = await translate();
    expect(again.code).toBe(0);
    const fromMemory = readFileSync(xliffPath(), 'utf8');
    expect(undated(fromMemory)).toBe(undated(fresh));
  });

  it('versio check finds a mark moved off its form (an XLIFF written with stale spans)', async () => {
    const xliff = readFileSync(xliffPath(), 'utf8');
    const mark = /(<mrk [^>]*>)Reuters<\/mrk>\./g;
    const last = defined([...xliff.matchAll(mark)].at(-1), 'a Reuters mark');
    const shifted = `${xliff.slice(0, last.index)}R${last[1]}euters.</mrk>${xliff.slice(last.index + last[0].length)}`;
    writeFileSync(join(dir.path, 'shifted.xlf'), shifted);
    const checked = await runMain(['check', 'shifted.xlf', '--glossary', 'g.csv'], { cwd: dir.path });
    expect(checked.code, checked.stderr).toBe(1);
    expect(checked.stdout).toContain(
      'term mark of entry reuters covers "euters.", not its English form "Reuters"',
    );
  });

  it('highlights exactly the same words on the review page, from translate and from render', async () => {
    const rendered = await runMain(
      ['render', xliffPath(), '--format', 'html', '--out', join(dir.path, 'page'), '--quiet'],
      {
        cwd: dir.path,
      },
    );
    expect(rendered.code, rendered.stderr).toBe(0);
    for (const page of [
      join(dir.path, 'translations', 'b.review.html'),
      join(dir.path, 'page', 'b.review.html'),
    ]) {
      const html = readFileSync(page, 'utf8');
      const target = [...html.matchAll(/<p class="text" lang="en">([\s\S]*?)<\/p>/g)]
        .map((m) => m[1])
        .join('\n');
      expect([...target.matchAll(/<mark [^>]*>([^<]*)<\/mark>/g)].map((m) => m[1])).toEqual([
        'IMF',
        'Reuters',
      ]);
    }
  });
});
