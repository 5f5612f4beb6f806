/** Applies the post-editing rules of the chosen families to one English segment. */

import { placeholdersIn } from '../glossary/placeholder.js';
import { irregularPast } from './irregular-verbs.js';
import { postEditRules } from './rules.js';
import type { PostEditFamily, PostEditRule } from './types.js';

interface CompiledRule {
  readonly rule: PostEditRule;
  readonly regex: RegExp;
}

const compiled: CompiledRule[] = postEditRules.map((rule) => ({
  rule,
  regex: new RegExp(rule.pattern, 'gu'),
}));

/** AP Stylebook: months of more than five letters are abbreviated before a day. */
const AP_MONTHS: Readonly<Record<string, string>> = {
  January: 'Jan.',
  February: 'Feb.',
  August: 'Aug.',
  September: 'Sept.',
  October: 'Oct.',
  November: 'Nov.',
  December: 'Dec.',
};

function simplePast(aux: string, verb: string): string | undefined {
  const past = irregularPast[verb] ?? (/^\p{Ll}{2,}ed$/u.test(verb) ? verb : undefined);
  if (aux === 'has been' || aux === 'have been') return `${aux === 'has been' ? 'was' : 'were'} ${verb}`;
  return past;
}

type Groups = Record<string, string | undefined>;

function replaceOne(rule: PostEditRule, match: string, args: unknown[]): string {
  const groups = (typeof args.at(-1) === 'object' ? args.at(-1) : {}) as Groups | undefined;
  const numbered = args.slice(0, -2 - (typeof args.at(-1) === 'object' ? 1 : 0)) as (string | undefined)[];
  switch (rule.transform) {
    case 'simple-past':
      return simplePast(groups?.aux ?? '', groups?.verb ?? '') ?? match;
    case 'lowercase':
      return (groups?.word ?? match).toLowerCase();
    case 'ap-date': {
      const [day, month, year] = numbered;
      const name = AP_MONTHS[month ?? ''] ?? month;
      return year ? `${name} ${day}, ${year}` : `${name} ${day}`;
    }
    default:
      return rule.replacement.replace(/\$(\d)/gu, (_, n: string) => numbered[Number(n) - 1] ?? '');
  }
}

const QUOTED = /[“«"][^”»"]*[”»"]/gu;

function applyRule({ rule, regex }: CompiledRule, text: string): string {
  const edit = (part: string) => part.replace(regex, (match, ...args) => replaceOne(rule, match, args));
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
export function postEdit(text: string, families: ReadonlySet<PostEditFamily>): string {
  let out = text;
  for (const rule of compiled) {
    if (!families.has(rule.rule.family)) continue;
    const next = applyRule(rule, out);
    if (placeholders(next) === placeholders(out)) out = next;
  }
  return out;
}
