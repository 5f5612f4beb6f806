/**
 * inconsistency (Xbench "Inconsistency in source" / "in target", CheckMate "inconsistencies"): the
 * same source translated differently in one document, or one target given to two different sources.
 * It looks at the whole document, so it is a document check: every unit after the first of a group
 * is reported, naming the unit it disagrees with.
 *
 * Sources and targets are compared after Unicode NFC, one kind of space, apostrophe and quote, and
 * trimming. A source of one word (a byline, "Oui.") may fairly change with its context, and so may a
 * short target: only sources of two words or more and targets of four words or more are compared.
 */
import { withoutInlineCodes } from '../inline-codes.js';
import { type Problem, quote, targetOf, type UnitInput } from './unit.js';

export interface UnitProblem {
  /** The unit the problem is reported on. */
  unit: string;
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
  const plain = text.includes('<') || text.includes('__E') ? withoutInlineCodes(text) : text;
  return plain
    .normalize('NFC')
    .replace(/[‘’ʼ“”«»„]/g, (c) => UNIFORM[c]!)
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

export const inconsistency: DocumentCheck = (units) => {
  const out: UnitProblem[] = [];
  const bySource = new Map<string, { id: string; target: string; raw: string }>();
  const byTarget = new Map<string, { id: string; raw: string }>();
  for (const unit of units) {
    const target = targetOf(unit);
    if (target === undefined || target.trim() === unit.segment.source.trim()) continue;
    const { id, source } = unit.segment;
    const s = normal(source);
    const t = normal(target);
    if (words(s) >= 2) {
      const first = bySource.get(s);
      if (!first) bySource.set(s, { id, target: t, raw: target });
      else if (first.target !== t) {
        out.push({
          unit: id,
          problem: {
            message: `the same source ${quote(source, 60)} is translated as ${quote(first.raw, 60)} in unit ${first.id} and as ${quote(target, 60)} here; use one translation`,
            text: target,
          },
        });
      }
    }
    if (words(t) >= 4) {
      const first = byTarget.get(t);
      if (!first) byTarget.set(t, { id, raw: source });
      else if (loose(first.raw) !== loose(source)) {
        out.push({
          unit: id,
          problem: {
            message: `the target ${quote(target, 60)} also translates a different source in unit ${first.id} (${quote(first.raw, 60)}); here the source is ${quote(source, 60)}`,
            text: target,
          },
        });
      }
    }
  }
  return out;
};
