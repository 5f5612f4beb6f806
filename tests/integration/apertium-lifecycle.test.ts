/**
 * The Apertium provider's processes: warm pipelines in a pool, abort, a stage dying
 * mid-batch, and close() leaving no process behind. Real Apertium; the stages are
 * descendants of this test process (under one `sh` per pipeline), read from /proc.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { ProviderError } from '../../src/errors.js';
import { createApertium } from '../../src/providers/apertium.js';
import type { Provider } from '../../src/providers/provider.js';
import { asSources, seedSentences } from '../support/apertium-article.js';
import { apertiumStages, processExists, waitFor } from '../support/apertium-processes.js';

// The translation pool's own pipelines: the unknown-word repair and post-editing (each with
// pipelines of its own, started on demand: the repair's chains, the location analyser) are off here
// so the counts are the pool's.
const options = {
  sourceLang: 'fr',
  targetLang: 'en',
  env: { ...process.env, VERSIO_REPAIR: 'off', VERSIO_POSTEDIT: 'none' },
};
const signal = () => new AbortController().signal;
/** The article forty times over: a batch that takes the engine several seconds. */
const longBatch = () => asSources(Array.from({ length: 40 }, () => seedSentences()).flat(), 'long-');

let provider: Provider | undefined;
afterEach(async () => {
  await provider?.close();
  provider = undefined;
});

describe('warm pipelines', () => {
  it('start no process before the first call, then at most `jobs` pipelines for concurrent calls', async () => {
    expect(apertiumStages()).toEqual([]);
    provider = await createApertium({ ...options, jobs: 2 });
    expect(apertiumStages()).toEqual([]);
    await provider.translate(asSources(['La ville est libre.']), signal());
    const onePipeline = apertiumStages().length;
    expect(onePipeline).toBeGreaterThan(0);
    const batches = [0, 1, 2, 3].map((k) => asSources(seedSentences().slice(k * 3, k * 3 + 3), `b${k}-`));
    const results = await Promise.all(batches.map((batch) => provider?.translate(batch, signal())));
    expect(results.map((result) => result?.texts.length)).toEqual([3, 3, 3, 3]);
    expect(apertiumStages()).toHaveLength(2 * onePipeline);
  });

  it('run with malloc on transparent huge pages', async () => {
    const tunablesOf = (pid: number) =>
      readFileSync(`/proc/${pid}/environ`, 'utf8')
        .split('\0')
        .find((entry) => entry.startsWith('GLIBC_TUNABLES='));
    const withoutTunables: NodeJS.ProcessEnv = { ...options.env };
    delete withoutTunables.GLIBC_TUNABLES;
    provider = await createApertium({ ...options, jobs: 1, env: withoutTunables });
    await provider.translate(asSources(['La ville est libre.']), signal());
    const stages = apertiumStages();
    expect(stages.length).toBeGreaterThan(0);
    for (const stage of stages) expect(tunablesOf(stage.pid)).toBe('GLIBC_TUNABLES=glibc.malloc.hugetlb=1');
  });

  it('reuse the same processes from one call to the next', async () => {
    provider = await createApertium({ ...options, jobs: 1 });
    await provider.translate(asSources(['La ville est libre.']), signal());
    const first = apertiumStages().map((stage) => stage.pid);
    await provider.translate(asSources(['Les troupes sont parties.']), signal());
    expect(apertiumStages().map((stage) => stage.pid)).toEqual(first);
  });
});

describe('abort', () => {
  it('kills the in-flight processes and rejects with an AbortError; the next call gets a new pipeline', async () => {
    expect(apertiumStages()).toEqual([]);
    provider = await createApertium({ ...options, jobs: 1 });
    await provider.translate(asSources(['La ville est libre.']), signal());
    const stages = apertiumStages().map((stage) => stage.pid);
    const controller = new AbortController();
    const call = provider.translate(longBatch(), controller.signal);
    // Once the batch is written (after this turn of the event loop) it takes seconds to answer.
    await new Promise((resolve) => setImmediate(resolve));
    controller.abort();
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
    await waitFor(() => stages.every((pid) => !processExists(pid)), 'the aborted stages to exit');
    expect(apertiumStages()).toEqual([]);
    const { texts } = await provider.translate(asSources(['La ville est libre.']), signal());
    expect(texts).toHaveLength(1);
  });
});

describe('a stage that dies mid-batch', () => {
  it('fails the call with a ProviderError naming the segments; the pool replaces the pipeline', async () => {
    provider = await createApertium({ ...options, jobs: 1 });
    await provider.translate(asSources(['La ville est libre.']), signal());
    const tagger = apertiumStages().find((stage) => stage.command === 'apertium-tagger');
    expect(tagger).toBeDefined();
    const call = provider.translate(longBatch(), signal());
    process.kill(tagger?.pid ?? 0, 'SIGKILL');
    const error = await call.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).exitCode).toBe(3);
    expect((error as Error).message).toContain('long-1,');
    expect((error as Error).message).toMatch(/apertium-tagger was killed \(SIGKILL\)/);
    const { texts } = await provider.translate(asSources(['Les troupes sont parties.']), signal());
    expect(texts).toHaveLength(1);
    expect(texts[0]).not.toBe('');
  });
});

describe('close()', () => {
  it('ends every process and leaves no zombie', async () => {
    const before = new Set(apertiumStages().map((stage) => stage.pid));
    provider = await createApertium({ ...options, jobs: 2 });
    const batches = [0, 1].map((k) => asSources(seedSentences().slice(k * 7, k * 7 + 7), `c${k}-`));
    await Promise.all(batches.map((batch) => provider?.translate(batch, signal())));
    const started = apertiumStages().filter((stage) => !before.has(stage.pid));
    expect(started.length).toBeGreaterThan(0);
    await provider.close();
    provider = undefined;
    // kill(pid, 0) succeeds on a zombie: failing means exited *and* reaped.
    expect(started.filter((stage) => processExists(stage.pid))).toEqual([]);
  });
});

describe('the location analyser (post-editing, family places)', () => {
  it('starts with a batch whose French has a bare « à » before a name, answers from then on, and close() ends it', async () => {
    provider = await createApertium({
      ...options,
      jobs: 1,
      env: { ...options.env, VERSIO_POSTEDIT: 'places' },
    });
    await provider.translate(asSources(['La ville est libre.']), signal());
    const analysers = () =>
      apertiumStages().filter((stage) =>
        readFileSync(`/proc/${stage.pid}/cmdline`, 'utf8').includes('eng-spa.automorf.bin'),
      );
    expect(analysers()).toEqual([]);
    const { texts } = await provider.translate(asSources(['Il vit à Houston.']), signal());
    expect(texts[0]).toMatch(/\bin Houston\b/);
    // Started by that batch, but not waited for when the pivot already wrote "in" (no word to
    // look up): its shell may not have exec'd lt-proc yet when the call returns.
    await waitFor(() => analysers().length > 0, 'the location analyser to start');
    const [analyser] = analysers();
    expect(analyser).toBeDefined();
    await provider.translate(asSources(['Elle travaille à Boston.']), signal());
    expect(analysers().map((stage) => stage.pid)).toEqual([analyser?.pid]);
    await provider.close();
    provider = undefined;
    expect(processExists(analyser?.pid ?? 0)).toBe(false);
  });
});

describe('the unknown-word repair', () => {
  it('with an empty cache, starts its chains with the first batch, one without unknown words too, and close() ends them', async () => {
    provider = await createApertium({ ...options, jobs: 1 });
    await provider.translate(asSources(['La ville est libre.']), signal());
    const onePipeline = apertiumStages().length;
    await provider.close();
    // The repair's pipelines (es→fr, fr→eo→en, fr→ca→en; npm run seed installs them) start beside the
    // main one, so they load while it translates (tests/integration/repair-cache.test.ts: with a cache).
    const cacheDir = mkdtempSync(join(tmpdir(), 'versio-repair-cache-'));
    onTestFinished(() => rmSync(cacheDir, { recursive: true, force: true }));
    const env = { ...process.env, VERSIO_CACHE_DIR: cacheDir };
    provider = await createApertium({ sourceLang: 'fr', targetLang: 'en', jobs: 1, env });
    await provider.translate(asSources(['La ville est libre.']), signal());
    await waitFor(() => apertiumStages().length > onePipeline, 'the repair chains to start');
    const started = apertiumStages().map((stage) => stage.pid);
    await provider.close();
    provider = undefined;
    expect(started.filter((pid) => processExists(pid))).toEqual([]);
  });
});
