/**
 * Traps a glossary can hold that are not errors (the file is valid and loads) but silently do
 * something else than the editor meant. `glossary validate` prints each one, naming file, line
 * and entry.
 */
import { tokenize } from './tokens.js';
import type { Glossary } from './types.js';

export interface GlossaryWarning {
  /** 1-based line of the entry, when the format records one. */
  line?: number;
  entryId: string;
  message: string;
}

const ARTICLE_WORDS = new Set(['le', 'la', 'les']);

export function glossaryWarnings(glossary: Glossary): GlossaryWarning[] {
  const warnings: GlossaryWarning[] = [];
  for (const entry of glossary.entries) {
    const warn = (message: string) =>
      warnings.push({
        ...(entry.line === undefined ? {} : { line: entry.line }),
        entryId: entry.id,
        message,
      });
    if (entry.article === 'the') {
      for (const french of entry.french.filter(startsWithArticle)) {
        // The matcher absorbs an article written before a form; one inside the form is just text.
        warn(
          `article: the has no effect on French form "${french}", which starts with its own article; ` +
            `drop the article from the form ("${withoutArticle(french)}") or write it in the English form`,
        );
      }
    }
  }
  return warnings;
}

/** "l’Etat islamique", "L'Orient", "la Russie", "Les Républicains": an article, then more text. */
export function startsWithArticle(form: string): boolean {
  const [first, second, third] = tokenize(form);
  if (!first?.isWord || second === undefined) return false;
  const word = first.text.toLowerCase();
  if (word === 'l') return second.text === "'" && second.start === first.end && third !== undefined;
  return ARTICLE_WORDS.has(word) && second.isWord;
}

function withoutArticle(form: string): string {
  const tokens = tokenize(form);
  const rest = tokens[0]?.text.toLowerCase() === 'l' ? tokens[2] : tokens[1];
  return rest ? form.slice(rest.start) : form;
}

/** `path:line: entry "id": message`, the shape of every glossary message. */
export function formatWarning(path: string, warning: GlossaryWarning): string {
  return `${path}${warning.line === undefined ? '' : `:${warning.line}`}: entry "${warning.entryId}": ${warning.message}`;
}
