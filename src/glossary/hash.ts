import { createHash } from 'node:crypto';
import type { GlossaryEntry } from './types.js';

/**
 * sha256 of the entries in a canonical form (fixed key order, defaults spelled out, `line` left out):
 * the same glossary hashes the same from YAML, TBX or CSV, and moving an entry in the file does not
 * change its terms but does change the hash (entry order decides ties between overlapping matches).
 */
export function glossaryHash(entries: readonly GlossaryEntry[]): string {
  const canonical = entries.map((e) => [
    e.id,
    e.type,
    e.french,
    e.english,
    e.forbidden,
    e.note ?? null,
    e.policy,
    e.ignoreCase === true,
    e.ignoreAccents === true,
    e.article ?? 'none',
  ]);
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}
