/**
 * The repair's look-up cache file (src/providers/apertium/lookup-cache.ts) on real files: what a
 * run learns is there for the next, two runs keep each other's words (saved one after the other
 * or at once), the oldest go past the
 * bound, and a file that is corrupt or from another chain identity is an empty cache.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheDirectory, LookupCache } from '../../src/providers/apertium/lookup-cache.js';

const temp = mkdtempSync(join(tmpdir(), 'versio-lookup-cache-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
let dirs = 0;
const freshDir = () => join(temp, `cache-${++dirs}`);

const chain = {
  stages: [['lt-proc', '-z', 'es-fr.automorf.bin']],
  versions: 'apertium=3.8.3,apertium-fr-es=0.9',
};

describe('LookupCache', () => {
  it('gives the next run the answers this one learnt, negative ones too', async () => {
    const dir = freshDir();
    const run = await LookupCache.open(dir, chain);
    expect(run.answers.size).toBe(0);
    run.set('combatientes', 'fighters');
    run.set('xyzzy', null);
    await run.save();
    const next = await LookupCache.open(dir, chain);
    expect([...next.answers]).toEqual([
      ['combatientes', 'fighters'],
      ['xyzzy', null],
    ]);
  });

  it('keeps the words of two runs that overlapped (each merges into the file as it is at save)', async () => {
    const dir = freshDir();
    const [a, b] = await Promise.all([LookupCache.open(dir, chain), LookupCache.open(dir, chain)]);
    a.set('uno', 'one');
    b.set('dos', 'two');
    await a.save();
    await b.save();
    expect([...(await LookupCache.open(dir, chain)).answers.keys()].sort()).toEqual(['dos', 'uno']);
  });

  it('keeps every word when runs save at the same moment (the merge is under the file lock)', async () => {
    const dir = freshDir();
    const runs = await Promise.all(Array.from({ length: 8 }, () => LookupCache.open(dir, chain)));
    runs.forEach((run, i) => {
      run.set(`palabra${i}`, `word${i}`);
    });
    await Promise.all(runs.map((run) => run.save()));
    const words = [...(await LookupCache.open(dir, chain)).answers.keys()].sort();
    expect(words).toEqual(runs.map((_, i) => `palabra${i}`).sort());
    // The lock is gone once the saves are done.
    expect(readdirSync(dir).filter((name) => name.endsWith('.lock'))).toEqual([]);
  });

  it('keeps the newest `max` entries, dropping the oldest learnt', async () => {
    const dir = freshDir();
    const first = await LookupCache.open(dir, chain, 3);
    for (const word of ['a', 'b', 'c']) first.set(word, word.toUpperCase());
    await first.save();
    const second = await LookupCache.open(dir, chain, 3);
    second.set('d', 'D');
    second.set('a', 'A'); // learnt again: now among the newest
    await second.save();
    expect([...(await LookupCache.open(dir, chain, 3)).answers.keys()]).toEqual(['c', 'd', 'a']);
  });

  it('is empty, and then rewritten, when the file is corrupt', async () => {
    const dir = freshDir();
    const run = await LookupCache.open(dir, chain);
    run.set('uno', 'one');
    await run.save();
    const [file = ''] = readdirSync(dir);
    writeFileSync(join(dir, file), '{"identity": {"stag');
    const next = await LookupCache.open(dir, chain);
    expect(next.answers.size).toBe(0);
    next.set('dos', 'two');
    await next.save();
    expect(JSON.parse(readFileSync(join(dir, file), 'utf8')).entries).toEqual([['dos', 'two']]);
  });

  it('is not shared between chain identities (another package version is another file)', async () => {
    const dir = freshDir();
    const run = await LookupCache.open(dir, chain);
    run.set('uno', 'one');
    await run.save();
    const upgraded = { ...chain, versions: 'apertium=3.8.3,apertium-fr-es=1.0' };
    expect((await LookupCache.open(dir, upgraded)).answers.size).toBe(0);
  });

  it('writes nothing when nothing was learnt', async () => {
    const dir = freshDir();
    await (await LookupCache.open(dir, chain)).save();
    expect(() => readdirSync(dir)).toThrow(/ENOENT/);
  });
});

describe('cacheDirectory', () => {
  it.each([
    ['VERSIO_CACHE_DIR first', { VERSIO_CACHE_DIR: '/tmp/v', XDG_CACHE_HOME: '/x' }, '/tmp/v'],
    ['then $XDG_CACHE_HOME/versio', { XDG_CACHE_HOME: '/x' }, '/x/versio'],
  ])('%s', (_name, env, expected) => {
    expect(cacheDirectory(env)).toBe(expected);
  });

  it('else ~/.cache/versio', () => {
    expect(cacheDirectory({})).toMatch(/\/\.cache\/versio$/);
  });
});
