/**
 * Schema validation, with messages a glossary editor can act on. The validator is Ajv's standalone code
 * for schema.ts, generated ahead of time (scripts/generate-validators.mjs): compiling the schema with
 * Ajv at run time cost every run ~90 ms.
 */
import type { ErrorObject } from 'ajv';
import validateGlossary from './schema-validator.generated.js';

export interface SchemaIssue {
  /** JSON path of the offending value (`['entries', 3, 'french', 0]`). */
  path: (string | number)[];
  message: string;
}

export function schemaIssues(data: unknown): SchemaIssue[] {
  if (validateGlossary(data)) return [];
  return (validateGlossary.errors ?? []).filter((e) => e.keyword !== 'if').map(toIssue);
}

function toIssue(error: ErrorObject): SchemaIssue {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const field = fieldName(path);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { path, message: `missing field "${String(params.missingProperty)}"` };
    case 'additionalProperties':
      return {
        path: [...path, String(params.additionalProperty)],
        message: `unknown field "${String(params.additionalProperty)}"`,
      };
    case 'enum':
      return { path, message: `${field} must be one of: ${(params.allowedValues as unknown[]).join(', ')}` };
    case 'minItems':
      return { path, message: `${field} must list at least ${String(params.limit)} form` };
    case 'type':
      return { path, message: `${field} must be ${article(String(params.type))} ${String(params.type)}` };
    case 'pattern':
      return { path, message: patternMessage(path, field) };
    default:
      return { path, message: `${field} ${error.message ?? 'is invalid'}` };
  }
}

function patternMessage(path: (string | number)[], field: string): string {
  const last = path.at(-1);
  if (last === 'id')
    return 'id must be a slug: lower-case letters, digits and single hyphens, starting with a letter';
  if (last === 'sourceLang' || last === 'targetLang')
    return `${field} must be a language tag such as fr or en`;
  return `${field} must not be empty, start or end with a space, or contain control characters`;
}

/** `french[1]`, `english`, or `the glossary` for the root. */
function fieldName(path: (string | number)[]): string {
  const entryPath = path[0] === 'entries' && typeof path[1] === 'number' ? path.slice(2) : path;
  if (entryPath.length === 0) return path.length === 0 ? 'the glossary' : 'the entry';
  return entryPath
    .map((p) => (typeof p === 'number' ? `[${p}]` : p))
    .join('')
    .replace(/^\./, '');
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? 'an' : 'a';
}
