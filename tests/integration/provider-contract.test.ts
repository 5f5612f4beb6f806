/**
 * The provider contract: every engine, same inputs, same guarantees — one result per
 * input, in order; placeholders back exactly once; empty batch, empty result; abort
 * rejects with an AbortError; concurrent calls do not mix their results.
 * Engines run for real (Apertium processes; DeepL against the local server).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApertium } from '../../src/providers/apertium.js';
import { createDeepl } from '../../src/providers/deepl.js';
import { createLibretranslate } from '../../src/providers/libretranslate.js';
import { createOpenai } from '../../src/providers/openai.js';
import type { Provider, ProviderOptions } from '../../src/providers/provider.js';
import { createPseudo } from '../../src/providers/pseudo.js';
import { concurrentBatches, contractBatch, occurrences } from '../support/contract-inputs.js';
import { type DeeplServer, startDeeplServer } from '../support/deepl-server.js';
import { type LibretranslateServer, startLibretranslateServer } from '../support/libretranslate-server.js';
import { type OpenaiServer, startOpenaiServer } from '../support/openai-server.js';

const options: ProviderOptions = { sourceLang: 'fr', targetLang: 'en', jobs: 2 };

interface Engine {
  name: string;
  start: () => Promise<Provider>;
  stop?: () => Promise<void>;
}

let deepl: DeeplServer | undefined;
let openai: OpenaiServer | undefined;
let libretranslate: LibretranslateServer | undefined;

const engines: Engine[] = [
  { name: 'pseudo', start: () => createPseudo(options) },
  { name: 'apertium', start: () => createApertium(options) },
  {
    name: 'deepl',
    start: async () => {
      deepl = await startDeeplServer({ authKeys: ['contract-key:fx'] });
      return createDeepl({
        ...options,
        env: { DEEPL_AUTH_KEY: 'contract-key:fx', DEEPL_SERVER_URL: deepl.url },
      });
    },
    stop: () => deepl?.close() ?? Promise.resolve(),
  },
  {
    name: 'openai',
    start: async () => {
      openai = await startOpenaiServer({ apiKeys: ['contract-key'] });
      return createOpenai({
        ...options,
        model: 'test-model',
        env: { OPENAI_API_KEY: 'contract-key', OPENAI_BASE_URL: openai.url },
      });
    },
    stop: () => openai?.close() ?? Promise.resolve(),
  },
  {
    name: 'libretranslate',
    start: async () => {
      libretranslate = await startLibretranslateServer({ apiKeys: ['contract-key'], batchLimit: 3 });
      return createLibretranslate({
        ...options,
        env: { LIBRETRANSLATE_URL: libretranslate.url, LIBRETRANSLATE_API_KEY: 'contract-key' },
      });
    },
    stop: () => libretranslate?.close() ?? Promise.resolve(),
  },
];

describe.each(engines)('provider contract: $name', (engine) => {
  let provider: Provider;

  beforeAll(async () => {
    provider = await engine.start();
  });
  afterAll(async () => {
    await provider?.close();
    await engine.stop?.();
  });

  it('describes itself', () => {
    expect(provider.name).toBe(engine.name);
    expect(provider.fingerprint).not.toBe('');
    expect(provider.limits.maxBatch).toBeGreaterThan(0);
    expect(provider.limits.maxBatchBytes).toBeGreaterThan(0);
  });

  it('returns one non-empty result per input, in order', async () => {
    const batch = contractBatch(provider.placeholderStyle);
    const { texts } = await provider.translate(batch, new AbortController().signal);
    expect(texts).toHaveLength(batch.length);
    batch.forEach((input, i) => {
      expect(texts[i], `result ${i} answers ${input.id}`).toContain(input.number);
    });
  });

  it('gives every placeholder back exactly once', async () => {
    const batch = contractBatch(provider.placeholderStyle);
    const { texts } = await provider.translate(batch, new AbortController().signal);
    batch.forEach((input, i) => {
      for (const mark of input.placeholders) {
        expect(occurrences(texts[i] ?? '', mark), `${mark} in ${input.id}: ${texts[i]}`).toBe(1);
      }
    });
  });

  it('answers an empty batch with an empty result', async () => {
    const { texts } = await provider.translate([], new AbortController().signal);
    expect(texts).toEqual([]);
  });

  it('answers an empty text with an empty text, and keeps long and non-Latin texts whole', async () => {
    const long = `${'Les négociations se poursuivent à Genève, selon les diplomates. '.repeat(40)}Bilan : 731 morts.`;
    const batch = [
      { id: 'e1', text: '' },
      { id: 'e2', text: long },
      { id: 'e3', text: 'Le slogan « 東京 » 🚀 a été repris 58 fois.' },
    ];
    const { texts } = await provider.translate(batch, new AbortController().signal);
    expect(texts).toHaveLength(3);
    expect(texts[0]).toBe('');
    expect(texts[1]).toContain('731');
    expect(texts[1]?.length).toBeGreaterThan(long.length / 2);
    expect(texts[2]).toContain('58');
    expect(texts[2]).toContain('🚀');
  });

  it('rejects with an AbortError when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const call = provider.translate(contractBatch(provider.placeholderStyle), controller.signal);
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('keeps concurrent calls apart', async () => {
    const batches = concurrentBatches(provider.placeholderStyle, 4);
    const results = await Promise.all(
      batches.map((batch) => provider.translate(batch, new AbortController().signal)),
    );
    const allNumbers = batches.flat().map((input) => input.number);
    batches.forEach((batch, k) => {
      const texts = results[k]?.texts ?? [];
      expect(texts).toHaveLength(batch.length);
      batch.forEach((input, i) => {
        const found = allNumbers.filter((number) => texts[i]?.includes(number));
        expect(found, `${input.id}: ${texts[i]}`).toEqual([input.number]);
        for (const mark of input.placeholders) expect(occurrences(texts[i] ?? '', mark)).toBe(1);
      });
    });
  });
});
