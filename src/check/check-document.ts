/**
 * The pure core of `versio check`: a document read from XLIFF in, findings out. No file, no process.
 */
import { type Document, segmentsOf } from '../document.js';
import type { Matcher } from '../glossary/match.js';
import type { Glossary, GlossaryEntry } from '../glossary/types.js';
import {
  checks,
  type DocumentCheckId,
  documentChecks,
  isUnitCheck,
  type UnitCheckId,
} from './checks/index.js';
import type { UnitInput } from './checks/unit.js';
import type { CheckConfig } from './config.js';
import { CHECK_IDS, type Finding } from './finding.js';

/** Where a unit starts in its XLIFF file (same shape as the reader's SegmentLocation). */
export interface UnitLocation {
  line: number;
  column: number;
}

/**
 * Runs every enabled check on every segment. `file` names the XLIFF in findings (defaults to the
 * document's path). Without a matcher the source terms are the ones marked in the XLIFF; without a
 * glossary term-forbidden has nothing to look for.
 */
export function checkDocument(
  doc: Document,
  locations: ReadonlyMap<string, UnitLocation>,
  matcher: Matcher | undefined,
  glossary: Glossary | undefined,
  config: CheckConfig,
  file: string = doc.path,
): Finding[] {
  const entries = new Map<string, GlossaryEntry>(glossary?.entries.map((e) => [e.id, e]) ?? []);
  const findings: Finding[] = [];
  const units: UnitInput[] = [];
  const place = new Map<string, UnitLocation>();
  const enabled = CHECK_IDS.filter((id) => isUnitCheck(id) && config.rules[id].enabled) as UnitCheckId[];
  for (const segment of segmentsOf(doc)) {
    const unit: UnitInput = {
      segment,
      sourceTerms: matcher ? matcher.find(segment.source) : segment.spans,
      entries,
      sourceLang: doc.sourceLang,
      targetLang: doc.targetLang,
    };
    units.push(unit);
    const where = locations.get(segment.id) ?? { line: 1, column: 1 };
    place.set(segment.id, where);
    for (const id of enabled) {
      const rule = config.rules[id];
      for (const problem of checks[id](unit)) {
        findings.push({
          check: id,
          severity: rule.severity,
          file,
          unit: segment.id,
          line: where.line,
          column: where.column,
          message: `${segment.id}: ${problem.message}`,
          text: problem.text,
          ...(problem.entryId === undefined ? {} : { entryId: problem.entryId }),
        });
      }
    }
  }
  // Document checks compare a unit with the others (the same source translated twice).
  for (const id of Object.keys(documentChecks) as DocumentCheckId[]) {
    const rule = config.rules[id];
    if (!rule.enabled) continue;
    for (const { unit, problem } of documentChecks[id](units)) {
      const where = place.get(unit) ?? { line: 1, column: 1 };
      findings.push({
        check: id,
        severity: rule.severity,
        file,
        unit,
        line: where.line,
        column: where.column,
        message: `${unit}: ${problem.message}`,
        text: problem.text,
      });
    }
  }
  return findings;
}
