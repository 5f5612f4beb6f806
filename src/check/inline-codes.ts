/**
 * Placeholders and inline codes as they can appear in a segment's text: the pipeline's raw tokens
 * (`__E3__`, provider placeholder style `token`) and XML inline elements (`<x id="3"/>` for style `xml`,
 * and the XLIFF 1.2 / 2.x inline elements a CAT tool may leave as text).
 */
import { PLACEHOLDER_PREFIX, PLACEHOLDER_SOURCE } from '../glossary/placeholder.js';

export interface InlineCode {
  /** Identity for comparing source and target: `__E3__`, `x#3`, `/g#1`. */
  key: string;
  /** As written. */
  raw: string;
}

// XLIFF 1.2 §2.5 inline elements (g x bx ex bpt ept ph it mrk) and XLIFF 2.x (pc ph sc ec mrk sm em).
const INLINE = new RegExp(
  String.raw`${PLACEHOLDER_SOURCE}|<(\/?)(x|g|bx|ex|bpt|ept|ph|it|mrk|pc|sc|ec|sm|em)\b((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>`,
  'g',
);
const ID = /\bid\s*=\s*(?:"([^"]*)"|'([^']*)')/;

export function inlineCodes(text: string): InlineCode[] {
  const codes: InlineCode[] = [];
  for (const match of text.matchAll(INLINE)) {
    const raw = match[0];
    if (raw.startsWith(PLACEHOLDER_PREFIX)) {
      codes.push({ key: raw, raw });
      continue;
    }
    const [, closing = '', name = '', attributes = ''] = match;
    const id = ID.exec(attributes);
    codes.push({ key: `${closing}${name}#${id?.[1] ?? id?.[2] ?? ''}`, raw });
  }
  return codes;
}

/** The text with every inline code replaced by a space, so numbers inside `__E12__` are not read. */
export function withoutInlineCodes(text: string): string {
  return text.replace(INLINE, ' ');
}

export function countByKey(codes: readonly InlineCode[]): Map<string, { count: number; raw: string }> {
  const counts = new Map<string, { count: number; raw: string }>();
  for (const code of codes) {
    const seen = counts.get(code.key);
    if (seen) seen.count += 1;
    else counts.set(code.key, { count: 1, raw: code.raw });
  }
  return counts;
}
