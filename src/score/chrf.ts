/**
 * chrF and chrF++ (Popović 2015, 2017), computed as sacreBLEU 2.x computes them
 * (sacrebleu/metrics/chrf.py, helpers.py), so our figures compare with published ones:
 * character n-grams of the segment with its whitespace removed, counted by code point;
 * chrF++ adds word n-grams after splitting a final or initial punctuation mark off each word;
 * statistics are summed over the corpus before the F-score. Default: chrF2 (beta 2, six
 * character orders, no word order) with sacreBLEU's default "effective order" averaging.
 */

export interface ChrfOptions {
  /** Character n-gram orders, 1..charOrder (sacreBLEU: 6). */
  readonly charOrder?: number;
  /** Word n-gram orders; 2 gives chrF++ (sacreBLEU: 0). */
  readonly wordOrder?: number;
  /** Weight of recall over precision (sacreBLEU: 2). */
  readonly beta?: number;
  /** chrF++.py / NLTK epsilon smoothing instead of effective-order averaging (sacreBLEU: false). */
  readonly epsSmoothing?: boolean;
  readonly lowercase?: boolean;
  /** Keep whitespace inside character n-grams (sacreBLEU: false). */
  readonly whitespace?: boolean;
}

const PUNCTUATION = new Set('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~');

type Counts = Map<string, number>;

function count(items: readonly string[]): Counts {
  const counts: Counts = new Map();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

function charNgrams(line: string, n: number): Counts {
  const chars = Array.from(line);
  const grams: string[] = [];
  for (let i = 0; i + n <= chars.length; i++) grams.push(chars.slice(i, i + n).join(''));
  return count(grams);
}

function wordNgrams(words: readonly string[], n: number): Counts {
  const grams: string[] = [];
  for (let i = 0; i + n <= words.length; i++) grams.push(words.slice(i, i + n).join(' '));
  return count(grams);
}

const splitWords = (text: string): string[] => text.split(/\s+/u).filter((word) => word !== '');

/** sacreBLEU's `_remove_punctuation`: `said,` → `said` `,`; `(hi` → `(` `hi`. */
function wordsForChrf(text: string): string[] {
  const out: string[] = [];
  for (const word of splitWords(text)) {
    const chars = Array.from(word);
    const [first = '', last = ''] = [chars[0], chars.at(-1)];
    if (chars.length === 1) out.push(word);
    else if (PUNCTUATION.has(last)) out.push(chars.slice(0, -1).join(''), last);
    else if (PUNCTUATION.has(first)) out.push(first, chars.slice(1).join(''));
    else out.push(word);
  }
  return out;
}

function ngramsOf(text: string, o: Required<ChrfOptions>): Counts[] {
  const line = o.lowercase ? text.toLowerCase() : text;
  const chars = o.whitespace ? line : splitWords(line).join('');
  const all: Counts[] = [];
  for (let n = 1; n <= o.charOrder; n++) all.push(charNgrams(chars, n));
  const words = o.wordOrder > 0 ? wordsForChrf(line) : [];
  for (let n = 1; n <= o.wordOrder; n++) all.push(wordNgrams(words, n));
  return all;
}

/** Per n-gram order (characters, then words): hypothesis count, reference count, matches. */
type Counted = [hyp: number, ref: number, matches: number];

function statistics(hypothesis: string, reference: string, o: Required<ChrfOptions>): Counted[] {
  const hyp = ngramsOf(hypothesis, o);
  const ref = ngramsOf(reference, o);
  return hyp.map((h, i) => {
    // Both sides have the same orders (ngramsOf of the same options).
    const r = ref[i] ?? new Map<string, number>();
    let hypCount = 0;
    let matches = 0;
    for (const [gram, n] of h) {
      hypCount += n;
      matches += Math.min(n, r.get(gram) ?? 0);
    }
    let refCount = 0;
    for (const n of r.values()) refCount += n;
    return [r.size > 0 ? hypCount : 0, refCount, matches];
  });
}

function fScore(stats: readonly Counted[], o: Required<ChrfOptions>): number {
  const eps = 1e-16;
  const factor = o.beta ** 2;
  const orders = stats.length;
  let score = 0;
  let effective = 0;
  let avgPrec = 0;
  let avgRec = 0;
  for (const [nHyp, nRef, nMatch] of stats) {
    const prec = nHyp > 0 ? nMatch / nHyp : eps;
    const rec = nRef > 0 ? nMatch / nRef : eps;
    const denom = factor * prec + rec;
    score += denom > 0 ? ((1 + factor) * prec * rec) / denom : eps;
    if (nHyp > 0 && nRef > 0) {
      avgPrec += prec;
      avgRec += rec;
      effective++;
    }
  }
  if (o.epsSmoothing) return (100 * score) / orders;
  if (effective === 0) return 0;
  avgPrec /= effective;
  avgRec /= effective;
  if (avgPrec + avgRec === 0) return 0;
  return (100 * (1 + factor) * avgPrec * avgRec) / (factor * avgPrec + avgRec);
}

function withDefaults(options: ChrfOptions): Required<ChrfOptions> {
  return {
    charOrder: 6,
    wordOrder: 0,
    beta: 2,
    epsSmoothing: false,
    lowercase: false,
    whitespace: false,
    ...options,
  };
}

/** Corpus-level chrF (0–100) of aligned hypotheses and references (one reference each). */
export function corpusChrf(
  hypotheses: readonly string[],
  references: readonly string[],
  options: ChrfOptions = {},
): number {
  if (hypotheses.length !== references.length) {
    throw new Error(`chrF: ${hypotheses.length} hypotheses for ${references.length} references`);
  }
  const o = withDefaults(options);
  const total = Array.from({ length: o.charOrder + o.wordOrder }, (): Counted => [0, 0, 0]);
  hypotheses.forEach((hypothesis, i) => {
    statistics(hypothesis, references[i] ?? '', o).forEach(([hyp, ref, matches], j) => {
      const sum = total[j];
      if (sum) total[j] = [sum[0] + hyp, sum[1] + ref, sum[2] + matches];
    });
  });
  return fScore(total, o);
}

/** Sentence-level chrF of one hypothesis against one reference. */
export function sentenceChrf(hypothesis: string, reference: string, options: ChrfOptions = {}): number {
  return corpusChrf([hypothesis], [reference], options);
}
