/**
 * JUnit XML, as Jenkins (xunit plugin, junit-10.xsd) and GitLab read it: one <testsuite> per XLIFF
 * file, one <testcase> per unit (classname = file, name = unit id), one <failure> per finding at or
 * above the failing severity. Findings below it go to the test case's <system-out>, so they are
 * visible without failing the build. A file that could not be read has no units: it gets one test
 * case named after the file, with an <error>.
 */

import { escapeXmlAttr, escapeXmlText, withoutNonXmlChars } from '../../xml/escape.js';
import { atLeast, type Finding } from '../finding.js';
import type { CheckReport } from '../report.js';

// Findings quote the checked files: a character XML 1.0 cannot carry is dropped, the report still written.
const xmlText = (value: string): string => escapeXmlText(withoutNonXmlChars(value));
const xmlAttr = (value: string): string => escapeXmlAttr(withoutNonXmlChars(value));

export function junitReport(report: CheckReport): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  for (const file of report.files) {
    const byUnit = new Map<string, Finding[]>();
    for (const f of report.findings) {
      if (f.file !== file.path) continue;
      byUnit.set(f.unit, [...(byUnit.get(f.unit) ?? []), f]);
    }
    const failed = file.units.filter((u) =>
      (byUnit.get(u.id) ?? []).some((f) => atLeast(f.severity, report.failOn)),
    ).length;
    const fileErrors = byUnit.get('') ?? [];
    tests += file.units.length + (fileErrors.length > 0 ? 1 : 0);
    failures += failed;
    errors += fileErrors.length > 0 ? 1 : 0;
    suites.push(
      `  <testsuite name="${xmlAttr(file.path)}" tests="${file.units.length + (fileErrors.length > 0 ? 1 : 0)}" failures="${failed}" errors="${fileErrors.length > 0 ? 1 : 0}" skipped="0" time="0" file="${xmlAttr(file.path)}">`,
    );
    if (fileErrors.length > 0) {
      suites.push(
        `    <testcase name="${xmlAttr(file.path)}" classname="${xmlAttr(file.path)}" file="${xmlAttr(file.path)}" time="0">`,
      );
      for (const f of fileErrors) {
        suites.push(
          `      <error type="${xmlAttr(f.check)}" message="${xmlAttr(f.message)}">${xmlText(`${f.file}:${f.line}:${f.column} ${f.message}`)}</error>`,
        );
      }
      suites.push('    </testcase>');
    }
    for (const unit of file.units) {
      const attrs = `name="${xmlAttr(unit.id)}" classname="${xmlAttr(file.path)}" file="${xmlAttr(file.path)}" line="${unit.line}" time="0"`;
      const found = byUnit.get(unit.id) ?? [];
      if (found.length === 0) {
        suites.push(`    <testcase ${attrs}/>`);
        continue;
      }
      suites.push(`    <testcase ${attrs}>`);
      const below: string[] = [];
      for (const f of found) {
        const detail = `${f.file}:${f.line}:${f.column} ${f.severity} [${f.check}] ${f.message}`;
        if (atLeast(f.severity, report.failOn)) {
          suites.push(
            `      <failure type="${xmlAttr(f.check)}" message="${xmlAttr(f.message)}">${xmlText(detail)}</failure>`,
          );
        } else {
          below.push(detail);
        }
      }
      if (below.length > 0) suites.push(`      <system-out>${xmlText(below.join('\n'))}</system-out>`);
      suites.push('    </testcase>');
    }
    suites.push('  </testsuite>');
  }
  out.push(
    `<testsuites name="versio check" tests="${tests}" failures="${failures}" errors="${errors}" time="0">`,
    ...suites,
    '</testsuites>',
  );
  return `${out.join('\n')}\n`;
}
