// @ts-check
/**
 * DeepL's glossary endpoints as the test server speaks them, v2 and v3, over one store per account.
 *
 * v2 (/v2/glossaries): one language pair per glossary, created and deleted, never edited.
 * v3 (/v3/glossaries): a glossary holds dictionaries, one per language pair; v3 also edits them
 * (PATCH merges entries into one dictionary, PUT …/dictionaries replaces or adds one, DELETE
 * …/dictionaries removes one).
 *
 * One store, as DeepL keeps it ("v2 vs v3 endpoints"): "you can simply start using v3 endpoints
 * with any glossary", and glossaries created through v3 are "still queriable via the v2 API" —
 * here v2 shows a glossary through its first dictionary. "Once a glossary has been edited via the
 * v3 glossary API … we disable deletion (for this glossary) through the v2 glossary API": a v2
 * DELETE of such a glossary is refused (DeepL does not document the status; 400 here).
 *
 * Shapes: DeepL's API reference and OpenAPI file (CreateMultilingualGlossaryParameters,
 * MultilingualGlossary, GlossaryDictionary), checked against what deepl-node 1.28 sends
 * (utils.js appendDictionaryEntries: `dictionaries[i].source_lang` … form fields) and parses
 * (parsing.js: parseRawGlossaryInfo, parseRawMultilingualGlossaryInfo,
 * parseMultilingualGlossaryDictionaryEntries). Languages are stored and answered in lower case.
 */
import { randomUUID } from 'node:crypto';
import { GLOSSARY_PAIRS, HttpError } from './deepl-server-protocol.js';

/**
 * @typedef {{ source_lang: string; target_lang: string; entries: Map<string, string> }} Dictionary
 * @typedef {{
 *   glossary_id: string; name: string; creation_time: string; api: 'v2' | 'v3';
 *   editedByV3: boolean; dictionaries: Dictionary[];
 * }} Glossary
 * @typedef {{ status: number; payload?: unknown; contentType?: string }} Answer
 * @typedef {{
 *   method: string; path: string; params: import('./deepl-server-protocol.js').Params;
 *   glossaries: Map<string, Glossary>; apis: ReadonlySet<string>;
 *   stats: { glossaryCreates: number; glossaryDeletes: number; glossaryRequests: Record<string, number> };
 * }} GlossaryRequest
 */

const NOT_FOUND = { status: 404, payload: { message: 'Glossary not found' } };

/**
 * Answers a request to /v2/glossaries… or /v3/glossaries…; undefined for any other path, and
 * for the glossary API of a version the server does not speak (an older DeepL-compatible server
 * without /v3, or a later one without /v2): the caller answers 404 as for any unknown path.
 * @param {GlossaryRequest} request @returns {Answer | undefined}
 */
export function answerGlossaries(request) {
  const route = /^\/(v2|v3)\/glossaries(?:\/([^/]+)(?:\/(entries|dictionaries))?)?$/.exec(request.path);
  if (!route) return undefined;
  const [, version = '', id, sub] = route;
  request.stats.glossaryRequests[version] = (request.stats.glossaryRequests[version] ?? 0) + 1;
  if (!request.apis.has(version)) return undefined;
  return version === 'v2' ? answerV2(request, id, sub) : answerV3(request, id, sub);
}

/** @param {GlossaryRequest} request @param {string | undefined} id @param {string | undefined} sub @returns {Answer | undefined} */
function answerV2(request, id, sub) {
  const { method, params, glossaries, stats } = request;
  if (id === undefined) {
    return answerCollection(request, v2Info, () =>
      newGlossary(required(params.get('name'), 'name'), 'v2', [dictionaryOf(fieldsOf(params))]),
    );
  }
  const glossary = glossaries.get(id);
  if (!glossary) return NOT_FOUND;
  const first = glossary.dictionaries[0];
  if (method === 'GET' && sub === 'entries') {
    return {
      status: 200,
      payload: tsv(first?.entries),
      contentType: 'text/tab-separated-values; charset=utf-8',
    };
  }
  if (sub !== undefined) return undefined;
  if (method === 'GET') return { status: 200, payload: v2Info(glossary) };
  if (method === 'DELETE') {
    if (glossary.editedByV3) {
      throw new HttpError(400, 'This glossary was edited through the v3 API; delete it through the v3 API.');
    }
    glossaries.delete(id);
    stats.glossaryDeletes++;
    return { status: 204 };
  }
  return undefined;
}

/** @param {GlossaryRequest} request @param {string | undefined} id @param {string | undefined} sub @returns {Answer | undefined} */
function answerV3(request, id, sub) {
  const { method, params, glossaries, stats } = request;
  if (id === undefined) {
    return answerCollection(request, v3Info, () => {
      const name = required(params.get('name'), 'name');
      const dictionaries = dictionariesOf(params);
      if (dictionaries.length === 0) throw new HttpError(400, "Parameter 'dictionaries' not specified.");
      return newGlossary(name, 'v3', distinctPairs(dictionaries.map(dictionaryOf)));
    });
  }
  const glossary = glossaries.get(id);
  if (!glossary) return NOT_FOUND;
  if (sub === undefined) {
    if (method === 'GET') return { status: 200, payload: v3Info(glossary) };
    if (method === 'DELETE') {
      glossaries.delete(id);
      stats.glossaryDeletes++;
      return { status: 204 };
    }
    if (method === 'PATCH') return { status: 200, payload: v3Info(patchGlossary(glossary, params)) };
    return undefined;
  }
  if (sub === 'entries' && method === 'GET') {
    const dictionary = findDictionary(glossary, pairOf(params));
    const { source_lang, target_lang, entries } = dictionary;
    return {
      status: 200,
      payload: { dictionaries: [{ source_lang, target_lang, entries: tsv(entries), entries_format: 'tsv' }] },
    };
  }
  if (sub === 'dictionaries' && method === 'PUT') {
    const dictionary = dictionaryOf(fieldsOf(params));
    replaceDictionary(glossary, dictionary);
    return { status: 200, payload: dictionaryInfo(dictionary) };
  }
  if (sub === 'dictionaries' && method === 'DELETE') {
    const dictionary = findDictionary(glossary, pairOf(params));
    // DeepL documents no answer for removing the last dictionary; refusing keeps every glossary usable.
    if (glossary.dictionaries.length === 1)
      throw new HttpError(400, 'A glossary keeps at least one dictionary.');
    glossary.dictionaries = glossary.dictionaries.filter((d) => d !== dictionary);
    glossary.editedByV3 = true;
    return { status: 204 };
  }
  return undefined;
}

/**
 * /vN/glossaries itself: POST creates (201, the new glossary as `info` shows it), GET lists.
 * @param {GlossaryRequest} request @param {(g: Glossary) => unknown} info @param {() => Glossary} create
 * @returns {Answer | undefined}
 */
function answerCollection({ method, glossaries, stats }, info, create) {
  if (method === 'GET') return { status: 200, payload: { glossaries: [...glossaries.values()].map(info) } };
  if (method !== 'POST') return undefined;
  const glossary = create();
  glossaries.set(glossary.glossary_id, glossary);
  stats.glossaryCreates++;
  return { status: 201, payload: info(glossary) };
}

/**
 * PATCH: a new name and/or one dictionary whose entries are merged into the glossary's
 * dictionary for that pair (added when it has none). DeepL: "Currently only supports 0 or 1
 * dictionaries in the array."
 * @param {Glossary} glossary @param {import('./deepl-server-protocol.js').Params} params
 */
function patchGlossary(glossary, params) {
  const dictionaries = dictionariesOf(params);
  if (dictionaries.length > 1) throw new HttpError(400, 'Only one dictionary can be edited per request.');
  const name = params.get('name');
  if (name === undefined && dictionaries.length === 0) {
    throw new HttpError(400, "Specify 'name' or 'dictionaries'.");
  }
  if (name !== undefined) glossary.name = required(name, 'name');
  const [fields] = dictionaries;
  if (fields) {
    const update = dictionaryOf(fields);
    const known = glossary.dictionaries.find((d) => samePair(d, update));
    if (known) for (const [source, target] of update.entries) known.entries.set(source, target);
    else glossary.dictionaries.push(update);
  }
  glossary.editedByV3 = true;
  return glossary;
}

/** @param {Glossary} glossary @param {Dictionary} dictionary */
function replaceDictionary(glossary, dictionary) {
  const at = glossary.dictionaries.findIndex((d) => samePair(d, dictionary));
  if (at === -1) glossary.dictionaries.push(dictionary);
  else glossary.dictionaries[at] = dictionary;
  glossary.editedByV3 = true;
}

/**
 * The dictionary /v2/translate applies for its `glossary_id`: that glossary's dictionary for the
 * request's pair, by base language (glossaries are not regional: an `en` dictionary serves EN-US
 * and EN-GB), whichever API created the glossary.
 * @param {Map<string, Glossary>} glossaries @param {string} glossaryId
 * @param {string} sourceLang @param {string} targetLang
 */
export function translationDictionary(glossaries, glossaryId, sourceLang, targetLang) {
  const glossary = glossaries.get(glossaryId);
  if (!glossary) throw new HttpError(404, 'Glossary not found');
  const pair = { source_lang: sourceLang.toLowerCase(), target_lang: baseLanguage(targetLang) };
  const dictionary = glossary.dictionaries.find((d) => samePair(d, pair));
  if (!dictionary) throw new HttpError(400, 'Language pair of the glossary does not match the request.');
  return dictionary;
}

/** The account's glossaries as a test reads them: v2's view (first dictionary) plus every dictionary. @param {Glossary} g */
export function glossarySnapshot(g) {
  return {
    ...v2Info(g),
    entries: Object.fromEntries(g.dictionaries[0]?.entries ?? []),
    api: g.api,
    dictionaries: g.dictionaries.map((d) => ({
      ...dictionaryInfo(d),
      entries: Object.fromEntries(d.entries),
    })),
  };
}

/** @param {string} name @param {'v2' | 'v3'} api @param {Dictionary[]} dictionaries @returns {Glossary} */
function newGlossary(name, api, dictionaries) {
  const creation_time = new Date().toISOString();
  return { glossary_id: randomUUID(), name, creation_time, api, editedByV3: false, dictionaries };
}

/** @param {Glossary} g */
function v2Info(g) {
  const first = g.dictionaries[0];
  return {
    glossary_id: g.glossary_id,
    name: g.name,
    ready: true,
    source_lang: first?.source_lang,
    target_lang: first?.target_lang,
    creation_time: g.creation_time,
    entry_count: first?.entries.size ?? 0,
  };
}

/** @param {Glossary} g */
function v3Info(g) {
  return {
    glossary_id: g.glossary_id,
    name: g.name,
    dictionaries: g.dictionaries.map(dictionaryInfo),
    creation_time: g.creation_time,
  };
}

/** @param {Dictionary} d */
function dictionaryInfo(d) {
  return { source_lang: d.source_lang, target_lang: d.target_lang, entry_count: d.entries.size };
}

/**
 * The `dictionaries` of a v3 request: a JSON array, or the form fields deepl-node sends
 * (`dictionaries[0].source_lang`, `dictionaries[0].entries`, …).
 * @param {import('./deepl-server-protocol.js').Params} params @returns {Record<string, unknown>[]}
 */
function dictionariesOf(params) {
  if (params.json !== undefined) {
    const list = params.json?.dictionaries;
    if (list === undefined) return [];
    if (!Array.isArray(list)) throw new HttpError(400, "Parameter 'dictionaries' must be an array.");
    return list;
  }
  const found = [];
  for (let i = 0; ; i++) {
    const field = (/** @type {string} */ name) => params.get(`dictionaries[${i}].${name}`);
    const fields = ['source_lang', 'target_lang', 'entries', 'entries_format'];
    if (fields.every((name) => field(name) === undefined)) return found;
    found.push(Object.fromEntries(fields.map((name) => [name, field(name)])));
  }
}

/** One dictionary's fields at the top level of the body (v2 POST, v3 PUT …/dictionaries). @param {import('./deepl-server-protocol.js').Params} params */
function fieldsOf(params) {
  return {
    source_lang: params.get('source_lang'),
    target_lang: params.get('target_lang'),
    entries: params.get('entries'),
    entries_format: params.get('entries_format'),
  };
}

/** @param {Record<string, unknown>} fields @returns {Dictionary} */
function dictionaryOf(fields) {
  const { source_lang, target_lang } = pairOf({ get: (name) => stringOrUndefined(fields[name]) });
  if (!GLOSSARY_PAIRS.some(([s, t]) => s === source_lang && t === target_lang)) {
    throw new HttpError(400, 'Unsupported glossary source and target language pair.');
  }
  const format = stringOrUndefined(fields.entries_format) ?? 'tsv';
  if (format !== 'tsv' && format !== 'csv')
    throw new HttpError(400, "Value for 'entries_format' not supported.");
  const text = required(stringOrUndefined(fields.entries), 'entries');
  return { source_lang, target_lang, entries: parseEntries(text, format) };
}

/** @param {Dictionary[]} dictionaries */
function distinctPairs(dictionaries) {
  dictionaries.forEach((d, i) => {
    if (dictionaries.findIndex((e) => samePair(d, e)) !== i) {
      throw new HttpError(400, `Two dictionaries for ${d.source_lang}→${d.target_lang}.`);
    }
  });
  return dictionaries;
}

/** @param {string} text @param {'tsv' | 'csv'} format @returns {Map<string, string>} */
function parseEntries(text, format) {
  const entries = new Map();
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const [source, target, ...rest] = line.split(format === 'tsv' ? '\t' : ',').map((s) => s.trim());
    if (!source || !target || rest.length > 0) throw new HttpError(400, `Invalid glossary entry: ${line}`);
    if (entries.has(source)) throw new HttpError(400, `Duplicate source term: ${source}`);
    entries.set(source, target);
  }
  return entries;
}

/** @param {{ get(name: string): string | undefined }} params */
function pairOf(params) {
  return {
    source_lang: required(params.get('source_lang'), 'source_lang').toLowerCase(),
    target_lang: required(params.get('target_lang'), 'target_lang').toLowerCase(),
  };
}

/** @param {Glossary} glossary @param {{ source_lang: string; target_lang: string }} pair */
function findDictionary(glossary, pair) {
  const dictionary = glossary.dictionaries.find((d) => samePair(d, pair));
  if (!dictionary) throw new HttpError(404, 'Dictionary not found');
  return dictionary;
}

/** @param {{ source_lang: string; target_lang: string }} a @param {{ source_lang: string; target_lang: string }} b */
function samePair(a, b) {
  return a.source_lang === b.source_lang && a.target_lang === b.target_lang;
}

/** @param {Map<string, string> | undefined} entries */
function tsv(entries) {
  return [...(entries ?? [])].map(([s, t]) => `${s}\t${t}`).join('\n');
}

/** @param {string} code */
function baseLanguage(code) {
  return code.toLowerCase().split('-')[0] ?? code;
}

/** @param {string | undefined} value @param {string} name @returns {string} */
function required(value, name) {
  if (value === undefined || value === '') throw new HttpError(400, `Parameter '${name}' not specified.`);
  return value;
}

/** @param {unknown} value */
function stringOrUndefined(value) {
  return value === undefined || value === null ? undefined : String(value);
}
