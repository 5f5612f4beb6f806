/**
 * A full disk and a read-only output directory, on real file systems (a small tmpfs, remounted
 * read-only or larger; the tests run as root, where chmod would not stop a write): one clear line,
 * exit 2, every file whole (old or new, never a mix), no temp file left, and a rerun after the fix
 * finishes from the memory.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runMain, tempDir } from '../support/cli.js';
import { expectRefusal, expectSameTranslation, filesUnder, put, snapshot } from './support.js';

let dir: ReturnType<typeof tempDir>;
let mnt: string;
let mounted = false;

beforeEach(() => {
  dir = tempDir('versio-disk-');
  mnt = join(dir.path, 'mnt');
  mkdirSync(mnt);
});
afterEach(() => {
  if (mounted) execFileSync('umount', [mnt]);
  mounted = false;
  dir.cleanup();
});

function mount(options: string): void {
  execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', mnt]);
  mounted = true;
}
const remount = (options: string) => execFileSync('mount', ['-o', `remount,${options}`, mnt]);

const small = 'Titre\n\nLe maire a parlé mardi.\n';
/** About 120 kB of French: its outputs (XLIFF, review page, article…) need well over 256 kB. */
const large = `Titre\n\n${Array.from({ length: 1200 }, (_, i) => `Le conseil a examiné le dossier numéro ${i} mardi soir.`).join('\n')}\n`;

function translate(input: string, out: string, memory: string) {
  return runMain(
    ['translate', input, '--provider', 'pseudo', '--no-glossary', '--out', out, '--memory', memory, '--json'],
    {
      cwd: dir.path,
    },
  );
}

/** The output directory of an undisturbed run of `text`, for comparison. */
async function referenceFor(text: string, name: string): Promise<string> {
  const refDir = join(dir.path, `ref-${name}`);
  mkdirSync(refDir);
  const input = put(refDir, 'article.fr.txt', text);
  const result = await translate(input, join(refDir, 'out'), join(refDir, 'tm.jsonl'));
  expect(result.code, result.stderr).toBe(0);
  return join(refDir, 'out');
}

describe('disk full', () => {
  it('writing the outputs: exit 2, each file old or new, no temp file; a rerun with room finishes', async () => {
    mount('size=256k');
    const out = join(mnt, 'out');
    const memory = join(dir.path, 'tm.jsonl');
    const input = put(dir.path, 'article.fr.txt', small);
    expect((await translate(input, out, memory)).code).toBe(0);
    const old = snapshot(out);
    const reference = await referenceFor(large, 'large');
    const fresh = snapshot(reference);

    put(dir.path, 'article.fr.txt', large);
    const full = await translate(input, out, memory);
    expectRefusal(full, 2, /^versio: cannot write .*mnt\/out\/.+: disk full$/m);
    expect(filesUnder(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    for (const [f, content] of snapshot(out)) expect([old.get(f), fresh.get(f)], f).toContain(content);

    remount('size=16m');
    const rerun = await translate(input, out, memory);
    expect(rerun.code, rerun.stderr).toBe(0);
    // Every segment was stored before the outputs failed: the rerun sends nothing to the engine.
    const summary = JSON.parse(rerun.stdout) as { documents: { translated: number; fromMemory: number }[] };
    expect(summary.documents[0]?.translated).toBe(0);
    expect(summary.documents[0]?.fromMemory).toBe(1200);
    expectSameTranslation(out, reference);
  });

  it('appending to the memory: exit 2 naming the memory; a rerun with room finishes', async () => {
    mount('size=64k');
    const memory = join(mnt, 'tm.jsonl');
    const out = join(dir.path, 'out');
    const input = put(dir.path, 'article.fr.txt', large);
    const full = await translate(input, out, memory);
    expectRefusal(full, 2, /^versio: cannot append to the translation memory .*mnt\/tm\.jsonl: disk full$/m);
    expect(filesUnder(out)).toEqual([]);

    remount('size=16m');
    const rerun = await translate(input, out, memory);
    expect(rerun.code, rerun.stderr).toBe(0);
    expectSameTranslation(out, await referenceFor(large, 'memory'));
  });
});

describe('read-only output directory', () => {
  it('exit 2 naming the file; the previous outputs are untouched', async () => {
    mount('size=1m');
    const out = join(mnt, 'out');
    const input = put(dir.path, 'article.fr.txt', small);
    expect((await translate(input, out, join(dir.path, 'tm.jsonl'))).code).toBe(0);
    const old = snapshot(out);
    remount('ro');
    put(dir.path, 'article.fr.txt', `${small}Une phrase de plus.\n`);
    const result = await translate(input, out, join(dir.path, 'tm.jsonl'));
    expectRefusal(
      result,
      2,
      /^versio: cannot write .*mnt\/out\/article\.en\.xlf: directory is read-only \/ not writable$/m,
    );
    expect(snapshot(out)).toEqual(old);
    expect(readFileSync(join(out, 'article.en.txt'), 'utf8')).not.toContain('phrase');
  });
});
