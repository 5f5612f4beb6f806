/** Writes a glossary in our YAML format, fields in the schema's order, defaults left out. */
import { stringify } from 'yaml';
import type { Glossary } from './types.js';

export const SCHEMA_COMMENT = '# yaml-language-server: $schema=./glossary.schema.json';

export function toYaml(glossary: Glossary, schemaComment = SCHEMA_COMMENT): string {
  const data = {
    sourceLang: glossary.sourceLang,
    targetLang: glossary.targetLang,
    entries: glossary.entries.map((e) => ({
      id: e.id,
      type: e.type,
      french: e.french,
      english: e.english,
      ...(e.forbidden.length > 0 ? { forbidden: e.forbidden } : {}),
      ...(e.note !== undefined ? { note: e.note } : {}),
      policy: e.policy,
      ...(e.article !== undefined ? { article: e.article } : {}),
      ...(e.ignoreCase ? { ignoreCase: true } : {}),
      ...(e.ignoreAccents ? { ignoreAccents: true } : {}),
    })),
  };
  return `${schemaComment}\n${stringify(data, { lineWidth: 0 })}`;
}
