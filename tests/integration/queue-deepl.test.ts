import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ExitCode, ProviderError, QuotaError } from '../../src/errors.js';
import { createDeeplProvider } from '../../src/providers/deepl.js';
import type { Provider, RetryPolicy, SourceText, TranslateResult } from '../../src/providers/provider.js';
import { type QueueEvent, Scheduler, translateAll } from '../../src/queue/index.js';
import { ARTICLE_FR, sourceTexts } from '../support/deepl-article.js';
import { untranslate } from '../support/deepl-mock-translate.js';
import { FAST, KEY, useDeeplServer } from '../support/deepl-setup.js';

const server = useDeeplServer();

/** A provider whose requests open a deepl-mock session configured by `faults` (header suffix → value). */
async function providerWithSession(faults: Record<string, number> = {}, timeoutMs?: number) {
  const session = randomUUID();
  const headers: Record<string, string> = { 'mock-server-session': session };
  for (const [name, value] of Object.entries(faults)) headers[`mock-server-session-${name}`] = String(value);
  const provider = await createDeeplProvider(
    {
      sourceLang: 'fr',
      targetLang: 'en',
      env: { DEEPL_AUTH_KEY: KEY, DEEPL_SERVER_URL: server().url },
      overrides: { ...FAST, retry: { ...FAST.retry, ...(timeoutMs === undefined ? {} : { timeoutMs }) } },
    },
    { headers },
  );
  return { provider, session };
}

async function run(
  provider: Provider,
  texts: readonly SourceText[],
  queue: { concurrency?: number; retry?: Partial<RetryPolicy> } = {},
) {
  const delivered: { batch: readonly SourceText[]; result: TranslateResult }[] = [];
  const events: QueueEvent[] = [];
  const scheduler = new Scheduler({
    pacing: { ...provider.pacing, ...(queue.concurrency ? { concurrency: queue.concurrency } : {}) },
    retry: { ...provider.retry, ...queue.retry },
  });
  const error = await translateAll(provider, texts, {
    scheduler,
    signal: new AbortController().signal,
    onBatch: (batch, result) => {
      delivered.push({ batch, result });
    },
    onEvent: (e) => events.push(e),
  }).then(
    () => undefined,
    (e: unknown) => e,
  );
  return { delivered, events, error, retries: events.filter((e) => e.type === 'batch-retry') };
}

describe('queue + deepl provider against injected faults', () => {
  it('retries 3 × 429 and then succeeds', async () => {
    const { provider, session } = await providerWithSession({ '429-count': 3 });
    const { delivered, retries, error } = await run(provider, sourceTexts(ARTICLE_FR));
    expect(error).toBeUndefined();
    expect(retries.map((e) => e.type === 'batch-retry' && e.reason)).toEqual(['429', '429', '429']);
    expect(server().stats().sessions[session]?.statuses).toEqual({ '429': 3, '200': 1 });
    expect(delivered[0]?.result.texts.map(untranslate)).toEqual(ARTICLE_FR);
  });

  it("waits for the server's Retry-After instead of its own backoff", async () => {
    const { provider } = await providerWithSession({ '429-count': 1, '429-retry-after': 1 });
    const { retries, error } = await run(provider, sourceTexts(ARTICLE_FR.slice(0, 2)));
    expect(error).toBeUndefined();
    expect(retries).toEqual([
      { type: 'batch-retry', ids: ['p1.s1', 'p1.s2'], attempt: 1, delayMs: 1000, reason: '429' },
    ]);
  });

  it('retries 2 × 503 and then succeeds', async () => {
    const { provider, session } = await providerWithSession({ '5xx-count': 2 });
    const { delivered, retries, error } = await run(provider, sourceTexts(ARTICLE_FR));
    expect(error).toBeUndefined();
    expect(retries.map((e) => e.type === 'batch-retry' && e.reason)).toEqual(['503', '503']);
    expect(server().stats().sessions[session]?.statuses).toEqual({ '503': 2, '200': 1 });
    expect(delivered).toHaveLength(1);
  });

  it('retries a dropped connection and then succeeds', async () => {
    const { provider, session } = await providerWithSession({ 'no-response-count': 1 });
    const { delivered, retries, error } = await run(provider, sourceTexts(ARTICLE_FR));
    expect(error).toBeUndefined();
    expect(retries).toHaveLength(1);
    expect(server().stats().sessions[session]?.statuses).toEqual({ dropped: 1, '200': 1 });
    expect(delivered).toHaveLength(1);
  });

  it('times out a request the server never answers and retries it', async () => {
    const { provider, session } = await providerWithSession({ 'hang-count': 1 }, 300);
    const { delivered, retries, error } = await run(provider, sourceTexts(ARTICLE_FR));
    expect(error).toBeUndefined();
    expect(retries.map((e) => e.type === 'batch-retry' && e.reason)).toEqual(['ECONNABORTED']);
    expect(server().stats().sessions[session]?.statuses).toEqual({ hung: 1, '200': 1 });
    expect(delivered).toHaveLength(1);
  });

  it('gives up after maxAttempts with RetriesExhaustedError (a ProviderError, exit 3) naming the segments', async () => {
    const { provider, session } = await providerWithSession({ '5xx-count': 10 });
    const { delivered, error } = await run(provider, sourceTexts(ARTICLE_FR.slice(0, 2)), {
      retry: { maxAttempts: 3 },
    });
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).exitCode).toBe(ExitCode.provider);
    expect((error as Error).message).toContain('p1.s1…p1.s2');
    expect(server().stats().sessions[session]?.statuses).toEqual({ '503': 3 });
    expect(delivered).toHaveLength(0);
  });

  it('stops at the quota (456) with QuotaError, keeping the batches finished before it and sending none after', async () => {
    // 12 batches of 10 texts; the quota covers exactly the first 6.
    const texts = sourceTexts(
      Array.from({ length: 120 }, (_, i) => `Phrase numéro ${String(i).padStart(3, '0')}.`),
    );
    const perBatch = texts.slice(0, 10).reduce((n, t) => n + [...t.text].length, 0);
    const { provider, session } = await providerWithSession({ 'init-character-limit': perBatch * 6 });
    const tenPerBatch = { ...provider, limits: { ...provider.limits, maxBatch: 10 } };
    const { delivered, error } = await run(tenPerBatch, texts);
    expect(error).toBeInstanceOf(QuotaError);
    expect((error as QuotaError).exitCode).toBe(ExitCode.quota);
    expect(delivered).toHaveLength(6);
    expect(delivered.flatMap((d) => d.batch.map((t) => t.id))).toEqual(texts.slice(0, 60).map((t) => t.id));
    expect(server().stats().sessions[session]?.statuses).toEqual({ '200': 6, '456': 1 });
  });

  it('splits 120 texts into 3 requests of at most 50', async () => {
    const texts = sourceTexts(Array.from({ length: 120 }, (_, i) => `Phrase ${i}.`));
    const { provider } = await providerWithSession();
    const { delivered, error } = await run(provider, texts, { concurrency: 2 });
    expect(error).toBeUndefined();
    const sizes = server()
      .stats()
      .translations.map((t) => t.texts.length);
    expect(sizes).toHaveLength(3);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(50);
    expect(
      delivered
        .flatMap((d) => d.result.texts)
        .map(untranslate)
        .sort(),
    ).toEqual(texts.map((t) => t.text).sort());
  });
});
