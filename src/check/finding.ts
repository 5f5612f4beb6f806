/**
 * What `versio check` reports: one finding per problem, naming the XLIFF file, the unit and the
 * offending text. Reporters turn a list of findings into text, JSON, JUnit, SARIF or GitHub annotations.
 */

export const CHECK_IDS = [
  'term-missing',
  'term-forbidden',
  'untranslated',
  'placeholder',
  'number',
  'leftover',
  'code-order',
  'unreadable',
  'doubled-word',
  'whitespace',
  'end-punctuation',
  'brackets',
  'length',
  'urls',
  'inconsistency',
  'start-capital',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

/** Ordered from least to most severe (see `atLeast`). */
export const SEVERITIES = ['warning', 'error'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface Finding {
  check: CheckId;
  severity: Severity;
  /** The XLIFF file, as given on the command line (or relative to the working directory). */
  file: string;
  /** Translation unit (segment) id, e.g. `p4.s2`; '' for a finding about the whole file (`unreadable`). */
  unit: string;
  /**
   * Where the unit stands in a file another tool wrote: its `<file>` (original), unit id and segment
   * id as written there (the model's `unit` id qualifies ids that repeat across units or files).
   */
  place?: { file?: string; unit?: string; segment?: string };
  /** 1-based line and column of the unit in the XLIFF file; 1:1 when the reader gave no location. */
  line: number;
  column: number;
  /** One line: what is wrong, quoting the offending text. */
  message: string;
  /** The offending text itself (a term, a number, a placeholder, the target). */
  text: string;
  /** Glossary entry id, for term checks. */
  entryId?: string;
}

export function atLeast(severity: Severity, threshold: Severity): boolean {
  return SEVERITIES.indexOf(severity) >= SEVERITIES.indexOf(threshold);
}

/** Stable order for every reporter: file, then position, then check id. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      CHECK_IDS.indexOf(a.check) - CHECK_IDS.indexOf(b.check),
  );
}
