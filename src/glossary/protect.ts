/**
 * Protection through the engine: each protected span is replaced by a placeholder the engine passes
 * through untouched, and its English form is put back afterwards (restore.ts).
 * `token` style writes `__E<n>__`, a plain word that survives both Apertium legs (fr-es, spa-eng);
 * `xml` style writes `<x id="<n>"/>` for engines that handle XML tags (DeepL `tag_handling=xml`), and
 * then the rest of the text is XML-escaped, since the engine parses it as XML.
 */
import type { TermPolicy, TermSpan } from '../document.js';
import { InternalError } from '../errors.js';
import type { PlaceholderStyle } from '../providers/provider.js';
import { escapeXmlText } from '../xml/escape.js';
import { highestPlaceholder, tokenPlaceholder } from './placeholder.js';
import { sentenceAfterColon } from './sentence-start.js';

export { type Restored, restoreTerms } from './restore.js';

export interface Placeholder {
  /** In text order from 1, or from above any `__E<n>__` the source itself contains (token style). */
  n: number;
  /** What stands in the text sent to the engine: `__E1__` or `<x id="1"/>`. */
  marker: string;
  entryId: string;
  /** English text written back in its place ("the Islamic State"); capitalised at a sentence start. */
  target: string;
  /** The French text it replaced ("l'Etat islamique"), for notes. */
  source: string;
  policy: TermPolicy;
  /** In the French, a colon and a capital stand before it: a sentence starts here (sentence-start.ts). */
  sentenceAfterColon?: boolean;
}

export interface Protected {
  text: string;
  placeholders: Placeholder[];
}

export function markerFor(n: number, style: PlaceholderStyle): string {
  return style === 'xml' ? `<x id="${n}"/>` : tokenPlaceholder(n);
}

export function protectTerms(source: string, spans: readonly TermSpan[], style: PlaceholderStyle): Protected {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const escapeText = style === 'xml' ? escapeXmlText : (s: string) => s;
  const placeholders: Placeholder[] = [];
  // A source that already contains `__E1__` keeps it as text: our numbers start above it, and
  // restoreTerms leaves numbers below the first placeholder alone.
  const base = style === 'token' ? highestPlaceholder(source) : 0;
  let text = '';
  let at = 0;
  for (const span of sorted) {
    if (span.start < at || span.end <= span.start || span.end > source.length) {
      // Spans come from the matcher, which never overlaps them: this is a bug, not bad input.
      throw new InternalError(
        `glossary span ${span.start}-${span.end} (${span.entryId}) overlaps or leaves the text`,
      );
    }
    const n = base + placeholders.length + 1;
    const marker = markerFor(n, style);
    text += escapeText(source.slice(at, span.start));
    text += span.preposition === undefined ? marker : `${span.preposition} ${marker}`;
    placeholders.push({
      n,
      marker,
      entryId: span.entryId,
      target: span.target,
      source: source.slice(span.start, span.end),
      policy: span.policy,
      ...(sentenceAfterColon(source.slice(0, span.start), source.slice(span.start, span.end))
        ? { sentenceAfterColon: true }
        : {}),
    });
    at = span.end;
  }
  text += escapeText(source.slice(at));
  return { text, placeholders };
}
