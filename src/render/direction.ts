/**
 * Writing direction from a BCP 47 language tag, for `dir` on the review page: the languages written
 * right to left (Arabic, Hebrew, Persian, Urdu, Pashto, Sindhi, Uyghur, Yiddish, Dhivehi, Kurdish in
 * Arabic script…), or any tag with an RTL script subtag (Arab, Hebr, Syrc, Thaa, Nkoo, Adlm, Rohg).
 * A Latin or Cyrillic script subtag (`ku-Latn`, `az-Cyrl`) wins over the language.
 */
const RTL_LANGUAGES = new Set([
  'ar',
  'arc',
  'ckb',
  'dv',
  'fa',
  'he',
  'iw',
  'ks',
  'ku',
  'ps',
  'sd',
  'ug',
  'ur',
  'yi',
]);
const RTL_SCRIPTS = new Set(['arab', 'hebr', 'syrc', 'thaa', 'nkoo', 'adlm', 'rohg', 'mand', 'samr']);

export function directionOf(lang: string): 'rtl' | 'ltr' {
  const [language = '', ...rest] = lang.toLowerCase().split(/[-_]/);
  const script = rest.find((part) => /^[a-z]{4}$/.test(part));
  if (script !== undefined) return RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
  return RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
}

/** ` dir="rtl"` for a right-to-left language, '' otherwise (ltr is the page's default). */
export function dirAttribute(lang: string): string {
  return directionOf(lang) === 'rtl' ? ' dir="rtl"' : '';
}
