// @ts-check
/**
 * A LibreTranslate-compatible server for tests, on 127.0.0.1 only, answering as LibreTranslate's
 * libretranslate/app.py does:
 * - `POST /translate` (JSON): `q` a string or an array, `source`, `target`, `format` (text|html),
 *   `api_key`; answer `{"translatedText": string | string[]}`; errors `{"error": "..."}` with
 *   400 (missing parameter; "Invalid request: request (N) exceeds text limit (M)" for a batch over
 *   --batch-limit or a text over --char-limit), 403 ("Invalid API key"), 400 ("Please contact the
 *   server operator to get an API key") when keys are required, 429 ("Slowdown: ...") from its
 *   moving-window limiter, in which a batch costs one request per text (`req_cost = len(q)`);
 * - `format: html` keeps markup (BeautifulSoup re-serialises an empty `<x id="1"/>` as
 *   `<x id="1"></x>`) and the answer is HTML-unescaped (`unescape(str(translate_html(...)))`);
 * - `GET /languages` and `GET /frontend/settings`.
 * The "translation" is tests/support/deepl-mock-translate.js's (`EN: <text>`), deterministic.
 * Faults (`options.faults`, one per /translate request, in order): { kind: '429', retryAfter? },
 * { kind: '500' }, { kind: 'malformed' } (a body that is not JSON), { kind: 'hang' }.
 */
import http from 'node:http';
import { mockTranslate } from './deepl-mock-translate.js';
import { readBody, send } from './json-http.js';

/**
 * @typedef {{ kind: string, retryAfter?: number }} Fault
 * @typedef {{ apiKeys?: string[], requireKey?: boolean, batchLimit?: number, charLimit?: number,
 *   reqLimitPerMinute?: number, faults?: Fault[], latencyMs?: number }} LibretranslateServerOptions
 */

/** @param {LibretranslateServerOptions} [options] */
export async function startLibretranslateServer(options = {}) {
  const faults = [...(options.faults ?? [])];
  /** @type {{ q: string[], format: string, source: string, target: string, status: number }[]} */
  const requests = [];
  /** @type {{ at: number, cost: number }[]} */
  const window = [];
  const stats = {
    requests: 0,
    texts: 0,
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
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'GET' && url.pathname === '/languages') {
      return send(res, 200, [
        { code: 'en', name: 'English', targets: ['en', 'fr'] },
        { code: 'fr', name: 'French', targets: ['en', 'fr'] },
      ]);
    }
    if (req.method === 'GET' && url.pathname === '/frontend/settings') {
      return send(res, 200, {
        charLimit: options.charLimit ?? -1,
        frontendTimeout: 500,
        apiKeys: !!options.apiKeys,
        keyRequired: !!options.requireKey,
        suggestions: false,
        filesTranslation: false,
        supportedFilesFormat: [],
        language: { source: { code: 'fr', name: 'French' }, target: { code: 'en', name: 'English' } },
      });
    }
    if (req.method !== 'POST' || url.pathname !== '/translate') return send(res, 404, { error: 'Not Found' });
    const raw = await readBody(req);
    /** @type {any} */
    let body;
    try {
      body = JSON.parse(raw);
    } catch {
      return send(res, 400, { error: 'Invalid JSON format' });
    }
    const record = {
      q: Array.isArray(body.q) ? body.q : [body.q],
      format: body.format ?? 'text',
      source: body.source,
      target: body.target,
      status: 200,
    };
    requests.push(record);
    const reply = (
      /** @type {number} */ status,
      /** @type {unknown} */ payload,
      /** @type {Record<string,string>} */ headers = {},
    ) => {
      record.status = status;
      stats.statuses[status] = (stats.statuses[status] ?? 0) + 1;
      send(res, status, payload, headers);
    };
    if (options.apiKeys) {
      const key = body.api_key;
      if (key && !options.apiKeys.includes(key)) return reply(403, { error: 'Invalid API key' });
      if (!key && options.requireKey)
        return reply(400, { error: 'Please contact the server operator to get an API key' });
    }
    if (!body.q || (Array.isArray(body.q) && body.q.length === 0))
      return reply(400, { error: 'Invalid request: missing q parameter' });
    if (!body.source) return reply(400, { error: 'Invalid request: missing source parameter' });
    if (!body.target) return reply(400, { error: 'Invalid request: missing target parameter' });
    const batch = Array.isArray(body.q);
    if (batch && options.batchLimit !== undefined && body.q.length > options.batchLimit) {
      return reply(400, {
        error: `Invalid request: request (${body.q.length}) exceeds text limit (${options.batchLimit})`,
      });
    }
    for (const text of record.q) {
      if (options.charLimit !== undefined && text.length > options.charLimit) {
        return reply(400, {
          error: `Invalid request: request (${text.length}) exceeds text limit (${options.charLimit})`,
        });
      }
    }
    if (options.reqLimitPerMinute !== undefined) {
      const now = Date.now();
      while (window.length > 0 && (window[0]?.at ?? now) <= now - 60_000) window.shift();
      const used = window.reduce((n, w) => n + w.cost, 0);
      const cost = Math.max(1, record.q.length);
      if (used + cost > options.reqLimitPerMinute)
        return reply(429, { error: `Slowdown: ${options.reqLimitPerMinute} per 1 minute` });
      window.push({ at: now, cost });
    }
    const fault = faults.shift();
    if (fault?.kind === 'hang') {
      hung.add(res);
      return;
    }
    if (fault?.kind === '429')
      return reply(
        429,
        { error: 'Slowdown: 2 per 1 second' },
        fault.retryAfter === undefined ? {} : { 'retry-after': String(fault.retryAfter) },
      );
    if (fault?.kind === '500') return reply(500, { error: 'Cannot translate text: model crashed' });
    if (fault?.kind === 'malformed') {
      record.status = 200;
      res.writeHead(200, { 'content-type': 'text/html' });
      return res.end('<html><body>Bad Gateway</body></html>');
    }
    if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
    if (body.source !== 'fr' && body.source !== 'auto')
      return reply(400, { error: `${body.source} is not supported` });
    stats.texts += record.q.length;
    const translated = record.q.map((/** @type {string} */ text) =>
      record.format === 'html' ? html(text) : mockTranslate(text, 'EN', { ignoreTags: [] }),
    );
    return reply(200, { translatedText: batch ? translated : translated[0] });
  });

  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${address.port}`,
    stats,
    requests,
    async close() {
      for (const res of hung) res.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve(undefined)));
    },
  };
}

/** As translate_html + unescape: markup kept (empty elements written open/close), entities decoded. */
function html(/** @type {string} */ text) {
  const translated = mockTranslate(text, 'EN', { tagHandling: 'html', ignoreTags: [] });
  return translated
    .replace(/<([A-Za-z][\w-]*)((?:\s+[^<>]*?)?)\s*\/>/g, '<$1$2></$1>')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
