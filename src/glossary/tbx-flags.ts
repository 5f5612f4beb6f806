/**
 * Versio fields TBX has no data category for, carried in one concept-level note:
 * `versio: policy=provider; article=the; ignoreCase=true; ignoreAccents=true`.
 */
import type { TermPolicy } from '../document.js';
import type { EnglishArticle, GlossaryEntry } from './types.js';

export const FLAGS_PREFIX = 'versio:';

export interface Flags {
  policy?: TermPolicy;
  article?: EnglishArticle;
  ignoreCase?: boolean;
  ignoreAccents?: boolean;
}

export function flagsNote(entry: GlossaryEntry): string | undefined {
  const parts: string[] = [];
  if (entry.policy !== 'protect') parts.push(`policy=${entry.policy}`);
  if (entry.article !== undefined) parts.push(`article=${entry.article}`);
  if (entry.ignoreCase) parts.push('ignoreCase=true');
  if (entry.ignoreAccents) parts.push('ignoreAccents=true');
  return parts.length === 0 ? undefined : `${FLAGS_PREFIX} ${parts.join('; ')}`;
}

/** Reads a flags note; returns a message for an unknown key or value. */
export function parseFlags(note: string): Flags | string {
  const flags: Flags = {};
  for (const part of note.slice(FLAGS_PREFIX.length).split(';')) {
    const [key = '', value = ''] = part.split('=').map((s) => s.trim());
    if (key === '') continue;
    if (key === 'policy' && (value === 'protect' || value === 'provider')) flags.policy = value;
    else if (key === 'article' && (value === 'the' || value === 'none')) flags.article = value;
    else if ((key === 'ignoreCase' || key === 'ignoreAccents') && (value === 'true' || value === 'false')) {
      flags[key] = value === 'true';
    } else return `unknown "${FLAGS_PREFIX}" setting "${part.trim()}"`;
  }
  return flags;
}
