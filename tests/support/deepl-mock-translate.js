// @ts-check
/**
 * The test server's "translation": deterministic, glossary-aware and tag-preserving, so tests
 * can assert what DeepL was asked to do. A text becomes `<TARGET>: <text>` (e.g. `EN-US: Le
 * président <x id="1"/> a parlé.`) with glossary terms replaced by their targets outside tags.
 * `untranslate()` reverses the marker.
 */

/**
 * @typedef {{ tagHandling?: string; ignoreTags: string[]; glossary?: Map<string, string> }} TranslateParams
 */

const TAG = /<\/?[A-Za-z_][\w.-]*(?:\s+[^<>]*?)?\/?>/g;

/**
 * Replaces whole-word glossary sources by their targets, longest source first, in one pass
 * (a replaced target is never matched again).
 * @param {string} text
 * @param {Map<string, string>} glossary
 */
export function applyGlossary(text, glossary) {
  if (glossary.size === 0) return text;
  const sources = [...glossary.keys()].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${sources.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`,
    'gu',
  );
  return text.replace(pattern, (source) => glossary.get(source) ?? source);
}

/**
 * @param {string} text
 * @param {string} targetLang as sent (`EN-US`, `en-gb`, `EN`)
 * @param {TranslateParams} params
 */
export function mockTranslate(text, targetLang, params) {
  const glossary = params.glossary ?? new Map();
  const body =
    params.tagHandling === 'xml' || params.tagHandling === 'html'
      ? translateMarkup(text, glossary, new Set(params.ignoreTags))
      : applyGlossary(text, glossary);
  return `${targetLang.toUpperCase()}: ${body}`;
}

/** Strips the marker `mockTranslate` adds. */
export function untranslate(/** @type {string} */ text) {
  return text.replace(/^[A-Z]{2}(?:-[A-Z]{2})?: /, '');
}

/**
 * Tags pass through verbatim; text inside an ignored tag is left alone.
 * @param {string} text
 * @param {Map<string, string>} glossary
 * @param {Set<string>} ignored
 */
function translateMarkup(text, glossary, ignored) {
  let out = '';
  let last = 0;
  /** @type {string[]} open ignored tags */
  const ignoring = [];
  for (const match of text.matchAll(TAG)) {
    const run = text.slice(last, match.index);
    out += ignoring.length > 0 ? run : applyGlossary(run, glossary);
    const tag = match[0];
    const name = /^<\/?([^\s/>]+)/.exec(tag)?.[1] ?? '';
    if (ignored.has(name) && !tag.endsWith('/>')) {
      if (tag.startsWith('</')) ignoring.pop();
      else ignoring.push(name);
    }
    out += tag;
    last = match.index + tag.length;
  }
  const rest = text.slice(last);
  return out + (ignoring.length > 0 ? rest : applyGlossary(rest, glossary));
}

/** @param {string} s */
function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
