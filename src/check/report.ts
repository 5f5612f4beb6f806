/** The result of a check run, as every reporter receives it. */
import type { UnitLocation } from './check-document.js';
import { atLeast, type Finding, type Severity } from './finding.js';

export interface CheckedUnit extends UnitLocation {
  id: string;
}

export interface CheckedFile {
  /** Relative to the working directory, forward slashes (absolute only when outside it). */
  path: string;
  units: CheckedUnit[];
}

export interface CheckReport {
  files: CheckedFile[];
  /** Sorted by file, position, check. */
  findings: Finding[];
  /** `--severity`: the least severe finding that fails the run. */
  failOn: Severity;
  /** Glossary used for the term checks, if any. */
  glossary?: string;
}

export interface ReportSummary {
  files: number;
  units: number;
  errors: number;
  warnings: number;
  /** Findings at or above `failOn`. */
  failing: number;
}

export function summarise(report: CheckReport): ReportSummary {
  return {
    files: report.files.length,
    units: report.files.reduce((n, f) => n + f.units.length, 0),
    errors: report.findings.filter((f) => f.severity === 'error').length,
    warnings: report.findings.filter((f) => f.severity === 'warning').length,
    failing: report.findings.filter((f) => atLeast(f.severity, report.failOn)).length,
  };
}

/** 0 clean (findings below `failOn` allowed), 1 at least one finding at or above it. */
export function exitCodeOf(report: CheckReport): 0 | 1 {
  return summarise(report).failing > 0 ? 1 : 0;
}
