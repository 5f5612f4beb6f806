/**
 * Puts the English forms back where the engine left the placeholders, and says what went wrong:
 * each placeholder must come back exactly once.
 */
import type { TermSpan } from '../document.js';
import type { PlaceholderStyle } from '../providers/provider.js';
import { placeholderPattern } from './placeholder.js';
import type { Placeholder } from './protect.js';
import { atSentenceStart, capitalise } from './sentence-start.js';

export interface Restored {
  text: string;
  /** The restored English forms, with offsets into `text`. */
  targetSpans: TermSpan[];
  /** Human-readable, one per problem: "placeholder __E2__ (islamic-state) lost". */
  problems: string[];
}

// DeepL may write the empty element back as <x id="1"/>, <x id='1' /> or <x id="1"></x>.
const XML_MARKER = /<x\s+id\s*=\s*["'](\d+)["']\s*(?:\/>|>\s*<\/x\s*>)/g;

export function restoreTerms(
  translated: string,
  placeholders: readonly Placeholder[],
  style?: PlaceholderStyle,
): Restored {
  const xml = (style ?? (placeholders[0]?.marker.startsWith('<') ? 'xml' : 'token')) === 'xml';
  const plain = xml ? unescapeXml : (s: string) => s;
  const byNumber = new Map(placeholders.map((p) => [p.n, p]));
  const seen = new Map<number, number>();
  // Token style: protectTerms numbered above any `__E<n>__` of the source, so lower ones are its text.
  const firstOurs = xml ? 0 : (placeholders[0]?.n ?? Number.POSITIVE_INFINITY);
  const targetSpans: TermSpan[] = [];
  const problems: string[] = [];
  let text = '';
  let at = 0;
  for (const match of translated.matchAll(xml ? XML_MARKER : placeholderPattern())) {
    text += plain(translated.slice(at, match.index));
    at = match.index + match[0].length;
    const placeholder = byNumber.get(Number(match[1]));
    if (!placeholder && Number(match[1]) < firstOurs) {
      text += match[0];
      continue;
    }
    if (!placeholder) {
      problems.push(`unexpected placeholder ${match[0]} in the translation`);
      text += match[0];
      continue;
    }
    const count = (seen.get(placeholder.n) ?? 0) + 1;
    seen.set(placeholder.n, count);
    if (count === 2) problems.push(`placeholder ${placeholder.marker} (${placeholder.entryId}) duplicated`);
    const form = atSentenceStart(text, placeholder.sentenceAfterColon === true)
      ? capitalise(placeholder.target)
      : placeholder.target;
    targetSpans.push({
      start: text.length,
      end: text.length + form.length,
      entryId: placeholder.entryId,
      target: form,
      policy: placeholder.policy,
    });
    text += form;
  }
  text += plain(translated.slice(at));
  for (const p of placeholders) {
    if (!seen.has(p.n))
      problems.push(
        `placeholder ${p.marker} (${p.entryId}) lost: "${p.target}" missing from the translation`,
      );
  }
  return { text, targetSpans, problems };
}

function unescapeXml(text: string): string {
  return text.replace(/&(?:#x([0-9a-fA-F]+)|#(\d+)|(lt|gt|amp|quot|apos));/g, (whole, hex, dec, name) => {
    if (hex) return String.fromCodePoint(Number.parseInt(hex, 16));
    if (dec) return String.fromCodePoint(Number.parseInt(dec, 10));
    return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[name as 'lt'] ?? whole;
  });
}
