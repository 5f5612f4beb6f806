/**
 * GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`, one per finding,
 * so findings show on the pull request's diff. Escaping as in @actions/core (command.ts): the message
 * escapes % \r \n; property values also escape : and ,.
 */
import type { Finding } from '../finding.js';
import { type CheckReport, summarise } from '../report.js';

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function annotation(f: Finding): string {
  const props = [
    `file=${escapeProperty(f.file)}`,
    `line=${f.line}`,
    `col=${f.column}`,
    `title=${escapeProperty(`versio ${f.check}`)}`,
  ].join(',');
  return `::${f.severity} ${props}::${escapeData(f.message)}`;
}

export function githubReport(report: CheckReport): string {
  const s = summarise(report);
  const lines = report.findings.map(annotation);
  lines.push(
    `versio check: ${s.errors} error(s), ${s.warnings} warning(s) in ${s.files} file(s), ${s.units} unit(s)`,
  );
  return `${lines.join('\n')}\n`;
}
