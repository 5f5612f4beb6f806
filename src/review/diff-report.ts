/**
 * `versio diff` output: a readable text report and a stable JSON one. Pure string building;
 * the command prints.
 */
import { type ChangedField, diffWords, type SegmentChange, type SegmentSide, type WordPart } from './diff.js';

/** Version tag of the JSON report; bumped only when a field changes meaning or goes away. */
export const DIFF_FORMAT = 'versio-diff/1';

/**
 * The JSON report. Fields:
 * - `format`: {@link DIFF_FORMAT}; `before`, `after`: the two files as given.
 * - `summary`: `segments` (in after), `changed`, `added`, `removed` (counts of `changes`).
 * - `changes[]`: {@link SegmentChange} (`id`, `kind`, `fields`, `before`, `after`), plus
 *   `targetWords` when both sides have a target and it changed: word runs with `op`
 *   `equal` | `insert` | `delete`, which concatenate back to either target.
 */
export interface DiffReport {
  format: typeof DIFF_FORMAT;
  before: string;
  after: string;
  summary: { segments: number; changed: number; added: number; removed: number };
  changes: Array<SegmentChange & { targetWords?: WordPart[] }>;
}

export function diffReport(
  changes: readonly SegmentChange[],
  paths: { before: string; after: string },
  segmentsAfter: number,
): DiffReport {
  const count = (kind: SegmentChange['kind']) => changes.filter((c) => c.kind === kind).length;
  return {
    format: DIFF_FORMAT,
    before: paths.before,
    after: paths.after,
    summary: {
      segments: segmentsAfter,
      changed: count('changed'),
      added: count('added'),
      removed: count('removed'),
    },
    changes: changes.map((change) => {
      const words = targetWords(change);
      return words ? { ...change, targetWords: words } : { ...change };
    }),
  };
}

function targetWords(change: SegmentChange): WordPart[] | undefined {
  const b = change.before?.target;
  const a = change.after?.target;
  if (!change.fields.includes('target') || b === undefined || a === undefined) return undefined;
  return diffWords(b, a);
}

export interface TextStyle {
  /** ANSI colours (a TTY without NO_COLOR); without them, inserts are `{+…+}` and deletes `[-…-]`. */
  color: boolean;
}

/** One block per changed segment, a blank line between blocks, and a summary line last. */
export function formatDiffText(report: DiffReport, style: TextStyle): string {
  const blocks = report.changes.map((change) => changeBlock(change, style));
  const { changed, added, removed, segments } = report.summary;
  const summary =
    report.changes.length === 0
      ? `no changes (${segments} segments)`
      : `${changed} changed, ${added} added, ${removed} removed (${segments} segments in ${report.after})`;
  return `${[...blocks, summary].join('\n\n')}\n`;
}

function changeBlock(change: DiffReport['changes'][number], style: TextStyle): string {
  const lines: string[] = [];
  if (change.kind === 'added') {
    lines.push(`${change.id}  added (${change.after.state})`, ...sideLines(change.after));
  } else if (change.kind === 'removed') {
    lines.push(`${change.id}  removed (was ${change.before.state})`, ...sideLines(change.before));
  } else {
    const { before: b, after: a } = change;
    const state = b.state === a.state ? a.state : `${b.state} → ${a.state}`;
    lines.push(`${change.id}  ${state}  (${describe(change.fields)})`);
    if (change.fields.includes('source'))
      lines.push(`  source before: ${b.source}`, `  source after:  ${a.source}`);
    else lines.push(`  source: ${a.source}`);
    lines.push(`  before: ${b.target ?? '(no target)'}`, `  after:  ${a.target ?? '(no target)'}`);
    if (change.targetWords) lines.push(`  words:  ${markWords(change.targetWords, style)}`);
  }
  return lines.join('\n');
}

function sideLines(side: SegmentSide): string[] {
  return [`  source: ${side.source}`, `  target: ${side.target ?? '(no target)'}`];
}

function describe(fields: readonly ChangedField[]): string {
  return `${fields.join(', ')} changed`;
}

export function markWords(parts: readonly WordPart[], style: TextStyle): string {
  return parts
    .map(({ op, text }) => {
      if (op === 'equal') return text;
      if (style.color)
        return op === 'insert' ? `\u001b[32;4m${text}\u001b[0m` : `\u001b[31;9m${text}\u001b[0m`;
      return op === 'insert' ? `{+${text}+}` : `[-${text}-]`;
    })
    .join('');
}
