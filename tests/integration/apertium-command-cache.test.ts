/**
 * The installation look-ups (`apertium-wblank-mode -z`, `dpkg-query`) are remembered across runs
 * while the files they read are unchanged, and run again as soon as one changes.
 */
import {
  chmod,
  copyFile,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  symlink,
  utimes,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommandCache } from '../../src/providers/apertium/command-cache.js';
import { createApertium } from '../../src/providers/apertium.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'versio-commands-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('CommandCache', () => {
  it('answers from memory while the files are unchanged, runs again when one changes, and keeps it on disk', async () => {
    const cacheDir = path.join(dir, 'unit');
    const input = path.join(dir, 'input.txt');
    await writeFile(input, 'one');
    let runs = 0;
    const run = async () => `${++runs}:${await readFile(input, 'utf8')}`;
    const cache = await CommandCache.open(cacheDir);
    expect(await cache.output(['cat', input], [input], run)).toBe('1:one');
    expect(await cache.output(['cat', input], [input], run)).toBe('1:one');
    await cache.save();

    const reopened = await CommandCache.open(cacheDir);
    expect(await reopened.output(['cat', input], [input], run)).toBe('1:one');
    expect(runs).toBe(1);

    await writeFile(input, 'two');
    expect(await reopened.output(['cat', input], [input], run)).toBe('2:two');
    // Same content and size, another modification time: run again.
    await utimes(input, new Date(), new Date(Date.now() + 60_000));
    expect(await reopened.output(['cat', input], [input], run)).toBe('3:two');
  });

  it('does not remember a failure, and reads a corrupt file as empty', async () => {
    const cacheDir = path.join(dir, 'corrupt');
    await mkdir(cacheDir, { recursive: true });
    await writeFile(path.join(cacheDir, 'apertium-commands.json'), '{"not": "entries"');
    const cache = await CommandCache.open(cacheDir);
    await expect(cache.output(['x'], [], () => Promise.reject(new Error('tool failed')))).rejects.toThrow(
      'tool failed',
    );
    expect(await cache.output(['x'], [], async () => 'now it works')).toBe('now it works');
  });
});

describe('the Apertium provider', () => {
  let bin: string;
  let data: string;
  let log: string;
  const env = (cacheDir: string) => ({
    ...process.env,
    VERSIO_APERTIUM_BIN: bin,
    APERTIUM_DATADIR: data,
    VERSIO_CACHE_DIR: cacheDir,
  });

  beforeAll(async () => {
    // The real wrapper and tools, beside an apertium-wblank-mode that logs each call; the real
    // mode files, copied so that one can be changed.
    const binDir = path.join(dir, 'bin');
    await mkdir(binDir, { recursive: true });
    bin = path.join(binDir, 'apertium');
    await symlink('/usr/bin/apertium', bin);
    log = path.join(dir, 'wblank.log');
    const tool = path.join(binDir, 'apertium-wblank-mode');
    await writeFile(tool, `#!/bin/sh\necho "$2" >> '${log}'\nexec /usr/bin/apertium-wblank-mode "$@"\n`);
    await chmod(tool, 0o755);
    data = path.join(dir, 'data');
    await mkdir(path.join(data, 'modes'), { recursive: true });
    for (const file of await readdir('/usr/share/apertium/modes'))
      if (file.endsWith('.mode'))
        await copyFile(path.join('/usr/share/apertium/modes', file), path.join(data, 'modes', file));
  });

  const calls = async () => (await readFile(log, 'utf8').catch(() => '')).split('\n').filter(Boolean);

  it('reads each mode once per installation, and again only the mode file that changed', async () => {
    const cacheDir = path.join(dir, 'provider');
    const first = await createApertium({ sourceLang: 'fr', targetLang: 'en', env: env(cacheDir) });
    await first.close();
    const afterFirst = await calls();
    expect(afterFirst.map((file) => path.basename(file))).toContain('fr-es.mode');

    const second = await createApertium({ sourceLang: 'fr', targetLang: 'en', env: env(cacheDir) });
    await second.close();
    expect(await calls()).toEqual(afterFirst);
    expect(second.fingerprint).toBe(first.fingerprint);

    const changed = path.join(data, 'modes', 'fr-es.mode');
    await utimes(changed, new Date(), new Date(Date.now() + 60_000));
    const third = await createApertium({ sourceLang: 'fr', targetLang: 'en', env: env(cacheDir) });
    await third.close();
    expect((await calls()).slice(afterFirst.length)).toEqual([changed]);
    expect(third.fingerprint).toBe(first.fingerprint);
  });
});
