// @ts-check
/**
 * An OpenAI-compatible chat-completions server for tests, on 127.0.0.1 only, answering as the
 * real servers do (streaming off):
 * - the response object, error body and `x-ratelimit-*` / `retry-after` headers of OpenAI's API
 *   reference (Chat Completions "The chat completion object"; "Error codes"; "Rate limits");
 * - servers without structured output refuse `response_format: json_schema` the way
 *   llama.cpp's llama-server did before it had it (HTTP 500 `{"error":{"code":500,"message":
 *   "response_format type must be one of \"text\" or \"json_object\", but got: json_schema",
 *   "type":"server_error"}}`, tools/server/server-common.cpp format_error_response) and vLLM
 *   does with a 400 `invalid_request_error`.
 * The "model" translates each segment deterministically (tests/support/deepl-mock-translate.js:
 * `EN-US: <text>` with the prompt's glossary applied), keeps placeholders, and answers in the
 * JSON the prompt asks for; without any JSON mode it wraps the JSON in a code fence, as chat
 * models do.
 *
 * Faults (`options.faults`, consumed one per /chat/completions request, in order):
 *   { kind: 'none' }                        answered as without faults (to fault a later request)
 *   { kind: '429', retryAfter?: seconds }   rate limited (OpenAI body, `retry-after` header)
 *   { kind: 'quota' }                       429 with code insufficient_quota
 *   { kind: '500' } / { kind: '503' }       server error
 *   { kind: 'malformed' }                   content that is not JSON
 *   { kind: 'truncated' }                   content cut short, finish_reason "length"
 *   { kind: 'drop-id' }                     the last segment of the batch left out
 *   { kind: 'drop-placeholder' }            every placeholder of the first segment that has one removed
 *   { kind: 'hang' }                        never answered (the client's timeout fires)
 * `options.dropPlaceholderAlways` removes placeholders of segments whose id is listed, on every request.
 */
import http from 'node:http';
import { mockTranslate } from './deepl-mock-translate.js';
import { readBody, send } from './json-http.js';

/**
 * @typedef {{ kind: string, retryAfter?: number }} Fault
 * @typedef {{
 *   jsonModes?: ('json_schema' | 'json_object')[],
 *   refusalStatus?: number,
 *   apiKeys?: string[],
 *   faults?: Fault[],
 *   dropPlaceholderAlways?: string[],
 *   rateLimit?: { requests: number, windowMs: number },
 *   latencyMs?: number,
 * }} OpenaiServerOptions
 * @typedef {{ model: string, format: string, segments: { id: string, text: string }[],
 *   glossary: { french: string, english: string, forbidden?: string[] }[], context?: string,
 *   status: number }} ChatRecord
 */

/** @param {OpenaiServerOptions} [options] */
export async function startOpenaiServer(options = {}) {
  const modes = new Set(options.jsonModes ?? ['json_schema', 'json_object']);
  const faults = [...(options.faults ?? [])];
  /** @type {ChatRecord[]} */
  const chats = [];
  /** @type {number[]} */
  const starts = [];
  const stats = {
    requests: 0,
    inFlight: 0,
    peakInFlight: 0,
    statuses: /** @type {Record<string, number>} */ ({}),
  };
  /** @type {Set<import('node:http').ServerResponse>} */
  const hung = new Set();

  const server = http.createServer(async (req, res) => {
    stats.requests += 1;
    stats.inFlight += 1;
    stats.peakInFlight = Math.max(stats.peakInFlight, stats.inFlight);
    res.on('close', () => {
      stats.inFlight -= 1;
    });
    try {
      await handle(req, res);
    } catch (error) {
      send(res, 500, { error: { message: String(error), type: 'server_error', param: null, code: null } });
    }
  });

  /** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
  async function handle(req, res) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (options.apiKeys) {
      const auth = req.headers.authorization ?? '';
      if (!options.apiKeys.some((k) => auth === `Bearer ${k}`)) {
        return send(res, 401, {
          error: {
            message: 'Incorrect API key provided.',
            type: 'invalid_request_error',
            param: null,
            code: 'invalid_api_key',
          },
        });
      }
    }
    if (req.method === 'GET' && url.pathname === '/v1/models') {
      return send(res, 200, {
        object: 'list',
        data: [{ id: 'test-model', object: 'model', created: 0, owned_by: 'versio' }],
      });
    }
    if (req.method !== 'POST' || url.pathname !== '/v1/chat/completions') {
      return send(res, 404, {
        error: {
          message: `Unknown request URL: ${req.method} ${url.pathname}`,
          type: 'invalid_request_error',
          param: null,
          code: 'unknown_url',
        },
      });
    }
    const body = JSON.parse(await readBody(req));
    starts.push(Date.now());
    const format = body.response_format?.type ?? 'text';
    const user = body.messages?.find((/** @type {any} */ m) => m.role === 'user')?.content ?? '{}';
    const request = JSON.parse(user);
    /** @type {ChatRecord} */
    const record = {
      model: body.model,
      format,
      segments: request.segments ?? [],
      glossary: request.glossary ?? [],
      context: request.context,
      status: 200,
    };
    chats.push(record);
    const reply = (
      /** @type {number} */ status,
      /** @type {unknown} */ payload,
      /** @type {Record<string,string>} */ headers = {},
    ) => {
      record.status = status;
      stats.statuses[status] = (stats.statuses[status] ?? 0) + 1;
      send(res, status, payload, headers);
    };
    if (format !== 'text' && !modes.has(format)) {
      const status = options.refusalStatus ?? 500;
      return reply(status, {
        error: {
          code: status,
          message: `response_format type must be one of "text" or "json_object", but got: ${format}`,
          type: status >= 500 ? 'server_error' : 'invalid_request_error',
        },
      });
    }
    if (options.rateLimit) {
      const now = Date.now();
      const recent = starts.filter((t) => t > now - options.rateLimit.windowMs);
      if (recent.length > options.rateLimit.requests) {
        const oldest = recent[recent.length - options.rateLimit.requests - 1] ?? now;
        const waitMs = Math.max(1, oldest + options.rateLimit.windowMs - now);
        starts.pop();
        return reply(429, rateLimitBody(), {
          'retry-after-ms': String(waitMs),
          'x-ratelimit-remaining-requests': '0',
          'x-ratelimit-reset-requests': `${waitMs}ms`,
        });
      }
    }
    const fault = faults.shift();
    if (fault?.kind === 'hang') {
      hung.add(res);
      return;
    }
    if (fault?.kind === '429')
      return reply(
        429,
        rateLimitBody(),
        fault.retryAfter === undefined ? {} : { 'retry-after': String(fault.retryAfter) },
      );
    if (fault?.kind === 'quota') {
      return reply(429, {
        error: {
          message: 'You exceeded your current quota, please check your plan and billing details.',
          type: 'insufficient_quota',
          param: null,
          code: 'insufficient_quota',
        },
      });
    }
    if (fault?.kind === '500' || fault?.kind === '503') {
      return reply(Number(fault.kind), {
        error: {
          message: 'The server had an error while processing your request.',
          type: 'server_error',
          param: null,
          code: null,
        },
      });
    }
    if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
    const glossary = new Map(record.glossary.map((g) => [g.french, g.english]));
    let translations = record.segments.map((s) => ({
      id: s.id,
      text: mockTranslate(s.text, 'EN-US', { ignoreTags: [], glossary }),
    }));
    if (fault?.kind === 'drop-id') translations = translations.slice(0, -1);
    const drop = new Set(options.dropPlaceholderAlways ?? []);
    if (fault?.kind === 'drop-placeholder') {
      const first = translations.find((t) => /__E\d+__/.test(t.text));
      if (first) drop.add(first.id);
    }
    translations = translations.map((t) =>
      drop.has(t.id) ? { ...t, text: t.text.replace(/\s*__E\d+__/g, '') } : t,
    );
    let content = JSON.stringify({ translations });
    let finish = 'stop';
    if (format === 'text') content = `Here are the translations:\n\`\`\`json\n${content}\n\`\`\``;
    if (fault?.kind === 'malformed') content = 'I am sorry, I cannot help with that.';
    if (fault?.kind === 'truncated') {
      content = content.slice(0, Math.floor(content.length / 2));
      finish = 'length';
    }
    const promptChars = (body.messages ?? []).reduce(
      (/** @type {number} */ n, /** @type {any} */ m) => n + String(m.content).length,
      0,
    );
    const usage = {
      prompt_tokens: Math.ceil(promptChars / 4),
      completion_tokens: Math.ceil(content.length / 4),
    };
    /** @type {Record<string, string>} */
    const limitHeaders = {};
    if (options.rateLimit) {
      const now = Date.now();
      const recent = starts.filter((t) => t > now - options.rateLimit.windowMs);
      const oldest = recent[0] ?? now;
      limitHeaders['x-ratelimit-limit-requests'] = String(options.rateLimit.requests);
      limitHeaders['x-ratelimit-remaining-requests'] = String(
        Math.max(0, options.rateLimit.requests - recent.length),
      );
      limitHeaders['x-ratelimit-reset-requests'] =
        `${Math.max(1, oldest + options.rateLimit.windowMs - now)}ms`;
    }
    return reply(
      200,
      {
        id: `chatcmpl-${stats.requests}`,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: body.model,
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content, refusal: null },
            logprobs: null,
            finish_reason: finish,
          },
        ],
        usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
      },
      limitHeaders,
    );
  }

  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${address.port}/v1`,
    stats,
    chats,
    /** Start times of the chat requests that were not refused by the rate limit. */
    starts,
    async close() {
      for (const res of hung) res.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve(undefined)));
    },
  };
}

function rateLimitBody() {
  return {
    error: {
      message: 'Rate limit reached for requests. Please try again later.',
      type: 'requests',
      param: null,
      code: 'rate_limit_exceeded',
    },
  };
}
