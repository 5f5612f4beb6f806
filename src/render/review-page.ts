/**
 * The bilingual review page: one self-contained HTML5 file (inline CSS, no script, nothing
 * fetched — the Content-Security-Policy says so to the browser), source and target side by
 * side per segment, state, glossary terms, `versio check` findings and notes inline.
 * Output depends on the document alone (no clock), so a committed page changes only when the
 * translation does.
 */

import type { Block, Document, Segment, SegmentState, TermSpan } from '../document.js';
import { segmentsOf } from '../document.js';
import { engineLabel, reviewerNotes } from '../document-notes.js';
import { assertTargetMarks } from '../glossary/target-spans.js';
import type { Glossary } from '../glossary/types.js';
import { escapeHtml } from '../xml/escape.js';
import { dirAttribute } from './direction.js';
import { REVIEW_PAGE_CSS } from './review-page.css.js';
import { markTerms, type TermMark, termIndex, termMark, usedTerms } from './review-page-terms.js';

export { markTerms } from './review-page-terms.js';

/** What the page needs of a `versio check` finding (check/finding.ts `Finding` is one). */
export interface ReviewFinding {
  check: string;
  severity: string;
  /** Segment id (`p4.s2`), block id (`p4`), or absent for a document-wide finding. */
  unit?: string | undefined;
  message: string;
}

export interface ReviewPageOptions {
  findings?: readonly ReviewFinding[];
  /** Gives term highlights their type and note; without it a term shows its id and English form. */
  glossary?: Glossary;
  /** Page title; defaults to "Review: <document path>". */
  title?: string;
}

/** Nothing may load: no script, image, font, frame, connection, form target or base URL. */
export const REVIEW_PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; font-src 'none'; script-src 'none'; " +
  "connect-src 'none'; frame-src 'none'; form-action 'none'; base-uri 'none'";

/** In workflow order; the legend and the counts follow it. */
export const STATE_ORDER: readonly SegmentState[] = [
  'initial',
  'translated',
  'needs-review',
  'reviewed',
  'final',
];

export const STATE_LABELS: Record<SegmentState, string> = {
  initial: 'Initial',
  translated: 'Translated',
  'needs-review': 'Needs review',
  reviewed: 'Reviewed',
  final: 'Final',
};

const STATE_HINTS: Record<SegmentState, string> = {
  initial: 'no target yet',
  translated: 'machine or memory output, not yet reviewed',
  'needs-review': 'flagged: a check failed or the source changed',
  reviewed: 'a reviewer signed it off',
  final: 'approved for publication',
};

export function renderReviewPage(doc: Document, options: ReviewPageOptions = {}): string {
  const title = options.title ?? `Review: ${doc.path}`;
  const entries = new Map((options.glossary?.entries ?? []).map((e) => [e.id, e] as const));
  const findings = groupFindings(doc, options.findings ?? []);
  const terms = usedTerms(doc);
  const term = (span: TermSpan) => termMark(span, entries.get(span.entryId));
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${REVIEW_PAGE_CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="versio">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${REVIEW_PAGE_CSS}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="meta">${escapeHtml(doc.path)} · <span lang="${escapeHtml(doc.sourceLang)}">${escapeHtml(doc.sourceLang)}</span> → ` +
      `<span lang="${escapeHtml(doc.targetLang)}"${dirAttribute(doc.targetLang)}>${escapeHtml(doc.targetLang)}</span></p>`,
    counts(doc, options.findings ?? [], terms.size),
    legend(),
    findingList(findings.document, 'document-findings', 'Findings for the whole document'),
    '</header>',
    '<main>',
    ...doc.blocks.map((block) => blockSection(doc, block, findings, term)),
    '</main>',
    termIndex(terms, entries),
    '</body>',
    '</html>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n')
    .concat('\n');
}

interface GroupedFindings {
  bySegment: Map<string, ReviewFinding[]>;
  byBlock: Map<string, ReviewFinding[]>;
  document: ReviewFinding[];
}

/** A finding goes under its segment, else its block, else the page header (unknown ids are kept, not dropped). */
function groupFindings(doc: Document, findings: readonly ReviewFinding[]): GroupedFindings {
  const segmentIds = new Set(segmentsOf(doc).map((s) => s.id));
  const blockIds = new Set(doc.blocks.map((b) => b.id));
  const grouped: GroupedFindings = { bySegment: new Map(), byBlock: new Map(), document: [] };
  for (const finding of findings) {
    const id = finding.unit;
    if (id !== undefined && segmentIds.has(id)) push(grouped.bySegment, id, finding);
    else if (id !== undefined && blockIds.has(id)) push(grouped.byBlock, id, finding);
    else grouped.document.push(finding);
  }
  return grouped;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function counts(doc: Document, findings: readonly ReviewFinding[], termCount: number): string {
  const segments = segmentsOf(doc);
  const items = [
    `<li><strong>${segments.length}</strong> segments in <strong>${doc.blocks.length}</strong> blocks</li>`,
  ];
  for (const state of STATE_ORDER) {
    const n = segments.filter((s) => s.state === state).length;
    items.push(
      `<li class="state-${state}"><strong>${n}</strong> ${escapeHtml(STATE_LABELS[state].toLowerCase())}</li>`,
    );
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  items.push(
    `<li><strong>${findings.length}</strong> ${plural(findings.length, 'finding')} (${plural(errors, 'error', true)}, ${plural(warnings, 'warning', true)})</li>`,
    `<li><strong>${termCount}</strong> glossary ${plural(termCount, 'term')}</li>`,
  );
  return `<ul class="counts" aria-label="Counts">\n${items.join('\n')}\n</ul>`;
}

function plural(n: number, word: string, withCount = false): string {
  const form = n === 1 ? word : `${word}s`;
  return withCount ? `${n} ${form}` : form;
}

function legend(): string {
  const items = STATE_ORDER.map(
    (state) =>
      `<li class="state-${state}"><span class="badge">${STATE_LABELS[state]}</span> ${escapeHtml(STATE_HINTS[state])}</li>`,
  );
  return `<ul class="legend" aria-label="Legend: segment states">\n${items.join('\n')}\n</ul>`;
}

function blockSection(doc: Document, block: Block, findings: GroupedFindings, term: TermMark): string {
  return [
    `<section class="block block-${escapeHtml(block.kind)}" id="block-${escapeHtml(block.id)}" data-block="${escapeHtml(block.id)}">`,
    `<h2>${escapeHtml(block.id)} <span class="kind">${escapeHtml(block.kind)}</span></h2>`,
    findingList(findings.byBlock.get(block.id) ?? [], undefined, `Findings for ${block.id}`),
    ...block.segments.map((segment) =>
      segmentArticle(doc, segment, findings.bySegment.get(segment.id) ?? [], term),
    ),
    '</section>',
  ].join('\n');
}

function segmentArticle(
  doc: Document,
  segment: Segment,
  findings: readonly ReviewFinding[],
  term: TermMark,
): string {
  const id = escapeHtml(segment.id);
  if (segment.target !== undefined) {
    assertTargetMarks(segment.target, segment.targetSpans ?? [], segment.spans, `segment ${segment.id}`);
  }
  const target =
    segment.target === undefined || segment.target === ''
      ? '<p class="text missing">(no target)</p>'
      : `<p class="text" lang="${escapeHtml(doc.targetLang)}"${dirAttribute(doc.targetLang)}>${markTerms(segment.target, segment.targetSpans ?? [], term)}</p>`;
  const engine = segment.provenance && engineLabel(segment.provenance);
  const machine = segment.provenance?.machineTarget;
  const notes = reviewerNotes(segment);
  return [
    `<article class="segment state-${segment.state}" id="seg-${id}" data-segment="${id}" data-state="${segment.state}">`,
    '<div class="segment-head">',
    `<h3>${id}</h3>`,
    `<span class="badge" title="${escapeHtml(STATE_HINTS[segment.state])}">${STATE_LABELS[segment.state]}</span>`,
    engine === undefined ? '' : `<span class="provenance">from ${escapeHtml(engine)}</span>`,
    '</div>',
    '<div class="pair">',
    `<div class="cell source"><div class="lang-label">Source (${escapeHtml(doc.sourceLang)})</div>` +
      `<p class="text" lang="${escapeHtml(doc.sourceLang)}"${dirAttribute(doc.sourceLang)}>${markTerms(segment.source, segment.spans, term)}</p></div>`,
    `<div class="cell target"><div class="lang-label">Target (${escapeHtml(doc.targetLang)})</div>${target}</div>`,
    '</div>',
    machine === undefined
      ? ''
      : `<details class="machine"><summary>Engine output before review</summary><p class="text" lang="${escapeHtml(doc.targetLang)}"${dirAttribute(doc.targetLang)}>${escapeHtml(machine)}</p></details>`,
    findingList(findings, undefined, `Findings for ${segment.id}`),
    notes.length === 0
      ? ''
      : `<ul class="notes" aria-label="Notes for ${id}">\n${notes.map((n) => `<li class="note"><strong>Note:</strong> ${escapeHtml(n)}</li>`).join('\n')}\n</ul>`,
    '</article>',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

/** Under a segment or block the unit is implied; in the page header (`id` given) it is named. */
function findingList(findings: readonly ReviewFinding[], id: string | undefined, label: string): string {
  if (findings.length === 0) return '';
  const items = findings.map(
    (f) =>
      `<li class="finding finding-${escapeHtml(f.severity)}"><span class="severity">${escapeHtml(f.severity)}</span> ` +
      `<code>${escapeHtml(f.check)}</code>${id === undefined || f.unit === undefined ? '' : ` <code>${escapeHtml(f.unit)}</code>`} ${escapeHtml(f.message)}</li>`,
  );
  const idAttr = id === undefined ? '' : ` id="${id}"`;
  return `<ul class="findings"${idAttr} aria-label="${escapeHtml(label)}">\n${items.join('\n')}\n</ul>`;
}
