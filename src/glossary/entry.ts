/**
 * Builds entries the same way whatever the file format, so a glossary read from YAML, TBX or CSV
 * compares equal: defaults are left out (no `ignoreCase: false`, no `article: 'none'`).
 */
import type { TermPolicy } from '../document.js';
import { glossaryHash } from './hash.js';
import type { EnglishArticle, EntityType, Glossary, GlossaryEntry } from './types.js';

export interface EntryFields {
  id: string;
  type: EntityType;
  french: string[];
  english: string;
  forbidden?: string[] | undefined;
  note?: string | undefined;
  policy?: TermPolicy | undefined;
  ignoreCase?: boolean | undefined;
  ignoreAccents?: boolean | undefined;
  article?: EnglishArticle | undefined;
  line?: number | undefined;
}

export function makeEntry(fields: EntryFields): GlossaryEntry {
  const entry: GlossaryEntry = {
    id: fields.id,
    type: fields.type,
    french: fields.french.map((f) => f.normalize('NFC')),
    english: fields.english.normalize('NFC'),
    forbidden: (fields.forbidden ?? []).map((f) => f.normalize('NFC')),
    policy: fields.policy ?? 'protect',
  };
  if (fields.note !== undefined && fields.note !== '') entry.note = fields.note;
  if (fields.ignoreCase) entry.ignoreCase = true;
  if (fields.ignoreAccents) entry.ignoreAccents = true;
  if (fields.article === 'the') entry.article = 'the';
  if (fields.line !== undefined) entry.line = fields.line;
  return entry;
}

export function makeGlossary(
  path: string,
  sourceLang: string,
  targetLang: string,
  entries: GlossaryEntry[],
): Glossary {
  return { path, sourceLang, targetLang, entries, hash: glossaryHash(entries) };
}

/** A slug for an entry id from a term ("Volodymyr Zelensky" → "volodymyr-zelensky"), for imports. */
export function slugify(text: string, taken: Set<string>): string {
  const base =
    text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'term';
  const start = /^[a-z]/.test(base) ? base : `t-${base}`;
  let id = start;
  for (let k = 2; taken.has(id); k++) id = `${start}-${k}`;
  taken.add(id);
  return id;
}
