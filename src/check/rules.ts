/**
 * The checks, as data: id, default severity and what each one means. SARIF's `tool.driver.rules`,
 * the JSON report and the docs are generated from this table.
 */
import type { CheckId, Severity } from './finding.js';

export interface RuleDescription {
  id: CheckId;
  /** Severity when the project's config says nothing. */
  severity: Severity;
  /** One sentence, shown in SARIF `shortDescription` and `versio check --help`. */
  summary: string;
  /** How the check decides, for SARIF `fullDescription`. */
  details: string;
}

export const RULES = {
  'term-missing': {
    id: 'term-missing',
    severity: 'error',
    summary: 'A glossary term in the source is missing from the target.',
    details:
      "Every glossary term found in the source (by the glossary matcher) must appear in the target in its English form: whole words, Unicode NFC, straight or typographic apostrophes, a possessive or plural ending allowed (Palmyra's), the first letter free at a sentence start.",
  },
  'term-forbidden': {
    id: 'term-forbidden',
    severity: 'error',
    summary: 'The target uses an English variant the glossary forbids.',
    details:
      'A forbidden variant of any glossary entry (e.g. Palmira for Palmyra) appears in the target, matched as a whole word with the same normalisation as term-missing.',
  },
  untranslated: {
    id: 'untranslated',
    severity: 'error',
    summary: 'The target is empty, missing, or a copy of the source.',
    details:
      'A unit without a target or with an empty one, or whose target equals a source that has at least two words outside glossary terms and numbers. Units a reviewer approved (state reviewed or final) may keep a copied source.',
  },
  placeholder: {
    id: 'placeholder',
    severity: 'error',
    summary: 'Placeholders or marked terms differ between source and target.',
    details:
      'The raw placeholders (__E3__) and inline codes (<x id="1"/>, <ph>, <g>, <mrk>) of the source must come back in the target with the same ids and counts; a protected term marked in the source must be marked in the target as often, and a term mark must cover the English form the file\'s glossary table gives it.',
  },
  number: {
    id: 'number',
    severity: 'error',
    summary: 'The numbers in the target differ from those in the source.',
    details:
      'Numbers are compared by value: 10 000 = 10,000 = 10000, 3,5 = 3.5, 1.500 (French thousands) = 1,500. A single separator followed by exactly three digits is ambiguous and matches either reading. Numbers written out in words are ignored.',
  },
  leftover: {
    id: 'leftover',
    // An error: Versio applies English typography to every target, so what is left is a real slip.
    severity: 'error',
    summary: 'French typography or an unrestored placeholder is left in the English target.',
    details:
      'Guillemets (« » ‹ ›), a space before ; : ! ? or %, or a placeholder (__E3__, <x id="1"/>) that is not in the source.',
  },
} as const satisfies Record<CheckId, RuleDescription>;
