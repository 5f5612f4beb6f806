/**
 * Checks a schema cannot express: ids unique, no French form claimed by two entries, forms that can
 * match at all. Shared by every format, so an imported TBX or CSV glossary is held to the same rules.
 */
import { foldToken, sameToken, tokenize } from './tokens.js';
import type { GlossaryEntry } from './types.js';

export interface EntryIssue {
  /** Index of the entry in the glossary. */
  index: number;
  entry: GlossaryEntry;
  /** Field and item the issue is about, for locating it in the file (`french`, 1). */
  field: string;
  item?: number;
  message: string;
}

export function checkEntries(entries: readonly GlossaryEntry[]): EntryIssue[] {
  const issues: EntryIssue[] = [];
  const ids = new Map<string, GlossaryEntry>();
  const forms = new Map<string, { index: number; entry: GlossaryEntry; tokens: string[] }[]>();
  entries.forEach((entry, index) => {
    const first = ids.get(entry.id);
    if (first !== undefined) {
      issues.push({
        index,
        entry,
        field: 'id',
        message: `duplicate id "${entry.id}" (first used by entry ${describe(first)})`,
      });
    } else ids.set(entry.id, entry);
    entry.french.forEach((french, item) => {
      const parts = tokenize(french);
      const tokens = parts.map((t) => t.text);
      if (!parts.some((t) => t.isWord)) {
        issues.push({
          index,
          entry,
          field: 'french',
          item,
          message: `French form "${french}" has no letter or digit to match`,
        });
        return;
      }
      const key = tokens.map(foldToken).join(' ');
      const same = forms.get(key) ?? [];
      // Within one entry only an exact repeat is an error: "Etat" beside "État" under ignoreAccents is harmless.
      const clash = same.find((other) =>
        other.index === index
          ? other.tokens.join(' ') === tokens.join(' ')
          : clashes(other.entry, other.tokens, entry, tokens),
      );
      if (clash) {
        const where =
          clash.index === index ? 'twice in this entry' : `also in entry ${describe(clash.entry)}`;
        issues.push({
          index,
          entry,
          field: 'french',
          item,
          message: `French form "${french}" is listed ${where}`,
        });
      }
      same.push({ index, entry, tokens });
      forms.set(key, same);
    });
    entry.forbidden.forEach((form, item) => {
      if (form === entry.english) {
        issues.push({
          index,
          entry,
          field: 'forbidden',
          item,
          message: `forbidden variant "${form}" is the English form itself`,
        });
      }
    });
  });
  return issues;
}

/** Two forms clash when some text would match both under either entry's rules. */
function clashes(a: GlossaryEntry, aTokens: string[], b: GlossaryEntry, bTokens: string[]): boolean {
  const ignoreCase = a.ignoreCase === true || b.ignoreCase === true;
  const ignoreAccents = a.ignoreAccents === true || b.ignoreAccents === true;
  return (
    aTokens.length === bTokens.length &&
    aTokens.every((t, k) => sameToken(t, bTokens[k] ?? '', ignoreCase, ignoreAccents))
  );
}

function describe(entry: GlossaryEntry): string {
  return entry.line === undefined ? `"${entry.id}"` : `"${entry.id}" at line ${entry.line}`;
}
