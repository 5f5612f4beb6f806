/**
 * The OpenAI-compatible provider against a local server that speaks chat completions as
 * OpenAI, llama.cpp and vLLM do (tests/support/openai-server.js): answer formats and their
 * fallback, the answer check (ids, placeholders) with split-and-retry, errors and exit codes,
 * rate-limit headers, token usage.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ExitCode, RetryableError, type VersioError } from '../../src/errors.js';
import { createOpenaiProvider } from '../../src/providers/openai.js';
import type { Provider, ProviderOptions, SourceText } from '../../src/providers/provider.js';
import { type OpenaiServer, type OpenaiServerOptions, startOpenaiServer } from '../support/openai-server.js';

const KEY = 'sk-test-canary-0123456789';
let server: OpenaiServer | undefined;
let provider: Provider | undefined;

/** A hung answer is the only thing a test waits out: other requests get a generous timeout. */
async function start(
  serverOptions: OpenaiServerOptions = {},
  options: Partial<ProviderOptions> = {},
  timeoutMs = serverOptions.faults?.some((f) => f.kind === 'hang') ? 1000 : 30_000,
) {
  server = await startOpenaiServer(serverOptions);
  provider = await createOpenaiProvider(
    {
      sourceLang: 'fr',
      targetLang: 'en',
      model: 'test-model',
      env: { OPENAI_BASE_URL: server.url, OPENAI_API_KEY: KEY },
      ...options,
    },
    { timeoutMs },
  );
  return { server, provider };
}

afterEach(async () => {
  await provider?.close();
  await server?.close();
  server = undefined;
  provider = undefined;
});

const signal = () => new AbortController().signal;
const batch: SourceText[] = [
  { id: 'p1.s1', text: 'Le ministre __E1__ est arrivé à __E2__ mardi.' },
  { id: 'p1.s2', text: 'Il y a 400 soldats dans la ville.' },
  { id: 'p1.s3', text: '__E3__ a répondu le 17 mars.' },
];

describe('openai provider: answer formats', () => {
  it('asks for structured output (json_schema) where the server has it', async () => {
    const { server, provider } = await start();
    const result = await provider.translate(batch, signal());
    expect(result.problems).toBeUndefined();
    expect(result.texts[1]).toBe('EN-US: Il y a 400 soldats dans la ville.');
    expect(server.chats.map((c) => c.format)).toEqual(['json_schema']);
  });

  it.each([500, 400])(
    'falls back to json_object on a server that refuses json_schema with %i, once per run',
    async (status) => {
      const { server, provider } = await start({ jsonModes: ['json_object'], refusalStatus: status });
      await provider.translate(batch, signal());
      await provider.translate(batch.slice(0, 1), signal());
      expect(server.chats.map((c) => c.format)).toEqual(['json_schema', 'json_object', 'json_object']);
    },
  );

  it('falls back to a strict prompt and reads JSON out of a code fence on a server with no JSON mode', async () => {
    const { server, provider } = await start({ jsonModes: [] });
    const result = await provider.translate(batch, signal());
    expect(result.problems).toBeUndefined();
    expect(result.texts[2]).toBe('EN-US: __E3__ a répondu le 17 mars.');
    expect(server.chats.map((c) => c.format)).toEqual(['json_schema', 'json_object', 'text']);
  });
});

describe('openai provider: the answer is checked, split and asked again', () => {
  it.each(['drop-id', 'drop-placeholder', 'malformed', 'truncated'] as const)(
    'recovers from one %s answer: every segment right, no problem',
    async (kind) => {
      const { server, provider } = await start({ faults: [{ kind }] });
      const result = await provider.translate(batch, signal());
      expect(result.problems).toBeUndefined();
      batch.forEach((input, i) => {
        expect(result.texts[i]).toBe(`EN-US: ${input.text}`);
      });
      expect(server.chats.length).toBeGreaterThan(1);
    },
  );

  it('gives a segment that keeps losing its placeholder back with a problem, after retrying it alone', async () => {
    const { server, provider } = await start({ dropPlaceholderAlways: ['p1.s3'] });
    const result = await provider.translate(batch, signal());
    expect(result.problems?.[0]).toBeUndefined();
    expect(result.problems?.[1]).toBeUndefined();
    expect(result.problems?.[2]).toMatch(/placeholder __E3__ is missing/);
    const alone = server.chats.filter((c) => c.segments.length === 1 && c.segments[0]?.id === 'p1.s3');
    expect(alone).toHaveLength(1);
    expect(server.chats).toHaveLength(2);
  });

  it('sums the tokens of every attempt', async () => {
    const { server, provider } = await start({ faults: [{ kind: 'drop-id' }] });
    const result = await provider.translate(batch, signal());
    expect(server.chats.length).toBe(2);
    expect(result.usage?.promptTokens).toBeGreaterThan(0);
    expect(result.usage?.completionTokens).toBeGreaterThan(0);
    const single = await provider.translate(batch, signal());
    expect(result.usage?.promptTokens).toBeGreaterThan(single.usage?.promptTokens ?? Infinity);
  });
});

describe('openai provider: glossary and context in the prompt', () => {
  it('lists only the provider terms that occur in the batch, with forbidden variants', async () => {
    const { server, provider } = await start(
      {},
      {
        providerTerms: [
          { source: 'Kremlin', target: 'the Kremlin', forbidden: ['Kreml'] },
          { source: 'Damas', target: 'Damascus' },
        ],
      },
    );
    await provider.translate(
      [{ id: 'a', text: 'Le Kremlin a démenti.', context: 'Avant. Après.' }],
      signal(),
    );
    const chat = server.chats[0];
    expect(chat?.glossary).toEqual([{ french: 'Kremlin', english: 'the Kremlin', forbidden: ['Kreml'] }]);
    expect(chat?.context).toBe('Avant. Après.');
  });

  it('requires --model and changes its fingerprint with it', async () => {
    await expect(
      createOpenaiProvider({
        sourceLang: 'fr',
        targetLang: 'en',
        env: { OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' },
      }),
    ).rejects.toMatchObject({ exitCode: ExitCode.input, message: expect.stringMatching(/--model/) });
    const env = { OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' };
    const a = await createOpenaiProvider({ sourceLang: 'fr', targetLang: 'en', model: 'a', env });
    const b = await createOpenaiProvider({ sourceLang: 'fr', targetLang: 'en', model: 'b', env });
    expect(a.fingerprint).not.toBe(b.fingerprint);
  });
});

describe('openai provider: errors', () => {
  const failure = async (serverOptions: OpenaiServerOptions, env?: NodeJS.ProcessEnv) => {
    const { provider } = await start(
      serverOptions,
      env ? { env: { ...env, OPENAI_BASE_URL: server?.url ?? '' } } : {},
    );
    return provider.translate(batch, signal()).then(
      () => undefined,
      (error: unknown) => error as VersioError,
    );
  };

  it('a 429 is retryable with the server’s Retry-After', async () => {
    const error = await failure({ faults: [{ kind: '429', retryAfter: 2 }] });
    expect(error).toBeInstanceOf(RetryableError);
    expect((error as RetryableError).retryAfterMs).toBe(2000);
  });

  it.each(['500', '503', 'hang'] as const)('%s is retryable', async (kind) => {
    expect(await failure({ faults: [{ kind }] })).toBeInstanceOf(RetryableError);
  });

  it('an exhausted quota is exit 4', async () => {
    expect((await failure({ faults: [{ kind: 'quota' }] }))?.exitCode).toBe(ExitCode.quota);
  });

  it('a refused key is exit 3 and the key is in no message', async () => {
    const error = await failure({ apiKeys: ['another-key'] });
    expect(error?.exitCode).toBe(ExitCode.provider);
    expect(`${error?.message} ${error?.hint} ${String(error?.cause)}`).not.toContain(KEY);
  });

  it('an unreachable server is retryable (the queue decides when to give up)', async () => {
    const dead = await createOpenaiProvider(
      { sourceLang: 'fr', targetLang: 'en', model: 'm', env: { OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' } },
      { timeoutMs: 500 },
    );
    await expect(dead.translate(batch, signal())).rejects.toBeInstanceOf(RetryableError);
  });
});

describe('openai provider: x-ratelimit headers', () => {
  it('waits for the window to reset when the server says no request is left, instead of collecting 429s', async () => {
    const { server, provider } = await start({ rateLimit: { requests: 2, windowMs: 300 } });
    for (let i = 0; i < 6; i++) await provider.translate(batch.slice(1, 2), signal());
    expect(server.stats.statuses['429']).toBeUndefined();
    expect(server.stats.statuses['200']).toBe(6);
  });
});
