/**
 * Finds glossary terms in French text. The glossary is compiled once into a trie over folded tokens
 * (lower case, no accents); `find` walks it from each token, so its cost depends on the text and the
 * longest form, not on the number of entries. Each candidate is then checked against the entry's own
 * rules (exact by default, case or accents ignored only when the entry asks).
 */
import type { TermSpan } from '../document.js';
import { articleBefore } from './definite-article.js';
import { foldToken, sameToken, type Token, tokenize } from './tokens.js';
import type { Glossary, GlossaryEntry } from './types.js';

export interface Matcher {
  /** Non-overlapping spans, in text order. */
  find(text: string): TermSpan[];
}

interface Form {
  entryIndex: number;
  entry: GlossaryEntry;
  tokens: string[];
}

/** `next` and `forms` are created on demand: most nodes of a large glossary are leaves. */
interface TrieNode {
  next?: Map<string, TrieNode>;
  forms?: Form[];
}

interface Candidate {
  first: number;
  last: number;
  start: number;
  end: number;
  form: Form;
}

export function buildMatcher(glossary: Glossary): Matcher {
  const root: TrieNode = {};
  glossary.entries.forEach((entry, entryIndex) => {
    for (const french of entry.french) {
      const tokens = tokenize(french).map((t) => t.text);
      if (tokens.length === 0) continue;
      let node = root;
      for (const token of tokens) {
        const key = foldToken(token);
        node.next ??= new Map();
        let child = node.next.get(key);
        if (!child) {
          child = {};
          node.next.set(key, child);
        }
        node = child;
      }
      node.forms ??= [];
      node.forms.push({ entryIndex, entry, tokens });
    }
  });
  return {
    find(text) {
      const tokens = tokenize(text);
      return resolve(tokens, candidates(tokens, root));
    },
  };
}

function candidates(tokens: readonly Token[], root: TrieNode): Candidate[] {
  const found: Candidate[] = [];
  const keyed = tokens.map((t) => ({ end: t.end, key: foldToken(t.text) }));
  for (const [first, head] of tokens.entries()) {
    let node: TrieNode | undefined = root;
    for (let last = first; last < keyed.length; last++) {
      const tail = keyed[last];
      node = tail && node.next?.get(tail.key);
      if (!tail || !node) break;
      for (const form of node.forms ?? []) {
        if (accepts(tokens, first, form)) found.push({ first, last, start: head.start, end: tail.end, form });
      }
    }
  }
  return found;
}

/**
 * Exact by default, but a form written in lower case ("l'intersyndicale", "ministère de l'Intérieur")
 * also matches with a capital first letter, as it is written at the start of a sentence, after « or
 * after "— Q :": French capitalises the first letter there and nothing else. The reverse never holds
 * ("EI" does not match "ei").
 */
function accepts(tokens: readonly Token[], first: number, form: Form): boolean {
  const { ignoreCase = false, ignoreAccents = false } = form.entry;
  return form.tokens.every((t, k) => {
    // The trie walked these tokens to reach the form, so they are all there.
    const text = tokens[first + k]?.text ?? '';
    return (
      sameToken(text, t, ignoreCase, ignoreAccents) ||
      (k === 0 && isLowerInitial(t) && sameToken(text, capitalise(t), false, ignoreAccents))
    );
  });
}

function isLowerInitial(token: string): boolean {
  const initial = token.charAt(0);
  return initial !== initial.toUpperCase() && initial === initial.toLowerCase();
}

/** Upper-cases the first letter only (É for é: NFC tokens keep the accent on the letter). */
function capitalise(token: string): string {
  return token.charAt(0).toUpperCase() + token.slice(1);
}

/** Longest match wins, then the leftmost, then the entry listed first; overlapping losers are dropped. */
function resolve(tokens: readonly Token[], found: Candidate[]): TermSpan[] {
  found.sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) || a.start - b.start || a.form.entryIndex - b.form.entryIndex,
  );
  const taken = new Uint8Array(tokens.length);
  const kept: Candidate[] = [];
  for (const c of found) {
    let free = true;
    for (let i = c.first; i <= c.last && free; i++) free = taken[i] === 0;
    if (!free) continue;
    taken.fill(1, c.first, c.last + 1);
    kept.push(c);
  }
  kept.sort((a, b) => a.start - b.start);
  // Articles are claimed after every term is placed, so a term never loses a token to an article.
  return kept.map((c) => {
    const article = articleBefore(tokens, c.first, (i) => taken[i] === 0);
    const { entry } = c.form;
    const span: TermSpan = {
      start: c.start,
      end: c.end,
      entryId: entry.id,
      target: entry.english,
      policy: entry.policy,
    };
    if (!article) return span;
    taken.fill(1, article.firstToken, c.first);
    span.start = article.start;
    if (entry.article === 'the') span.target = `the ${entry.english}`;
    if (article.preposition !== undefined) span.preposition = article.preposition;
    return span;
  });
}
