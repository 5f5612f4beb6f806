/**
 * The inconsistency rule across the files of one `versio check` run: the same source translated one
 * way in a.xlf and another in b.xlf. Within one file, checkDocument reports it already; here only
 * pairs of units from different files are reported, on the later file's unit, naming the other as
 * `file#unit`.
 */
import { type Document, segmentsOf } from '../document.js';
import type { UnitLocation } from './check-document.js';
import { inconsistency } from './checks/inconsistency.js';
import type { UnitInput } from './checks/unit.js';
import type { CheckConfig } from './config.js';
import type { Finding } from './finding.js';

export interface CheckedDocument {
  /** As shown in findings. */
  path: string;
  doc: Document;
  locations: ReadonlyMap<string, UnitLocation>;
}

export function inconsistenciesAcrossFiles(
  files: readonly CheckedDocument[],
  config: CheckConfig,
): Finding[] {
  const rule = config.rules.inconsistency;
  if (!rule.enabled || files.length < 2) return [];
  const origin = new Map<string, { path: string; id: string; where: UnitLocation }>();
  const units: UnitInput[] = [];
  for (const { path, doc, locations } of files) {
    for (const segment of segmentsOf(doc)) {
      const label = `${path}#${segment.id}`;
      origin.set(label, { path, id: segment.id, where: locations.get(segment.id) ?? { line: 1, column: 1 } });
      units.push({ segment: { ...segment, id: label }, sourceTerms: [], entries: new Map() });
    }
  }
  // A unit its own file already reports (checkDocument) is not reported again.
  const inFile = new Set<string>();
  for (const { path } of files) {
    const own = units.filter((u) => origin.get(u.segment.id)?.path === path);
    for (const p of inconsistency(own)) inFile.add(p.unit);
  }
  const findings: Finding[] = [];
  for (const { unit, other, problem } of inconsistency(units)) {
    const here = origin.get(unit);
    if (!here || other === undefined || origin.get(other)?.path === here.path || inFile.has(unit)) continue;
    findings.push({
      check: 'inconsistency',
      severity: rule.severity,
      file: here.path,
      unit: here.id,
      line: here.where.line,
      column: here.where.column,
      message: `${here.id}: ${problem.message}`,
      text: problem.text,
    });
  }
  return findings;
}
