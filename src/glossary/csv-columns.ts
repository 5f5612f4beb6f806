/**
 * The columns Versio adds after DeepL's four (source, target, source language, target language)
 * so a CSV/TSV export carries every field of an entry and an import gives the same glossary
 * back, ids included. DeepL's own format (`--deepl`) has only the first two; LOST_IN_DEEPL says
 * what it cannot carry.
 */
import type { EntityType, GlossaryEntry } from './types.js';

export const VERSIO_COLUMNS = [
  'id',
  'type',
  'policy',
  'article',
  'forbidden',
  'note',
  'ignoreCase',
  'ignoreAccents',
] as const;

/** DeepL's columns: source, target, source language, target language. */
export const DEEPL_COLUMNS = 4;
export const ALL_COLUMNS = DEEPL_COLUMNS + VERSIO_COLUMNS.length;

/** Fields DeepL's two-column format drops: every Versio column (ids are rebuilt from the English form on import). */
export const LOST_IN_DEEPL: readonly string[] = VERSIO_COLUMNS;

const TYPES: readonly EntityType[] = ['person', 'place', 'organisation', 'other'];
const ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** The Versio columns of an entry, in VERSIO_COLUMNS order. */
export function entryColumns(entry: GlossaryEntry): string[] {
  return [
    entry.id,
    entry.type,
    entry.policy,
    entry.article ?? '',
    entry.forbidden.length === 0 ? '' : JSON.stringify(entry.forbidden),
    entry.note ?? '',
    entry.ignoreCase ? 'yes' : '',
    entry.ignoreAccents ? 'yes' : '',
  ];
}

/** The entry fields in the Versio columns of a row, or what is wrong with them. */
export type EntryExtras = Pick<GlossaryEntry, 'id' | 'type' | 'policy' | 'forbidden' | 'note' | 'article'> & {
  ignoreCase: boolean;
  ignoreAccents: boolean;
};

export function readEntryColumns(columns: readonly string[]): EntryExtras | string {
  const [
    id = '',
    type = '',
    policy = '',
    article = '',
    forbidden = '',
    note = '',
    ignoreCase = '',
    ignoreAccents = '',
  ] = columns;
  if (!ID.test(id)) return `id "${id}" is not a slug (lower-case letters, digits, single hyphens)`;
  if (!TYPES.includes(type as EntityType)) return `entry "${id}": type must be one of ${TYPES.join(', ')}`;
  if (policy !== 'protect' && policy !== 'provider')
    return `entry "${id}": policy must be protect or provider`;
  if (article !== '' && article !== 'the' && article !== 'none')
    return `entry "${id}": article must be the, none or empty`;
  const list = forbidden === '' ? [] : parseList(forbidden);
  if (list === undefined) return `entry "${id}": forbidden must be a JSON array of strings, e.g. ["Shoygu"]`;
  const flag = (value: string, name: string) =>
    value === '' || value === 'no'
      ? false
      : value === 'yes'
        ? true
        : `entry "${id}": ${name} must be yes, no or empty`;
  const ic = flag(ignoreCase, 'ignoreCase');
  const ia = flag(ignoreAccents, 'ignoreAccents');
  if (typeof ic === 'string') return ic;
  if (typeof ia === 'string') return ia;
  return {
    id,
    type: type as EntityType,
    policy,
    forbidden: list,
    ...(note === '' ? {} : { note }),
    ...(article === 'the' ? { article: 'the' as const } : {}),
    ignoreCase: ic,
    ignoreAccents: ia,
  };
}

function parseList(text: string): string[] | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : undefined;
  } catch {
    return undefined;
  }
}
