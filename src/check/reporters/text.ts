/** Human report: findings grouped by file, one line each, and a summary line. Colour only when asked. */
import { atLeast } from '../finding.js';
import { type CheckReport, summarise } from '../report.js';

export interface TextOptions {
  color: boolean;
}

const paint = (code: number) => (on: boolean, s: string) => (on ? `\u001b[${code}m${s}\u001b[39m` : s);
const red = paint(31);
const yellow = paint(33);
const green = paint(32);
const dim = (on: boolean, s: string) => (on ? `\u001b[2m${s}\u001b[22m` : s);
const bold = (on: boolean, s: string) => (on ? `\u001b[1m${s}\u001b[22m` : s);

export function textReport(report: CheckReport, { color }: TextOptions): string {
  const lines: string[] = [];
  for (const file of report.files) {
    const mine = report.findings.filter((f) => f.file === file.path);
    if (mine.length === 0) continue;
    lines.push(bold(color, file.path));
    const placed = mine.map((f) => ({ f, place: `${f.line}:${f.column}` }));
    const width = Math.max(...placed.map(({ place }) => place.length));
    for (const { f, place } of placed) {
      const severity = f.severity === 'error' ? red(color, 'error  ') : yellow(color, 'warning');
      lines.push(`  ${dim(color, place.padEnd(width))}  ${severity}  ${f.message}  ${dim(color, f.check)}`);
    }
    lines.push('');
  }
  const s = summarise(report);
  const checked = `${s.files} file${s.files === 1 ? '' : 's'}, ${s.units} unit${s.units === 1 ? '' : 's'} checked`;
  if (report.findings.length === 0) {
    lines.push(green(color, `✓ ${checked}: no problems`));
  } else {
    const counts = `${s.errors} error${s.errors === 1 ? '' : 's'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}`;
    const failing = report.findings.some((f) => atLeast(f.severity, report.failOn));
    const line = `${failing ? '✖' : '!'} ${counts} (${checked}; failing at ${report.failOn})`;
    lines.push(failing ? red(color, line) : yellow(color, line));
  }
  return `${lines.join('\n')}\n`;
}
