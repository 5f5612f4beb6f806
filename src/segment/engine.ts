/**
 * The generic engine: compiles a rule set once, then walks the whitespace gaps of a block and
 * asks the ordered rules whether each gap ends a sentence. It knows no French; the rules do.
 */
import type { SegmentationRule, SegmentationRules, SentenceSpan } from './types.js';

/** One regex test; rules sharing a pattern share the condition, so a gap tests it once. */
interface Condition {
  readonly id: number;
  /** Sticky, tested at the gap start (`before`: a lookbehind; `gap`) or at the gap end (`after`). */
  readonly regex: RegExp;
  readonly field: 'before' | 'after' | 'gap';
}

interface CompiledRule {
  readonly name: string;
  readonly break: boolean;
  /** Cheapest first: most gaps fail on `after` (a lowercase word follows). */
  readonly conditions: readonly Condition[];
  readonly words: ReadonlySet<string> | undefined;
}

export interface CompiledRules {
  readonly rules: readonly CompiledRule[];
  /** The break rules alone: a gap none of them accepts cannot be a boundary, whatever the order. */
  readonly breakRules: readonly CompiledRule[];
  readonly conditionCount: number;
  /** Whitespace runs, or the rule set's zero-width glued gaps. */
  readonly gaps: RegExp;
}

// Typographic wrappers around an abbreviation: `(cf.`, `« M.`, `etc.)`, `etc.»`.
const TRAILING_CLOSERS = new Set([')', ']', '}', '»', '”', '"', '’', "'"]);
const LEADING_OPENERS = new Set(['(', '[', '{', '«', '“', '"', '‘', "'"]);
const APOSTROPHES = new Set(['’', "'"]);
const WHITESPACE = /\s/u;

const compiledCache = new WeakMap<SegmentationRules, CompiledRules>();

function pattern(rule: SegmentationRule, field: Condition['field'], source: string): RegExp {
  try {
    return new RegExp(source, 'uy');
  } catch (error) {
    throw new Error(`segmentation rule "${rule.name}": invalid ${field} pattern /${rule[field]}/`, {
      cause: error,
    });
  }
}

function compileRule(
  rule: SegmentationRule,
  lists: ReadonlyMap<string, ReadonlySet<string>>,
  conditions: Map<string, Condition>,
): CompiledRule {
  let words: ReadonlySet<string> | undefined;
  if (rule.wordBeforeDotIn !== undefined) {
    words = lists.get(rule.wordBeforeDotIn);
    if (words === undefined) {
      throw new Error(`segmentation rule "${rule.name}": unknown word list "${rule.wordBeforeDotIn}"`);
    }
  }
  const sources = {
    // Lazily skips whitespace from the gap start: the gap pattern may match anywhere in the gap.
    gap: rule.gap === undefined ? undefined : `\\s*?(?:${rule.gap})`,
    after: rule.after,
    before: rule.before === undefined ? undefined : `(?<=${rule.before})`,
  };
  const ruleConditions: Condition[] = [];
  for (const field of ['gap', 'after', 'before'] as const) {
    const source = sources[field];
    if (source === undefined) continue;
    const key = `${field}\u0000${source}`;
    let condition = conditions.get(key);
    if (condition === undefined) {
      condition = { id: conditions.size, regex: pattern(rule, field, source), field };
      conditions.set(key, condition);
    }
    ruleConditions.push(condition);
  }
  return { name: rule.name, break: rule.break, conditions: ruleConditions, words };
}

/** Compiles a rule set (regexes, word Sets) once; later calls with the same object reuse it. */
export function compileRules(rules: SegmentationRules): CompiledRules {
  const cached = compiledCache.get(rules);
  if (cached !== undefined) return cached;
  const lists = new Map(Object.entries(rules.wordLists).map(([name, words]) => [name, new Set(words)]));
  const conditions = new Map<string, Condition>();
  const compiled = rules.rules.map((rule) => compileRule(rule, lists, conditions));
  let gaps: RegExp;
  try {
    gaps = new RegExp(rules.gluedGap === undefined ? '\\s+' : `\\s+|${rules.gluedGap}`, 'gu');
  } catch (error) {
    throw new Error(`segmentation rules: invalid gluedGap pattern /${rules.gluedGap}/`, { cause: error });
  }
  const result = {
    gaps,
    rules: compiled,
    breakRules: compiled.filter((rule) => rule.break),
    conditionCount: conditions.size,
  };
  compiledCache.set(rules, result);
  return result;
}

/** The word before the final dot of the token ending at `end` (`etc` for `(etc.)`, `art` for `l’art.`), if any. */
function wordBeforeDot(text: string, end: number): string | undefined {
  let dot = end;
  while (dot > 0 && TRAILING_CLOSERS.has(text.charAt(dot - 1))) dot--;
  dot--;
  if (dot < 0 || text[dot] !== '.') return undefined;
  let start = dot;
  while (start > 0 && !WHITESPACE.test(text.charAt(start - 1))) start--;
  while (start < dot && LEADING_OPENERS.has(text.charAt(start))) start++;
  // An elided article or preposition is not part of the word: `l’art.`, `d’env.`.
  for (let i = dot - 1; i >= start; i--) {
    if (APOSTROPHES.has(text.charAt(i))) {
      start = i + 1;
      break;
    }
  }
  return text.slice(start, dot);
}

/** Evaluates conditions at one gap, each at most once (0 unknown, 1 holds, 2 fails). */
class Gap {
  start = 0;
  end = 0;
  private readonly known: Uint8Array;
  private word: string | undefined | null = null;

  constructor(
    readonly text: string,
    conditionCount: number,
  ) {
    this.known = new Uint8Array(conditionCount);
  }

  moveTo(start: number, end: number): void {
    this.start = start;
    this.end = end;
    this.known.fill(0);
    this.word = null;
  }

  private holds(condition: Condition): boolean {
    const known = this.known[condition.id];
    if (known !== 0) return known === 1;
    const regex = condition.regex;
    regex.lastIndex = condition.field === 'after' ? this.end : this.start;
    const result = regex.test(this.text) && (condition.field !== 'gap' || regex.lastIndex <= this.end);
    this.known[condition.id] = result ? 1 : 2;
    return result;
  }

  applies(rule: CompiledRule): boolean {
    for (const condition of rule.conditions) if (!this.holds(condition)) return false;
    if (rule.words === undefined) return true;
    if (this.word === null) this.word = wordBeforeDot(this.text, this.start);
    return this.word !== undefined && rule.words.has(this.word);
  }
}

function ruleAt(compiled: CompiledRules, gap: Gap): CompiledRule | undefined {
  return compiled.rules.find((rule) => gap.applies(rule));
}

/** The rule that decides the gap (the first whose conditions all hold), or undefined: no break. */
export function decidingRule(
  compiled: CompiledRules,
  text: string,
  gapStart: number,
  gapEnd: number,
): CompiledRule | undefined {
  const gap = new Gap(text, compiled.conditionCount);
  gap.moveTo(gapStart, gapEnd);
  return ruleAt(compiled, gap);
}

function isBoundary(compiled: CompiledRules, gap: Gap): boolean {
  // Most gaps are no break rule's business: skip the ordered walk for them.
  for (const rule of compiled.breakRules) {
    if (gap.applies(rule)) return ruleAt(compiled, gap)?.break === true;
  }
  return false;
}

/** Splits one block into trimmed sentence spans; breaks fall in whitespace gaps and the rules' glued gaps. */
export function segmentWith(text: string, compiled: CompiledRules): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  const gap = new Gap(text, compiled.conditionCount);
  const gaps = new RegExp(compiled.gaps);
  let sentenceStart = 0;
  for (let match = gaps.exec(text); match !== null; match = gaps.exec(text)) {
    const gapStart = match.index;
    const gapEnd = gapStart + match[0].length;
    if (gapStart === gapEnd) {
      // A zero-width match would be found again: step past one character, a whole code point (a
      // `u` regex started inside a surrogate pair backs up to its start and matches here again).
      gaps.lastIndex += (text.codePointAt(gapEnd) ?? 0) > 0xffff ? 2 : 1;
      if (gapStart === 0 || gapEnd === text.length) continue;
    }
    if (gapStart === 0) {
      sentenceStart = gapEnd; // leading whitespace belongs to no sentence
      continue;
    }
    if (gapEnd === text.length) {
      spans.push({ start: sentenceStart, end: gapStart });
      return spans;
    }
    gap.moveTo(gapStart, gapEnd);
    if (isBoundary(compiled, gap)) {
      spans.push({ start: sentenceStart, end: gapStart });
      sentenceStart = gapEnd;
    }
  }
  if (sentenceStart < text.length) spans.push({ start: sentenceStart, end: text.length });
  return spans;
}
