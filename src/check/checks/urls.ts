/**
 * urls (pofilter "urls" and "emails", Xbench "URL mismatch"): web addresses, e-mail addresses,
 * hashtags and @handles must come back in the target unchanged, as many times as in the source.
 */
import { withoutInlineCodes } from '../inline-codes.js';
import { type Check, type Problem, quote, targetOf } from './unit.js';

// Order matters: an e-mail address is read before the domain inside it.
const LINK = new RegExp(
  [
    /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/u.source,
    /\b(?:https?|ftp):\/\/[^\s<>"«»“”]+/u.source,
    /\bwww\.[^\s<>"«»“”]+/u.source,
    // Bare domains as newspapers print them: lemonde.fr, service-public.gouv.fr/demarches.
    /\b(?:[a-z0-9-]+\.)+(?:fr|com|org|net|eu|info|io|gov|gouv|int|be|ch|uk|de|es|it|ca|news|tv)\b(?:\/[^\s<>"«»“”]*)?/u
      .source,
    /(?<![\p{L}\p{N}&/#])#[\p{L}_][\p{L}\p{N}_]*/u.source,
    /(?<![\p{L}\p{N}.@])@[A-Za-z0-9_]{2,30}\b/u.source,
  ].join('|'),
  'giu',
);

/** A link as written, without the sentence's punctuation after it. */
// Every link has one of these; most segments have none and are done with after one test.
const MAYBE_LINK = /[@#]|:\/\/|www\.|[a-z0-9]\.[a-z]{2}/i;

export function linksIn(text: string): string[] {
  if (!MAYBE_LINK.test(text)) return [];
  return [...withoutInlineCodes(text).matchAll(LINK)].map((m) => trimPunctuation(m[0]));
}

function trimPunctuation(link: string): string {
  let out = link.replace(/[.,;:!?'’]+$/, '');
  // A closing bracket belongs to the link only when the link opened one: en.wikipedia.org/wiki/Foo_(bar).
  while (out.endsWith(')') && (out.match(/\(/g)?.length ?? 0) < (out.match(/\)/g)?.length ?? 0))
    out = out.slice(0, -1).replace(/[.,;:!?]+$/, '');
  return out;
}

export const urls: Check = (unit) => {
  const target = targetOf(unit);
  if (target === undefined) return [];
  const source = linksIn(unit.segment.source);
  const remaining = linksIn(target);
  const problems: Problem[] = [];
  for (const link of source) {
    const at = remaining.findIndex((t) => same(t, link));
    if (at >= 0) {
      remaining.splice(at, 1);
      continue;
    }
    const near = remaining.find((t) => kind(t) === kind(link));
    problems.push({
      message: `${kind(link)} ${quote(link)} of the source is not in the target${near ? ` (the target has ${quote(near)})` : ''}; copy it unchanged`,
      text: link,
    });
  }
  for (const link of remaining) {
    problems.push({
      message: `${kind(link)} ${quote(link)} in the target is not in the source; copy the source's`,
      text: link,
    });
  }
  return problems;
};

/**
 * Scheme and host are case-insensitive (RFC 3986 §6.2.2.1), the path is not; so are the domain of an
 * e-mail address, hashtags and handles (#MeToo = #metoo on every platform).
 */
function same(a: string, b: string): boolean {
  if (a === b) return true;
  if (/^[#@]/.test(a)) return a.toLowerCase() === b.toLowerCase();
  // The pattern matches every string (both groups may be empty).
  const split = (u: string) => /^((?:[a-z]+:\/\/)?[^/]*)(.*)$/i.exec(u) ?? [];
  const [, ha = '', pa = ''] = split(a);
  const [, hb = '', pb = ''] = split(b);
  return ha.toLowerCase() === hb.toLowerCase() && pa.replace(/\/$/, '') === pb.replace(/\/$/, '');
}

function kind(link: string): string {
  if (link.startsWith('#')) return 'hashtag';
  if (link.startsWith('@')) return 'handle';
  if (/^[^/]*@/.test(link)) return 'e-mail address';
  return 'URL';
}
