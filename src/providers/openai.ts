/**
 * Chat models behind the OpenAI chat-completions protocol, through the official `openai` SDK:
 * OpenAI itself, Mistral, Groq, and local servers (Ollama, llama.cpp's llama-server, vLLM).
 * One request carries a batch of segments with their ids; the answer is JSON (structured output
 * where the server has it, then `json_object`, then a strict prompt — detected once per run) and
 * is checked: every id once, every placeholder once. A batch that fails the check is split and
 * asked again; a segment that still fails comes back with a problem, so it is marked
 * needs-review and never stored in the memory. Retries belong to our queue (`maxRetries: 0`).
 */
import { InputError, ProviderError } from '../errors.js';
import { exhaustedFor } from './http/rate-limit-headers.js';
import { readAnswer, type SegmentAnswer } from './openai/answer.js';
import { isFormatRefusal, openaiError } from './openai/errors.js';
import { ANSWER_SCHEMA, type PromptTerm, promptFingerprint, promptMessages } from './openai/prompt.js';
import {
  HTTP_ENGINE_RETRY,
  type Pacing,
  type Provider,
  type ProviderFactory,
  type ProviderOptions,
  type RetryPolicy,
  type SourceText,
  type TokenUsage,
  type TranslateHooks,
  withOverrides,
} from './provider.js';

/**
 * Hosted endpoints publish per-account limits and say them in x-ratelimit headers; local servers
 * serve one or two requests at once. A modest default, and a long timeout: a local model on a
 * CPU may take minutes over 20 segments.
 */
const OPENAI_DEFAULTS: { pacing: Pacing; retry: RetryPolicy } = {
  pacing: { concurrency: 2, rate: 60, windowMs: 60_000 },
  retry: { ...HTTP_ENGINE_RETRY, timeoutMs: 180_000 },
};
const DEFAULT_BASE_URL = 'https://api.openai.com/v1';

/** Structured output first; servers without it fall back, once per run. */
type AnswerFormat = 'json_schema' | 'json_object' | 'prompt';
const FORMATS: readonly AnswerFormat[] = ['json_schema', 'json_object', 'prompt'];

export interface OpenaiInternals {
  timeoutMs?: number;
}

export const createOpenai: ProviderFactory = (options) => createOpenaiProvider(options);

export async function createOpenaiProvider(
  options: ProviderOptions,
  internals: OpenaiInternals = {},
): Promise<Provider> {
  const env = options.env ?? process.env;
  const model = options.model?.trim() ?? '';
  if (model === '') {
    throw new InputError('--model is required with --provider openai', {
      hint: 'Name the model the server serves, e.g. --model gpt-4o-mini, or --model llama3.1:8b for Ollama.',
    });
  }
  const baseURL = env.OPENAI_BASE_URL?.trim() || DEFAULT_BASE_URL;
  const key = env.OPENAI_API_KEY?.trim() ?? '';
  if (key === '' && baseURL === DEFAULT_BASE_URL) {
    throw new ProviderError('OPENAI_API_KEY is not set', {
      hint: 'Set OPENAI_API_KEY, or OPENAI_BASE_URL to a local server (Ollama, llama.cpp, vLLM) that needs no key.',
    });
  }
  const { pacing, retry } = withOverrides(OPENAI_DEFAULTS, options.overrides);
  const sdk = await import('openai');
  const client = new sdk.OpenAI({
    // Local servers need no key; the SDK insists on one, so a placeholder is sent instead.
    apiKey: key === '' ? 'none' : key,
    baseURL,
    maxRetries: 0,
    timeout: internals.timeoutMs ?? retry.timeoutMs,
  });
  const server = serverName(baseURL);
  const terms = options.providerTerms ?? [];
  let format: AnswerFormat = 'json_schema';
  let pausedUntil = 0;

  /** One request for `batch`; a refused answer format moves the run down the ladder and asks again. */
  const ask = async (batch: readonly SourceText[], signal: AbortSignal, hooks?: TranslateHooks) => {
    for (;;) {
      await waitUntil(pausedUntil, signal);
      hooks?.sent?.();
      const used = format;
      const messages = promptMessages(batch, termsIn(batch, terms), used === 'prompt');
      try {
        const { data, response } = await client.chat.completions
          .create(
            {
              model,
              temperature: 0,
              stream: false,
              messages: [
                { role: 'system', content: messages.system },
                { role: 'user', content: messages.user },
              ],
              ...responseFormat(used),
            },
            { signal },
          )
          .withResponse();
        const wait = exhaustedFor(response.headers);
        if (wait !== undefined) {
          // This provider's own retries wait here; the scheduler holds every other request.
          pausedUntil = Math.max(pausedUntil, Date.now() + wait);
          hooks?.pause?.(wait);
        }
        const choice = data.choices[0];
        const content = choice?.finish_reason === 'length' ? '' : (choice?.message.content ?? '');
        return {
          answer: readAnswer(content, batch),
          usage: {
            promptTokens: data.usage?.prompt_tokens ?? 0,
            completionTokens: data.usage?.completion_tokens ?? 0,
          },
        };
      } catch (error) {
        if (isFormatRefusal(error, sdk) && used !== 'prompt') {
          const next = FORMATS[FORMATS.indexOf(used) + 1] ?? 'prompt';
          if (format === used) format = next;
          continue;
        }
        throw openaiError(error, sdk, { key, server, what: `translating ${describe(batch)}` });
      }
    }
  };

  /**
   * Asks for `batch`, then again for what failed the check, in halves, down to single segments
   * (each asked twice at most). Bounded: at most about 2·n requests for n segments.
   */
  const solve = async (
    batch: readonly SourceText[],
    signal: AbortSignal,
    usage: TokenUsage,
    retried: boolean,
    hooks?: TranslateHooks,
  ): Promise<SegmentAnswer[]> => {
    const { answer, usage: spent } = await ask(batch, signal, hooks);
    usage.promptTokens += spent.promptTokens;
    usage.completionTokens += spent.completionTokens;
    const failed = answer.segments.flatMap((s, i) => (s.ok ? [] : [i]));
    if (failed.length === 0) return answer.segments;
    if (batch.length === 1 && retried) return answer.segments;
    const again = failed.map((i) => batch[i] as SourceText);
    const halves =
      again.length === 1 ? [again] : [again.slice(0, again.length / 2), again.slice(again.length / 2)];
    const redone: SegmentAnswer[] = [];
    for (const half of halves) redone.push(...(await solve(half, signal, usage, half.length === 1)));
    const out = [...answer.segments];
    failed.forEach((index, k) => {
      out[index] = redone[k] as SegmentAnswer;
    });
    return out;
  };

  return {
    name: 'openai',
    limits: { maxBatch: 20, maxBatchBytes: 8 * 1024 },
    pacing,
    retry,
    placeholderStyle: 'token',
    // Provider-policy terms go to the model in the prompt; protected ones travel as placeholders.
    supportsGlossary: true,
    fingerprint: `openai:${model}:${options.targetLang}:t0:${promptFingerprint()}`,
    async translate(batch, signal, hooks) {
      signal.throwIfAborted();
      // A blank text translates to itself: nothing to ask a model about.
      const asked = batch.filter((t) => t.text.trim() !== '');
      if (asked.length === 0) return { texts: batch.map((t) => t.text) };
      const usage: TokenUsage = { promptTokens: 0, completionTokens: 0 };
      const solved = await solve(asked, signal, usage, false, hooks);
      const byId = new Map(asked.map((t, i) => [t, solved[i] as SegmentAnswer]));
      const answers = batch.map((t): SegmentAnswer => byId.get(t) ?? { ok: true, text: t.text });
      const texts = answers.map((a, i) => (a.ok ? a.text : (a.text ?? batch[i]?.text ?? '')));
      const problems = answers.map((a) =>
        a.ok ? undefined : `the model's answer failed validation after retries: ${a.problem}`,
      );
      return {
        texts,
        usage,
        ...(problems.some((p) => p !== undefined) ? { problems } : {}),
      };
    },
    estimateTokens(batch) {
      const messages = promptMessages(batch, termsIn(batch, terms), false);
      const chars = messages.system.length + messages.user.length;
      const sourceChars = batch.reduce((n, t) => n + t.text.length, 0);
      // About 4 characters a token for English and French with common tokenizers; the answer is
      // the translations in JSON, about 1.2 times the source.
      return {
        promptTokens: Math.ceil(chars / 4),
        completionTokens: Math.ceil((sourceChars * 1.2 + 40) / 4),
      };
    },
    async close() {},
  } satisfies Provider;
}

function responseFormat(format: AnswerFormat) {
  if (format === 'json_schema') {
    return {
      response_format: {
        type: 'json_schema' as const,
        json_schema: {
          name: 'translations',
          strict: true,
          schema: ANSWER_SCHEMA as unknown as Record<string, unknown>,
        },
      },
    };
  }
  if (format === 'json_object') return { response_format: { type: 'json_object' as const } };
  return {};
}

/** The glossary entries whose French form occurs in the batch (accents and case as written). */
function termsIn(
  batch: readonly SourceText[],
  terms: NonNullable<ProviderOptions['providerTerms']>,
): PromptTerm[] {
  if (terms.length === 0) return [];
  const text = batch.map((t) => t.text.normalize('NFC').toLowerCase()).join('\n');
  const seen = new Set<string>();
  const found: PromptTerm[] = [];
  for (const term of terms) {
    if (!text.includes(term.source.normalize('NFC').toLowerCase()) || seen.has(term.source)) continue;
    seen.add(term.source);
    found.push({
      french: term.source,
      english: term.target,
      ...(term.forbidden ? { forbidden: term.forbidden } : {}),
    });
  }
  return found;
}

async function waitUntil(time: number, signal: AbortSignal): Promise<void> {
  const ms = time - Date.now();
  if (ms <= 0) return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(done, ms);
    function done() {
      signal.removeEventListener('abort', abort);
      resolve();
    }
    function abort() {
      clearTimeout(timer);
      reject(new DOMException('The translation was aborted', 'AbortError'));
    }
    signal.addEventListener('abort', abort, { once: true });
  });
}

/** `api.openai.com`, `127.0.0.1:11434`: names the server in messages, never its credentials. */
function serverName(baseURL: string): string {
  try {
    return new URL(baseURL).host;
  } catch {
    return 'the OpenAI-compatible server';
  }
}

function describe(batch: readonly SourceText[]): string {
  const first = batch[0]?.id ?? '';
  const last = batch[batch.length - 1]?.id ?? '';
  return first === last ? `segment ${first}` : `segments ${first}…${last}`;
}
