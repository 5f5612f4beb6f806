/**
 * Machine-readable report. Its shape is versioned (`version`) and described by
 * src/check/findings.schema.json; a change that breaks readers bumps the version.
 */
import { version as toolVersion } from '../../version.js';
import { type CheckReport, summarise } from '../report.js';

export const JSON_REPORT_VERSION = 1;

export function jsonReport(report: CheckReport): string {
  const body = {
    version: JSON_REPORT_VERSION,
    tool: { name: 'versio', version: toolVersion },
    failOn: report.failOn,
    glossary: report.glossary ?? null,
    summary: summarise(report),
    files: report.files.map((f) => ({ path: f.path, units: f.units.length })),
    findings: report.findings.map((f) => ({
      check: f.check,
      severity: f.severity,
      file: f.file,
      unit: f.unit,
      ...(f.place ? { place: f.place } : {}),
      line: f.line,
      column: f.column,
      message: f.message,
      text: f.text,
      entryId: f.entryId ?? null,
    })),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
