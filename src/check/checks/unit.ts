/** What every check sees: one translation unit, with the glossary context already resolved. */
import type { Segment, TermSpan } from '../../document.js';
import type { GlossaryEntry } from '../../glossary/types.js';
import type { CodeRef } from '../../xliff/inline-read.js';

export interface UnitInput {
  segment: Segment;
  /** Glossary hits in the source: from the matcher when a glossary was given, else the XLIFF's marked terms. */
  sourceTerms: readonly TermSpan[];
  /** Glossary entries by id (empty without a glossary). */
  entries: ReadonlyMap<string, GlossaryEntry>;
  /** The file's source and target languages (BCP 47), when known; no target language: English, as Versio writes. */
  sourceLang?: string;
  targetLang?: string;
  /** The inline codes the XLIFF reader found (the target's when there is a target). */
  codes?: { source: readonly CodeRef[]; target?: readonly CodeRef[] };
}

/**
 * Whether the target is English, for the rules about English (typography, glossary forms). A file
 * that names no target language is taken for English, as Versio writes it.
 */
export function targetIsEnglish(unit: UnitInput): boolean {
  return unit.targetLang === undefined || /^en(?:-|$)/i.test(unit.targetLang);
}

/** A problem found in one unit; check-document.ts adds the check id, severity, file and location. */
export interface Problem {
  message: string;
  text: string;
  entryId?: string;
}

export type Check = (unit: UnitInput) => Problem[];

/** A target worth checking for content: present and not blank. */
export function targetOf(unit: UnitInput): string | undefined {
  const { target } = unit.segment;
  return target === undefined || target.trim() === '' ? undefined : target;
}

/** Quote a text for a one-line message: newlines shown as ⏎, long texts cut. */
export function quote(text: string, max = 80): string {
  const flat = text.replace(/\r\n|\r|\n/g, '⏎');
  return `"${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}"`;
}
