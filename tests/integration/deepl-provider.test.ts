import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ExitCode, ProviderError } from '../../src/errors.js';
import { createDeepl, createDeeplProvider } from '../../src/providers/deepl.js';
import type { ProviderOptions, SourceText, TranslateResult } from '../../src/providers/provider.js';
import { translateAll } from '../../src/queue/index.js';
import { ARTICLE_FR, sourceTexts } from '../support/deepl-article.js';
import { untranslate } from '../support/deepl-mock-translate.js';
import { startDeeplServer } from '../support/deepl-server.js';
import { FAST, KEY, useDeeplServer } from '../support/deepl-setup.js';

const server = useDeeplServer();

function options(extra: Partial<ProviderOptions> = {}): ProviderOptions {
  return {
    sourceLang: 'fr',
    targetLang: 'en',
    env: { DEEPL_AUTH_KEY: KEY, DEEPL_SERVER_URL: server().url },
    overrides: FAST,
    ...extra,
  };
}

async function run(texts: readonly SourceText[], extra: Partial<ProviderOptions> = {}) {
  const provider = await createDeepl(options(extra));
  const delivered: { batch: readonly SourceText[]; result: TranslateResult }[] = [];
  await translateAll(provider, texts, {
    signal: new AbortController().signal,
    onBatch: (batch, result) => {
      delivered.push({ batch, result });
    },
  });
  await provider.close();
  return delivered;
}

describe('deepl provider against the DeepL-compatible server', () => {
  it('translates a 14-sentence article in one request, in order, reporting billed characters', async () => {
    const delivered = await run(sourceTexts(ARTICLE_FR));
    expect(server().stats().translations).toHaveLength(1);
    expect(delivered).toHaveLength(1);
    const result = delivered[0]?.result;
    expect(result?.texts.map(untranslate)).toEqual(ARTICLE_FR);
    expect(result?.billedCharacters).toBe(server().stats().billedCharacters);
  });

  it('sends the real client protocol: en → EN-US, source FR, billed characters asked, deepl-node User-Agent', async () => {
    await run(sourceTexts(ARTICLE_FR.slice(0, 2)));
    const [request] = server().stats().translations;
    expect(request).toMatchObject({ targetLang: 'en-US', sourceLang: 'fr', showBilledCharacters: true });
    expect(request?.userAgent).toMatch(/^deepl-node\/1\.28/);
  });

  it('passes en-GB and formality through', async () => {
    const delivered = await run(sourceTexts(ARTICLE_FR.slice(0, 1)), {
      targetLang: 'en-GB',
      formality: 'prefer_more',
    });
    expect(server().stats().translations[0]).toMatchObject({ targetLang: 'en-GB', formality: 'prefer_more' });
    expect(delivered[0]?.result.texts[0]).toMatch(/^EN-GB: /);
  });

  it('keeps XML placeholder tags, asking for tag_handling=xml and ignore_tags=x', async () => {
    const text = 'Le maire <x id="1"/> a rencontré <x id="2"/> à Lyon.';
    const delivered = await run([{ id: 'p1.s1', text }]);
    expect(server().stats().translations[0]).toMatchObject({ tagHandling: 'xml', ignoreTags: ['x'] });
    expect(untranslate(delivered[0]?.result.texts[0] ?? '')).toBe(text);
  });

  it("sends the segments' neighbouring sentences as DeepL context", async () => {
    await run(sourceTexts(ARTICLE_FR.slice(0, 3)));
    const context = server().stats().translations[0]?.context ?? '';
    for (const sentence of ARTICLE_FR.slice(0, 3)) expect(context).toContain(sentence);
  });

  it('returns empty targets for empty sources without sending them', async () => {
    const delivered = await run([
      { id: 'p1.s1', text: '' },
      { id: 'p1.s2', text: 'Bonjour.' },
    ]);
    expect(delivered[0]?.result.texts).toEqual(['', 'EN-US: Bonjour.']);
    expect(server().stats().translations[0]?.texts).toEqual(['Bonjour.']);
  });

  it('keeps a worst-case request (all non-ASCII, with context) under the 128 KiB body limit', async () => {
    const sentences = Array.from({ length: 60 }, (_, i) => `${i} ${'é'.repeat(400)}`);
    const delivered = await run(sourceTexts(sentences));
    expect(delivered.flatMap((d) => d.result.texts)).toHaveLength(60);
    // 16 KiB of text per request (20 sentences of 802 bytes), each with up to 24 KiB of context.
    expect(server().stats().statuses).toEqual({ '200': 3 });
    expect(
      Math.min(
        ...server()
          .stats()
          .translations.map((t) => (t.context ?? '').length),
      ),
    ).toBeGreaterThan(20 * 400);
    expect(server().stats().largestBodyBytes).toBeLessThanOrEqual(128 * 1024);
  });

  it('maps a rejected key to ProviderError exit 3 without ever showing the key', async () => {
    const canary = 'canary-9f2d7c41-secret:fx';
    const provider = await createDeeplProvider({
      ...options(),
      env: { DEEPL_AUTH_KEY: canary, DEEPL_SERVER_URL: server().url },
    });
    const error = await provider
      .translate(sourceTexts(['Bonjour.']), new AbortController().signal)
      .catch((e) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error.exitCode).toBe(ExitCode.provider);
    expect(error.message).toContain('DeepL rejected the API key (403)');
    expect(error.hint).toContain(':fx');
    const everything = `${error.message}\n${error.stack}\n${error.hint}\n${inspect(error, { depth: 10 })}`;
    expect(everything).not.toContain(canary);
    expect(server().stats().statuses['403']).toBe(1);
  });

  it('reports an unreachable server without the key, though the client error holds the request headers', async () => {
    const canary = 'canary-3b8e11aa-secret:fx';
    const closed = await startDeeplServer();
    await closed.close();
    const provider = await createDeepl({
      ...options(),
      env: { DEEPL_AUTH_KEY: canary, DEEPL_SERVER_URL: closed.url },
    });
    const error = await provider
      .translate(sourceTexts(['Bonjour.']), new AbortController().signal)
      .catch((e) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error.message).toContain('Cannot reach DeepL');
    expect(`${error.stack}\n${error.hint}\n${inspect(error, { depth: 10 })}`).not.toContain(canary);
  });

  it('fails with ProviderError exit 3 and a hint when DEEPL_AUTH_KEY is missing', async () => {
    const error = await createDeepl({ sourceLang: 'fr', targetLang: 'en', env: {} }).catch((e) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error.exitCode).toBe(ExitCode.provider);
    expect(error.hint).toContain('DEEPL_AUTH_KEY');
  });

  it('reports a rejected request (formality English does not support) as ProviderError exit 3', async () => {
    const provider = await createDeepl(options({ formality: 'more' }));
    const error = await provider
      .translate(sourceTexts(['Bonjour.']), new AbortController().signal)
      .catch((e) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error.exitCode).toBe(ExitCode.provider);
    expect(error.message).toContain('formality');
  });
});
