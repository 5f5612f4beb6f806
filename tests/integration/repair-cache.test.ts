/**
 * The unknown-word repair's look-up cache (src/providers/apertium/lookup-cache.ts) with real
 * Apertium: a run with every unknown word cached starts no repair chain and writes the same
 * English; a corrupt cache file, or one from other package versions, is not used. The chains'
 * processes are counted as in apertium-lifecycle.test.ts.
 */
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApertium } from '../../src/providers/apertium.js';
import { asSources, seedSentences } from '../support/apertium-article.js';
import { apertiumStages } from '../support/apertium-processes.js';

const temp = mkdtempSync(join(tmpdir(), 'versio-repair-cache-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

let dirs = 0;
const freshDir = () => join(temp, `cache-${++dirs}`);

/** The seed article through a new provider (one pipeline) and closed; its English and the stages it had running. */
async function translateSeed(cacheDir: string, env: NodeJS.ProcessEnv = process.env, repair = 'on') {
  const provider = await createApertium({
    sourceLang: 'fr',
    targetLang: 'en',
    jobs: 1,
    env: { ...env, VERSIO_CACHE_DIR: cacheDir, VERSIO_REPAIR: repair },
  });
  try {
    const { texts } = await provider.translate(asSources(seedSentences()), new AbortController().signal);
    return { texts, stages: apertiumStages().length, fingerprint: provider.fingerprint };
  } finally {
    await provider.close();
  }
}

/** Stages of the main pipeline alone (the repair off). */
let mainStages = 0;
beforeAll(async () => {
  mainStages = (await translateSeed(freshDir(), process.env, 'off')).stages;
  expect(mainStages).toBeGreaterThan(0);
});

describe('the repair look-up cache', () => {
  it('answers a second run alone: no repair chain starts, the English and the fingerprint are the same', async () => {
    const cacheDir = freshDir();
    const first = await translateSeed(cacheDir);
    expect(first.stages).toBeGreaterThan(mainStages); // the seed article has unknown words
    const chainFiles = readdirSync(cacheDir).filter((name) => /^repair-.*\.json$/.test(name));
    expect(chainFiles).toHaveLength(3);
    const second = await translateSeed(cacheDir);
    expect(second.stages).toBe(mainStages);
    expect(second.texts).toEqual(first.texts);
    expect(second.fingerprint).toBe(first.fingerprint);
  });

  it('never looks up a placeholder (Apertium marks it inside, `__*E1__`) and leaves it whole', async () => {
    const cacheDir = freshDir();
    const provider = await createApertium({
      sourceLang: 'fr',
      targetLang: 'en',
      jobs: 1,
      env: { ...process.env, VERSIO_CACHE_DIR: cacheDir },
    });
    let texts: string[];
    try {
      const sources = asSources(['Les combattants de __E1__ ont redéployé leurs forces vers __E23__.']);
      ({ texts } = await provider.translate(sources, new AbortController().signal));
    } finally {
      await provider.close();
    }
    expect(texts[0]).toContain('__E1__');
    expect(texts[0]).toContain('__E23__');
    expect(texts[0]).not.toContain('*');
    const chainFiles = readdirSync(cacheDir).filter((name) => /^repair-.*\.json$/.test(name));
    expect(chainFiles.length).toBeGreaterThan(0); // `redéployé` was looked up
    for (const name of chainFiles) expect(readFileSync(join(cacheDir, name), 'utf8')).not.toMatch(/"E\d+"/);
  });

  it('ignores a corrupt cache file: the chains start and answer as without a cache', async () => {
    const cacheDir = freshDir();
    const first = await translateSeed(cacheDir);
    for (const name of readdirSync(cacheDir)) writeFileSync(join(cacheDir, name), '{"identity": {"stag');
    const second = await translateSeed(cacheDir);
    expect(second.stages).toBeGreaterThan(mainStages);
    expect(second.texts).toEqual(first.texts);
  });

  it('does not use a cache filled on other package versions', async () => {
    // A dpkg-query that reports every package at another version: the chains' identity changes.
    const fake = join(temp, 'dpkg-query');
    writeFileSync(fake, '#!/bin/sh\nshift 3\nfor p; do printf "%s=0.0-other\\n" "$p"; done\n');
    chmodSync(fake, 0o755);
    const otherVersions = { ...process.env, PATH: `${temp}:${process.env.PATH}` };
    const cacheDir = freshDir();
    const filled = await translateSeed(cacheDir, otherVersions);
    expect(filled.stages).toBeGreaterThan(mainStages);
    expect((await translateSeed(cacheDir, otherVersions)).stages).toBe(mainStages);
    expect((await translateSeed(cacheDir)).stages).toBeGreaterThan(mainStages);
  });
});
