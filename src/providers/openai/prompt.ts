/**
 * The prompt sent to chat models, as a versioned template. The version and a hash of the
 * template text are part of the provider fingerprint, so the translation memory never reuses
 * a translation made under another prompt: edit the text, bump PROMPT_VERSION.
 */
import { createHash } from 'node:crypto';
import { placeholdersIn } from '../../glossary/placeholder.js';
import type { SourceText } from '../provider.js';

export const PROMPT_VERSION = 1;

export const SYSTEM_PROMPT = `You translate French news articles into English for a wire service.
Write plain, idiomatic English in wire style (AP/Reuters): short declarative sentences, the simple past for
reported events ("said", not "has declared"), English number and date conventions.
Rules:
- Translate every segment of "segments" on its own; "context" is there only to help you understand them.
- Answer with JSON only: {"translations":[{"id":"<segment id>","text":"<English translation>"}]}, one entry
  per segment, every id exactly once, in the order given, and nothing else.
- Placeholders such as __E1__ stand for names that are filled in later. Copy each placeholder of a
  segment exactly once into its translation, unchanged, where the name belongs in the English sentence.
- Where "glossary" lists a French term, write its English form exactly as given and never a forbidden variant.
- Do not add notes, explanations or quotation marks that are not in the source.`;

/** What the template produced for one batch: a fingerprint-stable pair of messages. */
export interface PromptMessages {
  system: string;
  user: string;
}

/** A glossary entry the model must follow (policy `provider`: not hidden behind a placeholder). */
export interface PromptTerm {
  french: string;
  english: string;
  forbidden?: readonly string[];
}

export function promptMessages(
  batch: readonly SourceText[],
  terms: readonly PromptTerm[],
  strictJson: boolean,
): PromptMessages {
  const context = [...new Set(batch.map((t) => t.context).filter((c): c is string => !!c))];
  const placeholders = batch.flatMap((t) => placeholdersIn(t.text));
  const payload = {
    ...(context.length > 0 ? { context: context.join(' ') } : {}),
    ...(terms.length > 0
      ? {
          glossary: terms.map((t) => ({
            french: t.french,
            english: t.english,
            ...(t.forbidden && t.forbidden.length > 0 ? { forbidden: t.forbidden } : {}),
          })),
        }
      : {}),
    ...(placeholders.length > 0 ? { placeholders_to_keep: placeholders } : {}),
    segments: batch.map((t) => ({ id: t.id, text: t.text })),
  };
  const strict = strictJson
    ? '\nYour whole answer must be one JSON object and nothing else: no prose, no code fence.'
    : '';
  return { system: SYSTEM_PROMPT + strict, user: JSON.stringify(payload) };
}

/** The JSON schema of an answer (structured output, `response_format: json_schema`). */
export const ANSWER_SCHEMA = {
  type: 'object',
  properties: {
    translations: {
      type: 'array',
      items: {
        type: 'object',
        properties: { id: { type: 'string' }, text: { type: 'string' } },
        required: ['id', 'text'],
        additionalProperties: false,
      },
    },
  },
  required: ['translations'],
  additionalProperties: false,
} as const;

/** Part of the provider fingerprint: a change of template is a change of output. */
export function promptFingerprint(): string {
  const hash = createHash('sha256').update(SYSTEM_PROMPT).digest('hex').slice(0, 12);
  return `prompt-v${PROMPT_VERSION}-${hash}`;
}
