import { describe, expect, it } from 'vitest';
import { ProviderError, QuotaError, RetriesExhaustedError, RetryableError } from '../../src/errors.js';
import { parseRetryAfter } from '../../src/providers/http/retry-after.js';
import type {
  Pacing,
  Provider,
  RetryPolicy,
  SourceText,
  TranslateResult,
} from '../../src/providers/provider.js';
import { fullJitter } from '../../src/queue/backoff.js';
import { makeBatches, type QueueEvent, Scheduler, translateAll } from '../../src/queue/index.js';

const texts = (n: number, text = 'abc'): SourceText[] =>
  Array.from({ length: n }, (_, i) => ({ id: `s${i + 1}`, text }));
const FAST: { pacing: Pacing; retry: RetryPolicy } = {
  pacing: { concurrency: 1, rate: Number.POSITIVE_INFINITY, windowMs: 1000 },
  retry: {
    budgetMs: 60_000,
    maxRetryAfterMs: 1000,
    maxAttempts: 3,
    baseDelayMs: 1,
    maxDelayMs: 2,
    timeoutMs: 1000,
  },
};

/**
 * A provider built from data: `script[i]` says what the i-th request does (`ok`, or an error
 * to throw); requests beyond the script succeed. Targets are the sources upper-cased.
 */
function scripted(script: (Error | 'ok')[], options: { maxBatch?: number; gate?: Promise<void> } = {}) {
  const requests: string[][] = [];
  const provider: Provider = {
    name: 'scripted',
    limits: { maxBatch: options.maxBatch ?? 2, maxBatchBytes: 1000 },
    ...FAST,
    placeholderStyle: 'token',
    fingerprint: 'scripted',
    supportsGlossary: false,
    async translate(batch) {
      const step = script[requests.length] ?? 'ok';
      requests.push(batch.map((t) => t.id));
      await options.gate;
      if (step !== 'ok') throw step;
      return { texts: batch.map((t) => t.text.toUpperCase()) };
    },
    async close() {},
  };
  return { provider, requests };
}

async function run(
  provider: Provider,
  input: SourceText[],
  extra: { concurrency?: number; retry?: Partial<RetryPolicy>; signal?: AbortSignal } = {},
) {
  const delivered: string[][] = [];
  const events: QueueEvent[] = [];
  const scheduler = new Scheduler({
    pacing: { ...provider.pacing, ...(extra.concurrency ? { concurrency: extra.concurrency } : {}) },
    retry: { ...provider.retry, ...extra.retry },
  });
  const error = await translateAll(provider, input, {
    scheduler,
    signal: extra.signal ?? new AbortController().signal,
    onBatch: (batch: readonly SourceText[], _result: TranslateResult) => {
      delivered.push(batch.map((t) => t.id));
    },
    onEvent: (e) => events.push(e),
  }).then(
    () => undefined,
    (e: unknown) => e,
  );
  return { delivered, events, error };
}

const retryable = (reason = '503', retryAfterMs?: number) =>
  new RetryableError(`server said ${reason}`, {
    reason,
    rateLimited: reason === '429',
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });

describe('makeBatches', () => {
  const cases: {
    rule: string;
    input: SourceText[];
    limits: { maxBatch: number; maxBatchBytes: number };
    sizes: number[];
  }[] = [
    { rule: 'no texts, no batches', input: [], limits: { maxBatch: 50, maxBatchBytes: 100 }, sizes: [] },
    {
      rule: 'maxBatch caps the count',
      input: texts(120),
      limits: { maxBatch: 50, maxBatchBytes: 1e6 },
      sizes: [50, 50, 20],
    },
    {
      rule: 'maxBatchBytes caps the bytes',
      input: texts(5, 'abcd'),
      limits: { maxBatch: 50, maxBatchBytes: 8 },
      sizes: [2, 2, 1],
    },
    {
      rule: 'bytes are UTF-8, not UTF-16 units',
      input: texts(4, 'éé'),
      limits: { maxBatch: 50, maxBatchBytes: 8 },
      sizes: [2, 2],
    },
    {
      rule: 'an oversized text travels alone',
      input: texts(3, 'x'.repeat(20)),
      limits: { maxBatch: 50, maxBatchBytes: 8 },
      sizes: [1, 1, 1],
    },
  ];
  for (const { rule, input, limits, sizes } of cases) {
    it(rule, () => {
      const batches = makeBatches(input, limits);
      expect(batches.map((b) => b.length)).toEqual(sizes);
      expect(batches.flat()).toEqual(input);
    });
  }
});

describe('retry delays', () => {
  it('draws full jitter below an exponential, capped ceiling', () => {
    const options = { baseDelayMs: 100, maxDelayMs: 1000 };
    expect([1, 2, 3, 4, 5].map((n) => fullJitter(n, options, () => 1))).toEqual([100, 200, 400, 800, 1000]);
    expect(fullJitter(3, options, () => 0)).toBe(0);
  });
  it('parses Retry-After seconds and HTTP-dates', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(
      parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT')),
    ).toBe(10_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });
  it("caps a server's Retry-After at the policy's maxRetryAfterMs", () => {
    const scheduler = new Scheduler(FAST);
    expect(scheduler.rateLimited(retryable('429', 86_400_000))).toBe(FAST.retry.maxRetryAfterMs);
  });
});

describe('translateAll', () => {
  it('delivers every batch once, in order when one request runs at a time', async () => {
    const { provider } = scripted([]);
    const { delivered, events, error } = await run(provider, texts(5));
    expect(error).toBeUndefined();
    expect(delivered).toEqual([['s1', 's2'], ['s3', 's4'], ['s5']]);
    expect(events.filter((e) => e.type === 'batch-done')).toHaveLength(3);
  });

  it('retries a retryable failure and reports the attempt, delay and reason', async () => {
    const { provider, requests } = scripted([retryable('429', 3)]);
    const { delivered, events, error } = await run(provider, texts(2));
    expect(error).toBeUndefined();
    expect(requests).toHaveLength(2);
    expect(events[0]).toEqual({
      type: 'batch-retry',
      ids: ['s1', 's2'],
      attempt: 1,
      delayMs: 3,
      reason: '429',
    });
    expect(delivered).toHaveLength(1);
  });

  it('turns the last retryable failure into a RetriesExhaustedError (exit 3) after maxAttempts', async () => {
    const { provider, requests } = scripted([retryable(), retryable(), retryable()]);
    const { error, delivered } = await run(provider, texts(1));
    expect(error).toBeInstanceOf(RetriesExhaustedError);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).not.toBeInstanceOf(RetryableError);
    expect(requests).toHaveLength(3);
    expect(delivered).toHaveLength(0);
  });

  it('stops scheduling at a fatal error, keeping earlier batches and sending no later request', async () => {
    const quota = new QuotaError('quota');
    const { provider, requests } = scripted(['ok', 'ok', quota]);
    const { error, delivered } = await run(provider, texts(10));
    expect(error).toBe(quota);
    expect(delivered).toEqual([
      ['s1', 's2'],
      ['s3', 's4'],
    ]);
    expect(requests).toHaveLength(3);
  });

  it('lets in-flight batches finish and be delivered before throwing the fatal error', async () => {
    let open: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const fatal = new ProviderError('bad key');
    const { provider } = scripted(['ok', fatal], { gate });
    setTimeout(open, 20);
    const { error, delivered } = await run(provider, texts(8), { concurrency: 2 });
    expect(error).toBe(fatal);
    expect(delivered).toEqual([['s1', 's2']]);
  });

  it('aborts with the signal reason after in-flight batches settle', async () => {
    const controller = new AbortController();
    let open: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const { provider, requests } = scripted([], { gate });
    setTimeout(() => {
      controller.abort();
      open();
    }, 20);
    const { error, delivered } = await run(provider, texts(10), { signal: controller.signal });
    expect((error as Error).name).toBe('AbortError');
    expect(requests).toEqual([['s1', 's2']]);
    expect(delivered).toEqual([['s1', 's2']]);
  });

  it('retries 429s past maxAttempts while within the time budget', async () => {
    const { provider, requests } = scripted(Array.from({ length: 6 }, () => retryable('429', 1)));
    const { error, delivered } = await run(provider, texts(1));
    expect(error).toBeUndefined();
    expect(requests).toHaveLength(7);
    expect(delivered).toEqual([['s1']]);
  });

  it('a batch past its 429 budget fails the document after its other batches are delivered', async () => {
    // Batch s1–s2 always meets 429s; s3–s4 and s5 succeed.
    const limited = retryable('429', 20);
    const provider: Provider = {
      ...scripted([]).provider,
      async translate(batch) {
        if (batch[0]?.id === 's1') throw limited;
        return { texts: batch.map((t) => t.text) };
      },
    };
    const { error, delivered } = await run(provider, texts(5), { retry: { budgetMs: 30 } });
    expect(error).toBeInstanceOf(RetriesExhaustedError);
    expect((error as Error).message).toContain('s1…s2');
    expect(delivered.sort()).toEqual([['s3', 's4'], ['s5']]);
  });

  it('fails when the provider returns the wrong number of targets', async () => {
    const provider: Provider = { ...scripted([]).provider, translate: async () => ({ texts: ['one'] }) };
    const { error } = await run(provider, texts(2));
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as Error).message).toContain('1 translations for 2 texts');
  });
});

describe("the run's scheduler", () => {
  /** A provider that records how many requests it serves at once. */
  function counting() {
    let inFlight = 0;
    let most = 0;
    const provider: Provider = {
      ...scripted([]).provider,
      pacing: { concurrency: 2, rate: Number.POSITIVE_INFINITY, windowMs: 1000 },
      async translate(batch) {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((r) => setTimeout(r, 5));
        inFlight -= 1;
        return { texts: batch.map((t) => t.text) };
      },
    };
    return { provider, most: () => most };
  }
  const translateFourDocuments = (provider: Provider, scheduler?: Scheduler) =>
    Promise.all(
      ['a', 'b', 'c', 'd'].map(() =>
        translateAll(provider, texts(6), {
          signal: new AbortController().signal,
          onBatch: () => undefined,
          ...(scheduler ? { scheduler } : {}),
        }),
      ),
    );

  it('holds its concurrency across documents translated at once', async () => {
    const engine = counting();
    await translateFourDocuments(engine.provider, new Scheduler(engine.provider));
    expect(engine.most()).toBe(2);
  });
  it("a provider's pause (its server's window spent) holds the lane's next request until it passes", async () => {
    const starts: number[] = [];
    const provider: Provider = {
      ...scripted([]).provider,
      async translate(batch, _signal, hooks) {
        starts.push(Date.now());
        if (starts.length === 1) hooks?.pause?.(200);
        return { texts: batch.map((t) => t.text) };
      },
    };
    await translateAll(provider, texts(4), {
      scheduler: new Scheduler(provider),
      signal: new AbortController().signal,
      onBatch: () => undefined,
    });
    expect(starts).toHaveLength(2);
    // Timers never fire early (a millisecond of rounding aside): the second waited the pause out.
    expect((starts[1] ?? 0) - (starts[0] ?? 0)).toBeGreaterThanOrEqual(199);
  });
  it('without it, each document paces only itself', async () => {
    const engine = counting();
    await translateFourDocuments(engine.provider);
    expect(engine.most()).toBeGreaterThan(2);
  });
});
