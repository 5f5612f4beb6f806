// @ts-check
/**
 * The DeepL API v2 as the test server reads and writes it: request parameters (form-encoded
 * as deepl-node sends them, or JSON), /v2/translate validation with DeepL's error messages,
 * glossary bodies, and replies.
 */
import { randomUUID } from 'node:crypto';

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
 * Validates a /v2/translate request as DeepL does.
 * @param {Params} params
 * @param {Map<string, any>} glossaries the account's glossaries by id
 */
export function parseTranslate(params, glossaries) {
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
  let glossary;
  if (glossaryId !== undefined) {
    if (sourceLang === undefined) {
      throw new HttpError(400, "Use of a glossary requires the 'source_lang' parameter to be specified.");
    }
    glossary = glossaries.get(glossaryId);
    if (!glossary) throw new HttpError(404, 'Glossary not found');
    const pairOk =
      glossary.source_lang === sourceLang.toLowerCase() &&
      glossary.target_lang === targetLang.toLowerCase().split('-')[0];
    if (!pairOk) throw new HttpError(400, 'Language pair of the glossary does not match the request.');
  }
  return { texts, targetLang, sourceLang, formality, tagHandling, glossaryId, glossary };
}

/** @param {Params} params */
export function createGlossary(params) {
  const name = params.get('name');
  const sourceLang = params.get('source_lang')?.toLowerCase();
  const targetLang = params.get('target_lang')?.toLowerCase();
  const format = params.get('entries_format') ?? 'tsv';
  const text = params.get('entries');
  if (!name) throw new HttpError(400, "Parameter 'name' not specified.");
  if (!GLOSSARY_PAIRS.some(([s, t]) => s === sourceLang && t === targetLang)) {
    throw new HttpError(400, 'Unsupported glossary source and target language pair.');
  }
  if (format !== 'tsv' && format !== 'csv')
    throw new HttpError(400, "Value for 'entries_format' not supported.");
  if (!text) throw new HttpError(400, "Parameter 'entries' not specified.");
  const entries = new Map();
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const [source, target, ...rest] = line.split(format === 'tsv' ? '\t' : ',').map((s) => s.trim());
    if (!source || !target || rest.length > 0) throw new HttpError(400, `Invalid glossary entry: ${line}`);
    if (entries.has(source)) throw new HttpError(400, `Duplicate source term: ${source}`);
    entries.set(source, target);
  }
  return {
    glossary_id: randomUUID(),
    name,
    source_lang: sourceLang,
    target_lang: targetLang,
    creation_time: new Date().toISOString(),
    entries,
  };
}

/** @param {any} g */
export function glossaryInfo(g) {
  const { entries, ...info } = g;
  return { ...info, ready: true, entry_count: entries.size };
}

/**
 * @typedef {{ get(name: string): string | undefined; all(name: string): string[]; list(name: string): string[] }} Params
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
