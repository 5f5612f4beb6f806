/**
 * People's names kept out of the engine's reach. Apertium translates a surname that is also a
 * French word — « Laurent Brun » → "Laurent Moreno", « Bruno Le Maire » → "Bruno The Mayor",
 * « Julie Boulanger » → "Julie Baker", « M. Bonnet » → "Cap" — and a news article names people
 * the glossary has never heard of. Before the engine, each name is replaced by a placeholder it
 * passes through untouched (the glossary's kind, `__E<n>__`, numbered after the text's own); after
 * it, the placeholder is the name again, as written.
 *
 * A name is:
 * - a given name (given-names.ts; a compound whose every part is one: « Jean-Luc ») followed by
 *   one to three surname words — a capitalised word (« Brun », « Saint-Just », « BRUN »), which
 *   a particle may precede (« Le Maire », « de Villepin », « d’Estaing », « Van Gogh »);
 * - a title of address (« M. », « Mme », « Mlle », « Me », « Dr », « Pr ») followed by the same;
 *   the title stays outside (the courtesy-title rule drops it from the English);
 * - later in the same batch, a surname found so alone (« Brun a ajouté »).
 */
import { highestPlaceholder, placeholderPattern, tokenPlaceholder } from '../glossary/placeholder.js';
import { GIVEN_NAMES } from './given-names.js';

// Latin letters spelled out rather than \p{Lu} / \p{Ll}: names in French copy are in Latin script,
// and a pattern built of Unicode property classes cost 35 ms to compile on first use (V8 tiers a
// regular expression up to machine code), more than the whole engine exchange of an article.
const UPPER = '[A-ZÀ-ÖØ-ÞĀ-ſ]';
const LOWER = '[a-zß-öø-ÿĀ-ſ\\u0300-\\u036f]';
const LETTER = 'A-Za-zÀ-ÖØ-öø-ÿĀ-ſ';
/** A capitalised word, hyphenated parts each capitalised, or all capitals: « Brun », « Saint-Just », « BRUN », « O’Neill ». */
const SURNAME_WORD = `(?:${UPPER}${LOWER}+(?:[’']${UPPER}${LOWER}+)?(?:-${UPPER}${LOWER}+)*|${UPPER}{2,}(?:-${UPPER}{2,})*)`;
/** Particles of surnames, before a capitalised word. */
const PARTICLE = String.raw`(?:(?:de|du|des|De|Du|Des|le|la|Le|La|van|Van|von|Von|der|Der|den|ben|Ben|bin|el|El|al|Al|da|Da|di|Di|dos|Dos)\s+|[dD][’'])`;
const SURNAME = `(?:${PARTICLE}?${SURNAME_WORD})`;
/** A given name: a capitalised word, or hyphenated ones (checked against the list apart). */
const GIVEN = `${UPPER}${LOWER}+(?:-${UPPER}${LOWER}+)*`;
const TITLE = String.raw`(?:M\.|MM\.|Mme|Mmes|Mlle|Mlles|Me|Dr|Pr)`;
/** Not inside a word, a placeholder or a hyphenated compound. */
const BEFORE = `(?<![${LETTER}0-9_’'-])`;
const AFTER = `(?![${LETTER}0-9_-])`;

/** Given name + surname: group 1 the given name, group 2 the surname (up to three words). */
const FULL_NAME = new RegExp(`${BEFORE}(${GIVEN})\\s+(${SURNAME}(?:\\s+${SURNAME}){0,2})${AFTER}`, 'gu');
/** Title + (given name) + surname: group 1 the name after the title. */
const TITLED_NAME = new RegExp(
  `${BEFORE}${TITLE}\\s+((?:${GIVEN}\\s+)?${SURNAME}(?:\\s+${SURNAME}){0,2})${AFTER}`,
  'gu',
);

const isGivenName = (word: string) => word.split('-').every((part) => GIVEN_NAMES.has(part));

interface Span {
  start: number;
  end: number;
}

/** Where the names of `text` are, and the surnames they end with (for bare mentions elsewhere). */
export function personNames(text: string): { spans: Span[]; surnames: Set<string> } {
  const spans: Span[] = [];
  const surnames = new Set<string>();
  for (const match of text.matchAll(TITLED_NAME)) {
    const name = match[1] ?? '';
    const start = (match.index ?? 0) + match[0].length - name.length;
    spans.push({ start, end: start + name.length });
    surnames.add(lastSurname(name));
  }
  for (const match of text.matchAll(FULL_NAME)) {
    const [whole, given = '', surname = ''] = match;
    if (!isGivenName(given)) continue;
    const start = match.index ?? 0;
    spans.push({ start, end: start + whole.length });
    surnames.add(lastSurname(surname));
  }
  return { spans: merge(spans), surnames };
}

/** « Le Maire » → « Le Maire »; « Jean de La Fontaine » → « La Fontaine »: the surname as written alone. */
function lastSurname(name: string): string {
  const words = name.split(/\s+/);
  const last = words.at(-1) ?? '';
  const before = words.at(-2) ?? '';
  return /^(?:Le|La|Du|Des|De|Van|Von|Der|Ben|El|Al|Da|Di|Dos)$/.test(before) ? `${before} ${last}` : last;
}

function merge(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const span of sorted) {
    const last = out.at(-1);
    if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
    else out.push({ ...span });
  }
  return out;
}

/** A text with its names replaced, and how to put them back. */
export interface ProtectedNames {
  text: string;
  /** The placeholder of each name, and the name. */
  names: [placeholder: string, name: string][];
}

/**
 * The names of each text replaced by placeholders: full and titled names, and in every text of
 * the batch, the surnames those names end with when they stand alone, capitalised.
 */
export function protectNames(texts: readonly string[]): ProtectedNames[] {
  const found = texts.map(personNames);
  const surnames = [...new Set(found.flatMap(({ surnames: s }) => [...s]))]
    .filter((s) => s.length >= 3)
    .sort((a, b) => b.length - a.length);
  const bare =
    surnames.length === 0
      ? undefined
      : new RegExp(`${BEFORE}(?:${surnames.map(escapeRegExp).join('|')})${AFTER}`, 'gu');
  return texts.map((text, i) => {
    const spans = [...(found[i]?.spans ?? [])];
    if (bare) {
      for (const match of text.matchAll(bare)) {
        const start = match.index ?? 0;
        spans.push({ start, end: start + match[0].length });
      }
    }
    return replaceSpans(text, dropPlaceholders(text, merge(spans)));
  });
}

/** A span that would cut a glossary placeholder is not a name. */
function dropPlaceholders(text: string, spans: Span[]): Span[] {
  const placeholders = [...text.matchAll(placeholderPattern())].map((m) => ({
    start: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
  }));
  return spans.filter((s) => !placeholders.some((p) => s.start < p.end && p.start < s.end));
}

function replaceSpans(text: string, spans: Span[]): ProtectedNames {
  let next = highestPlaceholder(text) + 1;
  const names: [string, string][] = [];
  let out = '';
  let at = 0;
  for (const span of spans) {
    const placeholder = tokenPlaceholder(next++);
    names.push([placeholder, text.slice(span.start, span.end)]);
    out += text.slice(at, span.start) + placeholder;
    at = span.end;
  }
  return { text: out + text.slice(at), names };
}

/** The names put back; undefined when a placeholder did not come back exactly once (the caller translates the text unprotected). */
export function restoreNames(text: string, names: ProtectedNames['names']): string | undefined {
  let out = text;
  for (const [placeholder, name] of names) {
    const parts = out.split(placeholder);
    if (parts.length !== 2) return undefined;
    out = parts.join(name);
  }
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
