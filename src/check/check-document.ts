/**
 * The pure core of `versio check`: a document read from XLIFF in, findings out. No file, no process.
 */
import { type Document, segmentsOf } from '../document.js';
import type { Matcher } from '../glossary/match.js';
import type { Glossary, GlossaryEntry } from '../glossary/types.js';
import type { SegmentLocation } from '../xliff/read-model.js';
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

/** Where a unit starts in its XLIFF file, and what the reader knows of it (SegmentLocation). */
export type UnitLocation = SegmentLocation;

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
  const locationOf = new Map<string, UnitLocation>();
  const enabled = CHECK_IDS.filter((id) => isUnitCheck(id) && config.rules[id].enabled) as UnitCheckId[];
  for (const segment of segmentsOf(doc)) {
    const where = locations.get(segment.id) ?? { line: 1, column: 1 };
    // XLIFF translate="no": the unit is not to be translated, so nothing in it is a finding.
    if (where.translate === false) continue;
    const unit: UnitInput = {
      segment,
      sourceTerms: matcher ? matcher.find(segment.source) : segment.spans,
      entries,
      sourceLang: doc.sourceLang,
      targetLang: where.targetLang || doc.targetLang,
      ...(where.codes ? { codes: where.codes } : {}),
    };
    units.push(unit);
    locationOf.set(segment.id, where);
    // A unit of another <file> than the document's first names its file, so text reports say where.
    const label = where.file && where.file !== doc.path ? `${where.file} ${segment.id}` : segment.id;
    const place = {
      ...(where.file ? { file: where.file } : {}),
      ...(where.unit === undefined ? {} : { unit: where.unit }),
      ...(where.segment === undefined ? {} : { segment: where.segment }),
    };
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
          message: `${label}: ${problem.message}`,
          text: problem.text,
          ...(problem.entryId === undefined ? {} : { entryId: problem.entryId }),
          ...(Object.keys(place).length === 0 ? {} : { place }),
        });
      }
    }
  }
  // Document checks compare a unit with the others (the same source translated twice).
  for (const id of Object.keys(documentChecks) as DocumentCheckId[]) {
    const rule = config.rules[id];
    if (!rule.enabled) continue;
    for (const { unit, problem } of documentChecks[id](units)) {
      const where = locationOf.get(unit) ?? { line: 1, column: 1 };
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
