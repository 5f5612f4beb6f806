// @ts-check
/**
 * A DeepL-compatible API server for tests and benches, on 127.0.0.1 only. It speaks what
 * deepl-node 1.28 sends (form-encoded bodies, `Authorization: DeepL-Auth-Key …`, a User-Agent)
 * and also accepts JSON bodies as the API does.
 *
 * Fault injection follows DeepL's own mock server (DeepLcom/deepl-mock, sessions.js): the first
 * request carrying a new `mock-server-session` id creates the session from the
 * `mock-server-session-*` headers; later headers do not reconfigure it. Supported:
 *   mock-server-session-no-response-count   requests (any endpoint) whose connection is dropped
 *   mock-server-session-429-count           /v2/translate requests answered 429
 *   mock-server-session-init-character-limit character quota of the session (0 = none) → 456
 * and three of our own:
 *   mock-server-session-hang-count          requests (any endpoint) never answered (client timeout)
 *   mock-server-session-5xx-count           /v2/translate requests answered 503
 *   mock-server-session-429-retry-after     `Retry-After` seconds sent with those 429s
 * `options.rateLimit` adds a token bucket over all requests, answering 429 with `Retry-After`.
 * `options.faults` configures one session (same names, without the prefix) that every request
 * without a session header joins: the CLI cannot send session headers, so CLI tests use it.
 * Glossaries: v2 and v3 endpoints over one store (deepl-server-glossaries.js); `options.glossaryApis`
 * limits them (`['v2']`: an older DeepL-compatible server that answers 404 to /v3/glossaries).
 * `options.latencyMs` delays every /v2/translate answer (a slow server, for interrupting a run).
 * `options.holdFirst` keeps the first /v2/translate request open until a second one arrives (then
 * answers both), or answers it 400 after `timeoutMs`: a client that waits for each answer before
 * sending more never gets an answer in time.
 * `options.slidingLimit` refuses (429 + Retry-After in whole seconds, until a slot frees) any
 * request beyond `rate` accepted in the rolling `windowMs`; `options.refuse` answers 429 to every
 * /v2/translate request holding a text that contains `match` (a batch that never gets through).
 * The stats count what a client must get right: `arrivals` (ms since start, every request),
 * `peakInFlight`, and `early`: requests that arrived while a Retry-After this server sent had not
 * yet passed, leaving out the first 100 ms after it was sent (requests already on their way): a
 * client that honours Retry-After for the whole lane sends none.
 *
 * `options.arrivalBounds` dates each /v2/translate request by an interval instead of a moment:
 * the server reads a request late when its process is not scheduled (a loaded machine), so the
 * moment it reads it (`at`) is only an upper bound of its arrival. A 5 ms heartbeat gives the
 * lower bound (`after`): a request whose bytes were in the socket when the loop last polled
 * would have been read then (or, on a new connection, accepted then and read at the next poll),
 * and at most two heartbeats fire between two polls; so the third heartbeat back from the read
 * came before the arrival. `mostInOneWindow` counts with these intervals.
 */
import http from 'node:http';
import { mockTranslate } from './deepl-mock-translate.js';
import { answerGlossaries, glossarySnapshot, translationDictionary } from './deepl-server-glossaries.js';
import {
  GLOSSARY_PAIRS,
  HttpError,
  paramsOf,
  parseTranslate,
  readBody,
  send,
} from './deepl-server-protocol.js';

/**
 * @param {import('./deepl-server.js').DeeplServerOptions} [options]
 * @returns {Promise<import('./deepl-server.js').DeeplServer>}
 */
export async function startDeeplServer(options = {}) {
  const authKeys = new Set(options.authKeys ?? ['versio-test-key:fx']);
  /** @type {Map<string, any>} */
  const accounts = new Map();
  /** @type {Map<string, any>} */
  const sessions = new Map();
  const stats = newStats();
  const glossaryApis = new Set(options.glossaryApis ?? ['v2', 'v3']);
  const serverSession = options.faults ? newSession('server', options.faults) : undefined;
  if (serverSession) {
    sessions.set('server', serverSession);
    stats.sessions.server = serverSession.stats;
  }
  const bucket = options.rateLimit ? { tokens: options.rateLimit.burst, at: Date.now() } : undefined;
  const startedAt = Date.now();
  /** @type {number[]} start times of requests the sliding limit accepted */
  const accepted = [];
  let inFlight = 0;
  /** Answers the held first /v2/translate request (`options.holdFirst`). @type {(() => void) | undefined} */
  let release;
  /** When we last sent a Retry-After, and until when it holds (ms epoch). */
  let retryAfterSent = 0;
  let retryAfterUntil = 0;
  // A request that arrives just after a 429 left may have been sent before the client read it;
  // one up to TOLERANCE before the Retry-After's end honoured it within clock precision.
  const IN_TRANSIT_MS = 100;
  const TOLERANCE_MS = 50;

  // The last three heartbeats (see arrivalBounds); before the first, the server was not listening.
  const beats = [startedAt, startedAt, startedAt];
  const heartbeat = options.arrivalBounds
    ? setInterval(() => {
        beats.push(Date.now());
        beats.shift();
      }, 5)
    : undefined;

  const server = http.createServer((req, res) => {
    const now = Date.now();
    stats.arrivals.push(now - startedAt);
    /** @type {{ at: number, after?: number }} */
    const arrival = { at: now - startedAt };
    if (heartbeat) arrival.after = beats[0] - startedAt;
    if (now > retryAfterSent + IN_TRANSIT_MS && now < retryAfterUntil - TOLERANCE_MS) stats.early++;
    inFlight++;
    stats.peakInFlight = Math.max(stats.peakInFlight, inFlight);
    res.on('close', () => {
      inFlight--;
    });
    /** @type {{ session?: any, arrival: { at: number, after?: number } }} */
    const state = { arrival };
    handle(req, res, state).catch((error) => {
      const status = error instanceof HttpError ? error.status : 500;
      reply(req, res, state.session, status, {
        message: error instanceof Error ? error.message : String(error),
      });
    });
  });

  /** @param {http.IncomingMessage} req @param {http.ServerResponse} res @param {{ session?: any, arrival: { at: number, after?: number } }} state */
  async function handle(req, res, state) {
    const body = await readBody(req);
    stats.requests++;
    stats.largestBodyBytes = Math.max(stats.largestBodyBytes, Buffer.byteLength(body));
    const session = sessionOf(req);
    state.session = session;
    if (session) session.stats.requests++;
    if (session && session.noResponse > 0) {
      session.noResponse--;
      count(session, 'dropped');
      req.socket.destroy();
      return;
    }
    if (session && session.hang > 0) {
      session.hang--;
      count(session, 'hung');
      return; // closeAllConnections() in close() ends it
    }
    if (bucket && options.rateLimit && !takeToken(bucket, options.rateLimit)) {
      const wait = (1 - bucket.tokens) / options.rateLimit.requestsPerSecond;
      retryAfter(res, Math.max(1, Math.ceil(wait)));
      return reply(req, res, session, 429, { message: 'Too many requests' });
    }
    if (options.slidingLimit) {
      const { rate, windowMs } = options.slidingLimit;
      const now = Date.now();
      while (accepted.length > 0 && accepted[0] <= now - windowMs) accepted.shift();
      if (accepted.length >= rate) {
        const freeAt = accepted[accepted.length - rate] + windowMs;
        retryAfter(res, Math.max(1, Math.ceil((freeAt - now) / 1000)));
        return reply(req, res, session, 429, { message: 'Too many requests' });
      }
      accepted.push(now);
    }
    if (!req.headers['user-agent']) throw new HttpError(400, 'Missing User-Agent header.');
    const key = /^DeepL-Auth-Key (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (key === undefined || !authKeys.has(key)) {
      return reply(req, res, session, 403, { message: 'Wrong endpoint or invalid auth key.' });
    }
    if (!accounts.has(key)) accounts.set(key, { glossaries: new Map(), characterCount: 0 });
    const account = accounts.get(key);
    const usage = session ?? account;
    // DeepL: "The total request body size must not exceed 128 KiB."
    if (Buffer.byteLength(body) > 128 * 1024) throw new HttpError(413, 'Request Entity Too Large');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const params = paramsOf(req, url, body);
    const path = url.pathname;
    const method = req.method ?? 'GET';

    if (path === '/v2/translate' && method === 'POST')
      return translate(req, res, session, account, usage, params, state.arrival);
    if (path === '/v2/usage') {
      const limit = usage.characterLimit ?? options.characterLimit ?? 0;
      return reply(req, res, session, 200, { character_count: usage.characterCount, character_limit: limit });
    }
    if (path === '/v2/glossary-language-pairs' && method === 'GET') {
      const pairs = GLOSSARY_PAIRS.map(([s, t]) => ({ source_lang: s, target_lang: t }));
      return reply(req, res, session, 200, { supported_languages: pairs });
    }
    const glossaries = answerGlossaries({
      method,
      path,
      params,
      glossaries: account.glossaries,
      apis: glossaryApis,
      stats,
    });
    if (glossaries) {
      if (glossaries.contentType) res.setHeader('Content-Type', glossaries.contentType);
      return reply(req, res, session, glossaries.status, glossaries.payload);
    }
    return reply(req, res, session, 404, { message: 'Not found' });
  }

  /** @param {http.IncomingMessage} req @param {http.ServerResponse} res @param {any} session @param {any} account @param {any} usage @param {import('./deepl-server-protocol.js').Params} params @param {{ at: number, after?: number }} arrival */
  function translate(req, res, session, account, usage, params, arrival) {
    const { texts, targetLang, sourceLang, formality, tagHandling, glossaryId } = parseTranslate(params);
    const glossary =
      glossaryId === undefined
        ? undefined
        : translationDictionary(account.glossaries, glossaryId, sourceLang ?? '', targetLang);
    const record = {
      session: session?.id,
      ...arrival,
      status: 0,
      texts,
      targetLang,
      sourceLang,
      formality,
      glossaryId,
      tagHandling,
      ignoreTags: params.list('ignore_tags'),
      context: params.get('context'),
      showBilledCharacters: ['1', 'true'].includes(params.get('show_billed_characters') ?? ''),
      userAgent: req.headers['user-agent'],
    };
    stats.translations.push(record);
    const done = (/** @type {number} */ status, /** @type {unknown} */ payload) => {
      record.status = status;
      return reply(req, res, session, status, payload);
    };
    if (session && session.tooMany > 0) {
      session.tooMany--;
      if (session.retryAfter !== undefined) retryAfter(res, session.retryAfter);
      return done(429, { message: 'Too many requests' });
    }
    if (options.refuse && texts.some((t) => t.includes(options.refuse?.match ?? ''))) {
      retryAfter(res, options.refuse.retryAfter);
      return done(429, { message: 'Too many requests' });
    }
    if (session && session.failures > 0) {
      session.failures--;
      return done(503, { message: 'Service unavailable' });
    }
    if (options.holdFirst && stats.translations.length === 1) return holdFirst(options.holdFirst.timeoutMs);
    release?.();
    if (options.latencyMs) setTimeout(answer, options.latencyMs);
    else answer();

    /** The first request waits for a second one to arrive (`options.holdFirst`). */
    function holdFirst(/** @type {number} */ timeoutMs) {
      const timer = setTimeout(() => {
        release = undefined;
        done(400, { message: 'no other translate request arrived while the first one was open' });
      }, timeoutMs);
      release = () => {
        clearTimeout(timer);
        release = undefined;
        answer();
      };
    }

    function answer() {
      // DeepL bills characters of the source text; the context parameter is not billed.
      const characters = texts.reduce((sum, text) => sum + [...text].length, 0);
      const limit = usage.characterLimit ?? options.characterLimit ?? 0;
      if (limit > 0 && usage.characterCount + characters > limit) {
        return done(456, { message: 'Quota for this billing period has been exceeded.' });
      }
      usage.characterCount += characters;
      stats.billedCharacters += characters;
      if (session) session.stats.billedCharacters += characters;
      const translateParams = { tagHandling, ignoreTags: record.ignoreTags, glossary: glossary?.entries };
      const translations = texts.map((text) => ({
        detected_source_language: (sourceLang ?? 'FR').toUpperCase(),
        text: mockTranslate(text, targetLang, translateParams),
        ...(record.showBilledCharacters ? { billed_characters: [...text].length } : {}),
      }));
      return done(200, { translations });
    }
  }

  /** Sends `Retry-After: seconds` and remembers until when it holds. @param {http.ServerResponse} res @param {number} seconds */
  function retryAfter(res, seconds) {
    res.setHeader('Retry-After', String(seconds));
    retryAfterSent = Date.now();
    retryAfterUntil = Math.max(retryAfterUntil, retryAfterSent + seconds * 1000);
  }

  /** @param {string} id @param {Record<string, number>} faults */
  function newSession(id, faults) {
    return {
      id,
      noResponse: faults['no-response-count'] ?? 0,
      hang: faults['hang-count'] ?? 0,
      tooMany: faults['429-count'] ?? 0,
      retryAfter: faults['429-retry-after'],
      failures: faults['5xx-count'] ?? 0,
      characterLimit: faults['init-character-limit'],
      characterCount: 0,
      stats: { requests: 0, billedCharacters: 0, statuses: {} },
    };
  }

  /** @param {http.IncomingMessage} req */
  function sessionOf(req) {
    const id = req.headers['mock-server-session'];
    if (typeof id !== 'string' || id === '') return serverSession;
    if (!sessions.has(id)) {
      /** @type {Record<string, number>} */
      const faults = {};
      for (const [name, value] of Object.entries(req.headers)) {
        const suffix = /^mock-server-session-(.+)$/.exec(name)?.[1];
        if (suffix && typeof value === 'string' && value !== '') faults[suffix] = Number(value);
      }
      const session = newSession(id, faults);
      sessions.set(id, session);
      stats.sessions[id] = session.stats;
    }
    return sessions.get(id);
  }

  /** @param {any} session @param {number | 'dropped' | 'hung'} status */
  function count(session, status) {
    const key = String(status);
    stats.statuses[key] = (stats.statuses[key] ?? 0) + 1;
    if (session) session.stats.statuses[key] = (session.stats.statuses[key] ?? 0) + 1;
  }

  /** @param {http.IncomingMessage} _req @param {http.ServerResponse} res @param {any} session @param {number} status @param {unknown} payload */
  function reply(_req, res, session, status, payload) {
    count(session, status);
    send(_req, res, status, payload);
  }

  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('deepl-server: no TCP address');

  return {
    url: `http://127.0.0.1:${address.port}`,
    stats: () => structuredClone(stats),
    glossaries: (authKey) => [...(accounts.get(authKey)?.glossaries.values() ?? [])].map(glossarySnapshot),
    backdateGlossary: (authKey, glossaryId, days) => {
      const glossary = accounts.get(authKey)?.glossaries.get(glossaryId);
      if (!glossary) throw new Error(`deepl-server: no glossary ${glossaryId} for that key`);
      glossary.creation_time = new Date(Date.parse(glossary.creation_time) - days * 86_400_000).toISOString();
    },
    close: () =>
      new Promise((resolve, reject) => {
        clearInterval(heartbeat);
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function newStats() {
  return {
    requests: 0,
    billedCharacters: 0,
    /** @type {Record<string, number>} */
    statuses: {},
    /** @type {Record<string, any>} */
    sessions: {},
    /** @type {any[]} */
    translations: [],
    glossaryCreates: 0,
    glossaryDeletes: 0,
    /** @type {Record<string, number>} */
    glossaryRequests: { v2: 0, v3: 0 },
    largestBodyBytes: 0,
    /** @type {number[]} */
    arrivals: [],
    peakInFlight: 0,
    early: 0,
  };
}

/** @param {{ tokens: number; at: number }} bucket @param {{ requestsPerSecond: number; burst: number }} limit */
function takeToken(bucket, limit) {
  const now = Date.now();
  bucket.tokens = Math.min(limit.burst, bucket.tokens + ((now - bucket.at) / 1000) * limit.requestsPerSecond);
  bucket.at = now;
  if (bucket.tokens < 1) return false;
  bucket.tokens -= 1;
  return true;
}

/**
 * Most /v2/translate requests certainly inside one rolling window: requests whose arrival
 * intervals (`after`, `at`; see arrivalBounds) all lie within `windowMs` of the earliest bound.
 * Without bounds, `after` is `at` and this is the plain count of reads in a rolling window.
 * @param {readonly { at: number, after?: number }[]} records @param {number} windowMs
 */
export function mostInOneWindow(records, windowMs) {
  let most = 0;
  for (const first of records) {
    const from = first.after ?? first.at;
    const inside = records.filter((r) => (r.after ?? r.at) >= from && r.at < from + windowMs);
    most = Math.max(most, inside.length);
  }
  return most;
}
