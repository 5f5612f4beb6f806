/**
 * French-aware tokens for glossary matching. A word is a run of letters, digits and combining marks,
 * hyphenated words included ("Al-Nosra", "Alep-Est" are one word each, so "Alep" never matches inside
 * "Alep-Est" or "Alepino"); every other non-space character is a token of its own, so an elided article
 * ("l'", "d'", "qu'") is two tokens before the word it is attached to.
 */

export interface Token {
  /** NFC text with typographic apostrophes and hyphens unified. */
  text: string;
  /** UTF-16 offsets into the original string (not the normalised one). */
  start: number;
  end: number;
  isWord: boolean;
}

// One pass, no nested quantifier over the same characters: linear time, no ReDoS.
const TOKEN = /[\p{L}\p{N}\p{M}]+(?:[-\u2010\u2011][\p{L}\p{N}\p{M}]+)*|\S/gu;
const WORD_START = /^[\p{L}\p{N}\p{M}]/u;

/** ’ ʼ ‘ ′ are written for the apostrophe in French text as often as '. */
const APOSTROPHES = /[\u2019\u02BC\u2018\u2032]/g;
const HYPHENS = /[\u2010\u2011]/g;

// Most tokens are plain ASCII: skip Unicode normalisation for them (it dominates building a large glossary).
const ASCII = /^[ -~]*$/;

export function normaliseToken(text: string): string {
  if (ASCII.test(text)) return text;
  return text.normalize('NFC').replace(APOSTROPHES, "'").replace(HYPHENS, '-');
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const raw = match[0];
    const start = match.index;
    tokens.push({ text: normaliseToken(raw), start, end: start + raw.length, isWord: WORD_START.test(raw) });
  }
  return tokens;
}

const MARKS = /\p{M}/gu;

export function stripAccents(text: string): string {
  if (ASCII.test(text)) return text;
  return text.normalize('NFD').replace(MARKS, '').normalize('NFC');
}

/** The most lenient comparison key: what the matcher's index is keyed on. */
export function foldToken(text: string): string {
  return stripAccents(text).toLowerCase();
}

/** Compare one text token with one form token under an entry's flags. */
export function sameToken(text: string, form: string, ignoreCase: boolean, ignoreAccents: boolean): boolean {
  if (text === form) return true;
  const a = ignoreAccents ? stripAccents(text) : text;
  const b = ignoreAccents ? stripAccents(form) : form;
  return ignoreCase ? a.toLowerCase() === b.toLowerCase() : a === b;
}
