/** Applies the post-editing rules of the chosen families to one English segment. */

import { placeholdersIn } from '../glossary/placeholder.js';
import { requiredLiteral } from './literal.js';
import { postEditRules } from './rules.js';
import { type Groups, transform } from './transforms.js';
import type { PostEditContext, PostEditFamily, PostEditRule } from './types.js';

/**
 * A rule and its patterns, compiled the first time a segment may need them: most rules never
 * meet a segment with their literal (literal.ts) in a run, and each RegExp costs its parse.
 */
class CompiledRule {
  /** Text every match contains: a segment without it is left alone unread. */
  readonly literal: string | undefined;
  #regex: RegExp | undefined;
  #whenSource: RegExp | undefined;

  constructor(readonly rule: PostEditRule) {
    this.literal = requiredLiteral(rule.pattern);
  }

  get regex(): RegExp {
    this.#regex ??= new RegExp(this.rule.pattern, 'gu');
    return this.#regex;
  }

  get whenSource(): RegExp | undefined {
    if (this.rule.whenSource === undefined) return undefined;
    this.#whenSource ??= new RegExp(this.rule.whenSource, 'u');
    return this.#whenSource;
  }
}

const compiled: CompiledRule[] = postEditRules.map((rule) => new CompiledRule(rule));

function replaceOne(rule: PostEditRule, match: string, args: unknown[], context: PostEditContext): string {
  const named = typeof args.at(-1) === 'object';
  const groups = ((named ? args.at(-1) : undefined) ?? {}) as Groups;
  const numbered = args.slice(0, -2 - (named ? 1 : 0)) as (string | undefined)[];
  if (rule.transform) return transform(rule.transform, { text: match, numbered, groups, context });
  const out = rule.replacement.replace(/\$(\d)/gu, (_, n: string) => numbered[Number(n) - 1] ?? '');
  const offset = args.at(named ? -3 : -2) as number;
  const whole = args.at(named ? -2 : -1) as string;
  // At a sentence start the result keeps the capital ("To the 19th century" → "In the…").
  const atStart = SENTENCE_START.test(whole.slice(0, offset));
  return atStart && /^\p{Lu}/u.test(match) && /^\p{Ll}/u.test(out)
    ? out[0]?.toUpperCase() + out.slice(1)
    : out;
}

const SENTENCE_START = /(?:^|[.!?]\s+|^[“«"]\s*)$/u;

const QUOTED = /[“«"][^”»"]*[”»"]/gu;

function applyRule({ rule, regex }: CompiledRule, text: string, context: PostEditContext): string {
  const edit = (part: string) =>
    part.replace(regex, (match, ...args) => replaceOne(rule, match, args, context));
  if (!rule.outsideQuotes) return edit(text);
  let out = '';
  let last = 0;
  for (const quote of text.matchAll(QUOTED)) {
    out += edit(text.slice(last, quote.index)) + quote[0];
    last = quote.index + quote[0].length;
  }
  return out + edit(text.slice(last));
}

const placeholders = (text: string) => placeholdersIn(text).join(' ');

/**
 * The text with every rule of `families` applied in order. A rule whose result would change
 * the placeholders (`__E<n>__`) is not applied: they belong to the glossary stage.
 */
export function postEdit(
  text: string,
  families: ReadonlySet<PostEditFamily>,
  context: PostEditContext = {},
): string {
  let out = text;
  for (const rule of compiled) {
    if (!families.has(rule.rule.family)) continue;
    if (rule.literal !== undefined && !out.includes(rule.literal)) continue;
    if (rule.whenSource && !(context.source !== undefined && rule.whenSource.test(context.source))) continue;
    const next = applyRule(rule, out, context);
    if (next !== out && placeholders(next) === placeholders(out)) out = next;
  }
  return out;
}
