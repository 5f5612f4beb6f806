/**
 * Reading numbers written in words (tables in words.ts). Hyphenated compounds are read part by part
 * (quatre-vingt-dix, vingt-et-unième, twenty-first); words separated by spaces join only the way the
 * grammar joins them: after a hundred or a scale (deux cent cinquante, two thousand and five), "et un"
 * after a ten (vingt et un), units after "quatre" for vingt. So "vingt et vingt-cinq" is 20 and 25.
 */
import { decimal, type Language, type Quantity } from './types.js';
import { TABLES, WEAK } from './words.js';

const WORD = /\p{L}+(?:[-\u2010\u2011]\p{L}+)*/gu;

interface Word {
  text: string;
  start: number;
  end: number;
}

type Part =
  | { kind: 'small'; value: number }
  | { kind: 'hundred' }
  | { kind: 'scale'; value: number }
  | { kind: 'ordinal'; value: number };

/** Every word a number may start with, per language: most texts have none, and are skipped at once. */
const STARTERS: Record<Language, ReadonlySet<string>> = {
  fr: startersOf('fr'),
  en: startersOf('en'),
};

function startersOf(lang: Language): Set<string> {
  const t = TABLES[lang];
  const words = [
    ...Object.keys(t.small),
    ...t.hundred,
    ...Object.keys(t.scales),
    ...Object.keys(t.ordinals),
    ...Object.keys(t.optional),
    ...t.one,
    ...Object.keys(t.approx).flatMap((w) => [w, `${w}s`]),
    'millions',
    'milliards',
  ];
  return new Set(words);
}

const FIRST_PIECE = /\p{L}+/gu;

export function wordQuantities(text: string, lang: Language): Quantity[] {
  const starters = STARTERS[lang];
  let any = false;
  for (const m of text.matchAll(FIRST_PIECE)) {
    if (starters.has(m[0].toLowerCase())) {
      any = true;
      break;
    }
  }
  if (!any) return [];
  const words = [...text.matchAll(WORD)].flatMap((m) => numberPrefix(m[0].toLowerCase(), m.index, lang));
  const table = TABLES[lang];
  const out: Quantity[] = [];
  const joined = (a: Word, b: Word) => /^[ \u00A0\u202F]+$/.test(text.slice(a.end, b.start));
  let i = 0;
  for (let word = words[i]; word !== undefined; word = words[i]) {
    const parts = partsOf(word.text, lang);
    const next = words[i + 1];
    // "a dozen", "une dizaine", "deux centaines", "des milliers", "hundreds".
    const approx = approxOf(word.text, lang);
    if (approx) {
      out.push({ raw: word.text, start: word.start, end: word.end, values: [], optional: true, approx });
      i += 1;
      continue;
    }
    if (parts === undefined) {
      if (table.one.includes(word.text) && next && joined(word, next)) {
        const after = partsOf(next.text, lang);
        const approxNext = approxOf(next.text, lang);
        if (approxNext) {
          out.push({
            raw: `${word.text} ${next.text}`,
            start: word.start,
            end: next.end,
            values: [],
            optional: true,
            approx: approxNext,
          });
          i += 2;
          continue;
        }
        if (after?.[0]?.kind === 'hundred' || after?.[0]?.kind === 'scale') {
          const run = readRun(words, i + 1, lang, joined, 1);
          out.push(run.quantity);
          i = run.next;
          continue;
        }
      }
      const optional = table.optional[word.text];
      if (optional !== undefined && !(lang === 'fr' && word.text === 'cent'))
        out.push({
          raw: word.text,
          start: word.start,
          end: word.end,
          values: [decimal(optional)],
          optional: true,
        });
      i += 1;
      continue;
    }
    // "pour cent" is per cent, not a hundred.
    if (lang === 'fr' && word.text === 'cent' && words[i - 1]?.text === 'pour') {
      i += 1;
      continue;
    }
    const run = readRun(words, i, lang, joined, undefined);
    out.push(run.quantity);
    i = run.next;
  }
  return out;
}

/**
 * A compound whose leading parts are number words is read for them: "fourth-ranking" is fourth,
 * "four-year-old" four, "trois-mâts" trois; the rest becomes words of its own.
 */
function numberPrefix(word: string, start: number, lang: Language): Word[] {
  if (partsOf(word, lang) !== undefined || !/[-\u2010\u2011]/.test(word))
    return [{ text: word, start, end: start + word.length }];
  const pieces = word.split(/(?=[-\u2010\u2011])/);
  for (let n = pieces.length - 1; n > 0; n--) {
    const head = pieces.slice(0, n).join('');
    if (partsOf(head, lang) === undefined) continue;
    const rest = word.slice(head.length + 1);
    return [
      { text: head, start, end: start + head.length },
      // A hyphen, not a space, before the rest: it does not join the number.
      { text: `-${rest}`, start: start + head.length, end: start + word.length },
    ];
  }
  return [{ text: word, start, end: start + word.length }];
}

/** A word's parts when every part is a number word, else undefined. */
function partsOf(word: string, lang: Language): Part[] | undefined {
  const table = TABLES[lang];
  const pieces = word.split(/[-\u2010\u2011]/);
  const parts: Part[] = [];
  for (const [k, piece] of pieces.entries()) {
    if (piece === table.and && k > 0 && k < pieces.length - 1) continue;
    const small = table.small[piece];
    const scale = table.scales[piece];
    const ordinal = table.ordinals[piece];
    const optional = table.optional[piece];
    if (small !== undefined) parts.push({ kind: 'small', value: small });
    else if (table.hundred.includes(piece)) parts.push({ kind: 'hundred' });
    else if (scale !== undefined) parts.push({ kind: 'scale', value: scale });
    else if (ordinal !== undefined) parts.push({ kind: 'ordinal', value: ordinal });
    // Inside a compound, "first" and "second" are ordinals: twenty-first.
    else if (k > 0 && optional !== undefined && /^(?:first|second)$/.test(piece))
      parts.push({ kind: 'ordinal', value: optional });
    else return undefined;
  }
  return parts;
}

interface RunState {
  total: number;
  current: number;
  /** The last part read: what may follow it. */
  last: 'none' | 'unit' | 'teen' | 'ten' | 'hundred' | 'scale' | 'ordinal';
}

function readRun(
  words: readonly Word[],
  from: number,
  lang: Language,
  joined: (a: Word, b: Word) => boolean,
  multiplier: number | undefined,
): { quantity: Quantity; next: number } {
  const table = TABLES[lang];
  const state: RunState = { total: 0, current: multiplier ?? 0, last: multiplier ? 'unit' : 'none' };
  let i = from;
  let end = from;
  let compound = multiplier !== undefined;
  for (let word = words[i]; word !== undefined; word = words[i]) {
    const previous = words[i - 1];
    if (i > from && previous && !joined(previous, word)) break;
    let parts = partsOf(word.text, lang);
    let consumed = 1;
    if (parts === undefined && word.text === table.and && i > from) {
      // vingt et un, soixante et onze; a hundred and five, two thousand and ten.
      const nextWord = words[i + 1];
      const after = nextWord && joined(word, nextWord) ? partsOf(nextWord.text, lang) : undefined;
      const first = after?.[0];
      const fits =
        first !== undefined &&
        (lang === 'fr'
          ? state.last === 'ten' && first.kind === 'small' && (first.value === 1 || first.value === 11)
          : (state.last === 'hundred' || state.last === 'scale') && first.kind === 'small');
      if (!fits) break;
      parts = after;
      consumed = 2;
    }
    if (parts === undefined) break;
    const [head] = parts;
    if (i > from && consumed === 1 && head && !accepts(state, head)) break;
    for (const part of parts) add(state, part);
    if (i > from || word.text.includes('-')) compound = true;
    i += consumed;
    end = i;
    if (state.last === 'ordinal') break;
  }
  // Callers start a run at a number word (after its multiplier, "a" in "a hundred", when there is
  // one), so the run holds words[from] and words[from - 1] is the multiplier: from < end.
  // biome-ignore lint/style/noNonNullAssertion: the run's first word, see above.
  const first = words[from]!;
  // biome-ignore lint/style/noNonNullAssertion: the run's last word, see above.
  const lastWord = words[end - 1]!;
  const value = state.total + state.current;
  const single = end - from === 1 && !compound ? first.text : undefined;
  const start = multiplier !== undefined ? (words[from - 1] ?? first).start : first.start;
  const raw = words
    .slice(from, end)
    .map((w) => w.text)
    .join(' ');
  // A bare "million" or "thousand" (several hundred, des millions) is a magnitude, not a count.
  const bareScale =
    single !== undefined &&
    (table.scales[single] !== undefined || table.hundred.includes(single)) &&
    !(lang === 'fr' && (single === 'cent' || single === 'mille'));
  if (bareScale) {
    return {
      quantity: {
        raw,
        start,
        end: lastWord.end,
        values: [],
        optional: true,
        approx: { low: value, high: value * 1000 },
      },
      next: end,
    };
  }
  return {
    quantity: {
      raw,
      start,
      end: lastWord.end,
      values: [decimal(value)],
      optional: single !== undefined && WEAK[lang].has(single),
    },
    next: end,
  };
}

function accepts(state: RunState, part: Part): boolean {
  switch (part.kind) {
    case 'small':
      if (state.last === 'hundred' || state.last === 'scale') return part.value < 100;
      // quatre vingts (old spelling without hyphen) is 80.
      if (state.last === 'unit' && state.current === 4 && part.value === 20) return true;
      return false;
    case 'hundred':
      return (state.last === 'unit' || state.last === 'teen' || state.last === 'ten') && state.current < 100;
    case 'scale':
      return state.last !== 'none' && state.last !== 'ordinal';
    case 'ordinal':
      return state.last === 'hundred' || state.last === 'scale' || state.last === 'ten';
  }
}

function add(state: RunState, part: Part): void {
  switch (part.kind) {
    case 'small':
      // quatre-vingt(s): four twenties.
      if (part.value === 20 && state.current % 100 === 4 && state.last === 'unit') state.current += 76;
      else state.current += part.value;
      state.last = part.value < 10 ? 'unit' : part.value < 20 ? 'teen' : 'ten';
      return;
    case 'hundred':
      state.current = (state.current % 100 || 1) * 100 + (state.current - (state.current % 100));
      state.last = 'hundred';
      return;
    case 'scale':
      state.total += (state.current || 1) * part.value;
      state.current = 0;
      state.last = 'scale';
      return;
    case 'ordinal':
      if (part.value >= 100) state.current = (state.current || 1) * part.value;
      else state.current += part.value;
      state.last = 'ordinal';
  }
}

/** une dizaine ≈ 10 (70 %–150 %); des dizaines, dozens, hundreds: many, at least twice. */
function approxOf(word: string, lang: Language): { low: number; high: number } | undefined {
  const table = TABLES[lang];
  const singular = table.approx[word];
  // English "hundred", "thousand", "ten" are exact numbers in the singular: only their plural is approximate.
  if (singular !== undefined && (lang === 'fr' || word === 'dozen' || word === 'score'))
    return { low: singular * 0.7, high: singular * 1.5 };
  const stem = word.endsWith('s') ? word.slice(0, -1) : undefined;
  const plural = stem === undefined ? undefined : table.approx[stem];
  if (plural !== undefined) return { low: plural * 2, high: plural * 1000 };
  if (lang === 'fr' && (word === 'millions' || word === 'milliards')) {
    const v = word === 'millions' ? 1e6 : 1e9;
    return { low: v * 2, high: v * 1000 };
  }
  return undefined;
}
