/**
 * inconsistency (Xbench "Inconsistency in source" / "in target", CheckMate "inconsistencies"): the
 * same source translated differently in one document, or one target given to two different sources.
 * It looks at the whole document, so it is a document check: every unit after the first of a group
 * is reported, naming the unit it disagrees with.
 *
 * Sources are grouped as written (trimmed); their targets are compared after Unicode NFC, one kind of
 * space, apostrophe and quote. A source of one word (a byline, "Oui.") may fairly change with its context, and so may a
 * short target: only sources of two words or more and targets of four words or more are compared.
 */

import { PLACEHOLDER_PREFIX } from '../../glossary/placeholder.js';
import { withoutInlineCodes } from '../inline-codes.js';
import { type Problem, quote, targetOf, type UnitInput } from './unit.js';

export interface UnitProblem {
  /** The unit the problem is reported on. */
  unit: string;
  /** The unit it disagrees with, when there is one. */
  other?: string;
  problem: Problem;
}

export type DocumentCheck = (units: readonly UnitInput[]) => UnitProblem[];

const UNIFORM: Record<string, string> = {
  '‘': "'",
  '’': "'",
  ʼ: "'",
  '“': '"',
  '”': '"',
  '«': '"',
  '»': '"',
  '„': '"',
};

function normal(text: string): string {
  const plain = text.includes('<') || text.includes(PLACEHOLDER_PREFIX) ? withoutInlineCodes(text) : text;
  return plain
    .normalize('NFC')
    .replace(/[‘’ʼ“”«»„]/g, (c) => UNIFORM[c] ?? c)
    .replace(/[\s\u00A0\u202F\u2009]+/g, ' ')
    .replace(/ ?" ?/g, '"')
    .trim();
}

/** What makes two sources "different": not case, punctuation or spacing alone. */
function loose(text: string): string {
  return normal(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const words = (text: string) => text.split(' ').filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/**
 * Units are grouped by their raw trimmed source and target first (one hash each, no normalisation:
 * most units of a file repeat nothing), and only a repeat is normalised and compared.
 */
export const inconsistency: DocumentCheck = (units) => {
  const out: UnitProblem[] = [];
  const bySource = new Map<string, { id: string; target: string }>();
  const byTarget = new Map<string, { id: string; source: string }>();
  const report = (id: string, other: string, message: string, text: string) =>
    out.push({ unit: id, other, problem: { message, text } });
  for (const unit of units) {
    const target = targetOf(unit);
    const { id, source } = unit.segment;
    if (target === undefined) continue;
    const s = source.trim();
    const t = target.trim();
    if (s === t) continue;
    const sameSource = bySource.get(s);
    if (!sameSource) bySource.set(s, { id, target });
    else if (normal(sameSource.target) !== normal(target) && words(normal(source)) >= 2) {
      report(
        id,
        sameSource.id,
        `the same source ${quote(source, 60)} is translated as ${quote(sameSource.target, 60)} in unit ${sameSource.id} and as ${quote(target, 60)} here; use one translation`,
        target,
      );
    }
    const sameTarget = byTarget.get(t);
    if (!sameTarget) byTarget.set(t, { id, source });
    else if (words(normal(target)) >= 4 && loose(sameTarget.source) !== loose(source)) {
      report(
        id,
        sameTarget.id,
        `the target ${quote(target, 60)} also translates a different source in unit ${sameTarget.id} (${quote(sameTarget.source, 60)}); here the source is ${quote(source, 60)}`,
        target,
      );
    }
  }
  return out;
};
