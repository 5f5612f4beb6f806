// @ts-check
/**
 * The DeepL API as the test server reads and writes it: request parameters (form-encoded as
 * deepl-node sends them, or JSON), /v2/translate validation with DeepL's error messages, and
 * replies. The glossary endpoints are in deepl-server-glossaries.js.
 */
const TARGETS = new Set(['EN', 'EN-US', 'EN-GB', 'DE', 'FR', 'ES', 'IT', 'NL', 'PL', 'PT-PT', 'PT-BR', 'JA']);
const SOURCES = new Set(['EN', 'FR', 'DE', 'ES', 'IT', 'NL', 'PL', 'PT', 'JA']);
const FORMALITY_TARGETS = new Set(['DE', 'FR', 'ES', 'IT', 'NL', 'PL', 'PT-PT', 'PT-BR', 'JA']);
const FORMALITIES = new Set(['default', 'more', 'less', 'prefer_more', 'prefer_less']);
export const GLOSSARY_PAIRS = [
  ['de', 'en'],
  ['en', 'de'],
  ['en', 'fr'],
  ['fr', 'en'],
  ['en', 'es'],
  ['es', 'en'],
  ['fr', 'de'],
  ['de', 'fr'],
];

export class HttpError extends Error {
  /** @param {number} status @param {string} message */
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/**
 * Validates a /v2/translate request as DeepL does (its glossary: deepl-server-glossaries.js).
 * @param {Params} params
 */
export function parseTranslate(params) {
  const texts = params.all('text');
  if (texts.length === 0) throw new HttpError(400, "Parameter 'text' not specified.");
  if (texts.length > 50) throw new HttpError(400, 'Too many texts in one request (at most 50).');
  const targetLang = params.get('target_lang');
  if (!targetLang) throw new HttpError(400, "Parameter 'target_lang' not specified.");
  if (!TARGETS.has(targetLang.toUpperCase()))
    throw new HttpError(400, "Value for 'target_lang' not supported.");
  const sourceLang = params.get('source_lang');
  if (sourceLang !== undefined && !SOURCES.has(sourceLang.toUpperCase())) {
    throw new HttpError(400, "Value for 'source_lang' not supported.");
  }
  const formality = params.get('formality');
  if (formality !== undefined) {
    if (!FORMALITIES.has(formality)) throw new HttpError(400, "Value for 'formality' not supported.");
    if ((formality === 'more' || formality === 'less') && !FORMALITY_TARGETS.has(targetLang.toUpperCase())) {
      throw new HttpError(400, "'formality' is not supported for given 'target_lang'.");
    }
  }
  const tagHandling = params.get('tag_handling');
  if (tagHandling !== undefined && tagHandling !== 'xml' && tagHandling !== 'html') {
    throw new HttpError(400, "Value for 'tag_handling' not supported.");
  }
  const glossaryId = params.get('glossary_id');
  if (glossaryId !== undefined && sourceLang === undefined) {
    throw new HttpError(400, "Use of a glossary requires the 'source_lang' parameter to be specified.");
  }
  return { texts, targetLang, sourceLang, formality, tagHandling, glossaryId };
}

/**
 * @typedef {{
 *   get(name: string): string | undefined; all(name: string): string[]; list(name: string): string[];
 *   json?: any;
 * }} Params `json`: the parsed body of a JSON request (v3 glossaries send arrays of objects)
 * @param {import('node:http').IncomingMessage} req @param {URL} url @param {string} body
 * @returns {Params}
 */
export function paramsOf(req, url, body) {
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('application/json')) {
    let json;
    try {
      json = JSON.parse(body);
    } catch {
      throw new HttpError(400, 'Invalid JSON body.');
    }
    const value = (/** @type {string} */ name) => json?.[name];
    return {
      json: json ?? null,
      get: (name) => (value(name) === undefined ? undefined : String(value(name))),
      all: (name) => [value(name) ?? []].flat().map(String),
      list: (name) =>
        [value(name) ?? []]
          .flat()
          .flatMap((v) => String(v).split(','))
          .filter(Boolean),
    };
  }
  const search =
    req.method === 'GET' || req.method === 'DELETE' ? url.searchParams : new URLSearchParams(body);
  return {
    get: (name) => search.get(name) ?? undefined,
    all: (name) => search.getAll(name),
    list: (name) =>
      search
        .getAll(name)
        .flatMap((v) => v.split(','))
        .filter(Boolean),
  };
}

/** @param {import('node:http').IncomingMessage} req */
export async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** @param {import('node:http').IncomingMessage} _req @param {import('node:http').ServerResponse} res @param {number} status @param {unknown} payload */
export function send(_req, res, status, payload) {
  if (res.headersSent || res.destroyed) return;
  if (payload === undefined) {
    res.writeHead(status).end();
  } else if (typeof payload === 'string') {
    res.writeHead(status).end(payload);
  } else {
    res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(payload));
  }
}
