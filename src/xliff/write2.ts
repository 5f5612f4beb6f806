/**
 * XLIFF 2.1 writer (validates against xliff_2.1_core_and_modules.xsd).
 *
 * Written by hand rather than with the `xliff` package (js2xliff): for XLIFF 2 it keeps only one
 * `<segment>` per unit, writes no `state`, no `<ignorable>` and no module elements, turns a `<mrk>`
 * into an XML comment, and uses the document path as `<file id>` (an NMTOKEN: a path with `/` is
 * invalid). tests/unit/xliff-package.test.ts pins these defects.
 *
 * Mapping: one `<unit>` per block (type = kind), one `<segment>` per sentence, `<ignorable>` for
 * the text between sentences (XLIFF 2 ignorable: text kept with the unit but not translated), block
 * and file layout plus provenance in the Metadata module, glossary hits as `<mrk type="term">`
 * pointing at entries of the Glossary module, the engine's output in the Translation Candidates module.
 */

import type { Block, Document, Segment, TermSpan } from '../document.js';
import { engineLabel, reviewerNotes } from '../document-notes.js';
import { assertTargetMarks } from '../glossary/target-spans.js';
import { attrs, escapeText } from './escape.js';
import { eolName } from './layout.js';
import { markedText } from './marks.js';
import {
  ENGINE_OUTPUT_SUBTYPE,
  GLS_NS,
  GLS_PREFIX,
  KIND_TYPE_PREFIX,
  LAYOUT_CATEGORY,
  MDA_NS,
  MTC_NS,
  PROVENANCE_CATEGORY,
  VERSIO_NS,
  XLIFF2_NS,
} from './names2.js';
import type { XliffWriteOptions } from './options.js';
import { isMachine, toState2 } from './state.js';

export type { XliffWriteOptions } from './options.js';

const I = (depth: number): string => '  '.repeat(depth);

export function writeXliff2(doc: Document, _options: XliffWriteOptions = {}): string {
  const where = doc.path;
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff xmlns="${XLIFF2_NS}" xmlns:mda="${MDA_NS}" xmlns:gls="${GLS_NS}" xmlns:mtc="${MTC_NS}" xmlns:versio="${VERSIO_NS}"${attrs(
      [
        ['version', '2.1'],
        ['srcLang', doc.sourceLang],
        ['trgLang', doc.targetLang === '' ? undefined : doc.targetLang],
      ],
      where,
    )}>`,
    // xml:space="preserve": XLIFF 2 lets tools normalise whitespace by default; ours is content.
    `${I(1)}<file id="f1"${attrs([['original', doc.path]], where)} xml:space="preserve">`,
    ...metadata(
      2,
      [
        [
          LAYOUT_CATEGORY,
          undefined,
          [
            ['eol', eolName(doc.eol)],
            ['bom', doc.bom ? 'yes' : 'no'],
            ['before', doc.before],
          ],
        ],
      ],
      where,
    ),
  ];
  for (const block of doc.blocks) append(out, unit(block, doc.path));
  out.push(`${I(1)}</file>`, '</xliff>', '');
  return out.join('\n');
}

type MetaGroup = [
  category: string,
  appliesTo: string | undefined,
  metas: Array<[string, string | undefined]>,
];

function metadata(depth: number, groups: MetaGroup[], where: string): string[] {
  const lines = [`${I(depth)}<mda:metadata>`];
  for (const [category, appliesTo, metas] of groups) {
    lines.push(
      `${I(depth + 1)}<mda:metaGroup${attrs(
        [
          ['category', category],
          ['appliesTo', appliesTo],
        ],
        where,
      )}>`,
    );
    for (const [type, value] of metas) {
      if (value !== undefined)
        lines.push(`${I(depth + 2)}<mda:meta type="${type}">${escapeText(value, where)}</mda:meta>`);
    }
    lines.push(`${I(depth + 1)}</mda:metaGroup>`);
  }
  lines.push(`${I(depth)}</mda:metadata>`);
  return lines;
}

function unit(block: Block, file: string): string[] {
  const where = `${file}: block ${block.id}`;
  const at = (segment: Segment): string => `${file}: segment ${segment.id}`;
  const lines = [
    `${I(2)}<unit${attrs(
      [
        ['id', block.id],
        ['type', KIND_TYPE_PREFIX + block.kind],
      ],
      where,
    )}>`,
  ];
  const { lines: glossaryLines, entryOf } = glossary(block, where);
  append(lines, matches(block, at));
  append(lines, glossaryLines);
  const provenanceGroups: MetaGroup[] = block.segments.flatMap((s): MetaGroup[] =>
    s.provenance === undefined
      ? []
      : [
          [
            PROVENANCE_CATEGORY,
            'target',
            [
              ['segment', s.id],
              ['engine', engineLabel(s.provenance)],
              ['glossary-hash', s.provenance.glossaryHash],
              ['billed-characters', s.provenance.billedCharacters?.toString()],
            ],
          ],
        ],
  );
  append(
    lines,
    metadata(3, [[LAYOUT_CATEGORY, undefined, [['after', block.after]]], ...provenanceGroups], where),
  );
  const notes = block.segments.flatMap((s) =>
    reviewerNotes(s).map(
      (note) => `${I(4)}<note${attrs([['versio:segment', s.id]], at(s))}>${escapeText(note, at(s))}</note>`,
    ),
  );
  if (notes.length > 0) append(lines, [`${I(3)}<notes>`, ...notes, `${I(3)}</notes>`]);
  for (const segment of block.segments) {
    lines.push(segmentLine(segment, entryOf, at(segment)));
    if (segment.after !== '') {
      lines.push(`${I(3)}<ignorable><source>${escapeText(segment.after, at(segment))}</source></ignorable>`);
    }
  }
  // XLIFF 2 requires at least one segment or ignorable per unit: an empty block keeps an empty ignorable.
  if (block.segments.length === 0) lines.push(`${I(3)}<ignorable><source></source></ignorable>`);
  lines.push(`${I(2)}</unit>`);
  return lines;
}

/** push(...more) passes every line as an argument: a block of 100,000+ segments overflows the stack. */
function append(lines: string[], more: readonly string[]): void {
  for (const line of more) lines.push(line);
}

function segmentLine(segment: Segment, entryOf: (span: TermSpan) => string, where: string): string {
  const { state, subState } = toState2(segment.state);
  const mark =
    (prefix: string) =>
    (span: TermSpan, index: number): string =>
      `<mrk id="${segment.id}-${prefix}${index + 1}" type="term" ref="#${GLS_PREFIX}=${entryOf(span)}">`;
  const source = `<source>${markedText(segment.source, segment.spans, mark('m'), where)}</source>`;
  if (segment.target !== undefined) {
    assertTargetMarks(segment.target, segment.targetSpans ?? [], segment.spans, where);
  }
  const target =
    segment.target === undefined
      ? ''
      : `<target>${markedText(segment.target, segment.targetSpans ?? [], mark('t'), where)}</target>`;
  return `${I(3)}<segment${attrs(
    [
      ['id', segment.id],
      ['state', state],
      ['subState', subState],
    ],
    where,
  )}>${source}${target}</segment>`;
}

/** The engine's own output per segment, as Translation Candidates (`mtc:match type="mt"`). */
function matches(block: Block, at: (segment: Segment) => string): string[] {
  const items = block.segments.flatMap((s) => {
    const where = at(s);
    const text = isMachine(s.provenance) ? (s.provenance.machineTarget ?? s.target) : undefined;
    if (s.provenance === undefined || text === undefined) return [];
    return [
      `${I(4)}<mtc:match${attrs(
        [
          ['ref', `#${s.id}`],
          ['type', 'mt'],
          ['origin', engineLabel(s.provenance)],
          ['subType', ENGINE_OUTPUT_SUBTYPE],
        ],
        where,
      )}><source>${escapeText(s.source, where)}</source><target>${escapeText(text, where)}</target></mtc:match>`,
    ];
  });
  return items.length === 0 ? [] : [`${I(3)}<mtc:matches>`, ...items, `${I(3)}</mtc:matches>`];
}

/** One `gls:glossEntry` per distinct entry the block's spans use; `entryOf` gives a span's entry id. */
function glossary(block: Block, where: string): { lines: string[]; entryOf: (span: TermSpan) => string } {
  const ids = new Map<string, string>();
  const key = (span: TermSpan): string => JSON.stringify([span.entryId, span.target, span.policy]);
  const lines: string[] = [];
  const french = new Map<string, string>();
  for (const s of block.segments) {
    for (const span of s.spans)
      if (!french.has(span.entryId)) french.set(span.entryId, s.source.slice(span.start, span.end));
  }
  for (const s of block.segments) {
    for (const span of [...s.spans, ...(s.targetSpans ?? [])]) {
      if (ids.has(key(span))) continue;
      const id = `g${ids.size + 1}`;
      ids.set(key(span), id);
      lines.push(
        `${I(4)}<gls:glossEntry${attrs(
          [
            ['id', id],
            ['versio:entry', span.entryId],
            ['versio:policy', span.policy],
          ],
          where,
        )}><gls:term>${escapeText(french.get(span.entryId) ?? span.entryId, where)}</gls:term><gls:translation>${escapeText(span.target, where)}</gls:translation></gls:glossEntry>`,
      );
    }
  }
  return {
    lines: lines.length === 0 ? [] : [`${I(3)}<gls:glossary>`, ...lines, `${I(3)}</gls:glossary>`],
    // biome-ignore lint/style/noNonNullAssertion: asked only for spans of `block`, every one named above.
    entryOf: (span) => ids.get(key(span))!,
  };
}
