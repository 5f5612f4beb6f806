/**
 * JSON Schema of the glossary file (glossary/glossary.schema.json is generated from this object and a
 * test keeps the two identical; so is the validator, schema-validator.generated.js: after an edit, run
 * npm run generate:validators). Draft-07, the draft the yaml-language-server and ajv's default agree on.
 */

/** A term: not empty, no leading or trailing space, no control character (DeepL's glossary rules too). */
const term = {
  type: 'string',
  pattern:
    '^[^\\s\\u0000-\\u001F\\u007F-\\u009F](?:[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F])?$',
} as const;

export const glossarySchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://versio.invalid/glossary.schema.json',
  title: 'Versio named-entity glossary',
  description: 'One entry per concept: the French forms to find in the source and the English form to write.',
  type: 'object',
  additionalProperties: false,
  required: ['sourceLang', 'targetLang', 'entries'],
  properties: {
    sourceLang: {
      type: 'string',
      pattern: '^[a-z]{2,3}(-[A-Za-z0-9]+)*$',
      description: 'BCP 47 tag, e.g. fr',
    },
    targetLang: {
      type: 'string',
      pattern: '^[a-z]{2,3}(-[A-Za-z0-9]+)*$',
      description: 'BCP 47 tag, e.g. en',
    },
    entries: { type: 'array', items: { $ref: '#/definitions/entry' } },
  },
  definitions: {
    entry: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'type', 'french', 'english'],
      properties: {
        id: {
          type: 'string',
          pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$',
          description:
            'Stable slug (lower case, digits, hyphens), starting with a letter so it is also an XML ID',
        },
        type: { enum: ['person', 'place', 'organisation', 'other'] },
        french: {
          type: 'array',
          minItems: 1,
          items: term,
          description: 'French forms: the canonical one first, then variants',
        },
        english: { ...term, description: 'The English form wire services use' },
        forbidden: { type: 'array', items: term, description: 'English variants that must not appear' },
        note: { type: 'string', description: 'Why this form (for translators and reviewers)' },
        policy: {
          enum: ['protect', 'provider'],
          default: 'protect',
          description:
            'protect: replaced by a placeholder the engine passes through; provider: sent as an engine glossary term',
        },
        ignoreCase: { type: 'boolean', default: false, description: 'Match the French forms in any case' },
        ignoreAccents: {
          type: 'boolean',
          default: false,
          description: 'Match the French forms with or without accents',
        },
        article: {
          enum: ['the', 'none'],
          default: 'none',
          description:
            'What a French definite article before a form becomes: the ("l\'Etat islamique" → "the Islamic State") or none ("la Russie" → "Russia")',
        },
      },
    },
  },
} as const;
